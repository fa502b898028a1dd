// The live side of test/fixtures/azure/azurerm-azapi (issue 13's "Must show"): bodies from the Azure
// REST API specs' examples for the new azurerm types and the azapi resources, in sync with the code,
// and the console drift applied to several of them.
import { SUB, keyVaultBody, resourceGroupBody, storageBody } from './examples';
import { bastionBody, containerAppBody, identityBody, privateEndpointBody, registryBody, routeTableSpecBody, secretBody } from './specExamples2';
import type { FakeArm } from './server';

const rg = `/subscriptions/${SUB}/resourceGroups/app`;

export const issue13Ids = {
  app: `${rg}/providers/Microsoft.App/containerApps/web`,
  storage: `${rg}/providers/Microsoft.Storage/storageAccounts/appsa01`,
  routeTable: `${rg}/providers/Microsoft.Network/routeTables/app-rt`,
  registry: `${rg}/providers/Microsoft.ContainerRegistry/registries/appacr01`,
  identity: `${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/app-id`,
  vault: `${rg}/providers/Microsoft.KeyVault/vaults/app-kv-01`,
  secret: `${rg}/providers/Microsoft.KeyVault/vaults/app-kv-01/secrets/db-password`,
  subnet: `${rg}/providers/Microsoft.Network/virtualNetworks/app-vnet/subnets/endpoints`,
  bastionSubnet: `${rg}/providers/Microsoft.Network/virtualNetworks/app-vnet/subnets/AzureBastionSubnet`,
  pip: `${rg}/providers/Microsoft.Network/publicIPAddresses/bastion-pip`,
  /** Made in the console; no code declares it. */
  stray: `/subscriptions/${SUB}/resourcegroups/app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/handmade-id`,
};

export function seedIssue13Workspace(fake: FakeArm): void {
  const id = issue13Ids;
  fake.put(resourceGroupBody('app', 'westeurope'));
  fake.put(containerAppBody('app', 'web'));
  fake.put(storageBody('app', 'appsa01', { publicNetwork: 'Disabled' }));
  fake.put(routeTableSpecBody('app', 'app-rt'));
  fake.put(registryBody('app', 'appacr01', { publicNetwork: 'Disabled' }));
  fake.put(identityBody('app', 'app-id'));
  fake.put(keyVaultBody('app', 'app-kv-01'));
  fake.put(secretBody(id.vault, 'db-password', { exp: 1767139200, contentType: 'password' }));
  fake.put(privateEndpointBody('app', 'app-pe', id.subnet, id.registry));
  fake.put(bastionBody('app', 'app-bastion', id.bastionSubnet, id.pip));
  fake.put(identityBody('app', 'handmade-id'));
}

/**
 * Console drift on new types and azapi bodies: the container app's ingress port, the storage account's
 * public access turned on (set by an azapi_update_resource), BGP propagation off, the registry's admin
 * user on, an identity's tag, the secret's expiry moved.
 */
export function applyIssue13ConsoleDrift(fake: FakeArm): void {
  const id = issue13Ids;
  fake.patch(id.app, (a) => ((a.properties as { configuration: { ingress: { targetPort: number } } }).configuration.ingress.targetPort = 8080));
  fake.patch(id.storage, (s) => ((s.properties as Record<string, unknown>).publicNetworkAccess = 'Enabled'));
  fake.patch(id.routeTable, (t) => ((t.properties as Record<string, unknown>).disableBgpRoutePropagation = true));
  fake.patch(id.registry, (r) => ((r.properties as Record<string, unknown>).adminUserEnabled = true));
  fake.patch(id.identity, (i) => (i.tags = { key1: 'value1', key2: 'changed' }));
  fake.patch(id.secret, (s) => ((s.properties as { attributes: Record<string, unknown> }).attributes.exp = 1798675200));
}
