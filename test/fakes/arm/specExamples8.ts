// GET bodies from the azure-rest-api-specs examples for the second module-coverage batch (load balancer NAT and
// outbound rules, AAAA records, a storage encryption scope, a Cosmos DB SQL role assignment, a hub connection).
// Names, subscription and resource group replaced by the test's; the rest as served.
import type { ArmJson } from './server';
import { SUB } from './examples';

const rgId = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;

/** InboundNatRules_Get (network/…/stable/2024-07-01/examples/InboundNatRuleGet.json): no `type`, a scale-set NIC behind it. */
export function natRuleSpecBody(rg: string, lb: string, name: string): ArmJson {
  const lbId = `${rgId(rg)}/providers/Microsoft.Network/loadBalancers/${lb}`;
  return {
    name,
    id: `${lbId}/inboundNatRules/${name}`,
    type: 'Microsoft.Network/loadBalancers/inboundNatRules',
    properties: {
      provisioningState: 'Succeeded',
      frontendIPConfiguration: { id: `${lbId}/frontendIPConfigurations/ip1` },
      frontendPort: 3390,
      backendPort: 3389,
      enableFloatingIP: false,
      idleTimeoutInMinutes: 4,
      protocol: 'Tcp',
      enableTcpReset: true,
      backendIPConfiguration: { id: `${rgId(rg)}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss1/virtualMachines/1/networkInterfaces/nic1/ipConfigurations/ip1` },
    },
  };
}

/** LoadBalancerOutboundRules_Get (network/…/stable/2024-07-01/examples/LoadBalancerOutboundRuleGet.json). */
export function outboundRuleSpecBody(rg: string, lb: string, name: string): ArmJson {
  const lbId = `${rgId(rg)}/providers/Microsoft.Network/loadBalancers/${lb}`;
  return {
    name,
    id: `${lbId}/outboundRules/${name}`,
    type: 'Microsoft.Network/loadBalancers/outboundRules',
    etag: 'W/"00000000-0000-0000-0000-000000000000"',
    properties: {
      provisioningState: 'Succeeded',
      frontendIPConfigurations: [{ id: `${lbId}/frontendIPConfigurations/lbfrontend` }],
      allocatedOutboundPorts: 64,
      idleTimeoutInMinutes: 15,
      protocol: 'Tcp',
      enableTcpReset: true,
      backendAddressPool: { id: `${lbId}/backendAddressPools/bepool1` },
    },
  };
}

/**
 * A load balancer holding one inbound NAT pool, in the LoadBalancers_Get shape (network/…/stable/2024-07-01/examples/
 * LoadBalancerGet.json) with its `inboundNatPools` entry as the InboundNatPool schema defines it (no GET example
 * serves a pool on its own: pools have no GET).
 */
export function lbWithNatPoolBody(rg: string, lb: string, pool: string): ArmJson {
  const lbId = `${rgId(rg)}/providers/Microsoft.Network/loadBalancers/${lb}`;
  return {
    name: lb,
    id: lbId,
    type: 'Microsoft.Network/loadBalancers',
    location: 'eastus',
    sku: { name: 'Standard' },
    properties: {
      provisioningState: 'Succeeded',
      frontendIPConfigurations: [{ name: 'fe-lb', id: `${lbId}/frontendIPConfigurations/fe-lb`, properties: { privateIPAllocationMethod: 'Dynamic' } }],
      inboundNatPools: [
        {
          name: pool,
          id: `${lbId}/inboundNatPools/${pool}`,
          properties: { frontendIPConfiguration: { id: `${lbId}/frontendIPConfigurations/fe-lb` }, protocol: 'Tcp', frontendPortRangeStart: 8080, frontendPortRangeEnd: 8085, backendPort: 8888, idleTimeoutInMinutes: 10, enableFloatingIP: true, enableTcpReset: true, provisioningState: 'Succeeded' },
        },
      ],
    },
  };
}

/** RecordSets_Get AAAA (dns/…/stable/2018-05-01/examples/GetAAAARecordset.json): `::1`, `TTL`, tags as `metadata`. */
export function aaaaSpecBody(rg: string, zone: string, name: string): ArmJson {
  return {
    id: `${rgId(rg)}/providers/Microsoft.Network/dnsZones/${zone}/AAAA/${name}`,
    etag: '00000000-0000-0000-0000-000000000000',
    name,
    type: 'Microsoft.Network/dnsZones/AAAA',
    properties: { metadata: { key1: 'value1' }, TTL: 3600, fqdn: `${name}.${zone}`, AAAARecords: [{ ipv6Address: '::1' }] },
  };
}

/** EncryptionScopes_Get (storage/…/stable/2025-01-01/examples/StorageAccountGetEncryptionScope.json): Microsoft-managed keys, no Key Vault properties. */
export function encryptionScopeSpecBody(accountId: string, name: string): ArmJson {
  return {
    id: `${accountId}/encryptionScopes/${name}`,
    name,
    type: 'Microsoft.Storage/storageAccounts/encryptionScopes',
    properties: { source: 'Microsoft.Storage', state: 'Enabled', creationTime: '2018-10-16T02:42:41.7633306Z', lastModifiedTime: '2018-10-16T02:42:41.7633306Z' },
  };
}

/** SqlResources_GetSqlRoleAssignment (cosmos-db/…/stable/2024-11-15/examples/CosmosDBSqlRoleAssignmentGet.json): scoped to one container. */
export function cosmosRoleAssignmentSpecBody(rg: string, account: string, name: string): ArmJson {
  const acct = `${rgId(rg)}/providers/Microsoft.DocumentDB/databaseAccounts/${account}`;
  return {
    id: `${acct}/sqlRoleAssignments/${name}`,
    name,
    type: 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
    properties: { roleDefinitionId: `${acct}/sqlRoleDefinitions/myRoleDefinitionId`, scope: `${acct}/dbs/purchases/colls/redmond-purchases`, principalId: 'myPrincipalId' },
  };
}

/**
 * HubVirtualNetworkConnections_Get (network/…/stable/2024-07-01/examples/HubVirtualNetworkConnectionGet.json); the
 * example's ID says "virtualHubVnetConnections", but the resource lives at the path it was asked by
 * (`…/hubVirtualNetworkConnections/…`), which is the ID used here. Routing configuration as served.
 */
export function hubConnectionSpecBody(hubId: string, name: string, vnetId: string): ArmJson {
  return {
    name,
    id: `${hubId}/hubVirtualNetworkConnections/${name}`,
    type: 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections',
    etag: 'w/\\00000000-0000-0000-0000-000000000000\\',
    properties: {
      provisioningState: 'Succeeded',
      remoteVirtualNetwork: { id: vnetId },
      enableInternetSecurity: false,
      routingConfiguration: {
        associatedRouteTable: { id: `${hubId}/hubRouteTables/hubRouteTable1` },
        propagatedRouteTables: { labels: ['label1', 'label2'], ids: [{ id: `${hubId}/hubRouteTables/hubRouteTable1` }, { id: `${hubId}/hubRouteTables/hubRouteTable2` }] },
        vnetRoutes: { staticRoutesConfig: { propagateStaticRoutes: true, vnetLocalRouteOverrideCriteria: 'Equal' }, staticRoutes: [{ name: 'route1', addressPrefixes: ['10.1.0.0/16', '10.2.0.0/16'], nextHopIpAddress: '10.0.0.68' }] },
      },
    },
  };
}
