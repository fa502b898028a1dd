// Unmanaged AWS resources: listed inside the VPCs the code manages, one filtered Describe per
// type, region and page, through the real SDK against the fake EC2.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanWorkspace } from '../../../src/engine/scan';
import { formatText } from '../../../src/engine/report/text';
import { createAwsProvider } from '../../../src/providers/aws';
import { type FakeEc2 } from '../../fakes/ec2';
import type { Ec2Seed } from '../../fakes/ec2/seed';
import { FIXTURES } from '../engine/helpers';
import { binding, fetchContext, hexId, useFakeEc2 } from './awsTestEnv';

const FIXTURE = join(FIXTURES, 'ec2-basic');
const MANAGED_VPC = 'vpc-0a1b2c3d4e5f60001';
const MANAGED_SUBNET = 'subnet-0a1b2c3d4e5f60001';
const OTHER_VPC = 'vpc-0e0e0e0e0e0e00001';

/** What people did in the console of the fixture's account, next to the code's resources. */
const consoleWork: Ec2Seed = {
  vpcs: [{ id: OTHER_VPC, cidrBlock: '10.9.0.0/16', tags: { Name: 'someone-else' } }],
  subnets: [
    { id: 'subnet-0c0c0c0c0c0c00001', vpcId: MANAGED_VPC, cidrBlock: '10.0.9.0/24', availabilityZone: 'us-east-1b', tags: { Name: 'scratch' } },
    { id: 'subnet-0e0e0e0e0e0e00001', vpcId: OTHER_VPC, cidrBlock: '10.9.1.0/24', availabilityZone: 'us-east-1a' },
  ],
  securityGroups: [
    { id: 'sg-0c0c0c0c0c0c00001', name: 'debug-from-console', description: 'launch-wizard', vpcId: MANAGED_VPC, ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] }] },
    // Every VPC has one; Terraform never creates it.
    { id: 'sg-0d0d0d0d0d0d00001', name: 'default', description: 'default VPC security group', vpcId: MANAGED_VPC },
    { id: 'sg-0e0e0e0e0e0e00001', name: 'theirs', description: 'in a VPC the code does not manage', vpcId: OTHER_VPC },
  ],
  instances: [
    { id: 'i-0c0c0c0c0c0c00001', ami: 'ami-0abcdef1234567890', instanceType: 't3.nano', subnetId: MANAGED_SUBNET, tags: { Name: 'hand-made' } },
    { id: 'i-0c0c0c0c0c0c00002', ami: 'ami-0abcdef1234567890', instanceType: 't3.nano', subnetId: MANAGED_SUBNET, state: 'stopped' },
    { id: 'i-0c0c0c0c0c0c00003', ami: 'ami-0abcdef1234567890', instanceType: 't3.nano', subnetId: MANAGED_SUBNET, state: 'terminated', tags: { Name: 'long-gone' } },
    { id: 'i-0c0c0c0c0c0c00004', ami: 'ami-0abcdef1234567890', instanceType: 't3.nano', subnetId: MANAGED_SUBNET, tags: { Name: 'asg-node', 'aws:autoscaling:groupName': 'workers' } },
    { id: 'i-0e0e0e0e0e0e00001', ami: 'ami-0abcdef1234567890', instanceType: 't3.nano', subnetId: 'subnet-0e0e0e0e0e0e00001', tags: { Name: 'not-ours' } },
  ],
};

const EXPECTED_UNMANAGED = [
  { type: 'aws_instance', liveId: 'i-0c0c0c0c0c0c00001', region: 'us-east-1', name: 'hand-made' },
  { type: 'aws_instance', liveId: 'i-0c0c0c0c0c0c00002', region: 'us-east-1' },
  { type: 'aws_security_group', liveId: 'sg-0c0c0c0c0c0c00001', region: 'us-east-1', name: 'debug-from-console' },
  { type: 'aws_subnet', liveId: 'subnet-0c0c0c0c0c0c00001', region: 'us-east-1', name: 'scratch' },
];

const listings = (fake: FakeEc2) => fake.calls.filter((c) => c.params['Filter.1.Name'] === 'vpc-id');
const filterValues = (params: Record<string, string>, n = 1) => Object.keys(params).filter((k) => k.startsWith(`Filter.${n}.Value.`)).map((k) => params[k]).sort();

describe('AWS unmanaged resources (real SDK against the fake EC2)', () => {
  const fakes = useFakeEc2();
  const start = (seed: Ec2Seed, pageSize?: number) => fakes.start(seed, { pageSize });
  const fixtureSeed = (): Ec2Seed => JSON.parse(readFileSync(join(FIXTURE, 'seed.json'), 'utf8'));
  const scan = () => scanWorkspace({ dir: FIXTURE, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] }).then((o) => o.result);

  it('reports what the console added inside the managed VPC, and nothing the code declares, the default group, gone or ASG instances, or other VPCs', async () => {
    const f = await start(fixtureSeed());
    f.state.load(consoleWork);
    const result = await scan();
    assert.deepEqual(result.unmanaged, EXPECTED_UNMANAGED);
    assert.equal(result.summary.unmanaged, 4);
    // The code's own resources are compared as before.
    assert.deepEqual([result.summary.inSync, result.summary.drifted, result.summary.missing], [7, 0, 0]);
    assert.deepEqual(result.errors, []);
    // One filtered call per listable type, holding only the managed VPC; instances filtered by live states.
    const calls = listings(f);
    // (Internet and VPN gateways and peerings filter on their attachment's VPC instead: attachment.vpc-id, requester-vpc-info.vpc-id.)
    assert.deepEqual(calls.map((c) => c.action).sort(), [
      'DescribeInstances', 'DescribeNatGateways', 'DescribeNetworkAcls', 'DescribeNetworkInterfaces', 'DescribeRouteTables', 'DescribeSecurityGroups', 'DescribeSubnets', 'DescribeTransitGatewayVpcAttachments', 'DescribeVpcEndpoints',
    ]);
    for (const c of calls) assert.deepEqual(filterValues(c.params), [MANAGED_VPC], c.action);
    const instances = calls.find((c) => c.action === 'DescribeInstances')!.params;
    assert.equal(instances['Filter.2.Name'], 'instance-state-name');
    assert.deepEqual(filterValues(instances, 2), ['pending', 'running', 'stopped', 'stopping']);
    assert.ok(f.calls.every((c) => c.action.startsWith('Describe')));
  });

  it('finds nothing unmanaged when the account holds only what the code declares', async () => {
    await start(fixtureSeed());
    const result = await scan();
    assert.deepEqual(result.unmanaged, []);
    assert.equal(result.summary.unmanaged, 0);
  });

  it('prints unmanaged resources in their own section of the text report', async () => {
    const f = await start(fixtureSeed());
    f.state.load(consoleWork);
    const text = formatText(await scan());
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('UNMANAGED'));
    assert.ok(header > 0, text);
    assert.match(lines[header], /^UNMANAGED\s+LIVE ID\s+REGION\s+NAME$/);
    assert.match(lines[header + 3], /^aws_security_group\s+sg-0c0c0c0c0c0c00001\s+us-east-1\s+debug-from-console$/);
    assert.match(lines[header + 2], /^aws_instance\s+i-0c0c0c0c0c0c00002\s+us-east-1\s+-$/);
    assert.match(text, /, 4 unmanaged\n$/);
  });

  it('turns a 403 on one listing into a scan warning naming the action; the rest of the scan is intact', async () => {
    const f = await start(fixtureSeed());
    f.state.load(consoleWork);
    // Only the filtered listing is denied: the declared group is still described by ID.
    f.faults.deny('DescribeSecurityGroups', Infinity, (p) => p['Filter.1.Name'] !== undefined);
    const result = await scan();
    assert.deepEqual(result.unmanaged, EXPECTED_UNMANAGED.filter((u) => u.type !== 'aws_security_group'));
    assert.deepEqual(result.errors, [{ kind: 'provider', message: 'aws: unmanaged resources not listed: aws_security_group in us-east-1: access denied: the credentials lack ec2:DescribeSecurityGroups', severity: 'warning' }]);
    assert.equal(result.resources.find((r) => r.address === 'aws_security_group.web')?.status, 'in-sync');
    assert.deepEqual([result.summary.inSync, result.summary.missing, result.summary.drifted], [7, 0, 0]);
  });

  it('lists per type × region × page: two regions, pages of 2, one call chain each', async () => {
    const east = hexId('vpc', 1);
    const west = hexId('vpc', 2);
    const groups = (vpcId: string, region: string, n: number, from: number) =>
      Array.from({ length: n }, (_, k) => ({ id: hexId('sg', from + k), name: `console-${from + k}`, description: 'x', vpcId, region }));
    const f = await start(
      {
        vpcs: [{ id: east, cidrBlock: '10.1.0.0/16', region: 'us-east-1' }, { id: west, cidrBlock: '10.2.0.0/16', region: 'eu-west-1' }],
        securityGroups: [...groups(east, 'us-east-1', 5, 1), ...groups(west, 'eu-west-1', 1, 100)],
      },
      2,
    );
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });
    const bs = [binding('aws_vpc', east, ['cidr_block'], 'us-east-1'), binding('aws_vpc', west, ['cidr_block'], 'eu-west-1')];
    const fetched = await provider.fetch(bs, fetchContext());
    assert.deepEqual(bs.map((b) => fetched.get(b)?.status), ['found', 'found']);
    const listing = await provider.listUnmanaged!(bs.map((b) => b.liveId), fetchContext());
    assert.deepEqual(listing.errors, []);
    assert.deepEqual(
      listing.unmanaged.map((u) => `${u.liveId} ${u.region} ${u.name}`),
      [...[1, 2, 3, 4, 5].map((k) => `${hexId('sg', k)} us-east-1 console-${k}`), `${hexId('sg', 100)} eu-west-1 console-100`],
    );
    const count = (action: string, region: string) => listings(f).filter((c) => c.action === action && c.region === region).length;
    // 5 groups at 2 a page: 3 pages in us-east-1; 1 in eu-west-1; empty types take one call each.
    assert.deepEqual([count('DescribeSecurityGroups', 'us-east-1'), count('DescribeSecurityGroups', 'eu-west-1')], [3, 1]);
    assert.deepEqual([count('DescribeInstances', 'us-east-1'), count('DescribeInstances', 'eu-west-1'), count('DescribeSubnets', 'us-east-1'), count('DescribeSubnets', 'eu-west-1')], [1, 1, 1, 1]);
    for (const c of listings(f)) assert.deepEqual(filterValues(c.params), [c.region === 'us-east-1' ? east : west]);
  });

  it('puts many VPCs into few calls: 250 managed VPCs → two calls per type, at most 200 values each', async () => {
    const vpcs = Array.from({ length: 250 }, (_, k) => ({ id: hexId('vpc', k + 1), cidrBlock: '10.0.0.0/16' }));
    const f = await start({ vpcs, subnets: [{ id: hexId('subnet', 1), vpcId: hexId('vpc', 250), cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' }] });
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });
    const bs = vpcs.map((v) => binding('aws_vpc', v.id, ['cidr_block']));
    await provider.fetch(bs, fetchContext());
    const listing = await provider.listUnmanaged!(bs.map((b) => b.liveId), fetchContext());
    assert.deepEqual(listing.unmanaged, [{ type: 'aws_subnet', liveId: hexId('subnet', 1), region: 'us-east-1' }]);
    for (const action of ['DescribeInstances', 'DescribeSecurityGroups', 'DescribeSubnets']) {
      const calls = listings(f).filter((c) => c.action === action);
      assert.deepEqual(calls.map((c) => filterValues(c.params).length).sort((a, b) => a - b), [50, 200], action);
      assert.deepEqual(calls.flatMap((c) => filterValues(c.params)).sort(), vpcs.map((v) => v.id).sort(), action);
    }
  });

  it('lists nothing and calls nothing in an untrusted workspace or before any fetch', async () => {
    const f = await start(fixtureSeed());
    const untrusted = createAwsProvider({ credentialsAllowed: false });
    await untrusted.fetch([binding('aws_vpc', MANAGED_VPC, ['cidr_block'])], fetchContext());
    assert.deepEqual(await untrusted.listUnmanaged!([MANAGED_VPC], fetchContext()), { unmanaged: [], errors: [] });
    const fresh = createAwsProvider({ credentialsAllowed: true });
    assert.deepEqual(await fresh.listUnmanaged!([MANAGED_VPC], fetchContext()), { unmanaged: [], errors: [] });
    assert.equal(f.calls.length, 0);
  });

  it('scopes to what the last fetch saw: a VPC the code no longer declares is not listed again', async () => {
    const f = await start({ ...fixtureSeed(), ...{ vpcs: [...fixtureSeed().vpcs!, ...consoleWork.vpcs!] } });
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });
    await provider.fetch([binding('aws_vpc', OTHER_VPC, ['cidr_block'])], fetchContext());
    await provider.fetch([binding('aws_vpc', MANAGED_VPC, ['cidr_block'])], fetchContext());
    await provider.listUnmanaged!([MANAGED_VPC], fetchContext());
    for (const c of listings(f)) assert.deepEqual(filterValues(c.params), [MANAGED_VPC]);
  });
});
