// Batching, paging and per-ID NotFound through the real SDK against the fake EC2.
import assert from 'node:assert/strict';
import { Ec2Error } from '../../fakes/ec2';
import type { Ec2Seed, SeedInstance } from '../../fakes/ec2/seed';
import { binding, fetchContext, foundAttributes, hexId, resultFor, smallAccount, callCount, testProvider, useFakeEc2 } from './awsTestEnv';

function manyInstances(n: number): SeedInstance[] {
  return Array.from({ length: n }, (_, k) => ({ id: hexId('i', k + 1), ami: 'ami-0abcdef1234567890', instanceType: ['t3.micro', 't3.small', 'm5.large'][k % 3], subnetId: 'subnet-0a1b2c3d4e5f60001', tags: { Name: `n${k}` } }));
}

function accountWith(instances: SeedInstance[]): Ec2Seed {
  return { ...smallAccount(), instances };
}

describe('AWS provider batching (real SDK against the fake EC2)', () => {
  const fakes = useFakeEc2();
  const start = (seed: Ec2Seed, pageSize?: number) => fakes.start(seed, { pageSize });
  const provider = testProvider;
  const count = callCount;

  it('one ID of a batch NotFound: that one is not-found, the rest are answered', async () => {
    const f = await start(accountWith(manyInstances(5)));
    f.state.delete(hexId('i', 3));
    const bs = [1, 2, 3, 4, 5].map((k) => binding('aws_instance', hexId('i', k), ['instance_type']));
    const results = await provider().fetch(bs, fetchContext());
    assert.deepEqual(resultFor(results, bs[2]), { status: 'not-found', reason: 'not found (InvalidInstanceID.NotFound)' });
    for (const k of [0, 1, 3, 4]) assert.equal(resultFor(results, bs[k]).status, 'found');
    assert.equal(foundAttributes(results, bs[4]).instance_type, 't3.small');
    // The failed call, then the batch again without the missing ID, and that ID asked alone to confirm it.
    assert.equal(count(f, 'DescribeInstances'), 3);
    const retried = f.calls.slice(1).map((c) => Object.keys(c.params).filter((k) => k.startsWith('InstanceId.')).map((k) => c.params[k]).join(',')).sort();
    assert.deepEqual(retried, [[1, 2, 4, 5].map((k) => hexId('i', k)).join(','), hexId('i', 3)]);
  });

  it('several missing and a malformed ID in one batch are each pinned, the rest found', async () => {
    const f = await start(accountWith(manyInstances(6)));
    f.state.delete(hexId('i', 2));
    f.state.delete(hexId('i', 5));
    const ids = [hexId('i', 1), hexId('i', 2), 'i-NOT-AN-ID', hexId('i', 4), hexId('i', 5), hexId('i', 6)];
    const bs = ids.map((id) => binding('aws_instance', id, ['ami']));
    const results = await provider().fetch(bs, fetchContext());
    assert.deepEqual(bs.map((b) => resultFor(results, b).status), ['found', 'not-found', 'not-found', 'found', 'not-found', 'found']);
    assert.match((resultFor(results, bs[2]) as { reason: string }).reason, /malformed/);
  });

  it('a NotFound whose message names no ID we sent is bisected down to the missing ID', async () => {
    const f = await start(accountWith(manyInstances(8)));
    f.state.delete(hexId('i', 7));
    f.faults.error('DescribeInstances', 1, () => new Ec2Error('InvalidInstanceID.NotFound', 'One or more instance IDs do not exist'));
    const bs = Array.from({ length: 8 }, (_, k) => binding('aws_instance', hexId('i', k + 1), ['ami']));
    const results = await provider().fetch(bs, fetchContext());
    assert.deepEqual(bs.map((b) => resultFor(results, b).status), ['found', 'found', 'found', 'found', 'found', 'found', 'not-found', 'found']);
  });

  it('a terminated or shutting-down instance is not-found "terminated"', async () => {
    const f = await start(accountWith(manyInstances(3)));
    f.state.terminateInstance(hexId('i', 1));
    f.state.updateInstance(hexId('i', 2), { state: 'shutting-down' });
    const bs = [1, 2, 3].map((k) => binding('aws_instance', hexId('i', k), ['instance_type', 'disable_api_termination']));
    const results = await provider().fetch(bs, fetchContext());
    assert.deepEqual(resultFor(results, bs[0]), { status: 'not-found', reason: 'terminated' });
    assert.deepEqual(resultFor(results, bs[1]), { status: 'not-found', reason: 'terminated' });
    assert.equal(resultFor(results, bs[2]).status, 'found');
    // No attribute call for instances that are gone.
    assert.deepEqual(f.calls.filter((c) => c.action === 'DescribeInstanceAttribute').map((c) => c.params.InstanceId), [hexId('i', 3)]);
  });

  it('follows every NextToken: 250 instances, 100 reservations per page even with IDs', async () => {
    const f = await start(accountWith(manyInstances(250)), 100);
    const bs = Array.from({ length: 250 }, (_, k) => binding('aws_instance', hexId('i', k + 1), ['instance_type', 'tags']));
    const results = await provider().fetch(bs, fetchContext());
    bs.forEach((b, k) => assert.deepEqual(foundAttributes(results, b).tags, { Name: `n${k}` }));
    const describe = f.calls.filter((c) => c.action === 'DescribeInstances');
    // Chunks of 200 and 50 IDs: 2 pages + 1 page; MaxResults never sent with IDs.
    assert.equal(describe.length, 3);
    assert.equal(describe.filter((c) => c.params.NextToken !== undefined).length, 1);
    assert.ok(describe.every((c) => c.params.MaxResults === undefined));
  });

  it('pages security groups, VPCs and subnets too', async () => {
    const groups = Array.from({ length: 12 }, (_, k) => ({ id: hexId('sg', k + 1), name: `g${k}`, description: 'd', vpcId: 'vpc-0a1b2c3d4e5f60001' }));
    const f = await start({ ...smallAccount(), securityGroups: groups }, 5);
    const bs = groups.map((g) => binding('aws_security_group', g.id, ['name']));
    const results = await provider().fetch(bs, fetchContext());
    bs.forEach((b, k) => assert.equal(foundAttributes(results, b).name, `g${k}`));
    assert.equal(count(f, 'DescribeSecurityGroups'), 3);
  });

  it('calls grow with types × pages, not with the number of resources', async () => {
    const callsFor = async (n: number) => {
      const f = await start(accountWith(manyInstances(n)));
      const bs = [
        ...Array.from({ length: n }, (_, k) => binding('aws_instance', hexId('i', k + 1), ['instance_type', 'root_block_device'])),
        binding('aws_security_group', 'sg-0a1b2c3d4e5f60001', ['ingress']),
        binding('aws_security_group', 'sg-0a1b2c3d4e5f60002', ['ingress']),
        binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block']),
        binding('aws_subnet', 'subnet-0a1b2c3d4e5f60001', ['cidr_block']),
        binding('aws_subnet', 'subnet-0a1b2c3d4e5f60002', ['cidr_block']),
      ];
      const results = await provider().fetch(bs, fetchContext());
      assert.ok([...results.values()].every((r) => r.status === 'found'));
      const actions = f.calls.map((c) => c.action).sort();
      await fakes.stop();
      return actions;
    };
    const small = await callsFor(10);
    const large = await callsFor(150);
    assert.deepEqual(small, ['DescribeInstances', 'DescribeSecurityGroups', 'DescribeSubnets', 'DescribeVpcs']);
    assert.deepEqual(large, small);
  });

  it('root volumes are described in one batch for all instances', async () => {
    const f = await start(accountWith(manyInstances(30).map((i, k) => ({ ...i, rootVolume: { size: 8 + k, type: 'gp3' } }))));
    const bs = Array.from({ length: 30 }, (_, k) => binding('aws_instance', hexId('i', k + 1), ['root_block_device']));
    const results = await provider().fetch(bs, fetchContext());
    bs.forEach((b, k) => {
      const [root] = foundAttributes(results, b).root_block_device as Record<string, unknown>[];
      assert.deepEqual([root.volume_size, root.volume_type, root.encrypted], [8 + k, 'gp3', false]);
    });
    assert.equal(count(f, 'DescribeVolumes'), 1);
  });

  it('groups by region: the provider block region is used, one batch per region', async () => {
    const f = await start(accountWith(manyInstances(4)));
    const bs = [
      binding('aws_instance', hexId('i', 1), ['ami'], 'eu-west-1'),
      binding('aws_instance', hexId('i', 2), ['ami'], 'eu-west-1'),
      binding('aws_instance', hexId('i', 3), ['ami']),
      binding('aws_instance', hexId('i', 4), ['ami']),
    ];
    await provider().fetch(bs, fetchContext());
    assert.deepEqual(f.calls.map((c) => `${c.region}:${c.params['InstanceId.1']},${c.params['InstanceId.2']}`).sort(), [
      `eu-west-1:${hexId('i', 1)},${hexId('i', 2)}`,
      `us-east-1:${hexId('i', 3)},${hexId('i', 4)}`,
    ]);
  });

  it('sends only Describe* actions, whatever is declared', async () => {
    const f = await start(smallAccount());
    const s = smallAccount();
    const bs = [
      ...s.instances!.map((i) => binding('aws_instance', i.id, ['ami', 'disable_api_termination', 'root_block_device', 'tags'])),
      ...s.securityGroups!.map((g) => binding('aws_security_group', g.id, ['ingress', 'egress'])),
      ...s.vpcs!.map((v) => binding('aws_vpc', v.id, ['enable_dns_support', 'enable_dns_hostnames'])),
      ...s.subnets!.map((n) => binding('aws_subnet', n.id, ['cidr_block'])),
      binding('aws_instance', 'i-0ffffffffffffffff', ['ami']),
    ];
    const results = await provider().fetch(bs, fetchContext());
    assert.equal(results.size, bs.length);
    assert.ok(f.calls.length >= 7);
    for (const c of f.calls) assert.match(c.action, /^Describe[A-Za-z]+$/);
  });
});
