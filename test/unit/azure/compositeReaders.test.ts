// Types whose state ID is not a plain resource path, read through the resource that holds them (as azurerm's reads
// do): a private endpoint's application security group and a NIC IP configuration's backend pool (`a|b` IDs), a
// virtual network's DNS servers (`<vnet>/dnsServers/default`) and a role definition (`<definition id>|<scope>`).
// In sync when the parent holds them; gone from the parent → missing; changed → drift, wider role → error.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, nicBody, resourceGroupBody, vnetBody } from '../../fakes/arm/examples';
import { privateEndpointBody, rgPath } from '../../fakes/arm/specExamples2';
import { BUILT_IN_ROLES, roleDefinitionBody } from '../../fakes/arm/roleDefinitions';
import { driftsOf, scanTf, type StateEntry, assertAllInSync } from './tfScan';

const rg = rgPath('assoc');
const subnetId = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default`;
const peId = `${rg}/providers/Microsoft.Network/privateEndpoints/pe1`;
const asgId = `${rg}/providers/Microsoft.Network/applicationSecurityGroups/asg1`;
const nicId = `${rg}/providers/Microsoft.Network/networkInterfaces/nic1`;
const poolId = `${rg}/providers/Microsoft.Network/loadBalancers/lb1/backendAddressPools/pool1`;
const vnetId = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet1`;
const readerId = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES.Reader}`;

const tf = `
resource "azurerm_private_endpoint_application_security_group_association" "pe" {
  private_endpoint_id           = "${peId}"
  application_security_group_id = "${asgId}"
}
resource "azurerm_network_interface_backend_address_pool_association" "nic" {
  network_interface_id    = "${nicId}"
  ip_configuration_name   = "internal"
  backend_address_pool_id = "${poolId}"
}
resource "azurerm_virtual_network_dns_servers" "dns" {
  virtual_network_id = "${vnetId}"
  dns_servers        = ["10.0.0.4", "10.0.0.5"]
}
resource "azurerm_role_definition" "reader" {
  name               = "Reader"
  scope              = "/subscriptions/${SUB}"
  role_definition_id = "${BUILT_IN_ROLES.Reader}"
  permissions {
    actions     = ["*/read"]
    not_actions = []
  }
}
`;

const state: StateEntry[] = [
  ['azurerm_private_endpoint_application_security_group_association.pe', `${peId}|${asgId}`],
  ['azurerm_network_interface_backend_address_pool_association.nic', `${nicId}/ipConfigurations/internal|${poolId}`],
  ['azurerm_virtual_network_dns_servers.dns', `${vnetId}/dnsServers/default`],
  ['azurerm_role_definition.reader', `${readerId}|/subscriptions/${SUB}`],
];

describe('types read through the resource that holds them', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('assoc'));
    const pe = privateEndpointBody('assoc', 'pe1', subnetId, `${rg}/providers/Microsoft.Network/privateLinkServices/pls`);
    (pe.properties as { applicationSecurityGroups: unknown[] }).applicationSecurityGroups = [{ id: asgId }];
    fake.put(pe);
    const nic = nicBody('assoc', 'nic1', subnetId);
    ((nic.properties as { ipConfigurations: { properties: Record<string, unknown> }[] }).ipConfigurations[0].properties.loadBalancerBackendAddressPools = [{ id: poolId }]);
    fake.put(nic);
    fake.put(vnetBody('assoc', 'vnet1', { dns: ['10.0.0.4', '10.0.0.5'] }));
    fake.put(roleDefinitionBody('Reader'));
  });
  afterEach(() => fake.close());

  it('each is in sync while its parent holds it, verified, with nothing unverified', async () => {
    const r = await scanTf(fake, tf, state);
    assertAllInSync(r, 4);
  });

  it('removed from the parent → missing; reordered DNS servers and a wider role → drift', async () => {
    fake.patch(peId, (p) => ((p.properties as { applicationSecurityGroups: unknown[] }).applicationSecurityGroups = []));
    fake.patch(nicId, (n) => ((n.properties as { ipConfigurations: { properties: Record<string, unknown> }[] }).ipConfigurations[0].properties.loadBalancerBackendAddressPools = []));
    fake.patch(vnetId, (v) => ((v.properties as { dhcpOptions: { dnsServers: string[] } }).dhcpOptions.dnsServers = ['10.0.0.5', '10.0.0.4']));
    fake.patch(readerId, (d) => ((d.properties as { permissions: { actions: string[] }[] }).permissions[0].actions = ['*/read', 'Microsoft.Compute/virtualMachines/start/action']));
    const r = await scanTf(fake, tf, state);
    assert.equal(r.get('azurerm_private_endpoint_application_security_group_association.pe').status, 'missing');
    assert.equal(r.get('azurerm_network_interface_backend_address_pool_association.nic').status, 'missing');
    assert.deepEqual(driftsOf(r.get('azurerm_virtual_network_dns_servers.dns')), ['dns_servers: ["10.0.0.4","10.0.0.5"] → ["10.0.0.5","10.0.0.4"] (warning)']);
    assert.deepEqual(driftsOf(r.get('azurerm_role_definition.reader')), ['permissions.actions: ["*/read"] → ["*/read","microsoft.compute/virtualmachines/start/action"] (error)']);
  });
});
