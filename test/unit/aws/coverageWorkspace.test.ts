// Issue 12, "must show": a workspace written like terraform-aws-modules (VPC, route tables with standalone
// and inline routes, NAT, NACL with standalone rules, security groups with standalone and inline rules,
// an instance with EBS and EIPs, a launch template) against the fake EC2, through the real CLI. Console
// drift on several types: every change found once, on the resource that owns it, nothing else, and no
// console-added rule reported as unmanaged.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { runCli } from '../engine/cliRun';
import { FIXTURES } from '../engine/helpers';
import { fakeCredentials, setAwsEnv } from './awsTestEnv';

const WS = join(FIXTURES, 'vpc-modules');
const SG_WEB = 'sg-0a1b2c3d4e5f60001';

interface Drift { attribute: string; expected: unknown; actual: unknown; severity: string; fixable: boolean; range: { start: { line: number } } }
interface Resource { address: string; status: string; drifts: Drift[] }

function applyConsoleDrift(fake: FakeEc2): void {
  const n = fake.state.network;
  // A peering route added by hand to the table whose only route is a standalone aws_route.
  n.putRoute('rtb-0a1b2c3d4e5f60001', { destinationCidrBlock: '10.50.0.0/16', vpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60001' });
  // The private default route sent to the internet gateway instead of the NAT (an inline route).
  n.putRoute('rtb-0a1b2c3d4e5f60002', { destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-0a1b2c3d4e5f60001' });
  // RDP opened to the world on the group whose ingress is all standalone rules.
  fake.state.addIngressRule(SG_WEB, { protocol: 'tcp', fromPort: 3389, toPort: 3389, cidrBlocks: ['0.0.0.0/0'] });
  // The aws_vpc_security_group_ingress_rule re-described (same sgr- rule).
  const web = fake.state.securityGroups.get(SG_WEB)!;
  fake.state.updateSecurityGroup(SG_WEB, { ingress: web.ingress!.map((r) => (r.fromPort === 22 ? { ...r, description: 'ssh from anywhere in the office' } : r)) });
  // A deny entry on the NACL whose entries are all standalone aws_network_acl_rule.
  n.putNaclEntry('acl-0a1b2c3d4e5f60001', { ruleNumber: 90, protocol: '6', action: 'deny', cidrBlock: '0.0.0.0/0', fromPort: 22, toPort: 22 });
  fake.state.updateVolume('vol-0a1b2c3d4e5f600d1', { size: 100 });
  fake.state.setTag('eipalloc-0a1b2c3d4e5f60001', 'Name', 'renamed');
  // "Modify template (create new version)" in the console: the provider reads the latest version.
  n.addLaunchTemplateVersion('lt-0a1b2c3d4e5f60001', { imageId: 'ami-0abcdef1234567890', instanceType: 't3.large', keyName: 'deploy', securityGroupIds: [SG_WEB], httpTokens: 'required' });
  // A route table created by hand in the managed VPC: the one real unmanaged resource.
  n.routeTables.set('rtb-0a1b2c3d4e5f6000c', { id: 'rtb-0a1b2c3d4e5f6000c', vpcId: 'vpc-0a1b2c3d4e5f60001', tags: { Name: 'console-rt' } });
}

const lineOf = (file: string, needle: string) => readFileSync(join(WS, file), 'utf8').split('\n').findIndex((l) => l.includes(needle));

describe('EC2/VPC family end to end: a terraform-aws-modules style workspace (CLI against the fake EC2)', function () {
  this.timeout(90000);
  let fake: FakeEc2;
  beforeEach(async () => {
    fake = await startFakeEc2(JSON.parse(readFileSync(join(WS, 'seed.json'), 'utf8')));
  });
  afterEach(() => fake.close());

  it('untouched: all 26 resources verified in sync (inline and standalone rules and routes side by side), service-owned main route table, default NACL and group not unmanaged, exit 0', async () => {
    const run = await runCli(['scan', WS, '--format', 'json'], fakeCredentials(fake.url));
    assert.equal(run.code, 0, run.stderr + run.stdout.slice(0, 2000));
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.summary, { resources: 26, inSync: 26, drifted: 0, missing: 0, unverified: 0, unmanaged: 0, verified: 26 });
    assert.deepEqual(report.unmanaged, []);
  });

  it('console drift on eight resources: each change found once, on its owner, nothing else; no false unmanaged rule', async () => {
    applyConsoleDrift(fake);
    const run = await runCli(['scan', WS, '--format', 'json'], fakeCredentials(fake.url));
    assert.equal(run.code, 2, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.summary, { resources: 26, inSync: 18, drifted: 8, missing: 0, unverified: 0, unmanaged: 1, verified: 26 });
    assert.deepEqual(report.unmanaged, [{ type: 'aws_route_table', liveId: 'rtb-0a1b2c3d4e5f6000c', region: 'us-east-1', name: 'console-rt' }]);
    const drifted = Object.fromEntries((report.resources as Resource[]).filter((r) => r.status !== 'in-sync').map((r) => [r.address, r.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity, d.range.start.line])]));
    assert.deepEqual(drifted, {
      // Standalone routes own only themselves: the hand-made route shows on the table, at its header.
      'aws_route_table.public': [['route', [], [{ cidr_block: '10.50.0.0/16', vpc_peering_connection_id: 'pcx-0a1b2c3d4e5f60001' }], 'warning', lineOf('routes.tf', 'resource "aws_route_table" "public"')]],
      'aws_route_table.private': [['route', [{ cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-0a1b2c3d4e5f60001' }], [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-0a1b2c3d4e5f60001' }], 'warning', lineOf('routes.tf', 'route {')]],
      // The RDP rule once, on the group, as an exposure; the two standalone rules are not "extra".
      'aws_security_group.web': [['ingress', [], [{ protocol: 'tcp', fromPort: 3389, toPort: 3389, source: 'cidr:0.0.0.0/0', description: '' }], 'error', lineOf('security.tf', 'resource "aws_security_group" "web"')]],
      'aws_vpc_security_group_ingress_rule.web_ssh': [['description', 'ssh from the office', 'ssh from anywhere in the office', 'info', lineOf('security.tf', '"ssh from the office"')]],
      // A deny narrows: a warning, not an exposure.
      'aws_network_acl.public': [['ingress', [], [{ rule_no: 90, action: 'deny', protocol: '6', cidr_block: '0.0.0.0/0', from_port: 22, to_port: 22 }], 'warning', lineOf('routes.tf', 'resource "aws_network_acl" "public"')]],
      'aws_ebs_volume.data': [['size', 50, 100, 'warning', lineOf('compute.tf', 'size              = 50')]],
      // A template is no literal: the drift points at the tags map.
      'aws_eip.nat[0]': [['tags.Name', 'main-us-east-1a', 'renamed', 'info', lineOf('main.tf', '"${local.name}-${local.azs[count.index]}"') - 1]],
      'aws_launch_template.web': [['instance_type', 't3.micro', 't3.large', 'warning', lineOf('compute.tf', '"t3.micro"')]],
    });
    // The standalone rules, routes and entries that nobody touched stay in sync.
    const status = Object.fromEntries((report.resources as Resource[]).map((r) => [r.address, r.status]));
    for (const a of ['aws_route.public_internet_gateway', 'aws_security_group_rule.web_https', 'aws_network_acl_rule.public_inbound_https', 'aws_network_acl_rule.public_outbound', 'aws_security_group.db', 'aws_security_group_rule.db_from_vpn', 'aws_route.private_peering', 'aws_route_table_association.public[0]', 'aws_volume_attachment.data', 'aws_eip.web', 'aws_nat_gateway.this[0]', 'aws_internet_gateway.this']) {
      assert.equal(status[a], 'in-sync', a);
    }
    // Read-only, batched: one Describe per type (and region) for 26 resources, never one per resource.
    assert.ok(fake.calls.every((c) => c.action.startsWith('Describe')));
    assert.equal(fake.calls.filter((c) => c.action === 'DescribeSecurityGroupRules').length, 1);
  });

  it('mixed (inline blocks and standalone resources on one group / table): each owns its own; a console addition shows once, on the parent', async () => {
    fake.state.addIngressRule('sg-0a1b2c3d4e5f60002', { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] });
    fake.state.network.putRoute('rtb-0a1b2c3d4e5f60002', { destinationCidrBlock: '10.200.0.0/16', vpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60009' });
    const restore = setAwsEnv(fakeCredentials(fake.url));
    const { result } = await scanWorkspace({ dir: WS, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] }).finally(restore);
    const drifted = result.resources.filter((r) => r.status !== 'in-sync').map((r) => [r.address, r.drifts.map((d) => [d.attribute, d.severity, (d.actual as unknown[]).length - (d.expected as unknown[]).length])]);
    // The standalone db_from_vpn rule and private_peering route are neither "extra" on their parents nor drifted themselves.
    assert.deepEqual(drifted, [
      ['aws_route_table.private', [['route', 'warning', 1]]],
      ['aws_security_group.db', [['ingress', 'error', 1]]],
    ]);
    assert.deepEqual(result.unmanaged, []);
  });
});
