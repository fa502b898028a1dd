// End to end through the real CLI entry (src/cli.ts run by node + tsx, as `npm run build` bundles it).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { brokenDir, fixturesDir } from './helpers';

const repo = join(__dirname, '..', '..', '..');

function run(nodeArgs: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, nodeArgs, { cwd: repo, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(['--import', 'tsx', join(repo, 'src', 'cli.ts'), ...args]);
}

describe('driftlens inventory (CLI)', () => {
  it('prints the JSON inventory of a tree and exits 0', async () => {
    const r = await cli('inventory', fixturesDir, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const inv = JSON.parse(r.stdout);
    assert.equal(inv.version, 1);
    assert.ok(inv.resources.length > 40);
    assert.ok(inv.resources.some((x: { address: string; root: string }) => x.address === 'azurerm_linux_virtual_machine.web' && x.root === 'azure-linux-vm'));
  });

  it('exits 0 and reports parse errors in "errors" for broken files', async () => {
    const r = await cli('inventory', brokenDir, '--format=json');
    assert.equal(r.code, 0, r.stderr);
    const inv = JSON.parse(r.stdout);
    assert.ok(inv.errors.length >= 4);
    assert.ok(inv.resources.some((x: { address: string }) => x.address === 'aws_s3_bucket.ok_after'));
  });

  it('prints a text table by default', async () => {
    const r = await cli('inventory', join(repo, 'examples', 'basic'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ROOT\s+ADDRESS\s+LOCATION\n\.\s+aws_vpc\.main\s+main\.tf:\d+\n/);
    assert.match(r.stdout, /\n4 resources in 1 root\n/);
  });

  it('exits 1 with a usage message on an unknown flag, a bad format, a missing or non-directory path', async () => {
    for (const args of [
      ['--frobnicate'],
      ['--format', 'yaml'],
      ['--format'],
      [join(fixturesDir, 'does-not-exist')],
      [join(fixturesDir, 'stacks', 'prod', 'main.tf')],
      [fixturesDir, brokenDir],
    ]) {
      const r = await cli('inventory', ...args);
      assert.equal(r.code, 1, `exit code for ${args.join(' ')}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /usage: driftlens inventory/);
    }
  });

  it('works from the esbuild bundle (dist/cli.js), as installed', async () => {
    const bundle = join(repo, 'dist', 'cli.js');
    // `npm test` builds first; a bare mocha run builds here.
    if (!(await access(bundle).then(() => true, () => false))) assert.equal((await run([join(repo, 'scripts', 'build.mjs')])).code, 0);
    const r = await run([bundle, 'inventory', join(repo, 'examples', 'basic'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).resources.map((x: { address: string }) => x.address),
      ['aws_vpc.main', 'aws_subnet.public', 'aws_security_group.web', 'aws_instance.web'],
    );
  });
});
