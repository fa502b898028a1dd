// `terraform state pull` through a stand-in executable written at test time: it records its
// arguments and folder, then behaves like Terraform does in each situation (MODE in its env).
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importedIds, needsRemoteState, pullRemoteState, uninitializedRoot } from '../../../src/iac/terraform/remoteState';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';

const state = { version: 4, terraform_version: '1.11.4', serial: 3, lineage: 'abc', outputs: {}, resources: [{ mode: 'managed', type: 'aws_instance', name: 'web', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ attributes: { id: 'i-0123456789abcdef0' } }] }] };

const standIn = `#!/bin/sh
printf '%s\\n' "$@" > "$RECORD_DIR/args"
pwd > "$RECORD_DIR/cwd"
case "$MODE" in
  ok) cat "$RECORD_DIR/state.json" ;;
  empty) ;;
  uninit)
    printf 'There are some problems with the CLI configuration:\\n\\n' >&2
    printf '\\033[31m\\342\\225\\267\\033[0m\\n\\033[31m\\342\\224\\202\\033[0m \\033[1m\\033[31mError: \\033[0m\\033[1mBackend initialization required, please run "terraform init"\\033[0m\\n' >&2
    exit 1 ;;
  denied)
    printf 'Warning: something harmless\\n\\nError: error loading state: AccessDenied: s3://tfstate/prod.tfstate via https://user:hunter2@proxy.example token=abc123 AKIAABCDEFGHIJKLMNOP\\n\\nmore detail\\n' >&2
    exit 1 ;;
  garbage) echo 'Usage: terraform [global options] <subcommand>' ;;
  hang) exec sleep 30 ;;
  big) head -c 300000 /dev/zero | tr '\\0' 'x' ;;
esac
`;

describe('remote state: terraform state pull (stand-in CLI)', () => {
  let dir: string;
  let bin: string;
  let root: string;
  const env = (mode: string): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, MODE: mode, RECORD_DIR: dir });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-statepull-'));
    bin = join(dir, 'terraform');
    writeFileSync(bin, standIn);
    chmodSync(bin, 0o755);
    writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
    // A folder name a shell would expand: proves no shell is involved.
    root = join(dir, 'root $(touch pwned)');
    mkdirSync(root);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the pulled state, runs `state pull` in the root folder without a shell', async () => {
    const r = await pullRemoteState(root, { terraformPath: bin, env: env('ok') });
    assert.equal(r.ok, true);
    assert.deepEqual(JSON.parse((r as { text: string }).text), state);
    assert.equal(readFileSync(join(dir, 'args'), 'utf8'), 'state\npull\n');
    assert.equal(readFileSync(join(dir, 'cwd'), 'utf8').trim(), root);
    assert.throws(() => readFileSync(join(root, 'pwned')));
  });

  it('finds the CLI on PATH by default', async () => {
    rmSync(join(dir, 'args'), { force: true });
    const r = await pullRemoteState(root, { env: { ...env('ok'), PATH: `${dir}:/usr/bin:/bin` } });
    assert.equal(r.ok, true);
    assert.equal(readFileSync(join(dir, 'args'), 'utf8'), 'state\npull\n');
  });

  it('says when terraform is not on PATH, or not at the configured path', async () => {
    const empty = join(dir, 'empty-path');
    mkdirSync(empty, { recursive: true });
    const r = await pullRemoteState(root, { env: { PATH: empty } });
    assert.deepEqual(r, { ok: false, kind: 'cli-missing', reason: 'remote state unavailable: terraform not found on PATH' });
    const r2 = await pullRemoteState(root, { terraformPath: join(dir, 'nope', 'terraform'), env: env('ok') });
    assert.equal(r2.ok, false);
    assert.match((r2 as { reason: string }).reason, /^remote state unavailable: terraform not found at .*nope/);
  });

  it('recognizes an uninitialized backend through colours and warnings', async () => {
    const r = await pullRemoteState(root, { terraformPath: bin, env: env('uninit') });
    assert.deepEqual(r, { ok: false, kind: 'not-initialized', reason: 'remote state unavailable: backend not initialized — run terraform init' });
  });

  it('reports the error line, with credentials scrubbed', async () => {
    const r = await pullRemoteState(root, { terraformPath: bin, env: env('denied') });
    assert.equal(r.ok, false);
    const reason = (r as { reason: string }).reason;
    assert.match(reason, /^remote state unavailable: error loading state: AccessDenied: s3:\/\/tfstate\/prod.tfstate/);
    assert.ok(!reason.includes('hunter2') && !reason.includes('abc123') && !reason.includes('AKIAABCDEFGHIJKLMNOP'), reason);
    assert.ok(!reason.includes('Warning'));
  });

  it('an empty answer means the backend holds no state; non-JSON output is refused', async () => {
    const empty = await pullRemoteState(root, { terraformPath: bin, env: env('empty') });
    assert.deepEqual(empty, { ok: false, kind: 'no-state', reason: 'remote state unavailable: the backend holds no state yet' });
    const garbage = await pullRemoteState(root, { terraformPath: bin, env: env('garbage') });
    assert.equal(garbage.ok, false);
    assert.equal((garbage as { kind: string }).kind, 'invalid-output');
  });

  it('stops a CLI that hangs (timeout) or is cancelled, and refuses oversized output', async () => {
    const hung = await pullRemoteState(root, { terraformPath: bin, env: env('hang'), timeoutMs: 200 });
    assert.equal((hung as { kind: string }).kind, 'timeout');
    const controller = new AbortController();
    const pending = pullRemoteState(root, { terraformPath: bin, env: env('hang'), signal: controller.signal });
    controller.abort();
    assert.equal(((await pending) as { kind: string }).kind, 'cancelled');
    const big = await pullRemoteState(root, { terraformPath: bin, env: env('big'), maxBytes: 100_000 });
    assert.equal((big as { kind: string }).kind, 'too-large');
  });

  it('needs remote state only for a non-local backend without a local state file', () => {
    assert.equal(needsRemoteState({ backend: 's3' }, false), true);
    assert.equal(needsRemoteState({ backend: 's3' }, true), false);
    assert.equal(needsRemoteState({ backend: 'local' }, false), false);
    assert.equal(needsRemoteState({}, false), false);
  });
});

describe('remote state: import blocks as identity', () => {
  it('maps target addresses to literal ids; expressions and for_each are left to the evaluator', () => {
    const text = [
      'import {',
      '  to = aws_instance.web',
      '  id = "i-0abc"',
      '}',
      'import {',
      '  to = module.net.aws_subnet.a["x"]',
      '  id = "subnet-1"',
      '}',
      'import {',
      '  to = aws_vpc.main',
      '  id = var.vpc_id',
      '}',
      'import {',
      '  for_each = var.ids',
      '  to = aws_eip.ip[each.key]',
      '  id = each.value',
      '}',
    ].join('\n');
    const index = emptyModuleIndex('/m');
    declareFile(index, '/m/imports.tf', parseHcl(text).body, text);
    assert.deepEqual([...importedIds(index.imports)], [
      ['aws_instance.web', 'i-0abc'],
      ['module.net.aws_subnet.a["x"]', 'subnet-1'],
    ]);
  });
});

describe('a root never initialized: terraform state pull\'s answer without running it (issue 17)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-uninit-'));
  before(() => {
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'terraform'), '#!/bin/sh\nexit 1\n');
    chmodSync(join(dir, 'bin', 'terraform'), 0o755);
    writeFileSync(join(dir, 'bin', 'not-executable'), '');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const names = ['main.tf', 'backend.tf'];
  const onPath = { PATH: join(dir, 'bin') };
  const expected = { ok: false, kind: 'not-initialized', reason: 'remote state unavailable: backend not initialized — run terraform init' };

  it('no .terraform and the CLI on PATH (or at the path given): not initialized', function () {
    if (process.platform === 'win32') this.skip();
    assert.deepEqual(uninitializedRoot(dir, names, { env: onPath }), expected);
    assert.deepEqual(uninitializedRoot(dir, names, { terraformPath: join(dir, 'bin', 'terraform'), env: {} }), expected);
    assert.deepEqual(uninitializedRoot(join(dir, 'bin'), names, { terraformPath: './terraform', env: {} }), expected, 'a relative path is the root folder\'s');
  });

  it('runs the CLI instead when it could say otherwise, or when it must report itself missing', () => {
    assert.equal(uninitializedRoot(dir, [...names, '.terraform'], { env: onPath }), undefined, 'initialized');
    assert.equal(uninitializedRoot(dir, names, { env: { ...onPath, TF_DATA_DIR: '/elsewhere' } }), undefined, 'data dir elsewhere');
    assert.equal(uninitializedRoot(dir, [], { env: onPath }), undefined, 'an empty listing says nothing');
    assert.equal(uninitializedRoot(dir, names, { env: { PATH: join(dir, 'nowhere') } }), undefined, 'not on PATH: the run reports it');
    assert.equal(uninitializedRoot(dir, names, { terraformPath: '/nonexistent/terraform', env: onPath }), undefined);
    assert.equal(uninitializedRoot(dir, names, { terraformPath: join(dir, 'bin', 'not-executable'), env: {} }), undefined);
  });
});
