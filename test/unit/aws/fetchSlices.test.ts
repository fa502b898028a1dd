// The fetch asks, maps and drops one slice of describe batches at a time (issue 15): the API objects
// of 10,000 instances are never all alive at once, and the calls stay what they were.
import assert from 'node:assert/strict';
import { createAwsProvider } from '../../../src/providers/aws';
import { describeSlices } from '../../../src/providers/aws/describe';
import type { SeedInstance } from '../../fakes/ec2/seed';
import { binding, fetchContext, foundAttributes, hexId, smallAccount, useFakeEc2 } from './awsTestEnv';

function manyInstances(n: number): SeedInstance[] {
  return Array.from({ length: n }, (_, k) => ({ id: hexId('i', k + 1), ami: 'ami-0abcdef1234567890', instanceType: 't3.micro', subnetId: 'subnet-0a1b2c3d4e5f60001', tags: { Name: `n${k}` } }));
}

describe('AWS fetch in slices of describe batches (bounded memory)', () => {
  const fakes = useFakeEc2();

  it('slices hold at most `size` distinct IDs, every item of one ID together, items without an ID first', () => {
    const items = ['a', 'b', 'a', 'c', undefined, 'd', 'b', 'e'].map((id, k) => ({ id, k }));
    const slices = describeSlices(items, (i) => i.id, 2);
    assert.deepEqual(
      slices.map((s) => s.map((i) => `${i.id}${i.k}`)),
      [['undefined4'], ['a0', 'b1', 'a2', 'b6'], ['c3', 'd5'], ['e7']],
    );
    assert.deepEqual(describeSlices([], (i: string) => i, 3), []);
  });

  it('each slice is described and enriched before the next is asked (one batch per slice at concurrency 1), every instance still answered', async () => {
    const f = await fakes.start({ ...smallAccount(), instances: manyInstances(450) });
    // disable_api_termination needs DescribeInstanceAttribute: declared on one instance of each 200-ID slice.
    const bs = Array.from({ length: 450 }, (_, k) => binding('aws_instance', hexId('i', k + 1), [0, 200, 400].includes(k) ? ['instance_type', 'disable_api_termination'] : ['instance_type']));
    const results = await createAwsProvider({ credentialsAllowed: true, maxAttempts: 2, concurrency: 1 }).fetch(bs, fetchContext());
    bs.forEach((b) => assert.equal(foundAttributes(results, b).instance_type, 't3.micro'));
    assert.equal(foundAttributes(results, bs[400]).disable_api_termination, false);
    const calls = f.calls.map((c) => c.action).filter((a) => a === 'DescribeInstances' || a === 'DescribeInstanceAttribute');
    // Before: all three DescribeInstances batches first (every instance object alive at once), then the attribute calls.
    assert.deepEqual(calls, ['DescribeInstances', 'DescribeInstanceAttribute', 'DescribeInstances', 'DescribeInstanceAttribute', 'DescribeInstances', 'DescribeInstanceAttribute']);
  });
});
