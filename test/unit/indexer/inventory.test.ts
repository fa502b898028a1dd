import assert from 'node:assert/strict';
import { buildInventory, formatInventoryText } from '../../../src/iac/inventory';
import { findModuleDirs, listModules, listModulesSync } from '../../../src/iac/moduleIndex';
import { diskIo } from '../../../src/engine/workspaceIo';
import { withMemo, type DirEntry } from '../../../src/iac/workspaceMemo';
import { brokenDir, fixturesDir, posAt, offsetOf } from './helpers';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('inventory', () => {
  it('finds every module folder, skipping .terraform, node_modules and .git', async () => {
    const dirs = await findModuleDirs(brokenDir);
    assert.deepEqual(dirs, [brokenDir, join(brokenDir, 'nested')]);
    const all = await findModuleDirs(fixturesDir);
    assert.deepEqual(
      all.map((d) => d.slice(fixturesDir.length + 1)),
      ['aws-ec2-instance', 'aws-security-group', 'aws-vpc', 'azure-linux-vm', 'azure-vnet', 'json-only', 'overrides', 'stacks/prod', 'stacks/shared'],
    );
  });

  it('prints version 1 with root, address, type, file and range relative to the dir, and literal attributes', async () => {
    const inv = await buildInventory(fixturesDir);
    assert.equal(inv.version, 1);
    assert.deepEqual(inv.errors, []);
    const roots = [...new Set(inv.resources.map((r) => r.root))];
    assert.deepEqual(roots, ['aws-ec2-instance', 'aws-security-group', 'aws-vpc', 'azure-linux-vm', 'azure-vnet', 'json-only', 'overrides', 'stacks/prod', 'stacks/shared']);
    const replica = inv.resources.find((r) => r.root === 'stacks/prod' && r.address === 'aws_s3_bucket.replica')!;
    const text = await readFile(join(fixturesDir, 'stacks/prod/main.tf'), 'utf8');
    const start = offsetOf(text, 'resource "aws_s3_bucket" "replica"');
    assert.deepEqual(replica, {
      root: 'stacks/prod',
      address: 'aws_s3_bucket.replica',
      type: 'aws_s3_bucket',
      name: 'replica',
      provider: 'aws.west',
      file: 'stacks/prod/main.tf',
      range: { start: posAt(text, start), end: posAt(text, text.indexOf('\n}\n', start) + 2) },
      attributes: {
        provider: { $unknown: 'reference to aws.west' },
        bucket: 'acme-prod-replica-us-west-2',
        tags: { Replica: 'true', Priority: 1 },
      },
    });
    const sg = inv.resources.find((r) => r.address === 'aws_vpc_security_group_ingress_rule.this')!;
    assert.deepEqual(sg.forEach, { $unknown: 'reference to var.ingress_rules' });
    const jsonRule = inv.resources.find((r) => r.address === 'aws_security_group_rule.allow_metrics')!;
    assert.equal(jsonRule.file, 'aws-security-group/rules.tf.json');
    assert.deepEqual(jsonRule.count, { $unknown: 'template with interpolation' });
    assert.equal(jsonRule.attributes.from_port, 9100);
    const roundTrip = JSON.parse(JSON.stringify(inv));
    assert.deepEqual(roundTrip, inv);
  });

  it('reports parse errors per file without losing the resources around them', async () => {
    const inv = await buildInventory(brokenDir);
    const byFile = (f: string): string[] => inv.resources.filter((r) => r.file === f).map((r) => r.address);
    assert.deepEqual(byFile('half-typed.tf'), ['aws_instance.ok_before', 'aws_instance.being_edited', 'aws_s3_bucket.ok_after']);
    assert.ok(byFile('unterminated.tf').includes('aws_s3_bucket.first'));
    assert.ok(byFile('unbalanced.tf').includes('aws_vpc.main'));
    assert.deepEqual(byFile('nested/main.tf'), ['aws_sqs_queue.ok']);
    assert.ok(!inv.resources.some((r) => r.address === 'aws_vpc.downloaded' || r.address === 'aws_vpc.vendored'));
    const files = new Set(inv.errors.map((e) => e.file));
    assert.deepEqual([...files].sort(), ['bad.tf.json', 'half-typed.tf', 'unbalanced.tf', 'unterminated.tf']);
    const halfTyped = inv.errors.find((e) => e.file === 'half-typed.tf')!;
    assert.ok(halfTyped.range.start.line === 7 || halfTyped.range.start.line === 8, `error near line 8, got ${halfTyped.range.start.line + 1}`);
    assert.ok(halfTyped.message.length > 0);
  });

  it('formats a text table with root, address and file:line, then the problems', async () => {
    const inv = await buildInventory(brokenDir);
    const text = formatInventoryText(inv);
    const lines = text.split('\n');
    assert.match(lines[0], /^ROOT\s+ADDRESS\s+LOCATION$/);
    assert.ok(lines.some((l) => /^\.\s+aws_instance\.ok_before\s+half-typed\.tf:1$/.test(l)), text);
    assert.ok(lines.some((l) => /^nested\s+aws_sqs_queue\.ok\s+nested\/main\.tf:1$/.test(l)), text);
    assert.match(text, new RegExp(`\\n${inv.errors.length} problems:\\n`));
    assert.match(text, /\n {2}bad\.tf\.json:\d+:\d+: error: Invalid JSON/);
  });

  it('reads symlinked .tf files but does not follow symlinked folders (no loops)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'driftlens-inv-'));
    try {
      await mkdir(join(dir, 'common'));
      await mkdir(join(dir, 'app'));
      await writeFile(join(dir, 'common', 'shared.tf'), 'resource "aws_sns_topic" "shared" {\n  name = "shared"\n}\n');
      await writeFile(join(dir, 'app', 'main.tf'), 'resource "aws_sqs_queue" "app" {}\n');
      await symlink(join(dir, 'common', 'shared.tf'), join(dir, 'app', 'shared.tf'));
      await symlink(dir, join(dir, 'app', 'loop'));
      const inv = await buildInventory(dir);
      assert.deepEqual(inv.resources.map((r) => `${r.root} ${r.address} ${r.file}`), [
        'app aws_sqs_queue.app app/main.tf',
        'app aws_sns_topic.shared app/shared.tf',
        'common aws_sns_topic.shared common/shared.tf',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lists with blocking calls what the async walk lists, each folder as the disk io lists it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'driftlens-inv-'));
    try {
      await mkdir(join(dir, 'app', '.terraform', 'modules'), { recursive: true });
      await mkdir(join(dir, 'common'));
      await writeFile(join(dir, 'common', 'shared.tf'), 'resource "aws_sns_topic" "shared" {}\n');
      await writeFile(join(dir, 'app', 'main.tf'), 'resource "aws_sqs_queue" "app" {}\n');
      await writeFile(join(dir, 'app', '.terraform', 'modules', 'x.tf'), 'resource "aws_sqs_queue" "skipped" {}\n');
      await symlink(join(dir, 'common', 'shared.tf'), join(dir, 'app', 'shared.tf'));
      await symlink(join(dir, 'common'), join(dir, 'app', 'linked'));
      await symlink(join(dir, 'nowhere.tf'), join(dir, 'app', 'broken.tf'));
      for (const root of [dir, fixturesDir, brokenDir]) {
        const listings = new Map<string, DirEntry[]>();
        assert.deepEqual(listModulesSync(root, (d, entries) => listings.set(d, entries)), await listModules(root));
        for (const [d, entries] of listings) assert.deepEqual(entries, await diskIo.readDir(d), d);
        assert.ok(listings.has(root) && !listings.has(join(dir, 'app', 'linked')));
      }
      const linked = (await diskIo.readDir(join(dir, 'app'))).find((e) => e.name === 'linked');
      assert.equal(linked?.isDirectory, true, 'a symlinked folder is listed as a folder, as the engine lists it');
      await assert.rejects(async () => listModulesSync(join(dir, 'missing')), /ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('with a memo, the folders the inventory walked are not listed again by the run', async () => {
    const listed: string[] = [];
    const io = withMemo({ ...diskIo, readDir: (d: string) => (listed.push(d), diskIo.readDir(d)) });
    await buildInventory(fixturesDir, io.memo);
    assert.deepEqual(await io.readDir(join(fixturesDir, 'aws-vpc')), await diskIo.readDir(join(fixturesDir, 'aws-vpc')));
    assert.deepEqual(await io.readDir(fixturesDir), await diskIo.readDir(fixturesDir));
    // A folder its parent's listing does not hold is known missing without a call either.
    assert.deepEqual(await io.readDir(join(fixturesDir, 'no-such-folder')), []);
    assert.deepEqual(listed, []);
  });
});
