// Azure Firewall against the REST spec's own GET example (resourceFirewallRead: sku from properties.sku,
// ip_configuration a list read from ipConfigurations): in sync as a user writes it; threat intelligence
// turned off in the console is an error, a changed public IP a warning, nothing else.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { firewallSpecBody } from '../../fakes/arm/specExamples3';
import { driftsOf, scanTf } from './tfScan';

const rg = rgPath('edge');
const firewallId = `${rg}/providers/Microsoft.Network/azureFirewalls/azurefirewall`;
const subnetId = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet2/subnets/AzureFirewallSubnet`;
const pipId = `${rg}/providers/Microsoft.Network/publicIPAddresses/pipName`;

const workspace = `
resource "azurerm_firewall" "fw" {
  name                = "azurefirewall"
  resource_group_name = "edge"
  location            = "West US"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  threat_intel_mode   = "Alert"
  ip_configuration {
    name                 = "azureFirewallIpConfiguration"
    subnet_id            = "${subnetId}"
    public_ip_address_id = "${pipId}"
  }
  tags = { key1 = "value1" }
}
`;

describe('network edge mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('edge'));
    fake.put(firewallSpecBody('edge', 'azurefirewall'));
  });
  afterEach(() => fake.close());

  it('reads the firewall example in sync as the code writes it', async () => {
    const r = await scanTf(fake, workspace);
    const fw = r.get('azurerm_firewall.fw');
    assert.equal(fw.status, 'in-sync', `${fw.reason ?? ''} ${JSON.stringify(fw.drifts)}`);
    assert.deepEqual(fw.unverifiedAttributes, []);
    assert.deepEqual(fake.requestsTo(firewallId).map((q) => q.query['api-version']), ['2024-05-01']);
  });

  it('threat intelligence turned off is an error, another public IP a warning; nothing else', async () => {
    fake.patch(firewallId, (f) => {
      const p = f.properties as { threatIntelMode: string; ipConfigurations: { properties: { publicIPAddress: { id: string } } }[] };
      p.threatIntelMode = 'Off';
      p.ipConfigurations[0].properties.publicIPAddress.id = pipId.replace('pipName', 'pipOther');
    });
    const r = await scanTf(fake, workspace);
    assert.deepEqual(driftsOf(r.get('azurerm_firewall.fw')), [
      'threat_intel_mode: "Alert" → "Off" (error)',
      `ip_configuration.public_ip_address_id: "${pipId}" → "${pipId.replace('pipName', 'pipOther')}" (warning)`,
    ]);
  });
});
