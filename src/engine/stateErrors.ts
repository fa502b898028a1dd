// A root module without usable state is one problem, however many resources it leaves without a
// cloud ID: one `state` error per root, only when some instance needed the state (Azure IDs derived
// from name and resource group need none), and only when resolution has not reported it already.
import type { ScanError } from '../model';
import type { InstanceRoot } from './resolve';

export function noStateErrors(roots: readonly InstanceRoot[], reported: readonly ScanError[]): ScanError[] {
  const out: ScanError[] = [];
  for (const root of roots) {
    if (!root.noState) continue;
    const { reason, file } = root.noState;
    if (reported.some((e) => (e.kind === 'state' || e.kind === 'config') && (e.file === file || e.message.includes(reason)))) continue;
    const count = root.instances.filter((i) => i.unverifiedReason === reason && !i.liveId).length;
    if (count === 0) continue;
    out.push({ kind: 'state', message: `${reason} (${count} resource instance${count === 1 ? '' : 's'} without a cloud ID)`, severity: 'warning' });
  }
  return out;
}
