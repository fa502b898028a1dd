// SARIF names the tool as code-scanning dashboards show it: the package version, a home page, and one
// rule per finding kind with help a reader can act on.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScanResult } from '../../../src/model';
import { sarifLog } from '../../../src/engine/report/sarif';

const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string; homepage?: string };

describe('SARIF tool.driver', () => {
  const empty: ScanResult = {
    scannedAt: '2026-12-04T00:00:00.000Z',
    root: '.',
    resources: [],
    unmanaged: [],
    errors: [],
    summary: { resources: 0, inSync: 0, drifted: 0, missing: 0, unverified: 0, unmanaged: 0, verified: 0 },
  };

  it('carries the package version, the home page and a rule with help for each finding kind', () => {
    const driver = sarifLog(empty).runs[0].tool.driver;
    assert.equal(driver.name, 'DriftLens');
    assert.equal(driver.version, pkg.version);
    assert.equal(driver.semanticVersion, pkg.version);
    assert.match(driver.informationUri ?? '', /^https:\/\//);
    assert.deepEqual(driver.rules?.map((r) => r.id), ['drift.changed', 'drift.missing', 'drift.unverified']);
    for (const rule of driver.rules ?? []) {
      assert.ok((rule.help?.text ?? '').length > 40, `${rule.id} has help text`);
      assert.match(rule.helpUri ?? '', /#drift-/);
    }
  });
});
