// `npm run bench -- scan [--n 1000] [--latency 50] [--page-size N] [--sandbox] [--trace]`: a generated workspace
// of N resources (VPCs, subnets, security groups, instances of several types + terraform.tfstate)
// scanned against the fake EC2 with a per-call latency. Prints the EC2 calls, time per phase (index,
// resolve, SDK load, fetch, compare, report), the wall time and the ideal (calls × latency ÷
// concurrency): calls must grow with types × pages, not with N. Without --n: the sandbox, then
// 1,000, 10,000 and 50,000 resources, each in a process of its own (so the SDK load is a cold one).
// The SDK is the shipped dist/ec2Sdk.js (the client and the Describe commands only), loaded before the scan.
// --memory: the heap and RSS after a full GC at the end of each phase (what each phase leaves
// behind); --heap-snapshot DIR also writes a V8 heap snapshot there at the end of each phase. This process
// keeps the snapshot as the editor does; the CLI's one-shot scan lets go of more (ScanOptions.oneShot).
// Each generated run also runs the shipped `driftlens scan --format json` (dist/cli.js) in a process
// of its own against the same fake, and prints its peak RSS: the figure issue 15 sets a bound for.
// The scan runs the engine as one esbuild bundle, like dist/ (through tsx every cross-module call is
// a getter and modules compile while the scan runs), and the fake EC2 runs bundled in its own process.
// What "fetch" takes above the latency is CPU on this machine's two cores: the fake rendering XML
// (one thread: answers asked together come back one after another) and the SDK decoding it, ~0.2 ms
// per instance. --trace prints each call as it is sent, with the time since the scan started (issue 17).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import type { ScanProgress, scanWorkspace as ScanWorkspace } from '../../src/engine/scan';
import type { formatJson as FormatJson } from '../../src/engine/report/json';
import type { createAwsProvider as CreateAwsProvider } from '../../src/providers/aws';
import { bundle } from './lib/engine';
import type { Ec2Sdk } from '../../src/providers/aws/client';
import type { Logger } from '../../src/model';
import { startFakeCloud } from '../editor/fakeCloud';
import { generateScanWorkspace } from './lib/generatedWorkspace';

const CONCURRENCY = 8;

const { values } = parseArgs({ options: { n: { type: 'string' }, latency: { type: 'string', default: '50' }, 'page-size': { type: 'string' }, sandbox: { type: 'boolean' }, memory: { type: 'boolean' }, 'heap-snapshot': { type: 'string' }, trace: { type: 'boolean' } } });

/** The engine as it ships (one bundle), and the fake EC2's process as a bundle too; built once per run. */
const bundles = mkdtempSync(join(tmpdir(), 'driftlens-bench-scan-'));
process.on('exit', () => rmSync(bundles, { recursive: true, force: true }));
const engine = createRequire(__filename)(
  bundle(join(bundles), {
    entry: [
      "export { scanWorkspace } from './src/engine/scan';",
      "export { formatJson } from './src/engine/report/json';",
      "export { createAwsProvider } from './src/providers/aws';",
    ].join('\n'),
  }),
) as { scanWorkspace: typeof ScanWorkspace; formatJson: typeof FormatJson; createAwsProvider: typeof CreateAwsProvider };
const { scanWorkspace, formatJson, createAwsProvider } = engine;
const n = Number(values.n ?? 1000);
const latency = Number(values.latency);
const pageSize = values['page-size'] ? Number(values['page-size']) : undefined;
if (!Number.isInteger(n) || n < 4 || !Number.isFinite(latency) || latency < 0) {
  console.error('usage: npm run bench -- scan [--n 1000] [--latency 50] [--page-size N] [--sandbox] [--memory] [--heap-snapshot DIR] [--trace]');
  process.exit(1);
}

/** The EC2 SDK file the CLI ships (dist/ec2Sdk.js, built by `npm run bench`): the only SDK a scan of this workspace loads. */
const ec2Sdk = () => createRequire(__filename)(join(__dirname, '..', '..', 'dist', 'ec2Sdk.js')) as Ec2Sdk;

/** Loads the SDK a scan loads lazily, so its cost is a phase of its own and not part of "fetch". */
async function loadSdks(): Promise<number> {
  const t = performance.now();
  ec2Sdk();
  return performance.now() - t;
}

const snapshotDir = values['heap-snapshot'];
const memoryMarks = values.memory || snapshotDir !== undefined;
const MB = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

/** After a full GC: what the phases so far keep alive (the GC pause is in the next phase's time; only with --memory). */
function memoryMark(label: string, snapshot = false): void {
  if (!memoryMarks) return;
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  console.log(`  after ${label}: heap used ${MB(m.heapUsed)}, external ${MB(m.external + m.arrayBuffers)}, RSS ${MB(m.rss)}`);
  if (snapshot && snapshotDir) console.log(`  heap snapshot: ${writeHeapSnapshot(join(snapshotDir, `scan-${n}-${label.replace(/\W+/g, '-')}.heapsnapshot`))}`);
}

/** Prints each debug line (every EC2 call as it is sent) with the ms since the scan started. */
function traceLogger(started: number): Logger {
  const line = (m: string) => console.log(`  ${(performance.now() - started).toFixed(0).padStart(6)} ms  ${m}`);
  return { debug: line, info: line, warn: line, error: line };
}

/** Scans `dir` and prints each phase: index and resolve, SDK load, fetch and compare (from the progress stages), report. */
async function scanPhases(dir: string, quiet = false): Promise<{ wall: number; result: Awaited<ReturnType<typeof scanWorkspace>>['result'] }> {
  memoryMark('start');
  const sdkMs = await loadSdks();
  memoryMark('SDK load');
  // What an editor would feel: the event loop's delay while the scan runs (10 ms resolution), and the peak RSS.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  loop.enable();
  const started = performance.now();
  const stageStart = new Map<ScanProgress['stage'], number>();
  // The snapshot is kept as the editor keeps it (for re-comparisons), so its memory is measured too.
  const { result, snapshot } = await scanWorkspace({
    dir,
    ...(values.trace ? { logger: traceLogger(started) } : {}),
    providers: [createAwsProvider({ credentialsAllowed: true, concurrency: CONCURRENCY, loadSdk: async () => ec2Sdk() })],
    progress: (p) => {
      if (stageStart.has(p.stage)) return;
      if (p.stage !== 'index') memoryMark(`${[...stageStart.keys()].pop()}`, true);
      stageStart.set(p.stage, performance.now());
    },
  });
  const scanned = performance.now();
  memoryMark('compare (the scan result and its snapshot kept)', true);
  if (memoryMarks) console.log(`  snapshot: ${snapshot.live.size} root(s), fetched ${snapshot.fetchedAt}`);
  loop.disable();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const ms = (ns: number) => (ns / 1e6).toFixed(0);
  if (!quiet) console.log(`event-loop delay during the scan: p50 ${ms(loop.percentile(50))} ms, p99 ${ms(loop.percentile(99))} ms, max ${ms(loop.max)} ms`);
  if (!quiet) console.log(`peak RSS of the scanning process: ${(peakRss / 2 ** 20).toFixed(0)} MB (sampled every 50 ms; process maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
  const report = formatJson(result);
  const reportMs = performance.now() - scanned;
  const marks = [...stageStart.entries(), ['end', scanned] as [string, number]];
  const stages = marks.slice(0, -1).map(([stage, t], i) => `${stage} ${(marks[i + 1][1] - t).toFixed(0)} ms`);
  if (!quiet) console.log(`phases: ${stages.slice(0, 2).join(', ')}, SDK load ${sdkMs.toFixed(0)} ms (before the scan), ${stages.slice(2).join(', ')}, report ${reportMs.toFixed(0)} ms (${(report.length / 1e6).toFixed(1)} MB JSON)`);
  return { wall: scanned - started + reportMs, result };
}

async function sandbox(): Promise<void> {
  const workspace = join(mkdtempSync(join(tmpdir(), 'driftlens-bench-sandbox-')), 'sandbox');
  const stateDir = mkdtempSync(join(tmpdir(), 'driftlens-bench-sandbox-state-'));
  cpSync(join(__dirname, '..', '..', 'examples', 'sandbox'), workspace, { recursive: true });
  const cloud = await startFakeCloud(workspace, stateDir);
  Object.assign(process.env, cloud.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  try {
    console.log('sandbox (examples/sandbox against the fake cloud, no injected latency)');
    const { wall, result } = await scanPhases(workspace);
    console.log(`resources: ${result.summary.resources} (${result.summary.inSync} in sync, ${result.summary.drifted} drifted, ${result.summary.missing} missing, ${result.summary.unverified} unverified); wall ${wall.toFixed(0)} ms`);
  } finally {
    await cloud.close();
    rmSync(join(workspace, '..'), { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Writes the workspace and starts the fake with its seed; keeps nothing of either. */
async function prepare(dir: string, child: ChildProcess): Promise<{ url: string }> {
  const { tf, state, seed } = generateScanWorkspace(n);
  writeFileSync(join(dir, 'main.tf'), tf);
  writeFileSync(join(dir, 'terraform.tfstate'), state);
  return ask<{ url: string }>(child, { kind: 'start', seed, latency, pageSize });
}

async function generated(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-bench-'));
  // The fake runs in its own process: its XML rendering and its seed are neither in the RSS nor on the event loop measured.
  const fakeProgram = join(bundles, 'fake');
  mkdirSync(fakeProgram);
  const child = fork(bundle(fakeProgram, { entry: "import './scripts/bench/fakeEc2Process';" }), [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url } = await prepare(dir, child);
  // The generated text, state and seed are garbage now: collect them so the RSS is the scan's.
  (globalThis as { gc?: () => void }).gc?.();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_EC2: url,
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0001',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-bench',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  try {
    console.log(`generated workspace: ${n} resources, ${latency} ms per EC2 call`);
    const { wall, result } = await scanPhases(dir);
    const byAction = new Map<string, number>();
    const { actions } = await ask<{ actions: string[] }>(child, { kind: 'calls' });
    for (const a of actions) byAction.set(a, (byAction.get(a) ?? 0) + 1);
    const calls = actions.length;
    const ideal = (calls * latency) / CONCURRENCY;
    console.log(`resources: ${n} (${result.summary.inSync} in sync, ${result.summary.drifted} drifted, ${result.summary.missing} missing, ${result.summary.unverified} unverified)`);
    console.log(`EC2 API calls: ${calls} (${[...byAction].map(([a, k]) => `${a} ${k}`).join(', ')})${pageSize ? `, page size ${pageSize}` : ''}`);
    console.log(`wall time: ${wall.toFixed(0)} ms at ${latency} ms per call; ideal ${ideal.toFixed(0)} ms (calls × latency ÷ concurrency ${CONCURRENCY}); ratio ${(wall / Math.max(ideal, 1)).toFixed(2)}`);
    if (latency > 0 && n <= 10000) await latencyShare(dir, child, ideal);
    await ask(child, { kind: 'reset' });
    const cli = cliScan(dir);
    console.log(typeof cli === 'string' ? cli : `driftlens scan (dist/cli.js, own process): peak RSS ${cli.maxRssMb.toFixed(0)} MB, wall ${cli.seconds.toFixed(1)} s, exit code ${cli.code}`);
    if (result.summary.inSync !== n) {
      console.error('bench: the generated workspace should be entirely in sync');
      process.exitCode = 1;
    }
  } finally {
    child.send({ kind: 'stop' });
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How much of the wall time the injected latency adds, against the ideal (calls × latency ÷ concurrency):
 * the same scan, warm, with no latency and with it. What remains at no latency is CPU (the SDK decoding
 * answers, the fake rendering them on the same cores), which no scheduling of the calls can remove.
 */
async function latencyShare(dir: string, child: ChildProcess, ideal: number): Promise<void> {
  await ask(child, { kind: 'latency', latency: 0 });
  await scanPhases(dir, true);
  const floor = (await scanPhases(dir, true)).wall;
  await ask(child, { kind: 'latency', latency });
  const warm = (await scanPhases(dir, true)).wall;
  const added = warm - floor;
  console.log(`latency's share (warm runs): ${warm.toFixed(0)} ms at ${latency} ms per call vs ${floor.toFixed(0)} ms at 0 ms: +${added.toFixed(0)} ms for an ideal of ${ideal.toFixed(0)} ms (ratio ${(added / Math.max(ideal, 1)).toFixed(2)})`);
}

/** The shipped CLI on `dir` in a new process (start-up, SDK load and JSON output included), with its peak RSS. */
function cliScan(dir: string): { maxRssMb: number; seconds: number; code: number } | string {
  const tmp = mkdtempSync(join(tmpdir(), 'driftlens-bench-cli-'));
  try {
    // A preload that reports the process's own peak RSS as it exits.
    const preload = join(tmp, 'rusage.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nbench-rusage ${JSON.stringify(process.resourceUsage())}\\n`));\n");
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, join(__dirname, '..', '..', 'dist', 'cli.js'), 'scan', dir, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], env: process.env, maxBuffer: 1 << 26 });
    const seconds = (performance.now() - started) / 1000;
    const line = /bench-rusage (.*)/.exec(r.stderr?.toString() ?? '');
    if (!line || r.status === null) return `driftlens scan process failed (${r.status ?? r.signal}): ${r.stderr?.toString().slice(0, 300) ?? ''}`;
    return { maxRssMb: (JSON.parse(line[1]) as { maxRSS: number }).maxRSS / 1024, seconds, code: r.status };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Sends one IPC message to the fake's process and waits for its answer. */
async function ask<T>(child: ChildProcess, message: object): Promise<T> {
  const answer = once(child, 'message') as Promise<[T]>;
  child.send(message);
  return (await answer)[0];
}

async function main(): Promise<void> {
  if (values.sandbox) return sandbox();
  if (values.n !== undefined) return generated();
  // The default set, each run in a new process.
  const runs = [['--sandbox'], ['--n', '1000', '--latency', String(latency)], ['--n', '10000', '--latency', String(latency)], ['--n', '50000', '--latency', String(latency)]];
  for (const extra of runs) {
    console.log('');
    const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, ...extra], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
}

void main();
