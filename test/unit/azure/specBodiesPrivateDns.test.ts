// Private DNS zone and its virtual network link against the REST specs' own GET examples: in sync as a
// user writes them (the link both as azurerm 4.x writes it, by zone name, and as 5.x does, by zone ID),
// auto-registration turned on in the console found once, nothing else.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { privateZoneLinkSpecBody, privateZoneSpecBody } from '../../fakes/arm/specExamples3';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const zoneId = `${rgPath('dns')}/providers/Microsoft.Network/privateDnsZones/privatezone1.com`;
const linkId = `${zoneId}/virtualNetworkLinks/virtualNetworkLink1`;
const vnetId = '/subscriptions/virtualNetworkSubscriptionId/resourceGroups/virtualNetworkResourceGroup/providers/Microsoft.Network/virtualNetworks/virtualNetworkName';

const workspace = `
resource "azurerm_private_dns_zone" "zone" {
  name                = "privatezone1.com"
  resource_group_name = "dns"
  tags = { key1 = "value1" }
}
resource "azurerm_private_dns_zone_virtual_network_link" "v4" {
  name                  = "virtualNetworkLink1"
  resource_group_name   = "dns"
  private_dns_zone_name = "privatezone1.com"
  virtual_network_id    = "${vnetId}"
  registration_enabled  = false
  tags = { key1 = "value1" }
}
resource "azurerm_private_dns_zone_virtual_network_link" "v5" {
  name                 = "virtualNetworkLink1"
  private_dns_zone_id  = "${zoneId}"
  virtual_network_id   = "${vnetId}"
  registration_enabled = false
  tags = { key1 = "value1" }
}
`;

describe('private DNS mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('dns'));
    fake.put(privateZoneSpecBody('dns', 'privatezone1.com'));
    fake.put(privateZoneLinkSpecBody('dns', 'privatezone1.com', 'virtualNetworkLink1'));
  });
  afterEach(() => fake.close());

  it('reads both examples in sync, the link by zone name (4.x) and by zone ID (5.x)', async () => {
    const r = await scanTf(fake, workspace);
    assertAllInSync(r, 3);
    // Both links live under one zone: read with one list call of its links, at the discovered version.
    assert.deepEqual(fake.requestsTo(`${zoneId}/virtualNetworkLinks`).map((q) => q.query['api-version']), ['2024-06-01']);
  });

  it('auto-registration turned on in the console is found once per link, nothing else', async () => {
    fake.patch(linkId, (l) => ((l.properties as { registrationEnabled: boolean }).registrationEnabled = true));
    const r = await scanTf(fake, workspace);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, [
      'azurerm_private_dns_zone_virtual_network_link.v4 registration_enabled: false → true (warning)',
      'azurerm_private_dns_zone_virtual_network_link.v5 registration_enabled: false → true (warning)',
    ]);
  });
});
