// `npm run demo` takes any scan option (`-- --format json` gives the report alone on stdout) and `--help`,
// instead of failing with a stack trace.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..', '..');
const demo = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', resolve(REPO, 'scripts', 'demo.ts'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('npm run demo', function () {
  this.timeout(180000);

  it('--help prints its usage', () => {
    const r = demo('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^usage: npm run demo \[-- SCAN-OPTIONS\]/);
  });

  it('-- --format json prints only the report on stdout, with the sandbox drift', () => {
    const r = demo('--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { summary: { drifted: number; missing: number; verified: number } };
    assert.equal(report.summary.drifted, 3);
    assert.equal(report.summary.missing, 1);
  });

  it('an option the scan does not know is named, with the closest one', () => {
    const r = demo('--fromat', 'json');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /unknown option "--fromat" \(did you mean --format\?\)/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });
});
