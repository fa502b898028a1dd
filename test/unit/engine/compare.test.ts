import { strict as assert } from 'node:assert';
import type { Drift, TypeSchema, Value } from '../../../src/model';
import { compareResource } from '../../../src/engine/compare';
import { awsTypeSchema } from '../../../src/providers/aws/schema';
import { resolveRoot } from '../../../src/engine/resolve';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { memoryIo, moduleFrom, textAt } from './helpers';

const DIR = '/ws';

/** Compares the first resource of `hcl` (plus `variables`) with `live`. */
async function compare(hcl: string, live: Record<string, Value>, schema?: TypeSchema, extra: Record<string, string> = {}) {
  const files = { 'main.tf': hcl, ...extra };
  const root = await resolveRoot(moduleFrom(DIR, files), Object.keys(files), { io: memoryIo(DIR, files), parse: parseHcl });
  const inst = root.instances[0];
  return compareResource(inst.resource.type, inst.desired, live, schema ?? awsTypeSchema(inst.resource.type, 'sg-self'));
}

const attrs = (drifts: Drift[]) => drifts.map((d) => d.attribute);

const instanceLive = (patch: Record<string, Value> = {}): Record<string, Value> => ({
  ami: 'ami-1', instance_type: 't3.micro', subnet_id: 'subnet-1', vpc_security_group_ids: ['sg-1', 'sg-2'], key_name: null, monitoring: false,
  ebs_optimized: false, tags: { Name: 'web' }, metadata_options: [{ http_tokens: 'required' }], ...patch,
});

describe('engine: compare', () => {
  it('compares only what the code declares and words the drift as code vs live', async () => {
    const hcl = 'resource "aws_instance" "web" {\n  instance_type = "t3.micro"\n}\n';
    const same = await compare(hcl, instanceLive({ ami: 'ami-other', key_name: 'k' }));
    assert.deepEqual(same, { drifts: [], unverified: [] });
    const { drifts } = await compare(hcl, instanceLive({ instance_type: 't3.large' }));
    assert.equal(drifts.length, 1);
    assert.equal(drifts[0].message, 'instance_type: code says "t3.micro", live is "t3.large"');
    assert.equal(drifts[0].severity, 'warning');
    assert.equal(drifts[0].fixable, true);
    assert.equal(textAt(hcl, drifts[0].location.range), '"t3.micro"');
  });

  it('compares sets without order', async () => {
    const hcl = 'resource "aws_instance" "web" {\n  vpc_security_group_ids = ["sg-2", "sg-1"]\n}\n';
    assert.deepEqual((await compare(hcl, instanceLive())).drifts, []);
    const { drifts } = await compare(hcl, instanceLive({ vpc_security_group_ids: ['sg-1', 'sg-3'] }));
    assert.deepEqual(attrs(drifts), ['vpc_security_group_ids']);
  });

  it('treats null, empty and absent as equal, and `x = null` as not set', async () => {
    const hcl = 'resource "aws_instance" "web" {\n  key_name = ""\n  user_data = null\n  vpc_security_group_ids = []\n}\n';
    const { drifts, unverified } = await compare(hcl, instanceLive({ key_name: null, vpc_security_group_ids: [] }));
    assert.deepEqual(drifts, []);
    assert.deepEqual(unverified, []);
  });

  it('converts numeric and boolean strings as Terraform does', async () => {
    const hcl = 'resource "aws_instance" "web" {\n  monitoring = "true"\n  root_block_device {\n    volume_size = "8"\n  }\n}\n';
    const live = instanceLive({ monitoring: true, root_block_device: [{ volume_size: 8, volume_type: 'gp3', encrypted: false }] });
    assert.deepEqual((await compare(hcl, live)).drifts, []);
    const { drifts } = await compare(hcl, instanceLive({ monitoring: true, root_block_device: [{ volume_size: 10, volume_type: 'gp3' }] }));
    assert.deepEqual(attrs(drifts), ['root_block_device.volume_size']);
    assert.equal(drifts[0].message, 'root_block_device.volume_size: code says "8", live is 10');
  });

  it('compares nested blocks only for the sub-attributes the code declares', async () => {
    const hcl = 'resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 20\n  }\n}\n';
    const live = instanceLive({ root_block_device: [{ volume_size: 20, volume_type: 'io2', encrypted: true }] });
    assert.deepEqual((await compare(hcl, live)).drifts, []);
  });

  it('requires the live tag map to equal the code, ignoring aws: tags, one drift per tag', async () => {
    const hcl = 'resource "aws_instance" "web" {\n  tags = {\n    Name = "web"\n    Env  = "prod"\n  }\n}\n';
    const inSync = await compare(hcl, instanceLive({ tags: { Name: 'web', Env: 'prod', 'aws:autoscaling:groupName': 'g' } }));
    assert.deepEqual(inSync.drifts, []);
    const { drifts } = await compare(hcl, instanceLive({ tags: { Name: 'web', Env: 'dev', Owner: 'bob' } }));
    assert.deepEqual(attrs(drifts), ['tags.Env', 'tags.Owner']);
    assert.deepEqual(drifts.map((d) => d.severity), ['info', 'info']);
    assert.equal(textAt(hcl, drifts[0].location.range), '"prod"', 'the squiggle sits on the tag value itself');
    assert.deepEqual([drifts[1].expected, drifts[1].actual, drifts[1].fixable], [null, 'bob', false]);
    const removed = await compare(hcl, instanceLive({ tags: { Name: 'web' } }));
    assert.deepEqual(removed.drifts.map((d) => [d.attribute, d.expected, d.actual]), [['tags.Env', 'prod', null]]);
  });

  it('makes unknown values unverified attributes, never drift', async () => {
    const hcl = 'data "aws_ami" "x" {}\nresource "aws_instance" "web" {\n  ami = data.aws_ami.x.id\n  instance_type = var.size\n  tags = { Name = "web", Build = data.aws_ami.x.name }\n}\nvariable "size" {}\n';
    const { drifts, unverified } = await compare(hcl, instanceLive({ ami: 'ami-other', instance_type: 'x', tags: { Name: 'web', Build: 'z' } }));
    assert.deepEqual(drifts, []);
    assert.deepEqual(unverified.map((u) => [u.attribute, u.reason]), [
      ['ami', 'data source data.aws_ami.x'],
      ['instance_type', 'var.size has no value (no default, not set in terraform.tfvars or *.auto.tfvars, TF_VAR_size, --var-file or --var)'],
      ['tags.Build', 'data source data.aws_ami.x'],
    ]);
  });

  it('reports an attribute the mapper does not read as unverified', async () => {
    const hcl = 'resource "aws_instance" "web" {\n  user_data = "#!/bin/sh"\n}\n';
    const { drifts, unverified } = await compare(hcl, instanceLive());
    assert.deepEqual(drifts, []);
    assert.deepEqual(unverified.map((u) => u.attribute), ['user_data']);
  });

  describe('security-group rules', () => {
    const sg = `resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16", "192.168.0.0/24"]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "6"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
`;
    const rule = (from: number, cidrs: string[], description = '', protocol = 'tcp'): Value => ({ protocol, from_port: from, to_port: from, cidr_blocks: cidrs, ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description });

    it('is in sync whatever the order of rules and sources', async () => {
      const live = { ingress: [rule(22, ['10.0.0.0/16']), rule(443, ['192.168.0.0/24']), rule(443, ['10.0.0.0/16'])], egress: [], tags: {} };
      assert.deepEqual((await compare(sg, live)).drifts, []);
    });

    it('flags a rule open to the world that the code does not declare as an error', async () => {
      const live = { ingress: [rule(22, ['10.0.0.0/16', '0.0.0.0/0']), rule(443, ['192.168.0.0/24', '10.0.0.0/16'])], tags: {} };
      const { drifts } = await compare(sg, live);
      assert.deepEqual(attrs(drifts), ['ingress']);
      assert.equal(drifts[0].severity, 'error');
      assert.match(drifts[0].message, /live has 1 item the code does not declare: tcp 22 from cidr:0\.0\.0\.0\/0/);
    });

    it('keeps a non-public extra rule or a removed rule a warning', async () => {
      const extra = await compare(sg, { ingress: [rule(22, ['10.0.0.0/16', '10.9.0.0/16']), rule(443, ['192.168.0.0/24', '10.0.0.0/16'])] });
      assert.equal(extra.drifts[0].severity, 'warning');
      const removed = await compare(sg, { ingress: [rule(443, ['192.168.0.0/24', '10.0.0.0/16'])] });
      assert.equal(removed.drifts[0].severity, 'warning');
      assert.match(removed.drifts[0].message, /1 item declared in code is not live/);
    });
  });

  it('masks sensitive values and never offers to write them', async () => {
    const hcl = 'resource "aws_instance" "web" {\n  key_name = var.key\n}\nvariable "key" {\n  default = "prod-key"\n  sensitive = true\n}\n';
    const { drifts } = await compare(hcl, instanceLive({ key_name: 'other-key' }));
    assert.deepEqual([drifts[0].expected, drifts[0].actual, drifts[0].fixable, drifts[0].sensitive], ['(sensitive)', '(sensitive)', false, true]);
    assert.doesNotMatch(drifts[0].message, /prod-key|other-key/);
  });

  it('points a drift of a value from a variable default at the default, and still squiggles the attribute', async () => {
    const variables = 'variable "size" {\n  default = "t3.micro"\n}\n';
    const hcl = 'resource "aws_instance" "web" {\n  instance_type = var.size\n}\n';
    const { drifts } = await compare(hcl, instanceLive({ instance_type: 't3.large' }), undefined, { 'variables.tf': variables });
    assert.equal(textAt(hcl, drifts[0].location.range), 'var.size');
    assert.equal(drifts[0].origin?.file, `${DIR}/variables.tf`);
    assert.equal(textAt(variables, drifts[0].origin!.range), '"t3.micro"');
    assert.equal(drifts[0].fixable, true);
  });
});
