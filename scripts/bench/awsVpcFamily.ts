// `npm run bench -- awsVpcFamily [--n 200,1000,5000] [--latency 20] [--concurrency 8] [--page-size N]`
// The EC2/VPC family (issue 12) at several sizes through the AWS provider and the real SDK against the fake
// EC2 (own process): route tables with standalone routes and associations, groups with both kinds of
// standalone rules, NACLs with rules, EIPs, NAT gateways, volumes, launch templates. Prints the EC2 calls
// per action: they grow with types × regions × pages, not with resources.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Binding, Logger, Value } from '../../src/model';
import { createAwsProvider } from '../../src/providers/aws/awsProvider';
import type { Ec2Seed } from '../../test/fakes/ec2/seed';
import { securityGroupRuleId } from '../../test/fakes/ec2/network';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '200,1000,5000' }, latency: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '8' }, 'page-size': { type: 'string' } },
});
const sizes = values.n!.split(',').map(Number);
const latency = Number(values.latency);
const concurrency = Number(values.concurrency);
const pageSize = values['page-size'] ? Number(values['page-size']) : undefined;

const id = (prefix: string, k: number) => `${prefix}-${k.toString(16).padStart(17, '0')}`;
const VPC = id('vpc', 1);

/** Per 20 resources: a table with 2 routes and 2 associations, a group with 3 standalone rules of each kind… */
function generate(total: number): { seed: Ec2Seed; bindings: Binding[] } {
  const seed: Ec2Seed = { vpcs: [{ id: VPC, cidrBlock: '10.0.0.0/16' }], securityGroups: [], routeTables: [], networkAcls: [], addresses: [], natGateways: [], volumes: [], launchTemplates: [] };
  const bindings: Binding[] = [];
  const bind = (type: string, liveId: string, declared: Record<string, Value>, state: Record<string, string> = {}) =>
    bindings.push({ address: `${type}.r${bindings.length}`, type, liveId, providerConfig: { provider: 'aws', settings: {} }, declaredAttributes: Object.keys(declared), declared, stateAttributes: state });
  for (let k = 1; bindings.length < total; k++) {
    const rtb = id('rtb', k);
    seed.routeTables!.push({ id: rtb, vpcId: VPC, routes: [{ destinationCidrBlock: '0.0.0.0/0', gatewayId: id('igw', 1) }, { destinationCidrBlock: '10.8.0.0/16', natGatewayId: id('nat', k) }], associations: [{ id: id('rtbassoc', 2 * k), subnetId: id('subnet', 2 * k) }, { id: id('rtbassoc', 2 * k + 1), subnetId: id('subnet', 2 * k + 1) }] });
    bind('aws_route_table', rtb, { vpc_id: VPC, tags: {} });
    bind('aws_route', `r-${rtb}1080289494`, { gateway_id: id('igw', 1) }, { route_table_id: rtb, destination_cidr_block: '0.0.0.0/0' });
    bind('aws_route', `r-${rtb}2`, { nat_gateway_id: id('nat', k) }, { route_table_id: rtb, destination_cidr_block: '10.8.0.0/16' });
    bind('aws_route_table_association', id('rtbassoc', 2 * k), { subnet_id: id('subnet', 2 * k) }, { route_table_id: rtb });
    bind('aws_route_table_association', id('rtbassoc', 2 * k + 1), { subnet_id: id('subnet', 2 * k + 1) }, { route_table_id: rtb });
    const sg = id('sg', k);
    const rules = [443, 80, 22].map((port) => ({ protocol: 'tcp', fromPort: port, toPort: port, cidrBlocks: ['10.0.0.0/8'] }));
    const v2 = [8443, 8080, 2222].map((port) => ({ protocol: 'tcp', fromPort: port, toPort: port, cidrBlocks: ['10.1.0.0/16'] }));
    seed.securityGroups!.push({ id: sg, name: `g${k}`, description: 'bench', vpcId: VPC, ingress: [...rules, ...v2] });
    bind('aws_security_group', sg, { name: `g${k}`, description: 'bench', vpc_id: VPC });
    for (const r of rules) bind('aws_security_group_rule', `sgrule-${k}-${r.fromPort}`, { type: 'ingress', protocol: 'tcp', from_port: r.fromPort, to_port: r.toPort, cidr_blocks: r.cidrBlocks }, { security_group_id: sg, type: 'ingress' });
    for (const r of v2) bind('aws_vpc_security_group_ingress_rule', securityGroupRuleId(sg, false, r, '10.1.0.0/16'), { security_group_id: sg, ip_protocol: 'tcp', from_port: r.fromPort, to_port: r.toPort, cidr_ipv4: '10.1.0.0/16' });
    const acl = id('acl', k);
    seed.networkAcls!.push({ id: acl, vpcId: VPC, entries: [{ ruleNumber: 100, protocol: '6', action: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 443, toPort: 443 }, { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0' }] });
    bind('aws_network_acl', acl, { vpc_id: VPC });
    bind('aws_network_acl_rule', `nacl-${k}1`, { network_acl_id: acl, rule_number: 100, egress: false, protocol: 'tcp', rule_action: 'allow' });
    bind('aws_network_acl_rule', `nacl-${k}2`, { network_acl_id: acl, rule_number: 100, egress: true, protocol: '-1', rule_action: 'allow' });
    seed.addresses!.push({ allocationId: id('eipalloc', k), publicIp: `3.${(k >> 8) & 255}.${k & 255}.1`, tags: { Name: `e${k}` } });
    bind('aws_eip', id('eipalloc', k), { domain: 'vpc', tags: { Name: `e${k}` } });
    seed.natGateways!.push({ id: id('nat', k), vpcId: VPC, subnetId: id('subnet', 2 * k), privateIp: '10.0.0.5', networkInterfaceId: id('eni', k), allocationId: id('eipalloc', k) });
    bind('aws_nat_gateway', id('nat', k), { subnet_id: id('subnet', 2 * k) });
    seed.volumes!.push({ id: id('vol', k), size: 20, type: 'gp3' });
    bind('aws_ebs_volume', id('vol', k), { size: 20, type: 'gp3' });
    seed.launchTemplates!.push({ id: id('lt', k), name: `lt${k}`, versions: [{ data: { imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro' } }] });
    bind('aws_launch_template', id('lt', k), { name: `lt${k}`, instance_type: 't3.micro' });
  }
  return { seed, bindings: bindings.slice(0, total) };
}

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

async function ask<T>(child: ChildProcess, message: object): Promise<T> {
  const answer = once(child, 'message') as Promise<[T]>;
  child.send(message);
  return (await answer)[0];
}

async function measure(total: number): Promise<void> {
  const { seed, bindings } = generate(total);
  const child = fork(join(__dirname, 'fakeEc2Process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url } = await ask<{ url: string }>(child, { kind: 'start', seed, latency, pageSize });
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ENDPOINT_URL_EC2: url, AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' });
  try {
    const provider = createAwsProvider({ credentialsAllowed: true, concurrency });
    await ask(child, { kind: 'reset' });
    const t0 = performance.now();
    const results = await provider.fetch(bindings, { signal: new AbortController().signal, logger: quiet });
    const wall = performance.now() - t0;
    const found = [...results.values()].filter((r) => r.status === 'found').length;
    if (found !== bindings.length) {
      const bad = [...results].find(([, r]) => r.status !== 'found');
      throw new Error(`only ${found} of ${bindings.length} found; e.g. ${bad?.[0].address}: ${JSON.stringify(bad?.[1])}`);
    }
    const { actions } = await ask<{ actions: string[] }>(child, { kind: 'calls' });
    const byAction = new Map<string, number>();
    for (const a of actions) byAction.set(a, (byAction.get(a) ?? 0) + 1);
    const types = new Set(bindings.map((b) => b.type)).size;
    console.log(`${String(total).padStart(5)} resources, ${types} types: EC2 calls ${String(actions.length).padStart(4)}  wall ${wall.toFixed(0).padStart(5)} ms  [${[...byAction].sort().map(([a, c]) => `${a.replace('Describe', '')} ${c}`).join(', ')}]`);
  } finally {
    process.env = saved;
    child.send({ kind: 'stop' });
    await once(child, 'exit');
  }
}

async function main(): Promise<void> {
  console.log(`latency ${latency} ms/call; concurrency ${concurrency}; page size ${pageSize ?? 'service default (IDs: none)'}; chunks of 200 IDs per call`);
  for (const n of sizes) await measure(n);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
