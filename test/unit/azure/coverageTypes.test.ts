// Issue 13: azurerm types read in depth, against the Azure REST API specs' own example bodies: in sync as
// written, console changes found with their severity, defaults as azurerm's read functions set them, Key
// Vault objects (data-plane IDs) read through Resource Manager without their values, and coverage counted.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, resourceGroupBody, keyVaultBody, vmBody } from '../../fakes/arm/examples';
import { applicationGatewayBody, bastionBody, identityBody, lbBody, lbProbeBody, peeringBody, policyAssignmentBody, privateEndpointBody, registryBody, rgPath, routeTableSpecBody, secretBody } from '../../fakes/arm/specExamples2';
import { azureCoverage } from '../../../src/providers/azure/coverage';
import { siteBodies } from '../../fakes/arm/specExamples';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const rg = rgPath('net');
const subnetId = `${rg}/providers/Microsoft.Network/virtualNetworks/myVnet/subnets/mySubnet`;
const plsId = `${rg}/providers/Microsoft.Network/privateLinkServices/testPls`;
const pipId = `${rg}/providers/Microsoft.Network/publicIPAddresses/pipName`;
const vaultId = `${rg}/providers/Microsoft.KeyVault/vaults/kv-app`;
const remoteVnet = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet2`;

const workspace = `
resource "azurerm_private_endpoint" "pe" {
  name                = "testPe"
  resource_group_name = "net"
  location            = "East US"
  subnet_id           = "${subnetId}"
  custom_network_interface_name = "testPeNic"
  private_service_connection {
    name                           = "plsconnection1"
    private_connection_resource_id = "${plsId.toLowerCase()}"
    is_manual_connection           = false
    subresource_names              = ["groupIdFromResource"]
  }
}
resource "azurerm_route_table" "rt" {
  name                = "testrt"
  resource_group_name = "net"
  location            = "westus"
  bgp_route_propagation_enabled = true
  route {
    name           = "route1"
    address_prefix = "10.0.3.0/24"
    next_hop_type  = "VirtualNetworkGateway"
  }
}
resource "azurerm_lb_probe" "probe" {
  name            = "probe1"
  loadbalancer_id = "${rg}/providers/Microsoft.Network/loadBalancers/lb"
  protocol        = "Http"
  port            = 80
  request_path    = "healthcheck.aspx"
  interval_in_seconds = 15
  number_of_probes    = 2
}
resource "azurerm_virtual_network_peering" "peer" {
  name                      = "peer"
  resource_group_name       = "net"
  virtual_network_name      = "vnet1"
  remote_virtual_network_id = "${remoteVnet}"
  allow_forwarded_traffic   = true
}
resource "azurerm_bastion_host" "bastion" {
  name                = "bastion1"
  resource_group_name = "net"
  location            = "westus"
  sku                 = "Standard"
  copy_paste_enabled  = true
  shareable_link_enabled = false
  ip_configuration {
    name                 = "bastionHostIpConfiguration"
    subnet_id            = "${subnetId}"
    public_ip_address_id = "${pipId}"
  }
  tags = { key1 = "value1" }
}
resource "azurerm_container_registry" "acr" {
  name                          = "myRegistry"
  resource_group_name           = "net"
  location                      = "westus"
  sku                           = "Standard"
  admin_enabled                 = false
  public_network_access_enabled = true
  tags = { key = "value" }
}
resource "azurerm_user_assigned_identity" "id" {
  name                = "identityName"
  resource_group_name = "net"
  location            = "eastus"
  tags = { key1 = "value1", key2 = "value2" }
}
`;

describe('azurerm types in depth (issue 13) against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('net'));
    fake.put(privateEndpointBody('net', 'testPe', subnetId, plsId));
    fake.put(routeTableSpecBody('net', 'testrt'));
    fake.put(lbBody('net', 'lb'));
    fake.put(lbProbeBody('net', 'lb', 'probe1'));
    fake.put({ id: `${rg}/providers/Microsoft.Network/virtualNetworks/vnet1`, name: 'vnet1', type: 'Microsoft.Network/virtualNetworks', location: 'westus', properties: {} });
    fake.put(peeringBody('net', 'vnet1', 'peer', remoteVnet));
    fake.put(bastionBody('net', 'bastion1', subnetId, pipId));
    fake.put(registryBody('net', 'myRegistry'));
    fake.put(identityBody('net', 'identityName'));
    fake.put(keyVaultBody('net', 'kv-app'));
    fake.put(secretBody(vaultId, 'db-password', { exp: 1767139200, contentType: 'text/plain' }));
  });
  afterEach(() => fake.close());

  it('reads each example in sync as the code writes it (IDs from names, no state)', async () => {
    const r = await scanTf(fake, workspace);
    assertAllInSync(r, 7);
  });

  it('finds each console change once, with exposure as an error; nothing else', async () => {
    fake.patch(`${rg}/providers/Microsoft.Network/routeTables/testrt`, (t) => {
      const p = t.properties as { disableBgpRoutePropagation: boolean; routes: unknown[] };
      p.disableBgpRoutePropagation = true;
      p.routes.push({ name: 'internet', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } });
    });
    fake.patch(`${rg}/providers/Microsoft.Network/loadBalancers/lb/probes/probe1`, (p) => ((p.properties as { port: number }).port = 8080));
    fake.patch(`${rg}/providers/Microsoft.Network/virtualNetworks/vnet1/virtualNetworkPeerings/peer`, (p) => ((p.properties as { allowForwardedTraffic: boolean }).allowForwardedTraffic = false));
    fake.patch(`${rg}/providers/Microsoft.Network/bastionHosts/bastion1`, (b) => ((b.properties as { enableShareableLink: boolean }).enableShareableLink = true));
    fake.patch(`${rg}/providers/Microsoft.ContainerRegistry/registries/myRegistry`, (a) => ((a.properties as { adminUserEnabled: boolean }).adminUserEnabled = true));
    fake.patch(`${rg}/providers/Microsoft.Network/privateEndpoints/testPe`, (e) => ((e.properties as { subnet: { id: string } }).subnet.id = subnetId.replace('mySubnet', 'otherSubnet')));
    const r = await scanTf(fake, workspace);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, [
      `azurerm_private_endpoint.pe subnet_id: "${subnetId}" → "${subnetId.replace('mySubnet', 'otherSubnet')}" (warning)`,
      'azurerm_route_table.rt bgp_route_propagation_enabled: true → false (warning)',
      'azurerm_route_table.rt route: [{"name":"route1","address_prefix":"10.0.3.0/24","next_hop_type":"virtualnetworkgateway"}] → [{"name":"internet","address_prefix":"0.0.0.0/0","next_hop_type":"internet"},{"name":"route1","address_prefix":"10.0.3.0/24","next_hop_type":"virtualnetworkgateway"}] (error)',
      'azurerm_lb_probe.probe port: 80 → 8080 (warning)',
      'azurerm_virtual_network_peering.peer allow_forwarded_traffic: true → false (warning)',
      'azurerm_bastion_host.bastion shareable_link_enabled: false → true (error)',
      'azurerm_container_registry.acr admin_enabled: false → true (error)',
    ]);
    assert.equal(r.resources.filter((x) => x.status === 'missing').length, 0);
  });

  it('a Key Vault secret: its data-plane ID is read through Resource Manager at key_vault_id, metadata only', async () => {
    const tf = `
resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = "hunter2-not-shown"
  key_vault_id    = "${vaultId}"
  content_type    = "text/plain"
  expiration_date = "2025-12-31T00:00:00Z"
}
resource "azurerm_key_vault_secret" "orphan" {
  name         = "db-password"
  value        = "x"
  key_vault_id = var.vault
}
variable "vault" {
  type = string
}
`;
    const dataPlane = 'https://kv-app.vault.azure.net/secrets/db-password/77445834f7de41bab81d0723bf996860';
    let r = await scanTf(fake, tf, [['azurerm_key_vault_secret.db', dataPlane], ['azurerm_key_vault_secret.orphan', dataPlane]]);
    const db = r.get('azurerm_key_vault_secret.db');
    assert.equal(db.status, 'in-sync', JSON.stringify(db.drifts));
    assert.deepEqual(db.unverifiedAttributes.map((u) => u.attribute), ['value']);
    assert.deepEqual(fake.requestsTo(`${vaultId}/secrets/db-password`).map((q) => q.method), ['GET']);
    // Without the vault's resource ID the secret cannot be placed in Resource Manager: unverified, never missing.
    assert.equal(r.get('azurerm_key_vault_secret.orphan').status, 'unverified');
    assert.match(r.get('azurerm_key_vault_secret.orphan').reason ?? '', /key_vault_id/);

    fake.patch(`${vaultId}/secrets/db-password`, (s) => ((s.properties as { attributes: { exp: number } }).attributes.exp = 1798675200));
    r = await scanTf(fake, tf, [['azurerm_key_vault_secret.db', dataPlane]]);
    assert.deepEqual(driftsOf(r.get('azurerm_key_vault_secret.db')), ['expiration_date: "2025-12-31T00:00:00Z" → "2026-12-31T00:00:00Z" (warning)']);
    assert.doesNotMatch(JSON.stringify(r.resources.map((x) => x.drifts)), /hunter2/);
  });

  it('a Key Vault access policy: read through its vault; wider live permissions are an error; a removed entry is missing', async () => {
    const oid = '00000000-0000-0000-0000-00000000abcd';
    fake.patch(vaultId, (v) => {
      (v.properties as Record<string, unknown>).accessPolicies = [{ tenantId: '00000000-0000-0000-0000-000000000000', objectId: oid, permissions: { secrets: ['get', 'list', 'set', 'delete'], keys: [], certificates: [] } }];
    });
    const tf = `
resource "azurerm_key_vault_access_policy" "app" {
  key_vault_id       = "${vaultId}"
  tenant_id          = "00000000-0000-0000-0000-000000000000"
  object_id          = data.azurerm_client_config.current.object_id
  secret_permissions = ["Get", "List"]
}
resource "azurerm_key_vault_access_policy" "gone" {
  key_vault_id       = "${vaultId}"
  tenant_id          = "00000000-0000-0000-0000-000000000000"
  object_id          = "11111111-0000-0000-0000-000000000000"
  secret_permissions = ["Get"]
}
`;
    const r = await scanTf(fake, tf, [['azurerm_key_vault_access_policy.app', `${vaultId}/objectId/${oid}`], ['azurerm_key_vault_access_policy.gone', `${vaultId}/objectId/11111111-0000-0000-0000-000000000000`]]);
    assert.deepEqual(driftsOf(r.get('azurerm_key_vault_access_policy.app')), ['secret_permissions: ["get","list"] → ["delete","get","list","set"] (error)']);
    assert.equal(r.get('azurerm_key_vault_access_policy.gone').status, 'missing');
  });

  it('a data disk attachment: read through its VM (VirtualMachines_Get dataDisks); a detached disk is missing', async () => {
    const vmId = `${rg}/providers/Microsoft.Compute/virtualMachines/vm1`;
    const diskId = `${rg}/providers/Microsoft.Compute/disks/data1`;
    const vm = vmBody('net', 'vm1');
    (vm.properties as { storageProfile: { dataDisks: unknown[] } }).storageProfile.dataDisks = [
      { lun: 0, name: 'data1', createOption: 'Attach', caching: 'ReadOnly', managedDisk: { storageAccountType: 'Premium_LRS', id: diskId.toUpperCase() }, deleteOption: 'Detach', diskSizeGB: 1023, toBeDetached: false, writeAcceleratorEnabled: false },
    ];
    fake.put(vm);
    const tf = `
resource "azurerm_virtual_machine_data_disk_attachment" "data" {
  managed_disk_id    = "${diskId}"
  virtual_machine_id = "${vmId}"
  lun                = 0
  caching            = "ReadWrite"
}
resource "azurerm_virtual_machine_data_disk_attachment" "gone" {
  managed_disk_id    = "${rg}/providers/Microsoft.Compute/disks/data2"
  virtual_machine_id = "${vmId}"
  lun                = 1
  caching            = "None"
}
`;
    const r = await scanTf(fake, tf);
    assert.deepEqual(driftsOf(r.get('azurerm_virtual_machine_data_disk_attachment.data')), ['caching: "ReadWrite" → "ReadOnly" (warning)']);
    assert.equal(r.get('azurerm_virtual_machine_data_disk_attachment.gone').status, 'missing');
  });

  it('function apps and Windows web apps read like Linux web apps (WebApps_Get + config/web): HTTPS off and TLS lowered are errors', async () => {
    const [site, config] = siteBodies('net', 'func1', { httpsOnly: false, minTlsVersion: '1.0' });
    fake.put({ ...site, kind: 'functionapp,linux' });
    fake.put(config);
    const tf = `
resource "azurerm_linux_function_app" "fn" {
  name                = "func1"
  resource_group_name = "net"
  location            = "West Europe"
  https_only          = true
  site_config {
    minimum_tls_version = "1.2"
  }
}
`;
    const r = await scanTf(fake, tf);
    assert.deepEqual(driftsOf(r.get('azurerm_linux_function_app.fn')), ['https_only: true → false (error)', 'site_config.minimum_tls_version: "1.2" → "1.0" (error)']);
  });

  it('a subscription policy assignment (PolicyAssignments_Get): parameters as JSON, enforcement turned off is an error', async () => {
    const sub = `/subscriptions/${SUB}`;
    fake.put(policyAssignmentBody(sub, 'EnforceNaming', { enforcementMode: 'DoNotEnforce', suffix: '-XX' }));
    const tf = `
resource "azurerm_subscription_policy_assignment" "naming" {
  name                 = "EnforceNaming"
  subscription_id      = "${sub}"
  policy_definition_id = "${sub}/providers/Microsoft.Authorization/policyDefinitions/ResourceNaming"
  display_name         = "Enforce resource naming rules"
  enforce              = true
  parameters = jsonencode({
    suffix = { value = "-LC" }
    prefix = { value = "DeptA" }
  })
}
`;
    const r = await scanTf(fake, tf);
    const drifts = driftsOf(r.get('azurerm_subscription_policy_assignment.naming'));
    assert.deepEqual(drifts.map((d) => d.split(':')[0] + d.slice(d.lastIndexOf(' '))), ['enforce (error)', 'parameters (warning)']);
    assert.match(drifts[1], /-XX/);
  });

  it('an application gateway: TLS floor lowered and the firewall set to detection are errors; its listeners are not read', async () => {
    fake.put(applicationGatewayBody('net', 'agw', { minTls: 'TLSv1_0', wafMode: 'Detection' }));
    const tf = `
resource "azurerm_application_gateway" "agw" {
  name                = "agw"
  resource_group_name = "net"
  location            = "eastus"
  zones               = ["3", "2", "1"]
  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
  ssl_policy {
    policy_type          = "Custom"
    min_protocol_version = "TLSv1_2"
  }
  waf_configuration {
    enabled          = true
    firewall_mode    = "Prevention"
    rule_set_version = "3.2"
  }
  http_listener {
    name = "l1"
  }
}
`;
    const agw = (await scanTf(fake, tf)).get('azurerm_application_gateway.agw');
    assert.deepEqual(driftsOf(agw), ['ssl_policy.min_protocol_version: "TLSv1_2" → "TLSv1_0" (error)', 'waf_configuration.firewall_mode: "Prevention" → "Detection" (error)']);
    assert.deepEqual(agw.unverifiedAttributes.map((u) => u.attribute), ['http_listener']);
  });

  it('unmanaged resources in a managed resource group are named by the new types', async () => {
    const r = await scanTf(fake, `resource "azurerm_resource_group" "net" {\n  name     = "net"\n  location = "westeurope"\n}\n`);
    const types = new Set(r.unmanaged.map((u) => u.type));
    for (const t of ['azurerm_private_endpoint', 'azurerm_route_table', 'azurerm_lb', 'azurerm_bastion_host', 'azurerm_container_registry', 'azurerm_user_assigned_identity', 'azurerm_key_vault']) assert.ok(types.has(t), `${t} among ${[...types].join(', ')}`);
    // Children are not top-level resources of the group: never listed as unmanaged on their own.
    assert.ok(!types.has('azurerm_lb_probe') && !types.has('azurerm_key_vault_secret') && !types.has('azurerm_virtual_network_peering'));
  });

  it('driftlens types: at least 40 Azure types in depth, data-plane objects say how they are read', () => {
    const rows = azureCoverage();
    const deep = rows.filter((r) => r.depth === 'deep');
    assert.ok(deep.length >= 40, `${deep.length} deep Azure types`);
    const by = new Map(rows.map((r) => [r.type, r]));
    assert.match(by.get('azurerm_key_vault_secret')?.note ?? '', /never the value/);
    assert.match(by.get('azurerm_key_vault_certificate')?.note ?? '', /not read/);
    assert.equal(by.get('azapi_resource')?.provider, 'azapi');
    assert.equal(by.get('azurerm_application_insights')?.reads, 'Microsoft.Insights/components@2020-02-02');
    assert.ok(SUB);
  });
});
