// More GET bodies from the azure-rest-api-specs examples for the module-coverage types (as specExamples5.ts):
// Log Analytics solution and linked service, public and private DNS CNAME records, an application security group
// and a network watcher. Names, subscription and resource group replaced by the test's; the rest as served.
import type { ArmJson } from './server';
import { SUB } from './examples';

const rgId = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;

/**
 * Solutions_Get (operationsmanagement/…/Microsoft.OperationsManagement/preview/2015-11-01-preview/examples/SolutionGet.json);
 * the example's name "solution1" is given azurerm's `<solution>(<workspace>)` form, as every solution azurerm creates has.
 */
export function solutionSpecBody(rg: string, name: string, workspaceId: string): ArmJson {
  return {
    id: `${rgId(rg)}/providers/Microsoft.OperationsManagement/solutions/${name}`,
    location: 'East US',
    name,
    type: 'Microsoft.OperationsManagement/solutions',
    properties: {
      provisioningState: 'Succeeded',
      workspaceResourceId: workspaceId,
      containedResources: [`${rgId(rg)}/providers/provider1/resources/resource1`, `${rgId(rg)}/providers/provider2/resources/resource2`],
      referencedResources: [`${rgId(rg)}/providers/provider1/resources/resource2`, `${rgId(rg)}/providers/provider2/resources/resource3`],
    },
    plan: { name: 'name1', publisher: 'publisher1', promotionCode: 'promocode1', product: 'product1' },
  };
}

/**
 * LinkedServices_CreateOrUpdate 200 (operationalinsights/…/stable/2020-08-01/examples/LinkedServicesCreate.json), the
 * body GET answers too: the service lower-cases the whole ID and names it `<workspace>/<linked service>`.
 */
export function linkedServiceSpecBody(rg: string, workspace: string, clusterId: string): ArmJson {
  return {
    properties: { writeAccessResourceId: clusterId, provisioningState: 'Succeeded' },
    id: `${rgId(rg)}/providers/Microsoft.OperationalInsights/workspaces/${workspace}/linkedServices/Cluster`.toLowerCase(),
    name: `${workspace}/Cluster`,
    type: 'Microsoft.OperationalInsights/workspaces/linkedServices',
  };
}

/** RecordSets_Get CNAME (dns/…/Microsoft.Network/stable/2018-05-01/examples/GetCNAMERecordset.json): tags as `metadata`, `TTL` and `CNAMERecord` spelled so. */
export function dnsCnameSpecBody(rg: string, zone: string, name: string): ArmJson {
  return {
    id: `${rgId(rg)}/providers/Microsoft.Network/dnsZones/${zone}/CNAME/${name}`,
    etag: '00000000-0000-0000-0000-000000000000',
    name,
    type: 'Microsoft.Network/dnsZones/CNAME',
    properties: { metadata: { key1: 'value1' }, TTL: 3600, fqdn: `${name}.${zone}`, CNAMERecord: { cname: 'contoso.com' } },
  };
}

/** PrivateRecordSets_Get CNAME (privatedns/…/stable/2024-06-01/examples/RecordSetCNAMEGet.json): the service lower-cases the record name. */
export function privateCnameSpecBody(rg: string, zone: string, name: string): ArmJson {
  return {
    id: `${rgId(rg)}/providers/Microsoft.Network/privateDnsZones/${zone}/CNAME/${name.toLowerCase()}`,
    etag: '00000000-0000-0000-0000-000000000000',
    name: name.toLowerCase(),
    type: 'Microsoft.Network/privateDnsZones/CNAME',
    properties: { metadata: { key1: 'value1' }, ttl: 3600, fqdn: `${name.toLowerCase()}.${zone}.`, isAutoRegistered: false, cnameRecord: { cname: 'contoso.com' } },
  };
}

/** ApplicationSecurityGroups_Get (network/…/stable/2024-07-01/examples/ApplicationSecurityGroupGet.json): no tags at all. */
export function asgSpecBody(rg: string, name: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Network/applicationSecurityGroups/${name}`,
    type: 'Microsoft.Network/applicationSecurityGroups',
    location: 'westus',
    properties: { provisioningState: 'Succeeded', resourceGuid: '00000000-0000-0000-0000-000000000000' },
  };
}

/** NetworkWatchers_Get (network/…/stable/2024-07-01/examples/NetworkWatcherGet.json). */
export function networkWatcherSpecBody(rg: string, name: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Network/networkWatchers/${name}`,
    etag: 'W/"00000000-0000-0000-0000-000000000000"',
    type: 'Microsoft.Network/networkWatchers',
    location: 'eastus',
    tags: {},
    properties: { provisioningState: 'Succeeded' },
  };
}
