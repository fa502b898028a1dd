// Storage container against the REST spec's own GET example (resourceStorageContainerRead: publicAccess
// None/Blob/Container → private/blob/container, metadata a map): in sync as an azurerm 4.x user writes it
// (storage_account_id), anonymous read turned on in the console an error, nothing else.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { blobContainerSpecBody } from '../../fakes/arm/specExamples4';
import { driftsOf, scanTf } from './tfScan';

const accountId = `${rgPath('res9871')}/providers/Microsoft.Storage/storageAccounts/sto6217`;
const containerId = `${accountId}/blobServices/default/containers/container1634`;

const workspace = `
resource "azurerm_storage_container" "c" {
  name                  = "container1634"
  storage_account_id    = "${accountId}"
  container_access_type = "private"
  metadata              = {}
}
`;

describe('storage mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('res9871'));
    fake.put(blobContainerSpecBody('res9871', 'sto6217', 'container1634'));
  });
  afterEach(() => fake.close());

  it('reads the container example in sync as the code writes it', async () => {
    const c = (await scanTf(fake, workspace)).get('azurerm_storage_container.c');
    assert.equal(c.status, 'in-sync', `${c.reason ?? ''} ${JSON.stringify(c.drifts)}`);
    assert.deepEqual(c.unverifiedAttributes, []);
    assert.deepEqual(fake.requestsTo(containerId).map((q) => q.query['api-version']), ['2025-01-01']);
  });

  it('anonymous blob access turned on in the console is an error; nothing else', async () => {
    fake.patch(containerId, (c) => ((c.properties as { publicAccess: string }).publicAccess = 'Blob'));
    assert.deepEqual(driftsOf((await scanTf(fake, workspace)).get('azurerm_storage_container.c')), ['container_access_type: "private" → "blob" (error)']);
  });
});
