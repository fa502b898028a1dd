// `.driftlens.json` completes and validates in the editor: package.json contributes its JSON schema,
// the schema accepts every target the indexer reads (and the fixtures), and rejects what it would ignore.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';

const REPO = resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'driftlens.schema.json'), 'utf8')) as object;
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { jsonValidation?: { fileMatch: string | string[]; url: string }[] } };

describe('.driftlens.json schema', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('is contributed for every .driftlens.json', () => {
    const entry = pkg.contributes.jsonValidation?.find((v) => v.url === './schemas/driftlens.schema.json');
    assert.ok(entry, 'contributes.jsonValidation names the schema');
    assert.deepEqual([entry.fileMatch].flat(), ['.driftlens.json', '**/.driftlens.json']);
  });

  it('accepts the fixtures and a partial target', () => {
    for (const dir of ['arm', 'arm-accuracy']) {
      const target = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'azure', dir, '.driftlens.json'), 'utf8')) as unknown;
      assert.ok(validate(target), JSON.stringify(validate.errors));
    }
    assert.ok(validate({ resourceGroup: 'rg-only' }));
  });

  it('rejects a subscription that is not a GUID and keys the indexer ignores', () => {
    assert.equal(validate({ subscriptionId: 'prod' }), false);
    assert.equal(validate({ resourceGroupName: 'rg' }), false, 'a misspelt key would be silently ignored: say so');
  });
});
