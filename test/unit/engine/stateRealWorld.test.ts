// State files as Terraform really writes them (fixtures in test/fixtures/tfstate, modelled on
// hashicorp/terraform's statefile format 4 and its roundtrip test data), and the resolution that
// depends on them: count / for_each without `each`, modules, deposed and tainted objects.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveRoot } from '../../../src/engine/resolve';
import { instanceKeyText, parseState, StateError } from '../../../src/iac/terraform/state';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { memoryIo, moduleFrom } from './helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'tfstate');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ids = (text: string) => [...parseState(text).resources.values()].flatMap((r) => r.instances.map((i) => `${i.address} ${i.id}`));

describe('engine: real-world terraform.tfstate', () => {
  it('reads a Terraform 1.x state: addresses, IDs, data vs managed, deposed skipped, tainted kept and marked', () => {
    const state = parseState(fixture('modern.tfstate'), 'modern.tfstate');
    assert.deepEqual([state.terraformVersion, state.serial, state.lineage], ['1.9.8', 118, '5f0c3b9e-7d3a-2c41-9b1e-2f6a8d0c4e71']);
    assert.deepEqual(ids(fixture('modern.tfstate')), [
      'data.aws_ami.al2023 ami-0123456789abcdef0',
      'aws_instance.web[0] i-0aaaaaaaaaaaaaaa0',
      'aws_instance.web[1] i-0aaaaaaaaaaaaaaa1',
      'aws_security_group.this["api"] sg-0bb0000000000000a',
      'aws_security_group.this["db \\"primary\\""] sg-0bb0000000000000b',
      'aws_ec2_instance_state.web i-0aaaaaaaaaaaaaaa0',
      'module.network.aws_subnet.private[0] subnet-0aa0000000000000a',
      'module.network.aws_subnet.private[1] subnet-0aa0000000000000b',
      'module.regions["eu-west-1"].module.vpc[0].aws_vpc.this vpc-0f00000000000000a',
    ]);
    const web = state.resources.get('aws_instance.web')!;
    assert.equal(web.mode, 'managed');
    assert.deepEqual(web.instances.map((i) => i.tainted ?? false), [false, true]);
    assert.deepEqual(web.instances[0].sensitivePaths, [['root_block_device', 0, 'kms_key_id']]);
    assert.equal(state.resources.get('data.aws_ami.al2023')?.mode, 'data');
    assert.equal(state.resources.get('module.network.aws_subnet.private')?.provider, 'provider["registry.terraform.io/hashicorp/aws"].eu');
  });

  it('infers count / for_each from instance keys, since Terraform after 0.12 no longer writes "each"', () => {
    const state = parseState(fixture('modern.tfstate'));
    assert.equal(state.resources.get('aws_instance.web')?.each, 'list');
    assert.equal(state.resources.get('aws_security_group.this')?.each, 'map');
    assert.equal(state.resources.get('aws_ec2_instance_state.web')?.each, undefined);
    assert.equal(state.resources.get('module.network.aws_subnet.private')?.each, 'list');
  });

  it('keeps root outputs with their sensitivity, and tolerates check_results and unknown fields', () => {
    const state = parseState(fixture('modern.tfstate'));
    assert.deepEqual(state.outputs.get('db_password'), { value: 's3cr3t-value', sensitive: true });
    assert.deepEqual(state.outputs.get('private_subnet_ids'), { value: ['subnet-0aa0000000000000a', 'subnet-0aa0000000000000b'], sensitive: false });
    assert.equal(parseState(fixture('empty.tfstate')).outputs.size, 0);
  });

  it('an empty state (after destroy) has no resources and no error', () => {
    const state = parseState(fixture('empty.tfstate'));
    assert.equal(state.resources.size, 0);
  });

  it('reads a first-generation format 4 state: each, attributes_flat, legacy provider strings', () => {
    const state = parseState(fixture('legacy-0.12.tfstate'));
    assert.deepEqual(ids(fixture('legacy-0.12.tfstate')), ['aws_instance.app[0] i-0ccccccccccccccc0', 'aws_subnet.main subnet-0cc0000000000000a', 'module.dns.aws_route53_record.www["a"] Z123_www_A']);
    const app = state.resources.get('aws_instance.app')!.instances[0].attributes;
    assert.deepEqual(app.tags, { Name: 'app-0', Env: 'prod' });
    assert.deepEqual(app.vpc_security_group_ids, ['sg-0cc0000000000000a']);
    assert.equal(state.resources.get('aws_subnet.main')!.instances[0].attributes.cidr_block, '10.1.0.0/24');
  });

  it('explains format 3, future formats, UTF-16 files and a byte-order mark', () => {
    assert.throws(() => parseState(fixture('v3.tfstate'), 'terraform.tfstate'), (e: unknown) => e instanceof StateError && /format version 3; .*Terraform 0\.11 or older.*Terraform 0\.12 or later/.test(e.message));
    assert.throws(() => parseState('{"version": 5, "resources": []}'), /format version 5; DriftLens reads state format version 4, and this one is newer than DriftLens understands/);
    const utf16 = Buffer.from('\ufeff' + fixture('empty.tfstate'), 'utf16le').toString('utf8');
    assert.throws(() => parseState(utf16, 'terraform.tfstate'), /not UTF-8 \(saved as UTF-16, as PowerShell's `>` does\); write it with `terraform state pull \| Out-File -Encoding utf8 terraform\.tfstate`/);
    assert.equal(parseState('\ufeff' + fixture('modern.tfstate')).serial, 118);
  });

  it('skips what Terraform itself rejects: unknown modes, fractional keys, duplicate instances', () => {
    const text = JSON.stringify({
      version: 4, serial: 1, lineage: 'l', outputs: {},
      resources: [
        { mode: 'list', type: 'aws_instance', name: 'q', provider: 'p', instances: [{ attributes: { id: 'i-q' } }] },
        { mode: 'managed', type: 'aws_instance', name: 'x', provider: 'p', instances: [{ index_key: 1.5, attributes: { id: 'i-frac' } }, { index_key: 0, attributes: { id: 'i-0' } }, { index_key: 0, attributes: { id: 'i-dup' } }] },
      ],
    });
    assert.deepEqual(ids(text), ['aws_instance.x[0] i-0']);
  });

  it('quotes string keys as Terraform does, so module instance addresses match state', () => {
    assert.equal(instanceKeyText('a"b\\c'), '["a\\"b\\\\c"]');
    assert.equal(instanceKeyText('${x} %{y} $z'), '["$${x} %%{y} $z"]');
    assert.equal(instanceKeyText('tab\there\u0007'), '["tab\\there\\u0007"]');
    assert.equal(instanceKeyText('héllo 🚀'), '["héllo 🚀"]');
    assert.equal(instanceKeyText(3), '[3]');
  });

  it('parses a large state once, linearly (10,000 instances)', () => {
    const resources = Array.from({ length: 100 }, (_, r) => ({
      mode: 'managed', type: 'aws_instance', name: `n${r}`, provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: Array.from({ length: 100 }, (_, k) => ({ index_key: `k${k}`, schema_version: 1, attributes: { id: `i-${r}-${k}`, tags: { Name: `n${k}` } }, sensitive_attributes: [] })),
    }));
    const state = parseState(JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'l', outputs: {}, resources }));
    assert.equal([...state.resources.values()].reduce((n, r) => n + r.instances.length, 0), 10_000);
    assert.equal(state.resources.get('aws_instance.n99')?.instances[99].address, 'aws_instance.n99["k99"]');
  });

  it('resolves references into count and for_each resources of a modern state (no "each" field)', async () => {
    const hcl = [
      'resource "aws_subnet" "private" {',
      '  count      = 2',
      '  cidr_block = "10.0.${count.index + 1}.0/24"',
      '}',
      'resource "aws_security_group" "this" {',
      '  for_each = toset(["api"])',
      '  name     = each.key',
      '}',
      'resource "aws_instance" "web" {',
      '  subnet_id              = aws_subnet.private[1].id',
      '  vpc_security_group_ids = [aws_security_group.this["api"].id]',
      '}',
      '',
    ].join('\n');
    const state = {
      version: 4, terraform_version: '1.11.4', serial: 3, lineage: 'l', outputs: {},
      resources: [
        { mode: 'managed', type: 'aws_subnet', name: 'private', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [0, 1].map((k) => ({ index_key: k, schema_version: 1, attributes: { id: `subnet-${k}` }, sensitive_attributes: [] })) },
        { mode: 'managed', type: 'aws_security_group', name: 'this', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ index_key: 'api', schema_version: 1, attributes: { id: 'sg-api' }, sensitive_attributes: [] }] },
        { mode: 'managed', type: 'aws_instance', name: 'web', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 1, attributes: { id: 'i-web' }, sensitive_attributes: [] }] },
      ],
    };
    const files = { 'main.tf': hcl, 'terraform.tfstate': JSON.stringify(state) };
    const root = await resolveRoot(moduleFrom('/ws', files), Object.keys(files), { io: memoryIo('/ws', files), parse: parseHcl });
    assert.deepEqual(root.errors, []);
    const web = root.instances.find((i) => i.address === 'aws_instance.web')!;
    const value = (name: string) => {
      const e = web.desired.entries.get(name);
      return e?.kind === 'attribute' ? e.value : undefined;
    };
    assert.deepEqual(value('subnet_id'), { ...value('subnet_id'), kind: 'scalar', value: 'subnet-1' });
    const sgs = value('vpc_security_group_ids');
    assert.equal(sgs?.kind, 'list');
    assert.deepEqual(sgs?.kind === 'list' ? sgs.items.map((i) => (i.kind === 'scalar' ? i.value : i.kind)) : [], ['sg-api']);
    assert.deepEqual(root.instances.map((i) => `${i.address} ${i.liveId}`).sort(), ['aws_instance.web i-web', 'aws_security_group.this["api"] sg-api', 'aws_subnet.private[0] subnet-0', 'aws_subnet.private[1] subnet-1']);
  });
});
