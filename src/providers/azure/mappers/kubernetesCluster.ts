// azurerm_kubernetes_cluster ↔ Microsoft.ContainerService/managedClusters. `default_node_pool`
// is the first System-mode agent pool, as the azurerm provider reads it when state has no name.
import type { AzureMapper } from './types';
import { at, bool, deriveTracked, num, str, strings, trackedAttributes, trackedShape } from './common';

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
    default_node_pool: {
      block: 'list',
      attributes: { vm_size: { caseInsensitive: true }, vnet_subnet_id: { caseInsensitive: true }, zones: { set: true } },
    },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const pools = (p.agentPoolProfiles as Pool[] | undefined) ?? [];
    const system = pools.filter((x) => (x.mode ?? 'System').toLowerCase() === 'system');
    return {
      ...trackedShape(arm),
      kubernetes_version: str(p.kubernetesVersion),
      dns_prefix: str(p.dnsPrefix),
      // "Paid" is the tier's former name for "Standard".
      sku_tier: str(at(arm.sku, 'tier'))?.replace(/^Paid$/i, 'Standard') ?? 'Free',
      private_cluster_enabled: bool(at(p, 'apiServerAccessProfile.enablePrivateCluster'), false),
      role_based_access_control_enabled: bool(p.enableRBAC, true),
      default_node_pool: system.slice(0, 1).map((x) => ({
        name: str(x.name),
        vm_size: str(x.vmSize),
        node_count: num(x.count),
        auto_scaling_enabled: bool(x.enableAutoScaling, false),
        min_count: num(x.minCount),
        max_count: num(x.maxCount),
        os_disk_size_gb: num(x.osDiskSizeGB),
        vnet_subnet_id: str(x.vnetSubnetID),
        zones: strings(x.availabilityZones),
      })),
    };
  },
  deriveId: deriveTracked('Microsoft.ContainerService/managedClusters'),
};
