// Mappers meet partial objects from emulators and old API versions: they never throw, never
// guess a value the answer lacks, and an absent value never drifts against a declared empty one.
import assert from 'node:assert/strict';
import type { Value } from '../../../src/model';
import { awsTypeSchema } from '../../../src/providers/aws/schema';
import { compareResource } from '../../../src/engine/compare';
import { resolveRoot } from '../../../src/engine/resolve';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { AWS_MAPPERS, awsMapperFor } from '../../../src/providers/aws/mappers';
import { idsNamedIn } from '../../../src/providers/aws/describe';
import { permissionsToRules } from '../../../src/providers/aws/securityGroupRules';
import { memoryIo, moduleFrom } from '../engine/helpers';
import { binding, fakeCredentials, fetchContext, resultFor, setAwsEnv } from './awsTestEnv';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';

describe('AWS mappers on partial answers', () => {
  it('no mapper throws on an empty object, on empty lists, or on a bare output', () => {
    for (const m of AWS_MAPPERS) {
      const unreadable: Record<string, string> = {};
      assert.doesNotThrow(() => m.toAttributes({}, undefined, unreadable), m.type);
      assert.doesNotThrow(() => m.toAttributes({ Tags: [], SecurityGroups: [], NetworkInterfaces: [], BlockDeviceMappings: [], IpPermissions: [] }, {}, {}), m.type);
      assert.deepEqual(m.describe.items({}), [], m.type);
      assert.equal(m.describe.idOf({}), undefined, m.type);
      assert.equal(m.gone?.({}), undefined, m.type);
    }
  });

  it('a bare instance: present things are empty, lacking ones are named, none is guessed', () => {
    const unreadable: Record<string, string> = {};
    const attrs = awsMapperFor('aws_instance')!.toAttributes({ InstanceId: 'i-1' }, undefined, unreadable);
    assert.deepEqual(attrs, { ami: null, instance_type: null, subnet_id: null, vpc_security_group_ids: [], key_name: null, private_ip: null, ebs_optimized: false, iam_instance_profile: null, tags: {}, associate_public_ip_address: false, network_interface: [] });
    assert.deepEqual(Object.keys(unreadable).sort(), ['availability_zone', 'capacity_reservation_specification', 'cpu_core_count', 'cpu_options', 'cpu_threads_per_core', 'enclave_options', 'hibernation', 'maintenance_options', 'metadata_options', 'monitoring', 'private_dns_name_options', 'source_dest_check']);
  });

  it('rules without protocol, ports, or with empty sources do not throw and keep what is there', () => {
    const rules = permissionsToRules([{}, { IpProtocol: ' TCP ', FromPort: 22, ToPort: 22, IpRanges: [{}, { CidrIp: '10.0.0.0/8' }], UserIdGroupPairs: [{}, { GroupName: 'legacy' }] }], { selfId: 'sg-1' });
    assert.deepEqual(rules.map((r) => [r.protocol, r.from_port, r.cidr_blocks, r.security_groups]), [['tcp', 22, ['10.0.0.0/8'], ['legacy']]]);
  });

  it('finds IDs in the ways emulators quote them', () => {
    const ids = ['sg-1', 'sg-12', 'vpc-a'];
    assert.deepEqual(idsNamedIn("The security group '{'sg-12', 'vpc-a'}' does not exist", ids), ['sg-12', 'vpc-a']);
    assert.deepEqual(idsNamedIn("The instance ID '['sg-1']' does not exist", ids), ['sg-1']);
    assert.deepEqual(idsNamedIn('VpcID {vpc-a} does not exist.', ids), ['vpc-a']);
    assert.deepEqual(idsNamedIn('The security group ID sg-123 does not exist', ids), []);
  });

  it('declared empties equal absent live values; a lacking attribute is unverified with the reason', async () => {
    const hcl = [
      'resource "aws_instance" "web" {',
      '  key_name               = ""',
      '  vpc_security_group_ids = []',
      '  tags                   = {}',
      '  iam_instance_profile   = null',
      '  monitoring             = false',
      '}',
      '',
    ].join('\n');
    const files = { 'main.tf': hcl };
    const root = await resolveRoot(moduleFrom('/ws', files), ['main.tf'], { io: memoryIo('/ws', files), parse: parseHcl });
    const inst = root.instances[0];
    const live: Record<string, Value> = { key_name: null, vpc_security_group_ids: [], tags: {}, iam_instance_profile: null };
    const { drifts, unverified } = compareResource('aws_instance', inst.desired, live, awsTypeSchema('aws_instance', 'i-1'), { monitoring: 'the EC2 answer has no monitoring state' });
    assert.deepEqual(drifts, []);
    assert.deepEqual(unverified.map((u) => [u.attribute, u.reason]), [['monitoring', 'the EC2 answer has no monitoring state']]);
  });

  it('without a region anywhere, the answer says where to set one', async () => {
    const restore = setAwsEnv({ ...fakeCredentials('http://127.0.0.1:9'), AWS_REGION: '' });
    delete process.env.AWS_REGION;
    try {
      const b = binding('aws_vpc', 'vpc-1', ['cidr_block']);
      const r = resultFor(await createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch([b], fetchContext()), b);
      assert.deepEqual(r, { status: 'error', kind: 'other', reason: 'no AWS region: set `region` in the provider block, AWS_REGION, or --region' });
    } finally {
      restore();
    }
  });
});
