// Where an inventory's time goes, phase by phase, on any folder: walk, read, parse, index, module
// expansion, evaluation; then the whole `driftlens inventory` in a new process with its peak RSS.
// Each phase is timed on its own (the earlier phases' results are kept), so the sum is close to,
// not equal to, the whole run, which overlaps reads with parsing.
import { readFile } from 'node:fs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { bundle, repoRoot, type Engine } from './engine';

export interface Timed {
  seconds: number;
  cpuSeconds: number;
}

/** Starts a clock; calling the result gives wall and process CPU seconds since. */
export function stopwatch(): () => Timed {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function readText(file: string): Promise<string> {
  return new Promise((resolve, reject) => readFile(file, 'utf8', (err, text) => (err ? reject(err) : resolve(text))));
}

export interface PhaseRow {
  name: string;
  time: Timed;
  note?: string;
}

/** Walk, read, parse, index, module expansion and evaluation timed one by one, in one process. */
export async function timePhases(engine: Engine, dir: string): Promise<{ rows: PhaseRow[]; bytes: number; files: number }> {
  const rows: PhaseRow[] = [];
  gc();
  let t = stopwatch();
  // The walk the inventory makes (blocking since 2026-12-06; an older checkout's async one).
  const modules = engine.moduleIndex.listModulesSync ? engine.moduleIndex.listModulesSync(dir) : await engine.listModules(dir);
  rows.push({ name: 'walk (list folders)', time: t(), note: `${modules.length} folders` });

  const paths = modules.flatMap((m) => m.files.map((n) => ({ dir: m.dir, name: n, file: join(m.dir, n) })));
  t = stopwatch();
  // 64 reads in flight, as the run's memo keeps them.
  const texts: string[] = new Array(paths.length);
  let next = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < paths.length) {
      const i = next++;
      texts[i] = await readText(paths[i].file);
    }
  }));
  rows.push({ name: 'read (64 in flight)', time: t() });
  const bytes = texts.reduce((n, s) => n + Buffer.byteLength(s), 0);

  gc();
  t = stopwatch();
  for (let i = 0; i < paths.length; i++) engine.parseTerraformText(paths[i].name, texts[i]);
  rows.push({ name: 'parse alone (each tree dropped)', time: t() });
  // Kept, as the phases below need them: every tree survives and is copied by the collector, as a
  // run's declarations are (issue 17: the gap between these two rows is that copying).
  gc();
  t = stopwatch();
  const parsed = paths.map((p, i) => engine.parseTerraformText(p.name, texts[i]));
  rows.push({ name: 'parse, trees kept', time: t(), note: `${parsed.filter((p) => p.diagnostics.some((d) => d.severity === 'error')).length} files with errors` });

  gc();
  t = stopwatch();
  const byDir = new Map<string, ReturnType<Engine['emptyModuleIndex']>>();
  const pending = new Map<string, Parameters<Engine['applyOverrideFiles']>[1]>();
  paths.forEach((p, i) => {
    let index = byDir.get(p.dir);
    if (!index) {
      byDir.set(p.dir, (index = engine.emptyModuleIndex(p.dir)));
      pending.set(p.dir, []);
    }
    engine.declareModuleFile(index, pending.get(p.dir) as never, p.file, parsed[i].body, texts[i]);
  });
  for (const [d, index] of byDir) engine.applyOverrideFiles(index, pending.get(d)!);
  let resources = 0;
  for (const index of byDir.values()) resources += index.resources.length;
  rows.push({ name: 'index (declare per folder)', time: t(), note: `${resources} resource blocks` });

  // Module expansion and evaluation as a scan runs them, with reads and parses already done (a warm
  // memo), so each row is that phase's own work. Before issue 17 there is no memo: both re-parse.
  const io = engine.withMemo ? engine.withMemo(engine.diskIo) : engine.diskIo;
  const folders = engine.rootFolders(await engine.indexFolders(dir, io), dir);
  gc();
  t = stopwatch();
  for (const f of folders) await engine.loadModuleTree(f.index, io, engine.parseTerraformText);
  rows.push({ name: 'module expansion (load called modules)', time: t(), note: `${folders.length} roots` });
  gc();
  t = stopwatch();
  const resolved = await engine.resolveWorkspace(dir, io);
  const instances = resolved.roots.reduce((n, r) => n + r.instances.length, 0);
  rows.push({ name: 'evaluate (resolve every root)', time: t(), note: `${instances} instances` });
  return { rows, bytes, files: paths.length };
}

/** CPU seconds of the main thread and of all other threads (V8's GC and compiler helpers, libuv's pool). */
export interface CpuByThread {
  main: number;
  others: number;
}

/** The garbage collector's pauses of the main thread: scavenges (young generation) and the rest (full and incremental marking). */
export interface GcPauses {
  minor: number;
  minorMs: number;
  major: number;
  majorMs: number;
}

/** `driftlens inventory <dir> --format json` in a new process (start-up and JSON output included), with its peak RSS. */
export function timeCliProcess(dir: string, src?: string): { time: Timed; maxRssMb: number; threads?: CpuByThread; gc?: GcPauses } | string {
  const tmp = mkdtempSync(join(tmpdir(), 'driftlens-bench-cli-'));
  try {
    // The process sets what src/cli.ts sets before a command runs (a checkout from before a setting lacks its file).
    const checkout = src ?? process.env.DRIFTLENS_BENCH_SRC ?? repoRoot;
    const setup = existsSync(join(checkout, 'src', 'cli', 'inliningBudget.ts')) ? ["import { boundInlining } from './src/cli/inliningBudget';", 'boundInlining();'] : [];
    const program = bundle(tmp, {
      src,
      entry: [
        ...setup,
        "import { inventoryCommand } from './src/cli/inventoryCommand';",
        "import { readdirSync, readFileSync } from 'node:fs';",
        "import { constants, PerformanceObserver } from 'node:perf_hooks';",
        // The main thread's GC pauses: the retained objects a change adds or removes show here first (issue 17).
        'const gc = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };',
        'const count = (entries) => { for (const e of entries) { if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) { gc.minor++; gc.minorMs += e.duration; } else { gc.major++; gc.majorMs += e.duration; } } };',
        'const observer = new PerformanceObserver((list) => count(list.getEntries()));',
        "observer.observe({ entryTypes: ['gc'] });",
        // Node makes each GC entry in an immediate: a run that never yields to the event loop has them
        // all still queued when it ends, so the report waits for them (queued after them, it runs after them).
        'inventoryCommand(process.argv.slice(2)).then((code) => new Promise((resolve) => setImmediate(() => resolve(code)))).then((code) => {',
        '  process.exitCode = code;',
        '  count(observer.takeRecords());',
        '  observer.disconnect();',
        "  process.stderr.write(`bench-gc ${JSON.stringify(gc)}\\n`);",
        "  process.stderr.write(`\\nbench-rusage ${JSON.stringify(process.resourceUsage())}\\n`);",
        // Where the CPU went by thread (Linux): the main thread, and V8's helpers (parallel GC, TurboFan).
        "  try {",
        "    const ticks = readdirSync('/proc/self/task').map((t) => {",
        "      const s = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');",
        "      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');",
        "      return [t, Number(f[11]) + Number(f[12])];",
        "    });",
        "    const main = ticks.find(([t]) => t === String(process.pid));",
        "    const all = ticks.reduce((n, [, c]) => n + c, 0);",
        // Clock ticks at USER_HZ, 100 on Linux.
        "    if (main) process.stderr.write(`bench-threads ${JSON.stringify({ main: main[1] / 100, others: (all - main[1]) / 100 })}\\n`);",
        "  } catch {}",
        '});',
      ].join('\n'),
    });
    const wall = performance.now();
    const r = spawnSync(process.execPath, [program, dir, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const seconds = (performance.now() - wall) / 1000;
    const line = /bench-rusage (.*)/.exec(r.stderr?.toString() ?? '');
    if (r.status !== 0 || !line) return `inventory process failed (${r.status ?? r.signal}): ${r.stderr?.toString().slice(0, 300) ?? ''}`;
    const u = JSON.parse(line[1]) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
    const threads = /bench-threads (.*)/.exec(r.stderr?.toString() ?? '');
    const gc = /bench-gc (.*)/.exec(r.stderr?.toString() ?? '');
    return {
      time: { seconds, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 },
      maxRssMb: u.maxRSS / 1024,
      ...(threads ? { threads: JSON.parse(threads[1]) as CpuByThread } : {}),
      ...(gc ? { gc: JSON.parse(gc[1]) as GcPauses } : {}),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function printRows(rows: PhaseRow[], bytes: number, files: number): void {
  for (const r of rows) {
    const mbs = bytes / 1e6 / r.time.seconds;
    console.log(
      `  ${r.name.padEnd(42)} ${r.time.seconds.toFixed(3).padStart(8)} s  cpu ${r.time.cpuSeconds.toFixed(3).padStart(7)} s ${mbs.toFixed(1).padStart(8)} MB/s ${(files / r.time.seconds).toFixed(0).padStart(8)} files/s` +
        (r.note ? `  (${r.note})` : ''),
    );
  }
}
