// `driftlens import` (issue 14, item 1) on an emulated account: unmanaged instances and groups in the VPC the
// sandbox manages. HashiCorp's parser accepts the blocks, `terraform fmt` leaves them as they are, and a second
// scan with them (the import blocks giving identity) reports every imported resource in sync.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { writeFileSync } from 'node:fs';
import { importCommand } from '../../../src/cli/importCommand';
import { planImports } from '../../../src/engine/importBlocks/planImports';
import { quietLogger } from '../aws/awsTestEnv';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { useFakeEc2 } from '../aws/awsTestEnv';
import { captureIo, sandboxCopy, sandboxSeed } from './sandboxHarness';

const VPC = 'vpc-0f3c1a9e2b7d64a15';
const SUBNET = 'subnet-08d2e6b1c4a97f350';
const MANAGED_SG = 'sg-0b7e4d19a2c35f681';

/** The sandbox account plus what someone made in the console inside its VPC. */
function account() {
  const seed = sandboxSeed();
  seed.securityGroups.push({
    id: 'sg-0e1d2c3b4a5968700', name: 'ops tools', description: 'ops jump access', vpcId: VPC, tags: { Name: 'Ops Tools', Team: 'ops' },
    ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.20.0.0/16'], description: 'ssh inside' }, { protocol: '-1', securityGroups: ['sg-0e1d2c3b4a5968700'] }],
    egress: [{ protocol: '-1', cidrBlocks: ['0.0.0.0/0'] }],
  });
  seed.instances.push(
    { id: 'i-0feedfacecafe0001', ami: 'ami-0c1bc246476a5572b', instanceType: 't3.small', subnetId: SUBNET, securityGroupIds: [MANAGED_SG, 'sg-0e1d2c3b4a5968700'], privateIp: '10.20.1.50', state: 'running', tags: { Name: 'batch runner (old)', Owner: 'ops' } },
    { id: 'i-0feedfacecafe0002', ami: 'ami-0c1bc246476a5572b', instanceType: 't3.micro', subnetId: SUBNET, securityGroupIds: [MANAGED_SG], privateIp: '10.20.1.51', state: 'stopped', monitoring: true, tags: { Name: 'web' } },
  );
  return seed;
}

describe('driftlens import (CLI) on an emulated account', function () {
  this.timeout(60000);
  const ec2 = useFakeEc2();
  let ws: ReturnType<typeof sandboxCopy>;
  beforeEach(() => (ws = sandboxCopy()));
  afterEach(() => ws.remove());

  const scan = async () => (await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] })).result;

  it('writes import + resource blocks that HashiCorp parses and terraform fmt keeps, with references and names from tags', async () => {
    await ec2.start(account());
    const io = captureIo();
    const code = await importCommand([ws.dir], io);
    assert.equal(code, 0, io.err);
    const text = io.out;
    // HashiCorp's parser (the oracle) reads every block.
    const parsed = (await parse('imported.tf', text)) as { import: { to: string; id: string }[]; resource: Record<string, Record<string, unknown[]>> };
    assert.deepEqual(parsed.import.map((i) => [i.to, i.id]).sort(), [
      ['${aws_instance.batch_runner_old}', 'i-0feedfacecafe0001'],
      ['${aws_instance.web_2}', 'i-0feedfacecafe0002'],
      ['${aws_security_group.launch_wizard_1}', 'sg-0c4a1e7b3d92f5806'],
      ['${aws_security_group.ops_tools}', 'sg-0e1d2c3b4a5968700'],
    ]);
    // A managed group and the managed VPC are references; the group imported in the same run stays an ID.
    assert.match(text, /vpc_security_group_ids = \[aws_security_group\.web\.id, "sg-0e1d2c3b4a5968700"\]/);
    assert.match(text, /vpc_id *= aws_vpc\.main\.id/);
    assert.match(text, /subnet_id *= aws_subnet\.app\.id/);
    // Arguments a user writes only: nothing computed.
    const written = Object.values(parsed.resource).flatMap((byName) => Object.values(byName).flatMap((blocks) => blocks.flatMap((b) => Object.keys(b as object))));
    for (const computed of ['arn', 'id', 'owner_id', 'private_dns', 'public_ip', 'primary_network_interface_id', 'tags_all']) assert.ok(!written.includes(computed), computed);
    assert.ok(written.includes('ami') && written.includes('ingress'));
    // terraform fmt (HashiCorp's formatter) would change nothing.
    const fmt = spawnSync('terraform', ['fmt', '-'], { input: text, encoding: 'utf8' });
    assert.equal(fmt.status, 0, fmt.stderr);
    assert.equal(fmt.stdout, text);
  });

  it('round trip: a second scan with the written file reports the imported resources in sync', async () => {
    await ec2.start(account());
    const io = captureIo();
    assert.equal(await importCommand([ws.dir, '--out', join(ws.dir, 'imported.tf')], io), 0, io.err);
    const result = await scan();
    const imported = result.resources.filter((r) => r.resource.file === join(ws.dir, 'imported.tf'));
    assert.deepEqual(imported.map((r) => [r.address, r.status, r.liveId, r.unverifiedAttributes.map((u) => u.attribute)]).sort(), [
      ['aws_instance.batch_runner_old', 'in-sync', 'i-0feedfacecafe0001', []],
      ['aws_instance.web_2', 'in-sync', 'i-0feedfacecafe0002', []],
      ['aws_security_group.launch_wizard_1', 'in-sync', 'sg-0c4a1e7b3d92f5806', []],
      ['aws_security_group.ops_tools', 'in-sync', 'sg-0e1d2c3b4a5968700', []],
    ]);
    assert.deepEqual(result.unmanaged, []);
    // --out refuses to overwrite.
    const again = captureIo();
    assert.equal(await importCommand([ws.dir, '--out', join(ws.dir, 'imported.tf')], again), 1);
    assert.match(again.err, /exists/);
    assert.ok(readFileSync(join(ws.dir, 'imported.tf'), 'utf8').startsWith('import {'));
  });

  it('--type and --id choose what is imported', async () => {
    await ec2.start(account());
    const io = captureIo();
    assert.equal(await importCommand([ws.dir, '--type', 'aws_security_group', '--id', 'sg-0e1d2c3b4a5968700'], io), 0, io.err);
    assert.equal((io.out.match(/^import \{/gm) ?? []).length, 1);
    assert.match(io.out, /resource "aws_security_group" "ops_tools" \{/);
  });

  it('a volume: gp3 writes iops and throughput, gp2 neither (the provider refuses them); the round trip is in sync', async () => {
    // The VPC listing does not find volumes (they have no VPC): the engine is given them as the listing would.
    const seed = account();
    seed.volumes = [
      { id: 'vol-0aaa1111bbbb22223', size: 50, type: 'gp3', iops: 4000, throughput: 250, encrypted: true, availabilityZone: 'eu-west-1a', tags: { Name: 'scratch data' } },
      { id: 'vol-0aaa1111bbbb22224', size: 20, type: 'gp2', availabilityZone: 'eu-west-1a' },
    ];
    await ec2.start(seed);
    const outcome = await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] });
    outcome.result.unmanaged = seed.volumes.map((v: { id: string; tags?: { Name?: string } }) => ({ type: 'aws_ebs_volume', liveId: v.id, region: 'eu-west-1', ...(v.tags?.Name ? { name: v.tags.Name } : {}) }));
    const plan = await planImports(outcome.result, outcome.snapshot.providers, ws.dir, { signal: new AbortController().signal, logger: quietLogger });
    assert.deepEqual(plan.skipped, []);
    assert.match(plan.text, /resource "aws_ebs_volume" "scratch_data" \{\n {2}availability_zone = "eu-west-1a"\n {2}size {14}= 50\n {2}type {14}= "gp3"\n {2}iops {14}= 4000\n {2}throughput {8}= 250\n {2}encrypted {9}= true\n/);
    const gp2 = plan.text.slice(plan.text.indexOf('"vol_0aaa1111bbbb22224"'));
    assert.doesNotMatch(gp2, /iops|throughput/);
    await parse('volumes.tf', plan.text);
    assert.equal(spawnSync('terraform', ['fmt', '-'], { input: plan.text, encoding: 'utf8' }).stdout, plan.text);
    writeFileSync(join(ws.dir, 'volumes.tf'), plan.text);
    const result = await scan();
    assert.deepEqual(result.resources.filter((r) => r.type === 'aws_ebs_volume').map((r) => [r.address, r.status]).sort(), [
      ['aws_ebs_volume.scratch_data', 'in-sync'],
      ['aws_ebs_volume.vol_0aaa1111bbbb22224', 'in-sync'],
    ]);
  });
});
