// The CLI installs on its own: `npm pack`, then `npm install -g <tgz>` into an empty prefix with no
// registry (--offline), gives a working `driftlens` — the bundles carry every dependency.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..', '..');

describe('npm pack + global install', function () {
  this.timeout(180000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'driftlens-pack-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a working driftlens with no download', () => {
    const npm = (args: string[], cwd: string) => {
      const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
      assert.equal(r.status, 0, `npm ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
      return r.stdout;
    };
    npm(['pack', '--pack-destination', dir, '--silent'], REPO);
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tgz, 'npm pack wrote a tarball');
    const prefix = join(dir, 'prefix');
    // --offline: nothing may come from a registry; a dependency the bundle needed would fail here.
    npm(['install', '--global', '--offline', '--prefix', prefix, join(dir, tgz)], dir);
    const bin = join(prefix, 'bin', 'driftlens');
    assert.ok(existsSync(bin), 'the driftlens command is installed');
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    assert.equal(v.stdout, `driftlens ${version}\n`, v.stderr);
    const types = spawnSync(bin, ['types', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(types.status, 0, types.stderr);
    assert.ok((JSON.parse(types.stdout) as { types: unknown[] }).types.length > 0);
    const installed = join(prefix, 'lib', 'node_modules', 'driftlens');
    assert.ok(!existsSync(join(installed, 'node_modules')), 'no dependency was installed beside the bundles');
    assert.ok(!existsSync(join(installed, 'src')) && !existsSync(join(installed, 'test')), 'only the bundles ship');
  });
});
