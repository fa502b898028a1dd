// The resource providers the fake knows: namespaces, their resource types and api-versions, as
// `GET /subscriptions/{id}/providers/{namespace}` lists them (Providers_Get). Versions are real ones,
// newest first as the service lists them, with previews mixed in.
import { issue13Providers, issue13Types } from './catalog2';

export interface FakeResourceType {
  resourceType: string;
  apiVersions: string[];
  locations?: string[];
}

export const fakeProviders: Record<string, FakeResourceType[]> = {
  'Microsoft.Resources': [
    { resourceType: 'resourceGroups', apiVersions: ['2025-04-01', '2024-11-01', '2024-07-01', '2022-09-01', '2021-04-01'] },
    { resourceType: 'subscriptions', apiVersions: ['2025-04-01', '2022-12-01', '2021-04-01'] },
    { resourceType: 'resources', apiVersions: ['2025-04-01', '2024-11-01', '2021-04-01'] },
    { resourceType: 'providers', apiVersions: ['2025-04-01', '2024-11-01', '2021-04-01'] },
    { resourceType: 'deployments', apiVersions: ['2025-04-01', '2024-11-01', '2021-04-01'] },
  ],
  'Microsoft.Network': [
    { resourceType: 'virtualNetworks', apiVersions: ['2024-10-01-preview', '2024-05-01', '2024-03-01', '2023-11-01', '2023-09-01', '2022-07-01'] },
    { resourceType: 'virtualNetworks/subnets', apiVersions: ['2024-10-01-preview', '2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
    { resourceType: 'networkSecurityGroups', apiVersions: ['2024-10-01-preview', '2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
    { resourceType: 'networkSecurityGroups/securityRules', apiVersions: ['2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
    { resourceType: 'publicIPAddresses', apiVersions: ['2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
    { resourceType: 'networkInterfaces', apiVersions: ['2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
    { resourceType: 'routeTables', apiVersions: ['2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
    { resourceType: 'natGateways', apiVersions: ['2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
    { resourceType: 'applicationSecurityGroups', apiVersions: ['2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
    { resourceType: 'networkWatchers', apiVersions: ['2024-05-01', '2024-03-01', '2023-11-01', '2022-07-01'] },
  ],
  // Extension resources: they hang on a scope (subscription, resource group or resource).
  'Microsoft.Authorization': [
    { resourceType: 'roleAssignments', apiVersions: ['2022-05-01-preview', '2022-04-01', '2022-01-01-preview', '2020-10-01-preview', '2015-07-01'] },
    { resourceType: 'locks', apiVersions: ['2020-05-01', '2017-04-01', '2016-09-01', '2015-01-01'] },
    { resourceType: 'roleDefinitions', apiVersions: ['2022-05-01-preview', '2022-04-01', '2018-01-01-preview', '2015-07-01'] },
  ],
  // diagnosticSettings: the only stable version, 2016-09-01, is the older "service diagnostic settings" API.
  'Microsoft.Insights': [{ resourceType: 'diagnosticSettings', apiVersions: ['2021-05-01-preview', '2017-05-01-preview', '2016-09-01', '2015-07-01'] }],
  'Microsoft.Storage': [
    { resourceType: 'storageAccounts', apiVersions: ['2025-01-01', '2024-01-01', '2023-05-01', '2023-01-01', '2022-09-01', '2021-09-01', '2021-04-01'] },
    { resourceType: 'storageAccounts/blobServices', apiVersions: ['2025-01-01', '2024-01-01', '2023-05-01', '2023-01-01', '2022-09-01', '2021-09-01', '2021-04-01'] },
  ],
  'Microsoft.Compute': [
    { resourceType: 'virtualMachines', apiVersions: ['2024-11-01', '2024-07-01', '2024-03-01', '2023-09-01', '2023-03-01', '2022-11-01'] },
    { resourceType: 'disks', apiVersions: ['2024-03-02', '2023-10-02', '2023-04-02', '2022-07-02'] },
  ],
  'Microsoft.KeyVault': [{ resourceType: 'vaults', apiVersions: ['2024-12-01-preview', '2024-11-01', '2023-07-01', '2022-07-01', '2021-10-01'] }],
  'Microsoft.Web': [
    { resourceType: 'serverFarms', apiVersions: ['2024-04-01', '2023-12-01', '2023-01-01', '2022-09-01'] },
    { resourceType: 'sites', apiVersions: ['2024-04-01', '2023-12-01', '2023-01-01', '2022-09-01'] },
    { resourceType: 'sites/config', apiVersions: ['2024-04-01', '2023-12-01', '2023-01-01', '2022-09-01'] },
  ],
  'Microsoft.ContainerService': [{ resourceType: 'managedClusters', apiVersions: ['2025-02-02-preview', '2025-01-01', '2024-10-01', '2024-09-01', '2024-02-01'] }],
  // Issue 13 (types read in depth, azapi): one line per namespace, types from the specs' example folders.
  ...issue13Providers,
};

// Issue 13: more types in the namespaces above.
for (const [namespace, types] of Object.entries(issue13Types)) fakeProviders[namespace] = [...(fakeProviders[namespace] ?? []), ...types];

export function findNamespace(namespace: string): [string, FakeResourceType[]] | undefined {
  const key = Object.keys(fakeProviders).find((k) => k.toLowerCase() === namespace.toLowerCase());
  return key ? [key, fakeProviders[key]] : undefined;
}

export function findType(namespace: string, resourceType: string): FakeResourceType | undefined {
  return findNamespace(namespace)?.[1].find((t) => t.resourceType.toLowerCase() === resourceType.toLowerCase());
}
