// The READMEs' settings tables are made from package.json (scripts/docs/settingsTable.ts): a setting
// added, renamed or re-scoped without `npm run docs` fails here.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BEGIN, END, README_FILES, settingsTable, withTable } from '../../../scripts/docs/settingsTable';

const ROOT = resolve(__dirname, '..', '..', '..');

describe('generated docs', () => {
  for (const file of README_FILES) {
    it(`${file}: the settings table matches package.json (run \`npm run docs\`)`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      assert.ok(text.includes(BEGIN) && text.includes(END), 'the README has the settings markers');
      assert.equal(text, withTable(text, settingsTable()));
    });
  }

  it('lists every contributed setting with its scope', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
    const table = settingsTable();
    for (const [name, s] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.match(table, new RegExp(`\\| \`${name.replace(/\./g, '\\.')}\` \\|[^\\n]*\\| ${s.scope ?? 'window'} \\|`), name);
    }
  });
});
