// The CLI's manners: its version, help per command, and one clear line (with the closest valid name)
// for a mistyped command or option — never a stack trace.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { closest, unknownMessage } from '../../../src/cli/suggest';

const REPO = resolve(__dirname, '..', '..', '..');
const CLI = resolve(REPO, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('CLI manners', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v', 'version']) {
      const r = run(flag);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, `driftlens ${version}\n`);
    }
  });

  it('help <command> prints that command\'s usage', () => {
    const r = run('help', 'types');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^usage: driftlens types/);
  });

  it('an unknown command names itself and the closest command, then the usage, exit 1', () => {
    const r = run('scna');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^driftlens: unknown command "scna" \(did you mean scan\?\)\n\nusage: driftlens/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('an unknown option names itself and the closest option, a missing value says so, exit 1', () => {
    const r = run('types', '--fromat', 'json');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^driftlens types: unknown option "--fromat" \(did you mean --format\?\)\n\nusage: driftlens types/);
    const missing = run('types', '--format');
    assert.match(missing.stderr, /^driftlens types: --format needs a value/);
    const scan = run('scan', '.', '--fail-on-unverifed');
    assert.equal(scan.status, 1);
    assert.match(scan.stderr, /^driftlens scan: unknown option "--fail-on-unverifed" \(did you mean --fail-on-unverified\?\)/);
  });

  it('suggests only names that are close', () => {
    assert.equal(closest('fromat', ['format', 'profile', 'region']), 'format');
    assert.equal(closest('regoin', ['format', 'profile', 'region']), 'region');
    assert.equal(closest('zzz', ['format', 'profile', 'region']), undefined);
    assert.equal(unknownMessage('option', '--fromat=json', ['format', 'region']), 'unknown option "--fromat=json" (did you mean --format?)');
  });
});
