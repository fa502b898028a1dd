// The EC2/VPC family's mappers through the real SDK against the fake EC2: each read as the Terraform
// provider's read function reads it, resources inside another object found or missing as that read
// decides, unknown never drift, an API error never missing, and calls batched per type.
import assert from 'node:assert/strict';
import type { Binding, LiveResult, Value } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';
import { awsTypeSchema } from '../../../src/providers/aws/schema';
import { ownershipOf } from '../../../src/providers/aws/ownership';
import { type FakeEc2 } from '../../fakes/ec2';
import type { Ec2Seed } from '../../fakes/ec2/seed';
import { callCount, fetchContext, useFakeEc2 } from './awsTestEnv';

const VPC = 'vpc-0a1b2c3d4e5f60001';
const SG = 'sg-0a1b2c3d4e5f60001';
const RTB = 'rtb-0a1b2c3d4e5f60001';
const ACL = 'acl-0a1b2c3d4e5f60001';

function bind(type: string, liveId: string, declared: Record<string, Value>, state: Record<string, string> = {}): Binding {
  return { address: `${type}.${liveId.replace(/[^a-z0-9]/gi, '_')}`, type, liveId, providerConfig: { provider: 'aws', settings: {} }, declaredAttributes: Object.keys(declared), declared, stateAttributes: state };
}

const found = (r: LiveResult | undefined): Record<string, Value> => {
  if (r?.status !== 'found') throw new Error(`expected found, got ${JSON.stringify(r)}`);
  return r.attributes;
};

function seed(): Ec2Seed {
  return {
    vpcs: [{ id: VPC, cidrBlock: '10.0.0.0/16' }],
    securityGroups: [{ id: SG, name: 'web', description: 'web', vpcId: VPC, ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0', '10.0.0.0/8'], description: 'https' }], egress: [{ protocol: '-1', cidrBlocks: ['0.0.0.0/0'] }] }],
    routeTables: [{
      id: RTB, vpcId: VPC,
      routes: [
        { destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-0a1b2c3d4e5f60001' },
        { destinationCidrBlock: '172.16.0.0/12', gatewayId: 'vgw-0a1b2c3d4e5f60001', origin: 'EnableVgwRoutePropagation' },
        { destinationPrefixListId: 'pl-63a5400a', gatewayId: 'vpce-0a1b2c3d4e5f60001' },
        { destinationCidrBlock: '10.9.0.0/16', gatewayId: 'vpce-0a1b2c3d4e5f60002' },
      ],
    }],
    networkAcls: [{ id: ACL, vpcId: VPC, entries: [{ ruleNumber: 100, protocol: '6', action: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 443, toPort: 443 }] }],
    natGateways: [{ id: 'nat-0a1b2c3d4e5f60001', vpcId: VPC, subnetId: 'subnet-0a1b2c3d4e5f60001', privateIp: '10.0.1.5', networkInterfaceId: 'eni-0a1b2c3d4e5f60011', allocationId: 'eipalloc-0a1b2c3d4e5f60001', publicIp: '3.3.3.3', state: 'deleted' }],
    internetGateways: [{ id: 'igw-0a1b2c3d4e5f60001', vpcId: VPC, tags: { Name: 'main' } }, { id: 'igw-0a1b2c3d4e5f60002', vpcId: VPC, tags: { Name: 'by-hand' } }],
    wire: {
      DescribeNetworkInterfaces: [
        { networkInterfaceId: 'eni-0a1b2c3d4e5f60001', vpcId: VPC, subnetId: 'subnet-0a1b2c3d4e5f60001', interfaceType: 'interface', requesterManaged: false, attachment: { attachmentId: 'eni-attach-0a1b2c3d4e5f60001', instanceId: 'i-0a1b2c3d4e5f60001', deviceIndex: 0, status: 'attached' } },
        { networkInterfaceId: 'eni-0a1b2c3d4e5f60011', vpcId: VPC, subnetId: 'subnet-0a1b2c3d4e5f60001', interfaceType: 'nat_gateway', requesterManaged: true, description: 'Interface for NAT Gateway nat-0a1b2c3d4e5f60001' },
        { networkInterfaceId: 'eni-0a1b2c3d4e5f60099', vpcId: VPC, subnetId: 'subnet-0a1b2c3d4e5f60001', interfaceType: 'interface', requesterManaged: false, description: 'spare', sourceDestCheck: true },
      ],
      DescribeFlowLogs: [{ flowLogId: 'fl-0a1b2c3d4e5f60001', resourceId: VPC, trafficType: 'REJECT', logDestinationType: 'cloud-watch-logs', maxAggregationInterval: 600 }],
    },
  };
}

describe('EC2/VPC family mappers (real SDK against the fake EC2)', () => {
  const fakes = useFakeEc2();
  let fake: FakeEc2;
  beforeEach(async () => {
    fake = await fakes.start(seed());
  });
  const provider = () => createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });

  it('aws_route_table: the local, propagated and VPC endpoint prefix-list routes are not in `route`; an endpoint as gateway reads as vpc_endpoint_id (flattenRoutes)', async () => {
    const b = bind('aws_route_table', RTB, { route: [] });
    const attrs = found((await provider().fetch([b], fetchContext())).get(b));
    const routes = (attrs.route as Record<string, Value>[]).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
    assert.deepEqual(routes, [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-0a1b2c3d4e5f60001' }, { cidr_block: '10.9.0.0/16', vpc_endpoint_id: 'vpce-0a1b2c3d4e5f60002' }]);
  });

  it('aws_security_group_rule: found only while the group holds every declared source (findRuleMatch); one removed in the console is missing, a denied Describe is unverified', async () => {
    const rule = (cidrs: string[]) => bind('aws_security_group_rule', 'sgrule-1', { type: 'ingress', protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: cidrs, description: 'https' }, { security_group_id: SG, type: 'ingress' });
    const both = rule(['0.0.0.0/0', '10.0.0.0/8']);
    assert.equal(found((await provider().fetch([both], fetchContext())).get(both)).description, 'https');
    fake.state.updateSecurityGroup(SG, { ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.0.0.0/8'], description: 'https' }] });
    const r = (await provider().fetch([both], fetchContext())).get(both);
    assert.equal(r?.status, 'not-found');
    fake.faults.deny('DescribeSecurityGroups');
    assert.equal((await provider().fetch([both], fetchContext())).get(both)?.status, 'error');
  });

  it('aws_vpc_security_group_*_rule: by sgr- ID in one DescribeSecurityGroupRules; an unknown ID is missing; an egress rule is not an ingress resource', async () => {
    const { securityGroupRuleId } = await import('../../fakes/ec2/network');
    const https = securityGroupRuleId(SG, false, fake.state.securityGroups.get(SG)!.ingress![0], '10.0.0.0/8');
    const egress = securityGroupRuleId(SG, true, fake.state.securityGroups.get(SG)!.egress![0], '0.0.0.0/0');
    const a = bind('aws_vpc_security_group_ingress_rule', https, { ip_protocol: '6' });
    const gone = bind('aws_vpc_security_group_ingress_rule', 'sgr-0000000000000dead', {});
    const wrong = bind('aws_vpc_security_group_ingress_rule', egress, {});
    const results = await provider().fetch([a, gone, wrong], fetchContext());
    assert.deepEqual(found(results.get(a)), { security_group_id: SG, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.0.0.0/8', cidr_ipv6: null, prefix_list_id: null, referenced_security_group_id: null, description: 'https', tags: {} });
    assert.equal(results.get(gone)?.status, 'not-found');
    assert.equal(results.get(wrong)?.status, 'not-found');
    assert.equal(callCount(fake, 'DescribeSecurityGroupRules') <= 3, true, 'batched, then NotFound pinned to its ID');
  });

  it('ownership: a group whose rules are standalone compares its rules without them, implying none inline; a rule we could not read still owns its code', async () => {
    const { securityGroupRuleId } = await import('../../fakes/ec2/network');
    const id = securityGroupRuleId(SG, false, fake.state.securityGroups.get(SG)!.ingress![0], '10.0.0.0/8');
    const vpcRule = bind('aws_vpc_security_group_ingress_rule', id, { security_group_id: SG, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.0.0.0/8' });
    const legacy = bind('aws_security_group_rule', 'sgrule-1', { type: 'ingress', protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }, { security_group_id: SG, type: 'ingress' });
    fake.faults.deny('DescribeSecurityGroupRules');
    const results = await provider().fetch([vpcRule, legacy], fetchContext());
    assert.equal(results.get(vpcRule)?.status, 'error');
    const schema = awsTypeSchema('aws_security_group', SG, ownershipOf(results))!;
    assert.deepEqual(schema.attributes.ingress.implied, []);
    const live = [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0', '10.0.0.0/8'], description: 'https' }, { protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_blocks: ['0.0.0.0/0'], description: '' }];
    // Only the rule nobody owns is left: what a console user added.
    assert.deepEqual(schema.attributes.ingress.normalize!(live as Value), [{ protocol: 'tcp', fromPort: 3389, toPort: 3389, source: 'cidr:0.0.0.0/0', description: '' }]);
    // Egress has no standalone rule: nothing is implied there (an unwritten attribute is "don't care").
    assert.equal(schema.attributes.egress.implied, undefined);
  });

  it('aws_network_acl: the default deny entries are not in ingress/egress; "tcp" in code equals the 6 EC2 stores; aws_network_acl_rule found by number and direction', async () => {
    const acl = bind('aws_network_acl', ACL, { ingress: [] });
    const rule = bind('aws_network_acl_rule', 'nacl-123', { network_acl_id: ACL, rule_number: 100, egress: false, protocol: 'tcp', rule_action: 'allow' });
    const egressRule = bind('aws_network_acl_rule', 'nacl-456', { network_acl_id: ACL, rule_number: 100, egress: true, protocol: 'tcp' });
    const results = await provider().fetch([acl, rule, egressRule], fetchContext());
    const attrs = found(results.get(acl));
    assert.deepEqual(attrs.ingress, [{ rule_no: 100, action: 'allow', protocol: '6', cidr_block: '0.0.0.0/0', ipv6_cidr_block: null, from_port: 443, to_port: 443, icmp_type: 0, icmp_code: 0 }]);
    assert.deepEqual(attrs.egress, []);
    const schema = awsTypeSchema('aws_network_acl', ACL)!;
    assert.deepEqual(schema.attributes.ingress.normalize!([{ rule_no: 100, action: 'ALLOW', protocol: 'tcp', cidr_block: '0.0.0.0/0', from_port: 443, to_port: 443 }]), schema.attributes.ingress.normalize!(attrs.ingress));
    assert.equal(found(results.get(rule)).protocol, '6');
    assert.equal(awsTypeSchema('aws_network_acl_rule')!.attributes.protocol.normalize!('tcp'), '6');
    assert.equal(results.get(egressRule)?.status, 'not-found');
    // One call per type (the ACL, its rules), whatever the number of rules.
    assert.equal(callCount(fake, 'DescribeNetworkAcls'), 2);
  });

  it('aws_nat_gateway in state deleted is missing (FindNATGatewayByID); aws_flow_log: an ID EC2 answers with nothing is missing, a denied call is not', async () => {
    const nat = bind('aws_nat_gateway', 'nat-0a1b2c3d4e5f60001', {});
    const fl = bind('aws_flow_log', 'fl-0a1b2c3d4e5f60001', { traffic_type: 'REJECT', vpc_id: VPC });
    const flGone = bind('aws_flow_log', 'fl-0a1b2c3d4e5f60002', {});
    const results = await provider().fetch([nat, fl, flGone], fetchContext());
    assert.equal(results.get(nat)?.status, 'not-found');
    assert.equal(found(results.get(fl)).vpc_id, VPC);
    assert.equal(results.get(flGone)?.status, 'not-found');
    fake.faults.deny('DescribeFlowLogs');
    const denied = await provider().fetch([flGone], fetchContext());
    assert.equal(denied.get(flGone)?.status, 'error');
  });

  it('unmanaged inside the managed VPC: a hand-made internet gateway and interface are listed; the NAT and instance interfaces belong to their owners', async () => {
    const p = provider();
    const igw = bind('aws_internet_gateway', 'igw-0a1b2c3d4e5f60001', {});
    await p.fetch([igw], fetchContext());
    const listing = await p.listUnmanaged!(['igw-0a1b2c3d4e5f60001'], fetchContext());
    const mine = listing.unmanaged.filter((u) => u.type === 'aws_internet_gateway' || u.type === 'aws_network_interface');
    assert.deepEqual(mine.map((u) => [u.type, u.liveId]), [['aws_internet_gateway', 'igw-0a1b2c3d4e5f60002'], ['aws_network_interface', 'eni-0a1b2c3d4e5f60099']]);
    // A rule is never an unmanaged resource of its own: a console-added one shows on its group.
    assert.deepEqual(listing.unmanaged.filter((u) => /security_group_rule|_ingress_rule|_egress_rule|network_acl_rule|aws_route$/.test(u.type)), []);
    // The internet gateway listing filters by its attachment, as the API names it.
    assert.ok(fake.calls.some((c) => c.action === 'DescribeInternetGateways' && c.params['Filter.1.Name'] === 'attachment.vpc-id'));
    const all = await createAwsProvider({ credentialsAllowed: true, maxAttempts: 2, includeServiceManaged: true });
    await all.fetch([igw], fetchContext());
    const withOwners = (await all.listUnmanaged!(['igw-0a1b2c3d4e5f60001'], fetchContext())).unmanaged.filter((u) => u.type === 'aws_network_interface');
    assert.deepEqual(withOwners.map((u) => [u.liveId, !!u.managedBy]), [['eni-0a1b2c3d4e5f60001', true], ['eni-0a1b2c3d4e5f60011', true], ['eni-0a1b2c3d4e5f60099', false]]);
  });

  it('aws_volume_attachment: found while the volume is attached to that instance on that device; Terraform-only arguments are the code\'s own', async () => {
    fake.state.load({ instances: [{ id: 'i-0a1b2c3d4e5f60001', ami: 'ami-0abcdef1234567890', instanceType: 't3.micro', availabilityZone: 'us-east-1a', ebsVolumes: [{ id: 'vol-0a1b2c3d4e5f600d1', deviceName: '/dev/sdf', size: 50 }] }] });
    const att = (device: string) => bind('aws_volume_attachment', 'vai-1', { device_name: device, skip_destroy: true }, { volume_id: 'vol-0a1b2c3d4e5f600d1', instance_id: 'i-0a1b2c3d4e5f60001', device_name: device });
    const here = att('/dev/sdf');
    const elsewhere = att('/dev/sdg');
    const results = await provider().fetch([here, elsewhere], fetchContext());
    assert.deepEqual(found(results.get(here)), { skip_destroy: true, volume_id: 'vol-0a1b2c3d4e5f600d1', instance_id: 'i-0a1b2c3d4e5f60001', device_name: '/dev/sdf' });
    assert.equal(results.get(elsewhere)?.status, 'not-found');
  });

  it('the fake is as strict as EC2: unknown filters rejected, NotFound names only the missing IDs', async () => {
    const { EC2Client, DescribeRouteTablesCommand, DescribeInternetGatewaysCommand } = await import('@aws-sdk/client-ec2');
    const c = new EC2Client({ region: 'us-east-1', maxAttempts: 1 });
    try {
      await assert.rejects(c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] })), /The filter 'no-such-filter' is invalid/);
      await assert.rejects(c.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: ['igw-0a1b2c3d4e5f60001', 'igw-0a1b2c3d4e5f6000f'] })), (e: Error) => e.name === 'InvalidInternetGatewayID.NotFound' && /igw-0a1b2c3d4e5f6000f/.test(e.message) && !/60001/.test(e.message));
    } finally {
      c.destroy();
    }
  });

  it('batching: 40 routes in 40 tables are one DescribeRouteTables per page, not one per route', async () => {
    const tables = Array.from({ length: 40 }, (_, i) => ({ id: `rtb-${(0x100 + i).toString(16).padStart(17, '0')}`, vpcId: VPC, routes: [{ destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-0a1b2c3d4e5f60001' }] }));
    fake.state.load({ routeTables: tables });
    const routes = tables.map((t) => bind('aws_route', `r-${t.id}1080289494`, { gateway_id: 'igw-0a1b2c3d4e5f60001' }, { route_table_id: t.id, destination_cidr_block: '0.0.0.0/0' }));
    const before = callCount(fake, 'DescribeRouteTables');
    const results = await provider().fetch(routes, fetchContext());
    assert.ok(routes.every((r) => found(results.get(r)).gateway_id === 'igw-0a1b2c3d4e5f60001'));
    assert.equal(callCount(fake, 'DescribeRouteTables') - before, 1);
  });
});
