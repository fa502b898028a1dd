// The fixture workspace written like public modules (nested local and installed modules, count,
// for_each on resources and modules, tfvars per environment, workspaces, locals, functions, a
// template file, dynamic blocks, default_tags, ignore_changes) scanned end to end against the fake
// EC2 with the real AWS SDK: Terraform's addresses, the values it would compute, and drift only
// where the live value differs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceResult } from '../../../src/model';
import { recompare, scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';

const platform = join(__dirname, '..', '..', 'fixtures', 'depth', 'platform');
const seed = () => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'depth', 'seeds', 'platform.json'), 'utf8'));
const prod = join(platform, 'envs', 'prod');

describe('fixture workspace: modules, count/for_each, dynamic blocks, default_tags, workspaces', function () {
  this.timeout(60_000);
  let fake: FakeEc2;
  let restore: () => void;

  beforeEach(async () => {
    fake = await startFakeEc2(seed());
    restore = setAwsEnv(fakeCredentials(fake.url));
  });
  afterEach(async () => {
    restore();
    await fake.close();
  });

  const scan = () => scanWorkspace({ dir: platform, providers: [createAwsProvider({ credentialsAllowed: true })] }).then((o) => o.result);
  // The two roots' addresses do not overlap: prod and staging call their modules differently.
  const byAddress = (rs: ResourceResult[]) => new Map(rs.map((r) => [r.address, r]));

  it('finds every instance Terraform would, at its address, all in sync', async () => {
    const result = await scan();
    const statuses = Object.fromEntries([...byAddress(result.resources)].map(([a, r]) => [a, r.status === 'unverified' ? `unverified: ${r.reason}` : r.status]));
    assert.deepEqual(statuses, {
      'aws_s3_directory_bucket.logs["access"]': 'unverified: unsupported type',
      'aws_s3_directory_bucket.logs["audit"]': 'unverified: unsupported type',
      'module.network.aws_vpc.this': 'in-sync',
      'module.network.aws_subnet.public["eu-west-1a"]': 'in-sync',
      'module.network.aws_subnet.public["eu-west-1b"]': 'in-sync',
      'module.web.aws_instance.this[0]': 'in-sync',
      'module.web.aws_instance.this[1]': 'in-sync',
      'module.web.module.security_group.aws_security_group.this': 'in-sync',
      'module.network.aws_vpc.main': 'in-sync',
      'module.network.aws_subnet.public[0]': 'in-sync',
      'module.network.aws_subnet.public[1]': 'in-sync',
      'module.web["admin"].aws_instance.this[0]': 'in-sync',
      'module.web["admin"].module.security_group.aws_security_group.this': 'in-sync',
      'module.web["api"].aws_instance.this[0]': 'in-sync',
      'module.web["api"].module.security_group.aws_security_group.this': 'in-sync',
    });
    assert.deepEqual(result.errors, []);
    // Every attribute was evaluated; what stays unverified is only what the EC2 mapper cannot read.
    const unverified = result.resources.flatMap((r) => r.unverifiedAttributes.map((u) => `${r.address} ${u.attribute}: ${u.reason}`));
    assert.deepEqual(unverified, [
      'module.web.aws_instance.this[0] user_data: the aws_instance mapper does not read "user_data"',
      'module.web.aws_instance.this[1] user_data: the aws_instance mapper does not read "user_data"',
      'module.web["admin"].aws_instance.this[0] user_data: the aws_instance mapper does not read "user_data"',
      'module.web["api"].aws_instance.this[0] user_data: the aws_instance mapper does not read "user_data"',
    ]);
  });

  it('evaluates through module inputs, outputs, templates and default_tags', async () => {
    const r = byAddress((await scan()).resources);
    const web1 = r.get('module.web.aws_instance.this[1]')!;
    assert.equal(web1.desired?.instance_type, 't3.small');
    assert.equal(web1.desired?.subnet_id, 'subnet-0aa11b2c3d4e5f600', 'module.network.public_subnet_ids[1] through state');
    assert.equal(web1.desired?.user_data, '#!/bin/bash\nhostnamectl set-hostname shop-prod-web-02\nufw allow 80/tcp\nufw allow 443/tcp\n');
    assert.deepEqual(web1.desired?.tags, { Component: 'web', Environment: 'Prod', ManagedBy: 'terraform', Name: 'shop-prod-web-02', Project: 'shop' });
    assert.equal(web1.desired?.ami, undefined, 'lifecycle ignore_changes = [ami]');
    const sg = r.get('module.web["admin"].module.security_group.aws_security_group.this')!;
    assert.deepEqual((sg.desired?.ingress as { from_port: number }[]).map((i) => i.from_port), [22, 443]);
    assert.equal(r.get('module.network.aws_subnet.public[1]')!.desired?.cidr_block, '10.20.16.0/20');
  });

  it('reports drift only where the live value differs, naming the instance and pointing at the caller', async () => {
    fake.state.setInstanceType('i-0123456789abcde01', 't3.large'); // module.web.aws_instance.this[1]
    fake.state.updateVolume('vol-0a000000000000001', { size: 50 }); // its root volume
    fake.state.updateInstance('i-0123456789abcde00', { ami: 'ami-0ffffffffffffffff' }); // ignore_changes
    fake.state.setTag('i-0123456789abcde00', 'LastPatched', '2026-11-01'); // ignore_changes tags["LastPatched"]
    fake.state.addIngressRule('sg-0c0e2d3c4b5a60002', { protocol: 'tcp', fromPort: 3389, toPort: 3389, cidrBlocks: ['0.0.0.0/0'] });
    fake.state.setTag('subnet-0aa01b2c3d4e5f600', 'Tier', 'private');
    const result = await scan();
    const drifts = result.resources.flatMap((r) => r.drifts.map((d) => `${r.address} ${d.attribute}`)).sort();
    assert.deepEqual(drifts, [
      'module.network.aws_subnet.public["eu-west-1a"] tags.Tier',
      'module.web.aws_instance.this[1] instance_type',
      'module.web.aws_instance.this[1] root_block_device.volume_size',
      'module.web["admin"].module.security_group.aws_security_group.this ingress',
    ]);
    const web1 = result.resources.find((r) => r.address === 'module.web.aws_instance.this[1]')!;
    const volume = web1.drifts.find((d) => d.attribute === 'root_block_device.volume_size')!;
    assert.match(volume.message, /module\.web\.aws_instance\.this\[1\]|volume_size/);
    // The 20 is written in the caller's module block, not in the module: the quick-fix edits it there.
    assert.equal(volume.origin?.file, join(prod, 'main.tf'));
    const text = readFileSync(join(prod, 'main.tf'), 'utf8');
    assert.equal(text.slice(volume.origin!.range.start.offset, volume.origin!.range.end.offset), '20');
    // The squiggle stays on the shared block inside the module.
    assert.equal(volume.location.file, join(platform, 'modules', 'compute', 'main.tf'));
  });
});

describe('incremental re-index on recompare', function () {
  this.timeout(60_000);
  it('re-parses only the edited file, and the edit shows', async () => {
    const fake = await startFakeEc2(seed());
    const restore = setAwsEnv(fakeCredentials(fake.url));
    try {
      const { snapshot } = await scanWorkspace({ dir: prod, providers: [createAwsProvider({ credentialsAllowed: true })] });
      const cache = snapshot.indexCache!;
      const parsed = cache.stats.parses;
      const main = join(prod, 'main.tf');
      const edited = readFileSync(main, 'utf8').replace('root_volume_size = 20', 'root_volume_size = 30');
      const result = await recompare(snapshot, new Map([[main, edited]]));
      assert.equal(cache.stats.parses - parsed, 1, 'only main.tf is parsed again');
      assert.equal(cache.stats.memoryHits, 3, 'the other three .tf files of the root come from the cache');
      const drifts = result.resources.flatMap((r) => r.drifts.map((d) => `${r.address} ${d.attribute}`));
      assert.deepEqual(drifts, ['module.web.aws_instance.this[0] root_block_device.volume_size', 'module.web.aws_instance.this[1] root_block_device.volume_size']);
    } finally {
      restore();
      await fake.close();
    }
  });
});
