// Types read in depth before, proven now on the REST specs' own GET examples: a Linux scale set, a scale-set
// extension and a VM extension (one shared extension reader), a load balancer backend pool and rule, a public IP
// prefix and a NAT gateway. In sync as a user writes them; console changes found once each; nothing else.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { lbPoolSpecBody, lbRuleSpecBody, natGatewaySpecBody, publicIpPrefixSpecBody, scaleSetExtensionSpecBody, scaleSetSpecBody, vmExtensionSpecBody } from '../../fakes/arm/specExamples6';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const rg = rgPath('compute');
const vmssId = `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/myVirtualMachineScaleSet`;
const vmId = `${rg}/providers/Microsoft.Compute/virtualMachines/myVM`;
const lbId = `${rg}/providers/Microsoft.Network/loadBalancers/lb1`;

const workspace = `
resource "azurerm_linux_virtual_machine_scale_set" "vmss" {
  name                   = "myVirtualMachineScaleSet"
  resource_group_name    = "compute"
  location               = "West US"
  sku                    = "Standard_D2s_v3"
  instances              = 4
  admin_username         = "admin"
  computer_name_prefix   = "myVirtualMachineScaleSet"
  upgrade_mode           = "Automatic"
  overprovision          = false
  single_placement_group = false
  platform_fault_domain_count = 1
  tags = { myTag1 = "tagValue1" }
}
resource "azurerm_virtual_machine_scale_set_extension" "ext" {
  name                         = "health"
  virtual_machine_scale_set_id = "${vmssId}"
  publisher                    = "{extension-Publisher}"
  type                         = "{extension-Type}"
  type_handler_version         = "{handler-version}"
  auto_upgrade_minor_version   = true
  automatic_upgrade_enabled    = true
  failure_suppression_enabled  = true
  force_update_tag             = "aaaaaaaaa"
  provision_after_extensions   = ["aa"]
}
resource "azurerm_virtual_machine_extension" "vmext" {
  name                        = "myVMExtension"
  virtual_machine_id          = "${vmId}"
  publisher                   = "extPublisher"
  type                        = "extType"
  type_handler_version        = "1.2"
  auto_upgrade_minor_version  = true
  automatic_upgrade_enabled   = true
  failure_suppression_enabled = true
  tags = { key9183 = "aa" }
}
resource "azurerm_lb_backend_address_pool" "pool" {
  name            = "backend"
  loadbalancer_id = "${lbId}"
}
resource "azurerm_lb_rule" "rule" {
  name                           = "rule1"
  loadbalancer_id                = "${lbId}"
  protocol                       = "Tcp"
  frontend_port                  = 80
  backend_port                   = 80
  frontend_ip_configuration_name = "lbfrontend"
  backend_address_pool_ids       = ["${lbId}/backendAddressPools/bepool1"]
  probe_id                       = "${lbId}/probes/probe1"
  floating_ip_enabled            = false
  tcp_reset_enabled              = true
  idle_timeout_in_minutes        = 15
  load_distribution              = "Default"
}
resource "azurerm_public_ip_prefix" "prefix" {
  name                = "test-ipprefix"
  resource_group_name = "compute"
  location            = "westus"
  sku                 = "Standard"
  prefix_length       = 30
  ip_version          = "IPv4"
}
resource "azurerm_nat_gateway" "nat" {
  name                    = "test-natGateway"
  resource_group_name     = "compute"
  location                = "westus"
  sku_name                = "Standard"
  idle_timeout_in_minutes = 5
}
`;

describe('compute and network edge types against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('compute'));
    fake.put(scaleSetSpecBody('compute', 'myVirtualMachineScaleSet'));
    fake.put(scaleSetExtensionSpecBody(vmssId, 'health'));
    fake.put(vmExtensionSpecBody(vmId, 'myVMExtension'));
    fake.put({ id: lbId, name: 'lb1', type: 'Microsoft.Network/loadBalancers', location: 'westus', properties: {} });
    fake.put(lbPoolSpecBody('compute', 'lb1', 'backend'));
    fake.put(lbRuleSpecBody('compute', 'lb1', 'rule1'));
    fake.put(publicIpPrefixSpecBody('compute', 'test-ipprefix'));
    fake.put(natGatewaySpecBody('compute', 'test-natGateway'));
  });
  afterEach(() => fake.close());

  it('reads each example in sync as the code writes it (IDs from names, no state)', async () => {
    const r = await scanTf(fake, workspace);
    assertAllInSync(r, 7);
  });

  it('finds each console change once; nothing else', async () => {
    fake.patch(vmssId, (s) => {
      (s.sku as { capacity: number }).capacity = 6;
      ((s.properties as { upgradePolicy: { mode: string } }).upgradePolicy.mode = 'Manual');
    });
    fake.patch(`${vmssId}/extensions/health`, (e) => ((e.properties as { typeHandlerVersion: string }).typeHandlerVersion = '2.0'));
    fake.patch(`${vmId}/extensions/myVMExtension`, (e) => ((e.properties as { suppressFailures: boolean }).suppressFailures = false));
    fake.patch(`${lbId}/loadBalancingRules/rule1`, (l) => ((l.properties as { frontendPort: number }).frontendPort = 8080));
    fake.patch(`${rg}/providers/Microsoft.Network/natGateways/test-natGateway`, (n) => ((n.properties as { idleTimeoutInMinutes: number }).idleTimeoutInMinutes = 10));
    fake.patch(`${rg}/providers/Microsoft.Network/publicIPPrefixes/test-ipprefix`, (p) => ((p.properties as { prefixLength: number }).prefixLength = 28));
    const r = await scanTf(fake, workspace);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, [
      'azurerm_linux_virtual_machine_scale_set.vmss instances: 4 → 6 (warning)',
      'azurerm_linux_virtual_machine_scale_set.vmss upgrade_mode: "Automatic" → "Manual" (warning)',
      'azurerm_virtual_machine_scale_set_extension.ext type_handler_version: "{handler-version}" → "2.0" (warning)',
      'azurerm_virtual_machine_extension.vmext failure_suppression_enabled: true → false (warning)',
      'azurerm_lb_rule.rule frontend_port: 80 → 8080 (warning)',
      'azurerm_public_ip_prefix.prefix prefix_length: 30 → 28 (warning)',
      'azurerm_nat_gateway.nat idle_timeout_in_minutes: 5 → 10 (warning)',
    ]);
  });
});
