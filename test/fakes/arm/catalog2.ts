// Resource types of issue 13 (azurerm types in depth, azapi) for the fake's provider catalog, with
// api-versions the service lists (newest first, previews mixed in).
import type { FakeResourceType } from './catalog';

const network = ['2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'];

/** Namespaces the base catalog does not have. */
export const issue13Providers: Record<string, FakeResourceType[]> = {
  'Microsoft.App': [
    { resourceType: 'containerApps', apiVersions: ['2025-01-01', '2024-10-02-preview', '2024-03-01', '2023-05-01'] },
    { resourceType: 'managedEnvironments', apiVersions: ['2025-01-01', '2024-03-01', '2023-05-01'] },
  ],
  'Microsoft.ManagedIdentity': [{ resourceType: 'userAssignedIdentities', apiVersions: ['2024-11-30', '2023-01-31', '2018-11-30'] }],
  'Microsoft.OperationalInsights': [
    { resourceType: 'workspaces', apiVersions: ['2025-02-01', '2023-09-01', '2022-10-01', '2020-08-01'] },
    { resourceType: 'workspaces/linkedServices', apiVersions: ['2025-02-01', '2023-09-01', '2020-08-01'] },
  ],
  'Microsoft.NetApp': [
    { resourceType: 'netAppAccounts', apiVersions: ['2025-01-01', '2024-09-01', '2024-07-01'] },
    { resourceType: 'netAppAccounts/capacityPools', apiVersions: ['2025-01-01', '2024-09-01', '2024-07-01'] },
    { resourceType: 'netAppAccounts/capacityPools/volumes', apiVersions: ['2025-01-01', '2024-09-01', '2024-07-01'] },
  ],
  'Microsoft.Sql': [
    { resourceType: 'servers', apiVersions: ['2024-05-01-preview', '2023-08-01', '2021-11-01'] },
    { resourceType: 'servers/databases', apiVersions: ['2024-05-01-preview', '2023-08-01', '2021-11-01'] },
  ],
  'Microsoft.ContainerRegistry': [
    { resourceType: 'registries', apiVersions: ['2025-04-01', '2024-11-01-preview', '2023-07-01'] },
    { resourceType: 'registries/scopeMaps', apiVersions: ['2025-04-01', '2024-11-01-preview', '2023-07-01'] },
    { resourceType: 'registries/tokens', apiVersions: ['2025-04-01', '2024-11-01-preview', '2023-07-01'] },
  ],
  'Microsoft.DBforPostgreSQL': [{ resourceType: 'flexibleServers', apiVersions: ['2024-08-01', '2023-06-01-preview', '2022-12-01'] }],
  'Microsoft.DocumentDB': [
    { resourceType: 'databaseAccounts', apiVersions: ['2024-11-15', '2024-08-15', '2023-11-15'] },
    { resourceType: 'databaseAccounts/sqlRoleAssignments', apiVersions: ['2024-11-15', '2024-08-15', '2023-11-15'] },
  ],
  'Microsoft.Automation': [{ resourceType: 'automationAccounts', apiVersions: ['2024-10-23', '2023-11-01', '2023-05-15-preview', '2022-08-08'] }],
  'Microsoft.OperationsManagement': [{ resourceType: 'solutions', apiVersions: ['2015-11-01-preview'] }],
  // Tenant-scope types (no subscription lists them; the versions are the service's).
  'Microsoft.Management': [
    { resourceType: 'managementGroups', apiVersions: ['2023-04-01', '2021-04-01', '2020-10-01', '2020-05-01'] },
    { resourceType: 'managementGroups/subscriptions', apiVersions: ['2023-04-01', '2021-04-01', '2020-10-01'] },
  ],
};

/** More types in namespaces the base catalog has. */
export const issue13Types: Record<string, FakeResourceType[]> = {
  'Microsoft.Network': [
    { resourceType: 'privateEndpoints', apiVersions: network },
    { resourceType: 'privateDnsZones', apiVersions: ['2024-06-01', '2020-06-01', '2018-09-01'] },
    { resourceType: 'privateDnsZones/virtualNetworkLinks', apiVersions: ['2024-06-01', '2020-06-01', '2018-09-01'] },
    { resourceType: 'routeTables/routes', apiVersions: network },
    { resourceType: 'loadBalancers', apiVersions: network },
    { resourceType: 'loadBalancers/backendAddressPools', apiVersions: network },
    { resourceType: 'loadBalancers/probes', apiVersions: network },
    { resourceType: 'loadBalancers/loadBalancingRules', apiVersions: network },
    { resourceType: 'virtualNetworks/virtualNetworkPeerings', apiVersions: network },
    { resourceType: 'publicIPPrefixes', apiVersions: network },
    { resourceType: 'azureFirewalls', apiVersions: network },
    { resourceType: 'bastionHosts', apiVersions: network },
    { resourceType: 'applicationGateways', apiVersions: network },
    { resourceType: 'firewallPolicies', apiVersions: network },
    { resourceType: 'virtualWans', apiVersions: network },
    { resourceType: 'virtualHubs', apiVersions: network },
    { resourceType: 'vpnGateways', apiVersions: network },
    { resourceType: 'expressRouteGateways', apiVersions: network },
    { resourceType: 'ddosProtectionPlans', apiVersions: network },
    { resourceType: 'dnszones', apiVersions: ['2023-07-01-preview', '2018-05-01', '2017-10-01'] },
    { resourceType: 'dnszones/CNAME', apiVersions: ['2023-07-01-preview', '2018-05-01', '2017-10-01'] },
    { resourceType: 'privateDnsZones/CNAME', apiVersions: ['2024-06-01', '2020-06-01', '2018-09-01'] },
    { resourceType: 'dnszones/AAAA', apiVersions: ['2023-07-01-preview', '2018-05-01', '2017-10-01'] },
    { resourceType: 'privateDnsZones/AAAA', apiVersions: ['2024-06-01', '2020-06-01', '2018-09-01'] },
    { resourceType: 'loadBalancers/inboundNatRules', apiVersions: network },
    { resourceType: 'loadBalancers/outboundRules', apiVersions: network },
    { resourceType: 'virtualHubs/hubVirtualNetworkConnections', apiVersions: network },
  ],
  'Microsoft.Compute': [
    { resourceType: 'virtualMachineScaleSets/extensions', apiVersions: ['2024-11-01', '2024-07-01', '2024-03-01', '2023-09-01'] },
    { resourceType: 'virtualMachines/extensions', apiVersions: ['2024-11-01', '2024-07-01', '2024-03-01', '2023-09-01'] },
    { resourceType: 'virtualMachineScaleSets', apiVersions: ['2024-11-01', '2024-07-01', '2024-03-01', '2023-09-01'] },
    { resourceType: 'diskEncryptionSets', apiVersions: ['2024-03-02', '2023-10-02', '2023-04-02', '2022-07-02'] },
  ],
  'Microsoft.KeyVault': [
    { resourceType: 'vaults/secrets', apiVersions: ['2024-12-01-preview', '2024-11-01', '2023-07-01', '2022-07-01'] },
    { resourceType: 'vaults/keys', apiVersions: ['2024-12-01-preview', '2024-11-01', '2023-07-01', '2022-07-01'] },
  ],
  'Microsoft.Storage': [
    { resourceType: 'storageAccounts/blobServices/containers', apiVersions: ['2025-01-01', '2024-01-01', '2023-05-01', '2023-01-01'] },
    { resourceType: 'storageAccounts/encryptionScopes', apiVersions: ['2025-01-01', '2024-01-01', '2023-05-01', '2023-01-01'] },
  ],
  'Microsoft.Insights': [
    { resourceType: 'components', apiVersions: ['2020-02-02', '2018-05-01-preview', '2015-05-01'] },
    { resourceType: 'dataCollectionRuleAssociations', apiVersions: ['2023-03-11', '2022-06-01', '2021-09-01-preview'] },
  ],
  'Microsoft.Authorization': [{ resourceType: 'policyAssignments', apiVersions: ['2025-03-01', '2024-04-01', '2023-04-01', '2022-06-01'] }],
  'Microsoft.ContainerService': [{ resourceType: 'managedClusters/agentPools', apiVersions: ['2025-02-02-preview', '2025-01-01', '2024-10-01', '2024-09-01'] }],
};
