// Issue 11 item 12, AWS side: what AWS services create and own inside a managed VPC (the default
// security group, EKS's cluster group, load balancer groups, Auto Scaling and Karpenter instances,
// default subnets) is not "unmanaged"; --include-service-managed lists it with the proof.
import assert from 'node:assert/strict';
import type { UnmanagedResource } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { scanCommand } from '../../../src/cli/scanCommand';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanWorkspace } from '../../../src/engine/scan';
import { formatJson } from '../../../src/engine/report/json';
import { formatText } from '../../../src/engine/report/text';
import { FIXTURES } from '../engine/helpers';
import type { Ec2Seed } from '../../fakes/ec2/seed';
import { binding, fetchContext, useFakeEc2 } from './awsTestEnv';

const VPC = 'vpc-0a1b2c3d4e5f60001';
const SUBNET = 'subnet-0a1b2c3d4e5f60001';
const AMI = 'ami-0abcdef1234567890';

const seed = (): Ec2Seed => ({
  vpcs: [{ id: VPC, cidrBlock: '10.0.0.0/16' }],
  subnets: [
    { id: SUBNET, vpcId: VPC, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' },
    { id: 'subnet-0d0d0d0d0d0d00001', vpcId: VPC, cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1b', defaultForAz: true },
  ],
  securityGroups: [
    { id: 'sg-0c0c0c0c0c0c00001', name: 'debug-from-console', description: 'launch-wizard', vpcId: VPC },
    { id: 'sg-0d0d0d0d0d0d00001', name: 'default', description: 'default VPC security group', vpcId: VPC },
    {
      id: 'sg-0d0d0d0d0d0d00002', name: 'eks-cluster-sg-prod-1234567890', vpcId: VPC,
      description: 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
      tags: { Name: 'eks-cluster-sg-prod-1234567890', 'aws:eks:cluster-name': 'prod', 'kubernetes.io/cluster/prod': 'owned' },
    },
    // EKS's group with its tags stripped (an old cluster): its description still proves it.
    { id: 'sg-0d0d0d0d0d0d00003', name: 'eks-cluster-sg-old-0987654321', vpcId: VPC, description: 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.' },
    { id: 'sg-0d0d0d0d0d0d00004', name: 'k8s-elb-a1b2c3d4e5f6', description: 'Security group for Kubernetes ELB a1b2c3d4e5f6 (default/web)', vpcId: VPC, tags: { 'kubernetes.io/cluster/prod': 'owned' } },
    { id: 'sg-0d0d0d0d0d0d00005', name: 'k8s-traffic-prod-0a1b2c3d4e', description: '[k8s] Shared Backend SecurityGroup for LoadBalancer', vpcId: VPC, tags: { 'elbv2.k8s.aws/cluster': 'prod', 'elbv2.k8s.aws/resource': 'backend-sg' } },
    // A cluster that merely shares the tag does not own it: only `owned` proves ownership.
    { id: 'sg-0c0c0c0c0c0c00002', name: 'nodes-extra', description: 'added by hand', vpcId: VPC, tags: { 'kubernetes.io/cluster/prod': 'shared' } },
  ],
  instances: [
    { id: 'i-0a1b2c3d4e5f60001', ami: AMI, instanceType: 't3.micro', subnetId: SUBNET, tags: { Name: 'web' } },
    { id: 'i-0c0c0c0c0c0c00001', ami: AMI, instanceType: 't3.nano', subnetId: SUBNET, tags: { Name: 'hand-made' } },
    { id: 'i-0d0d0d0d0d0d00001', ami: AMI, instanceType: 't3.nano', subnetId: SUBNET, tags: { Name: 'asg-node', 'aws:autoscaling:groupName': 'workers' } },
    { id: 'i-0d0d0d0d0d0d00002', ami: AMI, instanceType: 't3.nano', subnetId: SUBNET, tags: { 'karpenter.sh/nodepool': 'default' } },
  ],
});

const MANUAL: UnmanagedResource[] = [
  { type: 'aws_instance', liveId: 'i-0c0c0c0c0c0c00001', region: 'us-east-1', name: 'hand-made' },
  { type: 'aws_security_group', liveId: 'sg-0c0c0c0c0c0c00001', region: 'us-east-1', name: 'debug-from-console' },
  { type: 'aws_security_group', liveId: 'sg-0c0c0c0c0c0c00002', region: 'us-east-1', name: 'nodes-extra' },
];

const SERVICE_OWNED: UnmanagedResource[] = [
  { type: 'aws_instance', liveId: 'i-0d0d0d0d0d0d00001', region: 'us-east-1', name: 'asg-node', managedBy: 'Auto Scaling group workers (tag aws:autoscaling:groupName=workers)' },
  { type: 'aws_instance', liveId: 'i-0d0d0d0d0d0d00002', region: 'us-east-1', managedBy: 'Karpenter node pool default (tag karpenter.sh/nodepool=default)' },
  { type: 'aws_security_group', liveId: 'sg-0d0d0d0d0d0d00001', region: 'us-east-1', name: 'default', managedBy: 'EC2: the VPC\'s default security group (group name "default")' },
  { type: 'aws_security_group', liveId: 'sg-0d0d0d0d0d0d00002', region: 'us-east-1', name: 'eks-cluster-sg-prod-1234567890', managedBy: 'EKS cluster prod (tag aws:eks:cluster-name=prod)' },
  {
    type: 'aws_security_group', liveId: 'sg-0d0d0d0d0d0d00003', region: 'us-east-1', name: 'eks-cluster-sg-old-0987654321',
    managedBy: 'EKS cluster security group (description "EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.")',
  },
  { type: 'aws_security_group', liveId: 'sg-0d0d0d0d0d0d00004', region: 'us-east-1', name: 'k8s-elb-a1b2c3d4e5f6', managedBy: 'Kubernetes cluster prod (tag kubernetes.io/cluster/prod=owned)' },
  { type: 'aws_security_group', liveId: 'sg-0d0d0d0d0d0d00005', region: 'us-east-1', name: 'k8s-traffic-prod-0a1b2c3d4e', managedBy: 'AWS Load Balancer Controller of cluster prod (tag elbv2.k8s.aws/cluster=prod)' },
  { type: 'aws_subnet', liveId: 'subnet-0d0d0d0d0d0d00001', region: 'us-east-1', managedBy: 'EC2: a default subnet of the default VPC (default-for-az)' },
];

const byId = (a: UnmanagedResource, b: UnmanagedResource) => a.type.localeCompare(b.type) || a.liveId.localeCompare(b.liveId);

describe('AWS service-managed resources are not unmanaged (issue 11, item 12)', () => {
  const { start } = useFakeEc2();

  async function listWith(includeServiceManaged?: boolean): Promise<UnmanagedResource[]> {
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2, includeServiceManaged });
    const declared = [binding('aws_vpc', VPC, ['cidr_block']), binding('aws_subnet', SUBNET, ['cidr_block']), binding('aws_instance', 'i-0a1b2c3d4e5f60001', ['instance_type'])];
    await provider.fetch(declared, fetchContext());
    const { unmanaged, errors } = await provider.listUnmanaged!(declared.map((b) => b.liveId), fetchContext());
    assert.deepEqual(errors, []);
    return unmanaged;
  }

  it('by default only what people made by hand is listed: no default group, EKS or load balancer groups, ASG or Karpenter nodes, default subnets', async () => {
    await start(seed());
    assert.deepEqual(await listWith(), MANUAL);
  });

  it('with includeServiceManaged they are listed too, each with the owner and the tag, name or description that proves it', async () => {
    await start(seed());
    assert.deepEqual(await listWith(true), [...MANUAL, ...SERVICE_OWNED].sort(byId));
  });

  it('driftlens scan --include-service-managed is accepted and documented', async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), stderrIsTty: false, env: {} };
    assert.equal(await scanCommand(['--help'], io), 0);
    assert.match(out.join(''), /\[--include-service-managed\]/);
    assert.match(out.join(''), /--include-service-managed\nasks for them; then each names the owner/);
  });

  it('the reports keep hand-made resources in the UNMANAGED table and group the rest by owner, with managedBy in JSON', async () => {
    const fixture = join(FIXTURES, 'ec2-basic');
    const f = await start(JSON.parse(readFileSync(join(fixture, 'seed.json'), 'utf8')));
    const vpc = 'vpc-0a1b2c3d4e5f60001';
    f.state.load({
      securityGroups: [
        { id: 'sg-0c0c0c0c0c0c00001', name: 'debug-from-console', description: 'launch-wizard', vpcId: vpc },
        { id: 'sg-0d0d0d0d0d0d00001', name: 'default', description: 'default VPC security group', vpcId: vpc },
        { id: 'sg-0d0d0d0d0d0d00002', name: 'eks-cluster-sg-prod-1', description: 'EKS created security group applied to ENI', vpcId: vpc, tags: { 'aws:eks:cluster-name': 'prod' } },
      ],
    });
    const { result } = await scanWorkspace({ dir: fixture, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2, includeServiceManaged: true })] });
    const lines = formatText(result).split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    assert.ok(at(/^UNMANAGED\s+LIVE ID/) >= 0 && at(/^aws_security_group\s+sg-0c0c0c0c0c0c00001\s+us-east-1\s+debug-from-console$/) === at(/^UNMANAGED/) + 1, lines.join('\n'));
    const owned = at(/^SERVICE-MANAGED\s+LIVE ID\s+REGION\s+NAME\s+OWNED BY$/);
    assert.ok(owned > at(/^UNMANAGED/), lines.join('\n'));
    assert.match(lines[owned + 1], /^aws_security_group\s+sg-0d0d0d0d0d0d00001\s+us-east-1\s+default\s+EC2: the VPC's default security group \(group name "default"\)$/);
    assert.match(lines[owned + 2], /^aws_security_group\s+sg-0d0d0d0d0d0d00002\s+us-east-1\s+eks-cluster-sg-prod-1\s+EKS cluster prod \(tag aws:eks:cluster-name=prod\)$/);
    const json = JSON.parse(formatJson(result)) as { unmanaged: UnmanagedResource[] };
    assert.deepEqual(json.unmanaged.find((u) => u.liveId === 'sg-0d0d0d0d0d0d00002')?.managedBy, 'EKS cluster prod (tag aws:eks:cluster-name=prod)');
    assert.equal(json.unmanaged.find((u) => u.liveId === 'sg-0c0c0c0c0c0c00001')?.managedBy, undefined);
  });
});
