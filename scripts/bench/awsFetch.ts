// `npm run bench -- awsFetch [--n 1000] [--latency 50] [--concurrency 8] [--page-size N]`
// Fetches N generated resources through the AWS provider and the real SDK from the fake EC2
// (in its own process) with an injected per-call latency; prints the EC2 calls made, the
// wall time, and the ideal.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Binding, Logger } from '../../src/model';
import { createAwsProvider } from '../../src/providers/aws/awsProvider';
import type { Ec2Seed } from '../../test/fakes/ec2/seed';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000' }, latency: { type: 'string', default: '50' }, concurrency: { type: 'string', default: '8' }, 'page-size': { type: 'string' } },
});
const n = Number(values.n);
const latency = Number(values.latency);
const concurrency = Number(values.concurrency);
const pageSize = values['page-size'] ? Number(values['page-size']) : undefined;

const id = (prefix: string, k: number) => `${prefix}-${k.toString(16).padStart(17, '0')}`;
const TYPES = ['t3.micro', 't3.small', 't3.large', 'm5.large', 'c6i.xlarge'];

/** About 1 VPC per 100 resources, 10% subnets, 20% security groups, the rest instances. */
function generate(total: number): { seed: Ec2Seed; bindings: Binding[] } {
  const vpcs = Math.max(1, Math.round(total / 100));
  const subnets = Math.max(1, Math.round(total / 10));
  const groups = Math.max(1, Math.round(total / 5));
  const instances = Math.max(0, total - vpcs - subnets - groups);
  const seed: Ec2Seed = { vpcs: [], subnets: [], securityGroups: [], instances: [] };
  const bindings: Binding[] = [];
  const bind = (type: string, liveId: string, declaredAttributes: string[]) =>
    bindings.push({ address: `${type}.r${bindings.length}`, type, liveId, providerConfig: { provider: 'aws', settings: {} }, declaredAttributes });
  for (let k = 1; k <= vpcs; k++) {
    seed.vpcs!.push({ id: id('vpc', k), cidrBlock: `10.${k % 256}.0.0/16`, tags: { Name: `vpc${k}` } });
    bind('aws_vpc', id('vpc', k), ['cidr_block', 'instance_tenancy', 'tags']);
  }
  for (let k = 1; k <= subnets; k++) {
    seed.subnets!.push({ id: id('subnet', k), vpcId: id('vpc', 1 + (k % vpcs)), cidrBlock: `10.${k % 256}.${k % 256}.0/24`, availabilityZone: `us-east-1${'abc'[k % 3]}` });
    bind('aws_subnet', id('subnet', k), ['vpc_id', 'cidr_block', 'availability_zone', 'map_public_ip_on_launch']);
  }
  for (let k = 1; k <= groups; k++) {
    seed.securityGroups!.push({ id: id('sg', k), name: `g${k}`, description: 'generated', vpcId: id('vpc', 1 + (k % vpcs)), ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.0.0.0/8'] }] });
    bind('aws_security_group', id('sg', k), ['name', 'description', 'ingress', 'egress', 'tags']);
  }
  for (let k = 1; k <= instances; k++) {
    seed.instances!.push({ id: id('i', k), ami: 'ami-0abcdef1234567890', instanceType: TYPES[k % TYPES.length], subnetId: id('subnet', 1 + (k % subnets)), securityGroupIds: [id('sg', 1 + (k % groups))], tags: { Name: `i${k}` }, rootVolume: { size: 8 + (k % 4) * 8 } });
    bind('aws_instance', id('i', k), ['ami', 'instance_type', 'subnet_id', 'vpc_security_group_ids', 'tags', 'root_block_device', 'metadata_options']);
  }
  return { seed, bindings };
}

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Sends one IPC message to the fake's process and waits for its answer. */
async function ask<T>(child: ChildProcess, message: object): Promise<T> {
  const answer = once(child, 'message') as Promise<[T]>;
  child.send(message);
  return (await answer)[0];
}

async function main(): Promise<void> {
  const { seed, bindings } = generate(n);
  const child = fork(join(__dirname, 'fakeEc2Process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url } = await ask<{ url: string }>(child, { kind: 'start', seed, latency, pageSize });
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ENDPOINT_URL_EC2: url, AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' });
  try {
    const provider = createAwsProvider({ credentialsAllowed: true, concurrency });
    const counts = { vpc: seed.vpcs!.length, subnet: seed.subnets!.length, sg: seed.securityGroups!.length, instance: seed.instances!.length };
    console.log(`resources: ${n} (${counts.instance} instances, ${counts.sg} security groups, ${counts.subnet} subnets, ${counts.vpc} VPCs); latency ${latency} ms/call; concurrency ${concurrency}; page size ${pageSize ?? 'service default'}`);
    for (const run of ['cold (SDK load)', 'warm']) {
      await ask(child, { kind: 'reset' });
      const t0 = performance.now();
      const results = await provider.fetch(bindings, { signal: new AbortController().signal, logger: quiet });
      const wall = performance.now() - t0;
      const found = [...results.values()].filter((r) => r.status === 'found').length;
      if (found !== bindings.length) throw new Error(`only ${found} of ${bindings.length} found`);
      const { actions } = await ask<{ actions: string[] }>(child, { kind: 'calls' });
      const byAction = new Map<string, number>();
      for (const a of actions) byAction.set(a, (byAction.get(a) ?? 0) + 1);
      const calls = actions.length;
      const ideal = (calls * latency) / concurrency;
      console.log(
        `${run.padEnd(16)} EC2 calls ${String(calls).padStart(4)}  wall ${wall.toFixed(0).padStart(5)} ms  ideal ${ideal.toFixed(0).padStart(4)} ms (calls × latency ÷ concurrency)  per-resource baseline ${((n * latency) / concurrency).toFixed(0)} ms` +
          `  [${[...byAction].map(([a, c]) => `${a} ${c}`).join(', ')}]`,
      );
    }
  } finally {
    process.env = saved;
    child.send({ kind: 'stop' });
    await once(child, 'exit');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
