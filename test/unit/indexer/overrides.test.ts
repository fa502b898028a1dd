// Terraform override files merge into the blocks the normal files declare (Terraform docs, "Override Files").
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeclaredBlock, DeclaredResource, ModuleIndex } from '../../../src/model';
import { declareOneFile, mergeFileDeclarations } from '../../../src/iac/fileDeclarations';
import { indexModule, parseTerraformText } from '../../../src/iac/moduleIndex';
import { resolveWorkspace } from '../../../src/engine/scan';
import { fixture, fixturesDir, lsp, rangeOfText } from './helpers';

const dir = join(fixturesDir, 'overrides');

function resource(index: ModuleIndex, address: string): DeclaredResource {
  const r = index.resources.find((x) => x.address === address);
  assert.ok(r, `${address} is indexed`);
  return r;
}

function blocks(r: DeclaredResource, type: string): DeclaredBlock[] {
  return r.body.blocks.filter((b) => b.type === type);
}

/** A module from inline files, merged the way the index cache does. */
function merged(files: Record<string, string>): ModuleIndex {
  return mergeFileDeclarations('/m', Object.entries(files).map(([name, text]) => declareOneFile(`/m/${name}`, text, parseTerraformText)));
}

describe('override files', () => {
  it('replaces an argument, keeping the override file and range of its literal; later files win', async () => {
    const index = await indexModule(dir);
    const web = resource(index, 'aws_instance.web');
    const b = await fixture('overrides/b_override.tf');
    const ami = web.body.attributes.ami;
    assert.equal(ami.file, b.file);
    assert.deepEqual(lsp(ami.valueRange), rangeOfText(b.text, '"ami-0second"'));
    // Untouched arguments stay the original's, without a file of their own.
    assert.equal(web.body.attributes.instance_type.file, undefined);
    assert.equal(web.file, join(dir, 'main.tf'));
    // One resource, not three: no duplicate diagnostic anywhere.
    assert.equal(index.resources.filter((r) => r.address === 'aws_instance.web').length, 1);
    assert.ok(index.files.every((f) => f.diagnostics.every((d) => !d.message.startsWith('Duplicate'))));
  });

  it('replaces every nested block of a type the override has, and keeps the other types', async () => {
    const web = resource(await indexModule(dir), 'aws_instance.web');
    const ebs = blocks(web, 'ebs_block_device');
    assert.equal(ebs.length, 1);
    assert.equal(ebs[0].file, join(dir, 'a_override.tf'));
    assert.equal(ebs[0].body.attributes.device_name.file, join(dir, 'a_override.tf'));
    const root = blocks(web, 'root_block_device');
    assert.equal(root.length, 1);
    assert.equal(root[0].file, undefined);
  });

  it('merges lifecycle argument by argument', async () => {
    const web = resource(await indexModule(dir), 'aws_instance.web');
    const [lifecycle, ...more] = blocks(web, 'lifecycle');
    assert.equal(more.length, 0);
    const attrs = lifecycle.body.attributes;
    assert.deepEqual(Object.keys(attrs).sort(), ['create_before_destroy', 'ignore_changes', 'prevent_destroy']);
    assert.equal(attrs.ignore_changes.file, undefined);
    assert.equal(attrs.create_before_destroy.file, join(dir, 'a_override.tf'));
  });

  it('overrides a variable default and a local, and the evaluator uses them', async () => {
    const index = await indexModule(dir);
    const a = await fixture('overrides/a_override.tf');
    assert.equal(index.variables.instance_type.default?.file, a.file);
    assert.equal(index.variables.instance_type.file, join(dir, 'main.tf'));
    assert.equal(index.locals.env.file, join(dir, 'b_override.tf'));
    assert.equal(index.locals.team.file, join(dir, 'main.tf'));

    const { roots } = await resolveWorkspace(dir);
    const web = roots[0].instances.find((i) => i.address === 'aws_instance.web');
    assert.ok(web);
    const type = web.desired.entries.get('instance_type');
    assert.ok(type?.kind === 'attribute' && type.value.kind === 'scalar');
    assert.equal(type.value.value, 't3.large');
    assert.equal(type.value.origin?.file, a.file);
    assert.deepEqual(lsp(type.value.origin.range), rangeOfText(a.text, '"t3.large"'));
    const ami = web.desired.entries.get('ami');
    assert.ok(ami?.kind === 'attribute' && ami.value.kind === 'scalar');
    assert.equal(ami.value.value, 'ami-0second');
    assert.equal(ami.location.file, join(dir, 'b_override.tf'));
    const tags = web.desired.entries.get('tags');
    assert.ok(tags?.kind === 'attribute' && tags.value.kind === 'map');
    const env = tags.value.entries.get('Env');
    assert.ok(env?.kind === 'scalar');
    assert.equal(env.value, 'prod');
  });

  it('merges a JSON override file', async () => {
    const index = await indexModule(dir);
    const json = await fixture('overrides/override.tf.json');
    const cidr = resource(index, 'aws_vpc.main').body.attributes.cidr_block;
    assert.equal(cidr.file, json.file);
    assert.deepEqual(lsp(cidr.valueRange), rangeOfText(json.text, '"10.1.0.0/16"'));
  });

  it('reports an override block with no original as a diagnostic of the override file, and the scan goes on', async () => {
    const index = merged({
      'main.tf': 'variable "region" {\n  default = "eu-west-1"\n}\n',
      'override.tf': 'resource "aws_s3_bucket" "ghost" {\n  bucket = "x"\n}\nvariable "regoin" {\n  default = "us-east-1"\n}\nlocals {\n  a = 1\n}\n',
    });
    assert.deepEqual(index.files.map((f) => f.diagnostics.map((d) => d.message)), [
      [],
      [
        'Missing base resource "aws_s3_bucket" "ghost" to override: override file override.tf declares a block with no original.',
        'Missing base variable "regoin" to override: override file override.tf declares a block with no original.',
        'Missing base local value "a" to override: override file override.tf declares a block with no original.',
      ],
    ]);
    assert.deepEqual(lsp(index.files[1].diagnostics[0].range), { start: { line: 0, character: 0 }, end: { line: 0, character: 32 } });
    assert.equal(index.resources.length, 0);
    assert.deepEqual(Object.keys(index.variables), ['region']);

    const tmp = await mkdtemp(join(tmpdir(), 'driftlens-overrides-'));
    try {
      await writeFile(join(tmp, 'main.tf'), 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n');
      await writeFile(join(tmp, 'extra_override.tf'), 'resource "aws_vpc" "other" {\n}\n');
      const { roots, errors } = await resolveWorkspace(tmp);
      assert.deepEqual(roots[0].instances.map((i) => i.address), ['aws_vpc.main']);
      assert.ok(errors.some((e) => e.file === join(tmp, 'extra_override.tf') && e.message.includes('no original')), JSON.stringify(errors));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('still reports a resource declared twice in normal files, and depends_on in an override', () => {
    const index = merged({
      'a.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
      'b.tf': 'resource "aws_vpc" "main" {\n}\n',
      'b_override.tf': 'resource "aws_vpc" "main" {\n  depends_on = []\n}\n',
    });
    assert.deepEqual(index.files.map((f) => f.diagnostics.map((d) => d.message)), [
      [],
      ['Duplicate resource "aws_vpc" configuration: "aws_vpc.main" was already declared at a.tf:1.'],
      ['Unsupported override: the depends_on argument may not be used in an override block.'],
    ]);
  });

  it('applies several override files in lexical order of their names, then by position', () => {
    const files = {
      'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  enable_dns_support = true\n}\n',
      // Given out of order: the merge must still apply a_, then override.tf, then z_.
      'z_override.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.3.0.0/16"\n}\n',
      'override.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.2.0.0/16"\n  enable_dns_support = false\n}\n',
      'a_override.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.1.0.0/16"\n}\nresource "aws_vpc" "main" {\n  instance_tenancy = "dedicated"\n}\n',
    };
    const vpc = resource(merged(files), 'aws_vpc.main');
    const attrs = vpc.body.attributes;
    assert.equal(attrs.cidr_block.file, '/m/z_override.tf');
    assert.equal(attrs.enable_dns_support.file, '/m/override.tf');
    assert.equal(attrs.instance_tenancy.file, '/m/a_override.tf');
  });

  it('treats a dynamic block as the block type it generates', () => {
    const index = merged({
      'main.tf': [
        'resource "aws_security_group" "a" {\n  dynamic "ingress" {\n    for_each = [1]\n    content {}\n  }\n  egress {}\n}',
        'resource "aws_security_group" "b" {\n  ingress {}\n  ingress {}\n}',
      ].join('\n'),
      'override.tf': [
        'resource "aws_security_group" "a" {\n  ingress {}\n}',
        'resource "aws_security_group" "b" {\n  dynamic "ingress" {\n    for_each = [1, 2]\n    content {}\n  }\n}',
      ].join('\n'),
    });
    const shape = (r: DeclaredResource) => r.body.blocks.map((b) => [b.type, ...b.labels, b.file ?? 'original']);
    assert.deepEqual(shape(resource(index, 'aws_security_group.a')), [['egress', 'original'], ['ingress', '/m/override.tf']]);
    assert.deepEqual(shape(resource(index, 'aws_security_group.b')), [['dynamic', 'ingress', '/m/override.tf']]);
  });

  it('gives the same module from the per-file cache path as from indexModule, without touching cached parts', async () => {
    const names = ['a_override.tf', 'b_override.tf', 'main.tf', 'override.tf.json'];
    const parts = await Promise.all(names.map(async (n) => {
      const f = await fixture(`overrides/${n}`);
      return declareOneFile(f.file, f.text, parseTerraformText);
    }));
    const before = JSON.stringify(parts);
    assert.deepEqual(mergeFileDeclarations(dir, parts), await indexModule(dir));
    assert.equal(JSON.stringify(parts), before);
  });
});
