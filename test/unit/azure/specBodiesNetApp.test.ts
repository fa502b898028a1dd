// Azure NetApp Files account, pool and volume against the REST specs' own GET examples (child names come back
// as "account/pool/volume"; sizes in bytes, read as resourceNetAppPoolRead / resourceNetAppVolumeRead do):
// in sync as a user writes them, a pool resize and a volume quota change found once each, nothing else.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { netappAccountSpecBody, netappPoolSpecBody, netappVolumeSpecBody } from '../../fakes/arm/specExamples4';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const accountId = `${rgPath('myRG')}/providers/Microsoft.NetApp/netAppAccounts/account1`;
const subnetId = `${rgPath('myRP')}/providers/Microsoft.Network/virtualNetworks/testvnet3/subnets/testsubnet3`;

const workspace = `
resource "azurerm_netapp_account" "acct" {
  name                = "account1"
  resource_group_name = "myRG"
  location            = "eastus"
}
resource "azurerm_netapp_pool" "pool" {
  name                = "pool1"
  account_name        = "account1"
  resource_group_name = "myRG"
  location            = "eastus"
  service_level       = "Premium"
  size_in_tb          = 4
  qos_type            = "Manual"
}
resource "azurerm_netapp_volume" "vol" {
  name                = "volume1"
  account_name        = "account1"
  pool_name           = "pool1"
  resource_group_name = "myRG"
  location            = "eastus"
  volume_path         = "some-amazing-filepath"
  service_level       = "Premium"
  subnet_id           = "${subnetId}"
  storage_quota_in_gb = 100
  throughput_in_mibps = 128
  network_features    = "Standard"
}
`;

describe('NetApp mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('myRG'));
    fake.put(netappAccountSpecBody('myRG', 'account1'));
    fake.put(netappPoolSpecBody('myRG', 'account1', 'pool1'));
    fake.put(netappVolumeSpecBody('myRG', 'account1', 'pool1', 'volume1', subnetId));
  });
  afterEach(() => fake.close());

  it('reads the three examples in sync as the code writes them', async () => {
    const r = await scanTf(fake, workspace);
    assertAllInSync(r, 3);
    assert.deepEqual(fake.requestsTo(accountId).map((q) => q.query['api-version']), ['2025-01-01']);
  });

  it('a pool resize and a volume quota change are found once each; nothing else', async () => {
    fake.patch(`${accountId}/capacityPools/pool1`, (p) => ((p.properties as { size: number }).size = 6 * 1024 ** 4));
    fake.patch(`${accountId}/capacityPools/pool1/volumes/volume1`, (v) => ((v.properties as { usageThreshold: number }).usageThreshold = 200 * 1024 ** 3));
    const r = await scanTf(fake, workspace);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, ['azurerm_netapp_pool.pool size_in_tb: 4 → 6 (warning)', 'azurerm_netapp_volume.vol storage_quota_in_gb: 100 → 200 (warning)']);
  });
});
