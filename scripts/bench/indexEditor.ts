// `npm run bench -- indexEditor [dir] [--files N]`
// The editor's index (src/iac/slicedIndex.ts) as the extension host runs it: the first index of a
// workspace (empty cache), a warm re-index, one edited file; with the longest stretch the thread
// was held and the event loop's worst delay meanwhile. Without a dir: N (default 2,600) files
// made from the test fixtures. Targets (issue 17): first < 1 s and never blocking, warm < 200 ms, edit < 20 ms.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadShippedEngine } from './lib/engine';
import { writeIndexCorpus } from './lib/generatedWorkspace';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--files');
  const count = at >= 0 ? Number(args[at + 1]) : 2600;
  const given = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--files');
  const dir = given ?? (await mkdtemp(join(tmpdir(), 'driftlens-editor-index-')));
  try {
    if (!given) await writeIndexCorpus(dir, count);
    const { indexWorkspaceSliced, declarationsCache, listModules } = loadShippedEngine();
    const cache = declarationsCache({ version: 'bench' });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    (globalThis as { gc?: () => void }).gc?.();
    delay.enable();
    let t = performance.now();
    const cold = await indexWorkspaceSliced(dir, { cache });
    const coldMs = performance.now() - t;
    delay.disable();
    const files = cold.modules.reduce((n, m) => n + m.files.length, 0);
    const resources = cold.modules.reduce((n, m) => n + m.resources.length, 0);
    t = performance.now();
    const warm = await indexWorkspaceSliced(dir, { cache });
    const warmMs = performance.now() - t;
    // The watcher knows the folders: a warm re-index with them given skips the walk.
    const listed = await listModules(dir);
    t = performance.now();
    await indexWorkspaceSliced(dir, { cache, modules: listed });
    const warmListedMs = performance.now() - t;

    const edits: number[] = [];
    for (let k = 0; k < 25; k++) {
      const m = listed[Math.floor((k * listed.length) / 25)];
      const file = join(m.dir, m.files[k % m.files.length]);
      const text = (await readFile(file, 'utf8')) + `\nresource "aws_s3_bucket" "edited_${k}" {\n  bucket = "edited"\n}\n`;
      t = performance.now();
      await indexWorkspaceSliced(m.dir, { cache, modules: [m], overrides: new Map([[file, text]]) });
      edits.push(performance.now() - t);
    }
    edits.sort((a, b) => a - b);
    const row = (label: string, ms: number, note = ''): void => console.log(`  ${label.padEnd(46)} ${ms.toFixed(1).padStart(8)} ms  ${note}`);
    console.log(`corpus: ${dir}: ${files} files in ${cold.modules.length} folders, ${resources} resources`);
    row('first index (empty cache), in 8 ms slices', coldMs, `target < 1000 ms; ${cold.slicer.yields} yields, longest slice ${cold.slicer.longest.toFixed(1)} ms, event loop delay max ${(delay.max / 1e6).toFixed(1)} ms p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`);
    row('warm re-index (walk + stat every file)', warmMs, `target < 200 ms; longest slice ${warm.slicer.longest.toFixed(1)} ms`);
    row('warm re-index, folders known (stat only)', warmListedMs);
    row('one edited file: its folder (median of 25)', edits[12], 'target < 20 ms');
    row('  slowest of 25 edits', edits[24]);
  } finally {
    if (!given) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
