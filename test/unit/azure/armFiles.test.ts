// ARM templates wherever they are: a template is found by its $schema whatever its name, and its parameters
// file by the usual names or by its own $schema (…deploymentParameters.json#).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArmTemplates } from '../../../src/iac/arm/files';
import { toValue } from '../../../src/iac/terraform/evalValue';

const TEMPLATE = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: { skuName: { type: 'string', defaultValue: 'Standard_LRS' } },
  resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01', name: 'stlogs', location: 'westeurope', sku: { name: "[parameters('skuName')]" }, kind: 'StorageV2' }],
}, null, 2);
const parameters = (sku: string) => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { skuName: { value: sku } } }, null, 2);

describe('ARM template files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'driftlens-arm-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const skuOf = async () => {
    const loaded = await loadArmTemplates(dir, { subscriptionId: '00000000-1111-2222-3333-444444444444', resourceGroup: 'rg' });
    assert.equal(loaded.templates.length, 1, 'the template is found by its $schema');
    const sku = loaded.templates[0].resources[0].desired.get('sku');
    return sku && toValue(sku.value);
  };

  it('finds a template by its $schema whatever its name, and a parameters file by its $schema whatever its name', async () => {
    writeFileSync(join(dir, 'storage-infra.json'), TEMPLATE);
    writeFileSync(join(dir, 'prod-values.json'), parameters('Standard_GRS'));
    assert.deepEqual(await skuOf(), { name: 'Standard_GRS' });
  });

  it('prefers the usual name, and guesses nothing between two parameters files of other names', async () => {
    writeFileSync(join(dir, 'storage-infra.json'), TEMPLATE);
    writeFileSync(join(dir, 'dev-values.json'), parameters('Standard_ZRS'));
    writeFileSync(join(dir, 'prod-values.json'), parameters('Standard_GRS'));
    assert.deepEqual(await skuOf(), { name: 'Standard_LRS' }, 'two candidates: the default applies');
    writeFileSync(join(dir, 'storage-infra.parameters.json'), parameters('Premium_LRS'));
    assert.deepEqual(await skuOf(), { name: 'Premium_LRS' });
  });
});
