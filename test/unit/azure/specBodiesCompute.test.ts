// Managed disk against the REST spec's own GET example (resourceManagedDiskRead: image_reference_id from
// creationData.imageReference unless a gallery image is named): in sync as a user writes it, a resize found
// as a warning, disk export opened to all networks an error.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { diskImageId, diskSpecBody } from '../../fakes/arm/specExamples3';
import { driftsOf, scanTf } from './tfScan';

const diskId = `${rgPath('vms')}/providers/Microsoft.Compute/disks/myManagedDisk`;

const workspace = (policy = '') => `
resource "azurerm_managed_disk" "disk" {
  name                 = "myManagedDisk"
  resource_group_name  = "vms"
  location             = "westus"
  storage_account_type = "Standard_LRS"
  create_option        = "FromImage"
  image_reference_id   = "${diskImageId}"
  disk_size_gb         = 10
  os_type              = "Windows"
  hyper_v_generation   = "V1"
  ${policy}
  tags = { department = "Development", project = "ManagedDisks" }
}
`;

describe('compute mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('vms'));
    fake.put(diskSpecBody('vms', 'myManagedDisk'));
  });
  afterEach(() => fake.close());

  it('reads the disk example in sync as the code writes it', async () => {
    const disk = (await scanTf(fake, workspace())).get('azurerm_managed_disk.disk');
    assert.equal(disk.status, 'in-sync', `${disk.reason ?? ''} ${JSON.stringify(disk.drifts)}`);
    assert.deepEqual(disk.unverifiedAttributes, []);
    assert.deepEqual(fake.requestsTo(diskId).map((q) => q.query['api-version']), ['2024-03-02']);
  });

  it('a resize is a warning; export opened to all networks an error; nothing else', async () => {
    fake.patch(diskId, (d) => ((d.properties as { diskSizeGB: number }).diskSizeGB = 20));
    assert.deepEqual(driftsOf((await scanTf(fake, workspace())).get('azurerm_managed_disk.disk')), ['disk_size_gb: 10 → 20 (warning)']);
    fake.patch(diskId, (d) => Object.assign(d.properties as object, { diskSizeGB: 10, networkAccessPolicy: 'DenyAll' }));
    assert.equal((await scanTf(fake, workspace('network_access_policy = "DenyAll"'))).get('azurerm_managed_disk.disk').status, 'in-sync');
    fake.patch(diskId, (d) => ((d.properties as { networkAccessPolicy: string }).networkAccessPolicy = 'AllowAll'));
    assert.deepEqual(driftsOf((await scanTf(fake, workspace('network_access_policy = "DenyAll"'))).get('azurerm_managed_disk.disk')), ['network_access_policy: "DenyAll" → "AllowAll" (error)']);
  });
});
