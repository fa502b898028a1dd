import assert from 'node:assert/strict';
import { join } from 'node:path';
import { indexModule } from '../../../src/iac/moduleIndex';
import { declareFile, emptyModuleIndex, impliedProvider } from '../../../src/iac/terraform/declared';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { literalValue } from '../../../src/iac/terraform/literal';
import type { ModuleIndex } from '../../../src/model';
import { fixture, fixturesDir, lsp, posAt, rangeOfText, offsetOf } from './helpers';

describe('declared resources (HCL)', () => {
  let prod: ModuleIndex;
  let main: { file: string; text: string };

  before(async () => {
    prod = await indexModule(join(fixturesDir, 'stacks', 'prod'));
    main = await fixture('stacks/prod/main.tf');
  });

  it('lists every resource block of the folder in file order, with type, name and absolute file', () => {
    assert.deepEqual(
      prod.resources.map((r) => r.address),
      [
        'aws_s3_bucket.this',
        'aws_s3_bucket_versioning.this',
        'aws_s3_bucket_public_access_block.logs',
        'aws_s3_bucket.replica',
        'aws_instance.bastion',
        'aws_cloudwatch_metric_alarm.cpu',
      ],
    );
    const bastion = prod.resources.find((r) => r.address === 'aws_instance.bastion')!;
    assert.equal(bastion.type, 'aws_instance');
    assert.equal(bastion.name, 'bastion');
    assert.equal(bastion.file, main.file);
    assert.equal(bastion.root, join(fixturesDir, 'stacks', 'prod'));
    assert.equal(prod.files.length, 3);
    assert.deepEqual(prod.files.flatMap((f) => f.diagnostics), []);
  });

  it('gives the block range from `resource` to the closing brace and the header range to the end of the last label', () => {
    const r = prod.resources.find((x) => x.address === 'aws_s3_bucket.replica')!;
    const start = offsetOf(main.text, 'resource "aws_s3_bucket" "replica"');
    const end = main.text.indexOf('\n}\n', start) + 2;
    assert.deepEqual(lsp(r.range), { start: posAt(main.text, start), end: posAt(main.text, end) });
    assert.equal(r.range.start.offset, start);
    assert.equal(r.range.end.offset, end);
    assert.deepEqual(lsp(r.headerRange), rangeOfText(main.text, 'resource "aws_s3_bucket" "replica"'));
  });

  it('gives each attribute its expression and the exact range of its value', () => {
    const r = prod.resources.find((x) => x.address === 'aws_instance.bastion')!;
    const type = r.body.attributes.instance_type;
    assert.deepEqual(lsp(type.valueRange), rangeOfText(main.text, '"t3.nano"'));
    assert.deepEqual(lsp(type.nameRange), rangeOfText(main.text, 'instance_type'));
    assert.equal(literalValue(type.expr), 't3.nano');
    const tags = r.body.attributes.tags;
    const tagsText = main.text.slice(tags.valueRange.start.offset, tags.valueRange.end.offset);
    assert.match(tagsText, /^\{\n\s+Name\s+= "\$\{local.name_prefix\}-bastion"[\s\S]*Index = 0.5\n\s+\}$/);
    assert.deepEqual(r.body.blocks.map((b) => b.type), ['root_block_device', 'metadata_options']);
    const rbd = r.body.blocks[0];
    assert.equal(literalValue(rbd.body.attributes.volume_size.expr), 8);
    const eight = offsetOf(main.text, 'volume_size = 8') + 'volume_size = '.length;
    assert.deepEqual(lsp(rbd.body.attributes.volume_size.valueRange), { start: posAt(main.text, eight), end: posAt(main.text, eight + 1) });
  });

  it('separates count and for_each from the attributes', () => {
    const buckets = prod.resources.find((x) => x.address === 'aws_s3_bucket.this')!;
    assert.ok(buckets.forEach);
    assert.equal(buckets.count, undefined);
    assert.equal(buckets.forEach.expr.kind, 'ScopeTraversal');
    assert.deepEqual(lsp(buckets.forEach.valueRange), rangeOfText(main.text, 'var.buckets', 1));
    assert.deepEqual(Object.keys(buckets.body.attributes), ['bucket', 'force_destroy']);
    const alarm = prod.resources.find((x) => x.address === 'aws_cloudwatch_metric_alarm.cpu')!;
    assert.equal(alarm.count, undefined);
    assert.equal(alarm.forEach, undefined);
  });

  it('resolves the provider configuration from `provider = aws.west` or from the type prefix', () => {
    assert.equal(prod.resources.find((x) => x.address === 'aws_s3_bucket.replica')!.provider, 'aws.west');
    assert.equal(prod.resources.find((x) => x.address === 'aws_instance.bastion')!.provider, 'aws');
    assert.equal(impliedProvider('azurerm_linux_virtual_machine'), 'azurerm');
    assert.equal(impliedProvider('google_compute_instance'), 'google');
    assert.equal(impliedProvider('random'), 'random');
  });

  it('reads variables, locals, providers, module calls, imports and the backend', () => {
    assert.deepEqual(Object.keys(prod.variables), ['region', 'buckets', 'environment']);
    assert.equal(literalValue(prod.variables.region.default!.expr), 'us-east-1');
    assert.equal(prod.variables.region.sensitive, false);
    assert.deepEqual(Object.keys(prod.locals), ['name_prefix', 'azs', 'subnet_cidrs', 'bucket_names', 'first_az']);
    assert.deepEqual(literalValue(prod.locals.azs.attribute.expr), ['us-east-1a', 'us-east-1b', 'us-east-1c']);
    assert.deepEqual(prod.providers.map((p) => [p.configName, p.name, p.alias]), [
      ['aws', 'aws', undefined],
      ['aws.west', 'aws', 'west'],
      ['aws.dr', 'aws', 'dr'],
    ]);
    assert.deepEqual(prod.moduleCalls.map((m) => [m.name, m.source]), [
      ['vpc', 'terraform-aws-modules/vpc/aws'],
      ['web_sg', '../../aws-security-group'],
    ]);
    assert.deepEqual(prod.imports.map((i) => i.to), ['aws_s3_bucket.replica', 'aws_s3_bucket.this["logs"]']);
    assert.equal(literalValue(prod.imports[0].id!.expr), 'acme-prod-replica-us-west-2');
    assert.equal(prod.backend, 's3');
  });

  it('marks sensitive variables and keeps data sources apart from resources', async () => {
    const ec2 = await indexModule(join(fixturesDir, 'aws-ec2-instance'));
    assert.equal(ec2.variables.db_password.sensitive, true);
    assert.equal(ec2.variables.db_password.default, undefined);
    assert.equal(ec2.variables.name.sensitive, false);
    assert.deepEqual(ec2.dataSources.map((d) => d.address), ['data.aws_iam_policy_document.assume_role_policy', 'data.aws_partition.current', 'data.aws_ssm_parameter.this']);
    assert.ok(ec2.resources.every((r) => !r.address.startsWith('data.')));
    const instance = ec2.resources.find((r) => r.address === 'aws_instance.this')!;
    assert.ok(instance.count);
    assert.deepEqual(instance.body.blocks.map((b) => [b.type, b.labels]), [
      ['dynamic', ['capacity_reservation_specification']],
      ['root_block_device', []],
      ['dynamic', ['ebs_block_device']],
      ['metadata_options', []],
      ['credit_specification', []],
      ['timeouts', []],
      ['lifecycle', []],
    ]);
  });

  it('keeps the first of a repeated argument and still indexes a file with syntax errors', () => {
    const text = 'resource "aws_sqs_queue" "q" {\n  name = "a"\n  name = "b"\n  delay_seconds = \n}\nresource "aws_sqs_queue" "after" {}\n';
    const parsed = parseHcl(text);
    const index = emptyModuleIndex('/m');
    declareFile(index, '/m/q.tf', parsed.body, text);
    assert.ok(parsed.diagnostics.length > 0);
    assert.deepEqual(index.resources.map((r) => r.address), ['aws_sqs_queue.q', 'aws_sqs_queue.after']);
    assert.equal(literalValue(index.resources[0].body.attributes.name.expr), 'a');
  });

  it('reports a resource declared twice in a module (but not in override files), keeping both', () => {
    const index = emptyModuleIndex('/m');
    const a = 'resource "aws_sqs_queue" "q" {\n  name = "a"\n}\n';
    const b = '\n\nresource "aws_sqs_queue" "q" {\n  name = "b"\n}\n';
    assert.deepEqual(declareFile(index, '/m/a.tf', parseHcl(a).body, a), []);
    const problems = declareFile(index, '/m/b.tf', parseHcl(b).body, b);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'Duplicate resource "aws_sqs_queue" configuration: "aws_sqs_queue.q" was already declared at a.tf:1.');
    assert.deepEqual(lsp(problems[0].range), { start: { line: 2, character: 0 }, end: { line: 2, character: 28 } });
    assert.deepEqual(declareFile(index, '/m/b_override.tf', parseHcl(b).body, b), []);
    assert.equal(index.resources.length, 3);
  });

  it('finds the first declaration of an address among thousands in one file', () => {
    const index = emptyModuleIndex('/m');
    const many = Array.from({ length: 3000 }, (_, i) => `resource "null_resource" "r${i}" {\n}\n`).join('') + 'resource "null_resource" "r1500" {\n}\n';
    const problems = declareFile(index, '/m/gen.tf', parseHcl(many).body, many);
    assert.deepEqual(problems.map((p) => p.message), ['Duplicate resource "null_resource" configuration: "null_resource.r1500" was already declared at gen.tf:3001.']);
    assert.equal(index.resources.length, 3001);
  });

  // Found while checking public code: a block with a missing or extra label vanished from the inventory without a word.
  it('reports resource, data, variable and module blocks with the wrong number of labels', () => {
    const text = [
      'resource "aws_instance" {',
      '}',
      'resource "aws_instance" "a" "extra" {',
      '}',
      'data "aws_ami" {',
      '}',
      'variable {',
      '}',
      'module "m" "n" {',
      '}',
      'resource "ok" "fine" {',
      '}',
    ].join('\n');
    const index = emptyModuleIndex('/m');
    const problems = declareFile(index, '/m/main.tf', parseHcl(text).body, text);
    assert.deepEqual(problems.map((p) => [p.range.start.line, p.message]), [
      [0, 'Missing name for resource: a resource block needs 2 labels (type, name), found 1; it is not indexed.'],
      [2, 'Extraneous label for resource: a resource block takes only 2 labels (type, name).'],
      [4, 'Missing name for data: a data block needs 2 labels (type, name), found 1; it is not indexed.'],
      [6, 'Missing name for variable: a variable block needs 1 label (name), found 0; it is not indexed.'],
      [8, 'Extraneous label for module: a module block takes only 1 label (name).'],
    ]);
    assert.deepEqual(lsp(problems[1].range), rangeOfText(text, '"extra"'));
    // The block with an extra label is still declared by its first two labels, as before.
    assert.deepEqual(index.resources.map((r) => r.address), ['aws_instance.a', 'ok.fine']);
  });
});
