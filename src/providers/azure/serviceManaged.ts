// Resources an Azure service creates and owns: not the user's to manage, so not "unmanaged" noise.
// Each rule returns the owner that proves it (shown with --include-service-managed), or undefined.
import type { ArmResource } from './mappers/types';
import { parseArmId } from './armId';

/**
 * Who owns a listed resource: its `managedBy` (an AKS cluster for its disks, a VM for its OS disk),
 * the AKS node resource group `MC_<rg>_<cluster>_<region>`, Network Watcher's own group and
 * watchers (created per region when a virtual network is), or an `aks-managed-*` tag set by AKS.
 */
export function serviceOwner(r: ArmResource): string | undefined {
  if (typeof r.managedBy === 'string' && r.managedBy) return r.managedBy;
  const rg = parseArmId(r.id)?.resourceGroup ?? '';
  if (/^MC_/i.test(rg)) return `AKS node resource group ${rg}`;
  if (rg.toLowerCase() === 'networkwatcherrg') return 'Network Watcher (NetworkWatcherRG)';
  if (r.type?.toLowerCase() === 'microsoft.network/networkwatchers' && /^NetworkWatcher_/i.test(r.name ?? '')) return 'Network Watcher (created per region)';
  const tag = Object.keys(r.tags ?? {}).find((k) => /^aks-managed-/i.test(k));
  if (tag) return `AKS (tag ${tag})`;
  return undefined;
}
