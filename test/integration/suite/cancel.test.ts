// Cancel stops a running scan (the AbortSignal reaches the SDK call in flight), keeps the previous
// results, and a second scan request joins the running one instead of starting another.
// This suite runs its own fake EC2 so it can hold DescribeInstances at a gate.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startFakeEc2, type Ec2Seed, type FakeEc2 } from '../../fakes/ec2';
import { driftLens, scan, workspaceDir } from './helpers';

/** Waits for the gate, failing at once (instead of timing out) if the scan ends before reaching EC2. */
function reachedOrEnded(reached: Promise<void>, run: Promise<unknown>): Promise<void> {
  return Promise.race([reached, run.then((r) => Promise.reject(new Error(`the scan ended before calling EC2: ${JSON.stringify(r)}`)))]);
}

suite('Cancel and one scan at a time', () => {
  let fake: FakeEc2;
  let savedEndpoint: string | undefined;
  let api: Awaited<ReturnType<typeof driftLens>>;

  suiteSetup(async () => {
    api = await driftLens();
    const seed = JSON.parse(readFileSync(join(workspaceDir(), '.sandbox', 'cloud.json'), 'utf8')) as { ec2: Ec2Seed };
    fake = await startFakeEc2(seed.ec2);
    savedEndpoint = process.env.AWS_ENDPOINT_URL_EC2;
    process.env.AWS_ENDPOINT_URL_EC2 = fake.url;
  });

  suiteTeardown(async () => {
    fake.faults.clear();
    process.env.AWS_ENDPOINT_URL_EC2 = savedEndpoint;
    await fake.close();
  });

  test('Cancel while EC2 is answering: the scan ends "cancelled" and the results are untouched', async () => {
    const gate = fake.faults.hold('DescribeInstances');
    let changes = 0;
    const sub = api.testing.onDidChangeResults(() => changes++);
    try {
      const running = scan();
      await reachedOrEnded(gate.reached, running);
      assert.equal(api.testing.contextKey('scanning'), true);
      assert.equal(await vscode.commands.executeCommand('driftlens.cancelScan'), true);
      const run = await running;
      assert.equal(run.kind, 'cancelled');
      assert.equal(changes, 0, 'a cancelled scan published results');
      assert.equal(api.testing.contextKey('scanning'), false);
      assert.equal(await vscode.commands.executeCommand('driftlens.cancelScan'), false, 'nothing left to cancel');
    } finally {
      sub.dispose();
      gate.release();
    }
  });

  test('a second request while a scan runs joins it: one scan, one set of EC2 calls', async () => {
    const gate = fake.faults.hold('DescribeInstances');
    fake.calls.length = 0;
    const first = scan();
    await reachedOrEnded(gate.reached, first);
    const second = scan();
    gate.release();
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.kind, 'done');
    assert.deepEqual(b, a);
    // One DescribeInstances by ID (the declared instances) and one filtered listing (unmanaged ones).
    const instanceCalls = fake.calls.filter((c) => c.action === 'DescribeInstances');
    assert.deepEqual(instanceCalls.map((c) => ('InstanceId.1' in c.params ? 'by-id' : 'listing')).sort(), ['by-id', 'listing']);
  });
});
