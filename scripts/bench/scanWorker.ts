// `npm run bench -- scanWorker [--n 1000,10000] [--latency 50] [--files 2600] [--index-dir DIR] [--no-index]`
// What the extension host's thread feels while the editor scans (issue 15 item 4, issue 17 item 4):
// - the event loop's delay (p50/p99/max, 10 ms resolution as in `bench scan`) on this thread while a
//   generated N-resource workspace is scanned against the fake EC2 (in its own process, with latency),
//   once in this thread (the shipped engine, bundled) and once through the scan worker (dist/scanWorker.js,
//   as the extension starts it), plus the wall time of each; target p99 < 50 ms at 10,000;
// - the index through the worker's cache: first (empty cache), warm, warm with the folders known, one
//   edited file (median of 25), for the 2,600-file corpus of `bench indexEditor` (or --index-dir);
//   targets: first < 1 s, warm < 200 ms, one edit < 20 ms.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ScanOutcome, ScanOptions } from '../../src/engine/scan';
import type { ProviderSettings } from '../../src/editor/providerFactory';
import { ScanWorkerClient } from '../../src/editor/scanWorkerClient';
import { listModules } from '../../src/iac/moduleIndex';
import type { LiveStateProvider, Logger } from '../../src/model';
import { bundle, repoRoot } from './lib/engine';
import { generateScanWorkspace, writeIndexCorpus } from './lib/generatedWorkspace';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000,10000' }, latency: { type: 'string', default: '50' }, files: { type: 'string', default: '2600' }, 'index-dir': { type: 'string' }, 'no-index': { type: 'boolean' } },
});
const sizes = values.n.split(',').map(Number);
const latency = Number(values.latency);
const SETTINGS: ProviderSettings = { azureArmTarget: {} };
const WORKER = join(repoRoot, 'dist', 'scanWorker.js');
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const ms = (ns: number) => (ns / 1e6).toFixed(0);

type Shipped = { scanWorkspace: (o: ScanOptions) => Promise<ScanOutcome>; createProviders: (s: ProviderSettings, trusted: boolean) => Promise<LiveStateProvider[]> };

/** The engine and the editor's provider factory as one esbuild bundle (tsx's per-module output is ~3× slower: lib/engine.ts). */
function shippedInThread(): Shipped {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-bench-worker-engine-'));
  try {
    const file = bundle(dir, { entry: "export { scanWorkspace } from './src/engine/scan'; export { createProviders } from './src/editor/providerFactory';" });
    return createRequire(__filename)(file) as Shipped;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `work` while sampling this thread's event-loop delay; prints one line. */
async function measured<T>(label: string, work: () => Promise<T>): Promise<T> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t = performance.now();
  const out = await work();
  const wall = performance.now() - t;
  // One more timer turn: a stall at the very end (receiving the result) is only recorded when the timer fires after it.
  await new Promise((r) => setTimeout(r, 25));
  loop.disable();
  console.log(`  ${label.padEnd(34)} wall ${wall.toFixed(0).padStart(6)} ms   event-loop delay p50 ${ms(loop.percentile(50)).padStart(4)} ms, p99 ${ms(loop.percentile(99)).padStart(4)} ms, max ${ms(loop.max).padStart(4)} ms`);
  return out;
}

async function ask<T>(child: ChildProcess, message: object): Promise<T> {
  const answer = once(child, 'message') as Promise<[T]>;
  child.send(message);
  return (await answer)[0];
}

async function scans(shipped: Shipped, client: ScanWorkerClient): Promise<void> {
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'driftlens-bench-worker-'));
    const child = fork(join(__dirname, 'fakeEc2Process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const { tf, state, seed } = generateScanWorkspace(n);
      writeFileSync(join(dir, 'main.tf'), tf);
      writeFileSync(join(dir, 'terraform.tfstate'), state);
      const { url } = await ask<{ url: string }>(child, { kind: 'start', seed, latency });
      Object.assign(process.env, {
        AWS_ENDPOINT_URL_EC2: url, AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0001', AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-bench', AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      });
      console.log(`${n} resources, ${latency} ms per EC2 call:`);
      const here = await measured('in this thread (shipped engine)', async () => shipped.scanWorkspace({ dir, providers: await shipped.createProviders(SETTINGS, true) }));
      const first = await measured('in the scan worker (first scan)', () => client.scan({ options: { dir }, settings: SETTINGS, signal: new AbortController().signal }));
      const again = await measured('in the scan worker (again, warm)', () => client.scan({ options: { dir }, settings: SETTINGS, signal: new AbortController().signal }));
      const edited = new Map([[join(dir, 'main.tf'), tf.replace('instance_type = "t3.micro"', 'instance_type = "t3.large"')]]);
      const re = await measured('re-compare one edit (worker)', () => again.snapshot.recompare(edited));
      for (const [label, r] of [['in thread', here.result], ['worker', first.result], ['worker again', again.result]] as const) {
        if (r.summary.inSync !== n) console.log(`  ! ${label}: ${r.summary.inSync} of ${n} in sync`);
      }
      if (re.summary.drifted !== 1) console.log(`  ! re-compare: ${re.summary.drifted} drifted, expected 1`);
    } finally {
      child.send({ kind: 'stop' });
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function indexes(client: ScanWorkerClient): Promise<void> {
  const given = values['index-dir'];
  const dir = given ?? mkdtempSync(join(tmpdir(), 'driftlens-bench-worker-index-'));
  try {
    if (!given) await writeIndexCorpus(dir, Number(values.files));
    const row = (label: string, roundTrip: number, inWorker: number, note = '') =>
      console.log(`  ${label.padEnd(44)} ${roundTrip.toFixed(1).padStart(8)} ms round trip (${inWorker.toFixed(1)} ms in the worker)  ${note}`);
    const first = await measured('first index in the worker: this thread', async () => {
      const t = performance.now();
      const r = await client.index(dir);
      return { ...r, roundTrip: performance.now() - t };
    });
    console.log(`index through the scan worker: ${dir}: ${first.files} files in ${first.modules} folders, ${first.resources} resources`);
    row('first index (empty cache)', first.roundTrip, first.ms, 'target < 1000 ms, off this thread');
    let t = performance.now();
    const warm = await client.index(dir);
    row('warm re-index (walk + stat every file)', performance.now() - t, warm.ms, 'target < 200 ms');
    const listed = await listModules(dir);
    t = performance.now();
    const known = await client.index(dir, { modules: listed });
    row('warm re-index, folders known (stat only)', performance.now() - t, known.ms);
    const edits: { trip: number; inWorker: number }[] = [];
    for (let k = 0; k < 25; k++) {
      const m = listed[Math.floor((k * listed.length) / 25)];
      const file = join(m.dir, m.files[k % m.files.length]);
      const text = (await readFile(file, 'utf8')) + `\nresource "aws_s3_bucket" "edited_${k}" {\n  bucket = "edited"\n}\n`;
      t = performance.now();
      const r = await client.index(m.dir, { modules: [m], overrides: new Map([[file, text]]) });
      edits.push({ trip: performance.now() - t, inWorker: r.ms });
    }
    edits.sort((a, b) => a.trip - b.trip);
    row('one edited file: its folder (median of 25)', edits[12].trip, edits[12].inWorker, 'target < 20 ms');
    row('  slowest of 25 edits', edits[24].trip, edits[24].inWorker);
  } finally {
    if (!given) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const shipped = shippedInThread();
  // An idle loop's reading at this resolution: the floor every figure below sits on.
  await measured('idle (1 s, nothing running)', () => new Promise((r) => setTimeout(r, 1000)));
  for (const mode of values['no-index'] ? ['scans'] : ['index', 'scans']) {
    // A fresh worker each part, so the index's "first" has an empty cache.
    const client = new ScanWorkerClient({ script: WORKER, logger: quiet });
    try {
      await client.start();
      if (mode === 'index') await indexes(client);
      else await scans(shipped, client);
    } finally {
      client.dispose();
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
