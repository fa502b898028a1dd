// azurerm_kubernetes_cluster_node_pool ↔ Microsoft.ContainerService/managedClusters/agentPools. Read as
// resourceKubernetesClusterNodePoolRead (azurerm 4.x, containers/kubernetes_cluster_node_pool_resource.go):
// nil counts 0, mode "User", os_disk_type "Managed" and priority "Regular" when absent, orchestrator_version
// falling back to currentOrchestratorVersion; zones a set, node_labels a map, node_taints a list.
import type { AzureMapper } from './types';
import { armIdPolicy, bool, exposedWhen, num, str, strings } from './common';
import { childOf, parentId } from './parentIds';

export const aksNodePool: AzureMapper = {
  type: 'azurerm_kubernetes_cluster_node_pool',
  armType: 'Microsoft.ContainerService/managedClusters/agentPools',
  attributes: {
    name: {},
    kubernetes_cluster_id: armIdPolicy,
    vm_size: { caseInsensitive: true },
    node_count: {},
    auto_scaling_enabled: {},
    enable_auto_scaling: {},
    min_count: {},
    max_count: {},
    max_pods: {},
    mode: { caseInsensitive: true },
    os_type: { caseInsensitive: true },
    os_sku: { caseInsensitive: true },
    os_disk_size_gb: {},
    os_disk_type: { caseInsensitive: true },
    priority: { caseInsensitive: true },
    orchestrator_version: {},
    vnet_subnet_id: armIdPolicy,
    pod_subnet_id: armIdPolicy,
    zones: { set: true },
    node_labels: {},
    node_taints: {},
    // Nodes with their own public IPs are reachable from the Internet: turning it on widens exposure.
    node_public_ip_enabled: { severity: exposedWhen((v) => v === true) },
    host_encryption_enabled: {},
    fips_enabled: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const autoscale = bool(p.enableAutoScaling, false);
    return {
      name: arm.name,
      kubernetes_cluster_id: parentId(arm.id),
      vm_size: str(p.vmSize) ?? '',
      node_count: num(p.count) ?? 0,
      auto_scaling_enabled: autoscale,
      enable_auto_scaling: autoscale,
      min_count: num(p.minCount) ?? 0,
      max_count: num(p.maxCount) ?? 0,
      max_pods: num(p.maxPods) ?? 0,
      mode: str(p.mode) || 'User',
      os_type: str(p.osType) ?? '',
      os_sku: str(p.osSKU) ?? '',
      os_disk_size_gb: num(p.osDiskSizeGB) ?? 0,
      os_disk_type: str(p.osDiskType) || 'Managed',
      priority: str(p.scaleSetPriority) || 'Regular',
      orchestrator_version: str(p.orchestratorVersion) ?? str(p.currentOrchestratorVersion) ?? '',
      vnet_subnet_id: str(p.vnetSubnetID) ?? '',
      pod_subnet_id: str(p.podSubnetID) ?? '',
      zones: strings(p.availabilityZones),
      node_labels: { ...((p.nodeLabels as Record<string, string> | undefined) ?? {}) },
      node_taints: strings(p.nodeTaints),
      node_public_ip_enabled: bool(p.enableNodePublicIP, false),
      host_encryption_enabled: bool(p.enableEncryptionAtHost, false),
      fips_enabled: bool(p.enableFIPS, false),
    };
  },
  deriveId: childOf('kubernetes_cluster_id', 'agentPools'),
};
