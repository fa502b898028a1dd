// Disk encryption set (a deep type added for the public-module sample) against the REST spec's own GET example,
// read as resourceDiskEncryptionSetRead: in sync as a user writes it; another key a warning; with automatic
// rotation the key compares without its version, so a rotated version is not drift.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { diskEncryptionSetSpecBody } from '../../fakes/arm/specExamples4';
import { azureCoverage } from '../../../src/providers/azure/coverage';
import { driftsOf, scanTf } from './tfScan';

const desId = `${rgPath('enc')}/providers/Microsoft.Compute/diskEncryptionSets/myDiskEncryptionSet`;
const key = 'https://myvmvault.vault-int.azure-int.net/keys/diskKey';

const workspace = (keyId: string, rotation = '') => `
resource "azurerm_disk_encryption_set" "des" {
  name                = "myDiskEncryptionSet"
  resource_group_name = "enc"
  location            = "westus"
  key_vault_key_id    = "${keyId}"
  encryption_type     = "EncryptionAtRestWithCustomerKey"
  ${rotation}
  identity {
    type = "SystemAssigned"
  }
  tags = { department = "Development", project = "Encryption" }
}
`;

type Props = { activeKey: { keyUrl: string }; rotationToLatestKeyVersionEnabled?: boolean };
const props = (d: Record<string, unknown>) => d.properties as Props;

describe('disk encryption set mapper against the spec\'s example body', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('enc'));
    fake.put(diskEncryptionSetSpecBody('enc', 'myDiskEncryptionSet', key));
  });
  afterEach(() => fake.close());

  it('is listed as deep and reads the example in sync (identity not read: unverified, never drift)', async () => {
    assert.equal(azureCoverage().find((r) => r.type === 'azurerm_disk_encryption_set')?.depth, 'deep');
    const des = (await scanTf(fake, workspace(key))).get('azurerm_disk_encryption_set.des');
    assert.equal(des.status, 'in-sync', `${des.reason ?? ''} ${JSON.stringify(des.drifts)}`);
    assert.deepEqual(des.unverifiedAttributes.map((u) => u.attribute), ['identity']);
    assert.deepEqual(fake.requestsTo(desId).map((q) => q.query['api-version']), ['2024-03-02']);
  });

  it('another key is a warning; nothing else', async () => {
    fake.patch(desId, (d) => (props(d).activeKey.keyUrl = `${key}Other`));
    assert.deepEqual(driftsOf((await scanTf(fake, workspace(key))).get('azurerm_disk_encryption_set.des')), [`key_vault_key_id: "${key}" → "${key}Other" (warning)`]);
  });

  it('with automatic rotation a new key version is not drift', async () => {
    fake.patch(desId, (d) => Object.assign(props(d), { rotationToLatestKeyVersionEnabled: true, activeKey: { keyUrl: `${key}/0123456789abcdef` } }));
    const des = (await scanTf(fake, workspace(key, 'auto_key_rotation_enabled = true'))).get('azurerm_disk_encryption_set.des');
    assert.equal(des.status, 'in-sync', JSON.stringify(des.drifts));
  });
});
