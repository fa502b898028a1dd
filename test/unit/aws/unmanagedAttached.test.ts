// Unmanaged Elastic IPs, EBS volumes and egress-only internet gateways in the VPCs the code manages, through the
// real SDK against the fake EC2: the console-made one found once, service-owned ones left out (listed with their
// owner on request), nothing outside the managed VPCs, calls per region and page, never per resource, read-only.
import assert from 'node:assert/strict';
import type { Binding, UnmanagedResource } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import type { FakeEc2 } from '../../fakes/ec2';
import type { Ec2Seed } from '../../fakes/ec2/seed';
import { binding, callCount, fetchContext, useFakeEc2 } from './awsTestEnv';

const VPC = 'vpc-0a1b2c3d4e5f60001';
const OTHER_VPC = 'vpc-0e0e0e0e0e0e00001';
const SUBNET = 'subnet-0a1b2c3d4e5f60001';
const OTHER_SUBNET = 'subnet-0e0e0e0e0e0e00001';
const WEB = 'i-0a1b2c3d4e5f60001';
const ASG_NODE = 'i-0b0b0b0b0b0b00001';
const THEIRS = 'i-0e0e0e0e0e0e00001';
const AMI = 'ami-0abcdef1234567890';

const seed = (): Ec2Seed => ({
  vpcs: [{ id: VPC, cidrBlock: '10.0.0.0/16' }, { id: OTHER_VPC, cidrBlock: '10.9.0.0/16' }],
  subnets: [
    { id: SUBNET, vpcId: VPC, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' },
    { id: OTHER_SUBNET, vpcId: OTHER_VPC, cidrBlock: '10.9.1.0/24', availabilityZone: 'us-east-1a' },
  ],
  instances: [
    {
      id: WEB, ami: AMI, instanceType: 't3.micro', subnetId: SUBNET, rootVolume: { id: 'vol-0a0a0a0a0a0a00001', size: 20 },
      ebsVolumes: [
        // Mapped at launch (ebs_block_device): goes with the instance.
        { id: 'vol-0a0a0a0a0a0a00002', deviceName: '/dev/sdf', size: 50 },
        // Created and attached in the console later: a resource of its own.
        { id: 'vol-0c0c0c0c0c0c00001', deviceName: '/dev/sdg', size: 10, deleteOnTermination: false, tags: { Name: 'scratch-disk' } },
        // The code's aws_ebs_volume + aws_volume_attachment.
        { id: 'vol-0d0d0d0d0d0d00001', deviceName: '/dev/sdh', size: 100, deleteOnTermination: false, tags: { Name: 'data' } },
        // A Kubernetes persistent volume the EBS CSI driver made.
        { id: 'vol-0f0f0f0f0f0f00001', deviceName: '/dev/xvdba', size: 8, deleteOnTermination: false, tags: { 'ebs.csi.aws.com/cluster': 'true', 'kubernetes.io/created-for/pv/name': 'pvc-1' } },
      ],
    },
    { id: ASG_NODE, ami: AMI, instanceType: 't3.micro', subnetId: SUBNET, tags: { 'aws:autoscaling:groupName': 'workers' }, ebsVolumes: [{ id: 'vol-0b0b0b0b0b0b00001', deviceName: '/dev/sdg', size: 10, deleteOnTermination: false }] },
    { id: THEIRS, ami: AMI, instanceType: 't3.micro', subnetId: OTHER_SUBNET, ebsVolumes: [{ id: 'vol-0e0e0e0e0e0e00001', deviceName: '/dev/sdg', size: 10, deleteOnTermination: false }] },
  ],
  addresses: [
    { allocationId: 'eipalloc-0c0c0c0c0c0c00001', publicIp: '3.3.3.1', instanceId: WEB, networkInterfaceId: `eni-${WEB.slice(2)}`, associationId: 'eipassoc-0c0c0c0c0c0c00001', tags: { Name: 'bastion-ip' } },
    { allocationId: 'eipalloc-0d0d0d0d0d0d00001', publicIp: '3.3.3.2', instanceId: WEB, networkInterfaceId: `eni-${WEB.slice(2)}`, associationId: 'eipassoc-0d0d0d0d0d0d00001' },
    { allocationId: 'eipalloc-0b0b0b0b0b0b00001', publicIp: '3.3.3.3', networkInterfaceId: 'eni-0b0b0b0b0b0b00099', serviceManaged: 'nlb' },
    { allocationId: 'eipalloc-0e0e0e0e0e0e00001', publicIp: '3.3.3.4', instanceId: THEIRS, networkInterfaceId: `eni-${THEIRS.slice(2)}` },
    { allocationId: 'eipalloc-0f0f0f0f0f0f00001', publicIp: '3.3.3.5' },
  ],
  egressOnlyInternetGateways: [
    { id: 'eigw-0c0c0c0c0c0c00001', vpcId: VPC, tags: { Name: 'ipv6-out' } },
    { id: 'eigw-0d0d0d0d0d0d00001', vpcId: VPC },
    { id: 'eigw-0b0b0b0b0b0b00001', vpcId: VPC, tags: { 'aws:cloudformation:stack-name': 'legacy-net' } },
    { id: 'eigw-0e0e0e0e0e0e00001', vpcId: OTHER_VPC },
  ],
  wire: {
    DescribeNetworkInterfaces: [
      { networkInterfaceId: 'eni-0b0b0b0b0b0b00099', vpcId: VPC, subnetId: SUBNET, interfaceType: 'network_load_balancer', requesterManaged: true, description: 'ELB net/web/0123456789abcdef' },
    ],
  },
});

/** What the code declares: the VPC, the instance, its data volume, one address and one gateway. */
const DECLARED: Binding[] = [
  binding('aws_vpc', VPC, ['cidr_block']),
  binding('aws_instance', WEB, ['instance_type']),
  binding('aws_ebs_volume', 'vol-0d0d0d0d0d0d00001', ['size']),
  binding('aws_eip', 'eipalloc-0d0d0d0d0d0d00001', ['domain']),
  binding('aws_egress_only_internet_gateway', 'eigw-0d0d0d0d0d0d00001', ['vpc_id']),
];

const HAND_MADE: UnmanagedResource[] = [
  { type: 'aws_ebs_volume', liveId: 'vol-0c0c0c0c0c0c00001', region: 'us-east-1', name: 'scratch-disk' },
  { type: 'aws_egress_only_internet_gateway', liveId: 'eigw-0c0c0c0c0c0c00001', region: 'us-east-1', name: 'ipv6-out' },
  { type: 'aws_eip', liveId: 'eipalloc-0c0c0c0c0c0c00001', region: 'us-east-1', name: 'bastion-ip' },
];

const ATTACHED_TYPES = new Set(['aws_ebs_volume', 'aws_egress_only_internet_gateway', 'aws_eip']);

describe('AWS unmanaged Elastic IPs, EBS volumes and egress-only gateways (real SDK against the fake EC2)', () => {
  const fakes = useFakeEc2();
  let fake: FakeEc2;

  async function list(includeServiceManaged = false, pageSize?: number) {
    fake = await fakes.start(seed(), { pageSize });
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2, includeServiceManaged });
    const fetched = await provider.fetch(DECLARED, fetchContext());
    assert.deepEqual(DECLARED.map((b) => fetched.get(b)?.status), DECLARED.map(() => 'found'));
    const r = await provider.listUnmanaged!(DECLARED.map((b) => b.liveId), fetchContext());
    return { ...r, attached: r.unmanaged.filter((u) => ATTACHED_TYPES.has(u.type)) };
  }

  it('finds the console-made volume, address and gateway once; nothing declared, launch-mapped, service-owned or in another VPC', async () => {
    const { attached, errors } = await list();
    assert.deepEqual(errors, []);
    assert.deepEqual(attached, HAND_MADE);
    // One DescribeAddresses (it never pages), one unfiltered gateway listing at 255 a page, one DescribeVolumes for the candidates.
    // (The other DescribeAddresses is the declared address, by allocation ID.)
    assert.equal(callCount(fake, 'DescribeAddresses'), 2);
    const listing = fake.calls.filter((c) => c.action === 'DescribeAddresses' && c.params['AllocationId.1'] === undefined);
    assert.deepEqual(listing.map((c) => [c.params['Filter.1.Name'], c.params['Filter.1.Value.1'], c.params.MaxResults]), [['domain', 'vpc', undefined]]);
    const gateways = fake.calls.filter((c) => c.action === 'DescribeEgressOnlyInternetGateways' && c.params['EgressOnlyInternetGatewayId.1'] === undefined);
    assert.deepEqual(gateways.map((c) => [c.params.MaxResults, c.params['Filter.1.Name']]), [['255', undefined]]);
    const volumes = fake.calls.filter((c) => c.action === 'DescribeVolumes' && c.params['Filter.1.Name'] === 'volume-id');
    assert.equal(volumes.length, 1);
    // Only volumes attached after launch are asked about (the root and launch-mapped ones never).
    assert.deepEqual(Object.keys(volumes[0].params).filter((k) => k.startsWith('Filter.1.Value.')).map((k) => volumes[0].params[k]).sort(), ['vol-0b0b0b0b0b0b00001', 'vol-0c0c0c0c0c0c00001', 'vol-0f0f0f0f0f0f00001']);
    assert.ok(fake.calls.every((c) => c.action.startsWith('Describe')), 'read-only');
  });

  it('asks for the addresses together with the VPC listing, not after it: one round trip less on the critical path', async () => {
    fake = await fakes.start(seed());
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });
    await provider.fetch(DECLARED, fetchContext());
    const listedFrom = fake.calls.length;
    // Each answer waits, so what is sent together is seen in flight together.
    fake.faults.latency(80);
    const r = await provider.listUnmanaged!(DECLARED.map((b) => b.liveId), fetchContext());
    assert.deepEqual(r.unmanaged.filter((u) => ATTACHED_TYPES.has(u.type)), HAND_MADE);
    const listing = fake.calls.slice(listedFrom);
    const addresses = listing.find((c) => c.action === 'DescribeAddresses');
    const instances = listing.find((c) => c.action === 'DescribeInstances' && c.params['Filter.1.Name'] === 'vpc-id');
    assert.ok(addresses && instances);
    assert.ok(addresses.othersInFlight >= 1, `DescribeAddresses waited for the VPC listing (${addresses.othersInFlight} other calls in flight)`);
    // The volumes still need the listed instances' block device mappings: they come after.
    const volumes = listing.filter((c) => c.action === 'DescribeVolumes' && c.params['Filter.1.Name'] === 'volume-id');
    assert.ok(volumes.length === 1 && listing.indexOf(volumes[0]) > listing.indexOf(instances));
  });

  it('with includeServiceManaged the service-owned ones are listed too, each with the owner that proves it', async () => {
    const { attached } = await list(true);
    const owned = attached.filter((u) => u.managedBy).map((u) => [u.type, u.liveId, u.managedBy]);
    assert.deepEqual(owned, [
      ['aws_ebs_volume', 'vol-0b0b0b0b0b0b00001', 'Auto Scaling group workers (tag aws:autoscaling:groupName=workers)'],
      ['aws_ebs_volume', 'vol-0f0f0f0f0f0f00001', 'EBS CSI driver for persistent volume pvc-1 (tag ebs.csi.aws.com/cluster=true)'],
      ['aws_egress_only_internet_gateway', 'eigw-0b0b0b0b0b0b00001', 'CloudFormation stack legacy-net (tag aws:cloudformation:stack-name=legacy-net)'],
      ['aws_eip', 'eipalloc-0b0b0b0b0b0b00001', 'NLB (serviceManaged=nlb)'],
    ]);
    assert.deepEqual(attached.filter((u) => !u.managedBy), HAND_MADE);
  });

  it('follows every page of the gateway listing (one chain per region), and the fake refuses more than 255 a page as EC2 does', async () => {
    const { attached } = await list(false, 2);
    assert.deepEqual(attached, HAND_MADE);
    const chain = fake.calls.filter((c) => c.action === 'DescribeEgressOnlyInternetGateways' && c.params['EgressOnlyInternetGatewayId.1'] === undefined);
    assert.equal(chain.length, 2);
    const { EC2Client, DescribeEgressOnlyInternetGatewaysCommand } = await import('@aws-sdk/client-ec2');
    const client = new EC2Client({ endpoint: fake.url, region: 'us-east-1', maxAttempts: 1 });
    try {
      await assert.rejects(client.send(new DescribeEgressOnlyInternetGatewaysCommand({ MaxResults: 1000 })), /maxResults/);
      await assert.rejects(client.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [VPC] }] })), /filter/);
    } finally {
      client.destroy();
    }
  });

  it('a denied DescribeAddresses or instance listing is a warning naming what was not listed, never a verdict; the rest is still listed', async () => {
    fake = await fakes.start(seed());
    fake.faults.deny('DescribeAddresses');
    fake.faults.deny('DescribeInstances', Infinity, (p) => p['Filter.1.Name'] === 'vpc-id');
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });
    await provider.fetch(DECLARED, fetchContext());
    const { unmanaged, errors } = await provider.listUnmanaged!(DECLARED.map((b) => b.liveId), fetchContext());
    assert.deepEqual(unmanaged.filter((u) => ATTACHED_TYPES.has(u.type)), HAND_MADE.filter((u) => u.type === 'aws_egress_only_internet_gateway'));
    assert.deepEqual(errors.filter((e) => /aws_eip|aws_ebs_volume/.test(e)).sort(), [
      'aws_ebs_volume in us-east-1: not listed, the instances of the managed VPCs could not be listed',
      'aws_eip in us-east-1: access denied: the credentials lack ec2:DescribeAddresses',
    ]);
  });
});
