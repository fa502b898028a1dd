// Runs the fake EC2 in its own process for benchmarks, so its XML rendering does not share
// the event loop with the SDK under test. Driven over IPC by scripts/bench/awsFetch.ts.
import { startFakeEc2 } from '../../test/fakes/ec2';
import type { Ec2Seed } from '../../test/fakes/ec2/seed';

type Message = { kind: 'start'; seed: Ec2Seed; latency: number; pageSize?: number } | { kind: 'latency'; latency: number } | { kind: 'calls' } | { kind: 'reset' } | { kind: 'stop' };

const send = (m: unknown) => process.send?.(m);

async function main(): Promise<void> {
  let fake: Awaited<ReturnType<typeof startFakeEc2>> | undefined;
  process.on('message', async (m: Message) => {
    if (m.kind === 'start') {
      fake = await startFakeEc2(m.seed, { pageSize: m.pageSize });
      fake.faults.latency(m.latency);
      send({ kind: 'started', url: fake.url });
    } else if (m.kind === 'latency') {
      fake?.faults.latency(m.latency);
      send({ kind: 'latency' });
    } else if (m.kind === 'calls') {
      send({ kind: 'calls', actions: fake?.calls.map((c) => c.action) ?? [] });
    } else if (m.kind === 'reset') {
      if (fake) fake.calls.length = 0;
      send({ kind: 'reset' });
    } else {
      await fake?.close();
      process.exit(0);
    }
  });
}

void main();
