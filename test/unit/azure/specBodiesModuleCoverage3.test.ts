// The second module-coverage batch against the REST specs' GET examples: load balancer NAT rule, outbound rule
// and NAT pool (read through its load balancer; gone when the load balancer drops it), an AAAA record (IPv6 spellings
// compared as one address), a storage encryption scope, a Cosmos DB SQL role assignment (a broader scope is an
// error) and a virtual hub connection.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { aaaaSpecBody, cosmosRoleAssignmentSpecBody, encryptionScopeSpecBody, hubConnectionSpecBody, lbWithNatPoolBody, natRuleSpecBody, outboundRuleSpecBody } from '../../fakes/arm/specExamples8';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const rg = rgPath('net2');
const lbId = `${rg}/providers/Microsoft.Network/loadBalancers/lb1`;
const accountId = `${rg}/providers/Microsoft.Storage/storageAccounts/accountname`;
const cosmosId = `${rg}/providers/Microsoft.DocumentDB/databaseAccounts/myaccount`;
const hubId = `${rg}/providers/Microsoft.Network/virtualHubs/virtualHub1`;
const vnetId = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet1`;

const workspace = `
resource "azurerm_lb_nat_rule" "rdp" {
  name                           = "natRule1.1"
  resource_group_name            = "net2"
  loadbalancer_id                = "${lbId}"
  protocol                       = "Tcp"
  frontend_port                  = 3390
  backend_port                   = 3389
  frontend_ip_configuration_name = "ip1"
  idle_timeout_in_minutes        = 4
  tcp_reset_enabled              = true
  floating_ip_enabled            = false
}
resource "azurerm_lb_outbound_rule" "out" {
  name                     = "rule1"
  loadbalancer_id          = "${lbId}"
  protocol                 = "Tcp"
  backend_address_pool_id  = "${lbId}/backendAddressPools/bepool1"
  allocated_outbound_ports = 64
  idle_timeout_in_minutes  = 15
  tcp_reset_enabled        = true
  frontend_ip_configuration {
    name = "lbfrontend"
  }
}
resource "azurerm_lb_nat_pool" "pool" {
  name                           = "pool1"
  resource_group_name            = "net2"
  loadbalancer_id                = "${lbId}"
  protocol                       = "Tcp"
  frontend_port_start            = 8080
  frontend_port_end              = 8085
  backend_port                   = 8888
  frontend_ip_configuration_name = "fe-lb"
  floating_ip_enabled            = true
}
resource "azurerm_dns_aaaa_record" "v6" {
  name                = "record1"
  zone_name           = "zone1"
  resource_group_name = "net2"
  ttl                 = 3600
  records             = ["0:0:0:0:0:0:0:1"]
  tags = { key1 = "value1" }
}
resource "azurerm_storage_encryption_scope" "scope" {
  name               = "scope1"
  storage_account_id = "${accountId}"
  source             = "Microsoft.Storage"
  infrastructure_encryption_required = false
}
resource "azurerm_cosmosdb_sql_role_assignment" "ra" {
  name                = "myRoleAssignmentId"
  resource_group_name = "net2"
  account_name        = "myaccount"
  principal_id        = "myPrincipalId"
  role_definition_id  = "${cosmosId}/sqlRoleDefinitions/myRoleDefinitionId"
  scope               = "${cosmosId}/dbs/purchases/colls/redmond-purchases"
}
resource "azurerm_virtual_hub_connection" "conn" {
  name                      = "connection1"
  virtual_hub_id            = "${hubId}"
  remote_virtual_network_id = "${vnetId}"
  internet_security_enabled = false
}
`;

const natPoolState: [string, string][] = [['azurerm_lb_nat_pool.pool', `${lbId}/inboundNatPools/pool1`]];

describe('module-coverage mappers, second batch, against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('net2'));
    fake.put(lbWithNatPoolBody('net2', 'lb1', 'pool1'));
    fake.put(natRuleSpecBody('net2', 'lb1', 'natRule1.1'));
    fake.put(outboundRuleSpecBody('net2', 'lb1', 'rule1'));
    fake.put({ id: `${rg}/providers/Microsoft.Network/dnszones/zone1`, name: 'zone1', type: 'Microsoft.Network/dnszones', location: 'global', properties: {} });
    fake.put(aaaaSpecBody('net2', 'zone1', 'record1'));
    fake.put({ id: accountId, name: 'accountname', type: 'Microsoft.Storage/storageAccounts', location: 'westus', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: {} });
    fake.put(encryptionScopeSpecBody(accountId, 'scope1'));
    fake.put({ id: cosmosId, name: 'myaccount', type: 'Microsoft.DocumentDB/databaseAccounts', location: 'westus', properties: {} });
    fake.put(cosmosRoleAssignmentSpecBody('net2', 'myaccount', 'myRoleAssignmentId'));
    fake.put({ id: hubId, name: 'virtualHub1', type: 'Microsoft.Network/virtualHubs', location: 'westus', properties: {} });
    fake.put(hubConnectionSpecBody(hubId, 'connection1', vnetId));
  });
  afterEach(() => fake.close());

  it('reads each example in sync as the code writes it', async () => {
    const r = await scanTf(fake, workspace, natPoolState);
    assertAllInSync(r, 7);
  });

  it('finds each console change once, a broader role scope as an error; nothing else', async () => {
    fake.patch(`${lbId}/inboundNatRules/natRule1.1`, (n) => ((n.properties as { frontendPort: number }).frontendPort = 3389));
    fake.patch(`${lbId}/outboundRules/rule1`, (o) => ((o.properties as { allocatedOutboundPorts: number }).allocatedOutboundPorts = 1024));
    fake.patch(lbId, (l) => ((l.properties as { inboundNatPools: { properties: { backendPort: number } }[] }).inboundNatPools[0].properties.backendPort = 22));
    fake.patch(`${rg}/providers/Microsoft.Network/dnszones/zone1/AAAA/record1`, (a) => ((a.properties as { AAAARecords: unknown[] }).AAAARecords = [{ ipv6Address: '2001:db8::1' }]));
    fake.patch(`${accountId}/encryptionScopes/scope1`, (e) => ((e.properties as Record<string, unknown>).requireInfrastructureEncryption = true));
    fake.patch(`${cosmosId}/sqlRoleAssignments/myRoleAssignmentId`, (a) => ((a.properties as { scope: string }).scope = cosmosId));
    fake.patch(`${hubId}/hubVirtualNetworkConnections/connection1`, (c) => ((c.properties as { enableInternetSecurity: boolean }).enableInternetSecurity = true));
    const r = await scanTf(fake, workspace, natPoolState);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, [
      'azurerm_lb_nat_rule.rdp frontend_port: 3390 → 3389 (warning)',
      'azurerm_lb_outbound_rule.out allocated_outbound_ports: 64 → 1024 (warning)',
      'azurerm_lb_nat_pool.pool backend_port: 8888 → 22 (warning)',
      'azurerm_dns_aaaa_record.v6 records: ["0:0:0:0:0:0:0:1"] → ["2001:db8:0:0:0:0:0:1"] (warning)',
      'azurerm_storage_encryption_scope.scope infrastructure_encryption_required: false → true (warning)',
      `azurerm_cosmosdb_sql_role_assignment.ra scope: "${cosmosId}/dbs/purchases/colls/redmond-purchases" → "${cosmosId}" (error)`,
      'azurerm_virtual_hub_connection.conn internet_security_enabled: false → true (warning)',
    ]);
  });

  it('a NAT pool the load balancer no longer holds is missing; the load balancer answered for it', async () => {
    fake.patch(lbId, (l) => ((l.properties as { inboundNatPools: unknown[] }).inboundNatPools = []));
    const r = await scanTf(fake, workspace, natPoolState);
    assert.equal(r.get('azurerm_lb_nat_pool.pool').status, 'missing');
    assert.equal(r.resources.filter((x) => x.status === 'missing').length, 1);
  });
});
