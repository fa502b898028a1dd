// azurerm_kubernetes_cluster ↔ Microsoft.ContainerService/managedClusters. `default_node_pool` is the
// agent pool the code names, as findDefaultNodePool does (azurerm 4.x, containers/kubernetes_nodepool.go);
// only without a name does it fall back to the first System-mode pool. FlattenDefaultNodePool reads
// absent counts and sizes as 0 and an absent subnet as ""; the cluster read absent RBAC as true.
import type { AzureMapper } from './types';
import type { Value } from '../../../model';
import { at, bool, deriveTracked, num, str, strings, trackedAttributes, trackedShape } from './common';
import { identityPolicy, systemOrUserAssignedIdentity } from './identity';

interface Pool {
  name?: string;
  mode?: string;
  vmSize?: string;
  count?: number;
  enableAutoScaling?: boolean;
  minCount?: number;
  maxCount?: number;
  osDiskSizeGB?: number;
  vnetSubnetID?: string;
  availabilityZones?: string[];
}

export const kubernetesCluster: AzureMapper = {
  type: 'azurerm_kubernetes_cluster',
  armType: 'Microsoft.ContainerService/managedClusters',
  attributes: {
    ...trackedAttributes,
    kubernetes_version: {},
    dns_prefix: {},
    sku_tier: { caseInsensitive: true },
    private_cluster_enabled: {},
    role_based_access_control_enabled: {},
    // flattenClusterIdentity → identity.FlattenSystemOrUserAssignedMap.
    identity: identityPolicy,
    default_node_pool: {
      block: 'list',
      attributes: { vm_size: { caseInsensitive: true }, vnet_subnet_id: { caseInsensitive: true }, zones: { set: true } },
    },
  },
  map(arm, _extras, declared) {
    const p = arm.properties ?? {};
    const pools = (p.agentPoolProfiles as Pool[] | undefined) ?? [];
    const named = declaredPoolName(declared);
    // A pool name is case-sensitive in azurerm's lookup (v.Name == defaultNodePoolName).
    const chosen = named !== undefined ? pools.filter((x) => x.name === named) : pools.filter((x) => x.name && (x.mode ?? 'System').toLowerCase() === 'system');
    return {
      ...trackedShape(arm),
      kubernetes_version: str(p.kubernetesVersion) ?? '',
      dns_prefix: str(p.dnsPrefix) ?? '',
      // "Paid" is the tier's former name for "Standard".
      sku_tier: str(at(arm.sku, 'tier'))?.replace(/^Paid$/i, 'Standard') ?? 'Free',
      private_cluster_enabled: bool(at(p, 'apiServerAccessProfile.enablePrivateCluster'), false),
      role_based_access_control_enabled: bool(p.enableRBAC, true),
      identity: systemOrUserAssignedIdentity(arm),
      default_node_pool: chosen.slice(0, 1).map((x) => ({
        name: str(x.name),
        vm_size: str(x.vmSize) ?? '',
        node_count: num(x.count) ?? 0,
        auto_scaling_enabled: bool(x.enableAutoScaling, false),
        enable_auto_scaling: bool(x.enableAutoScaling, false),
        min_count: num(x.minCount) ?? 0,
        max_count: num(x.maxCount) ?? 0,
        os_disk_size_gb: num(x.osDiskSizeGB) ?? 0,
        vnet_subnet_id: str(x.vnetSubnetID) ?? '',
        zones: strings(x.availabilityZones),
        // Not an API field: FlattenDefaultNodePool carries it from the configuration (d.Get), so it never differs.
        temporary_name_for_rotation: declaredPoolField(declared, 'temporary_name_for_rotation') ?? '',
      })),
    };
  },
  deriveId: deriveTracked('Microsoft.ContainerService/managedClusters'),
};

/** `default_node_pool { name = "…" }` when the code says it (a literal or a resolved value). */
function declaredPoolName(declared: Record<string, Value> | undefined): string | undefined {
  return declaredPoolField(declared, 'name');
}

function declaredPoolField(declared: Record<string, Value> | undefined, field: string): string | undefined {
  const blocks = declared?.default_node_pool;
  const first = Array.isArray(blocks) ? blocks[0] : undefined;
  const value = first && typeof first === 'object' && !Array.isArray(first) ? first[field] : undefined;
  return typeof value === 'string' && value ? value : undefined;
}
