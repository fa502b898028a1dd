// `npm run bench -- indexWarm [dir] [--files N]`
// Cold index, warm (cached) re-index and a one-file edit over a large corpus, through the index
// cache (src/iac/indexCache.ts) holding each file's declarations (src/iac/fileDeclarations.ts).
// Without a dir it writes N (default 10,000) files made from the test fixtures into a temp folder.
// Figures only; targets from issue 5: warm re-index < 1 s, one edited file < 20 ms.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ModuleIndex } from '../../src/model';
import { declareOneFile, mergeFileDeclarations, type FileDeclarations } from '../../src/iac/fileDeclarations';
import { IndexCache } from '../../src/iac/indexCache';
import { findModuleDirs, indexModule, isTerraformFile, parseTerraformText } from '../../src/iac/moduleIndex';

const fixturesDir = join(__dirname, '..', '..', 'test', 'fixtures', 'terraform');

type Cache = IndexCache<FileDeclarations>;

/**
 * One module folder through the cache: stat each file; an unchanged stamp is a hit without a read;
 * otherwise read, hash, and on a miss parse + declare. Then merge, as the indexer would.
 */
async function indexThroughCache(dir: string, names: string[], cache: Cache, edits?: Map<string, string>): Promise<ModuleIndex> {
  const parts = await Promise.all(
    names.map(async (n) => {
      const file = join(dir, n);
      const edited = edits?.get(file);
      if (edited !== undefined) return cache.getOrParse(file, edited, `edit:${edited.length}`);
      const st = await stat(file);
      const stamp = `${st.mtimeMs}:${st.size}`;
      const hit = cache.peek(file, stamp);
      if (hit) return hit.result;
      return cache.getOrParse(file, await readFile(file, 'utf8'), stamp);
    }),
  );
  return mergeFileDeclarations(dir, parts);
}

async function indexAll(folders: Map<string, string[]>, cache: Cache): Promise<number> {
  let resources = 0;
  for (const [d, names] of folders) resources += (await indexThroughCache(d, names, cache)).resources.length;
  return resources;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  (globalThis as { gc?: () => void }).gc?.();
  const t = performance.now();
  const out = await f();
  return [out, performance.now() - t];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const filesAt = args.indexOf('--files');
  const count = filesAt >= 0 ? Number(args[filesAt + 1]) : 10_000;
  const given = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--files');
  const dir = given ?? (await mkdtemp(join(tmpdir(), 'driftlens-warm-')));
  const cacheDir = await mkdtemp(join(tmpdir(), 'driftlens-warm-cache-'));
  try {
    if (!given) await writeCorpus(dir, count);
    // The folder listing is the watcher's business in the editor; the bench takes it once.
    const folders = new Map<string, string[]>();
    for (const d of await findModuleDirs(dir)) folders.set(d, (await readdir(d)).filter(isTerraformFile).sort());
    const files = [...folders.values()].reduce((n, l) => n + l.length, 0);
    const compute = (file: string, text: string): FileDeclarations => declareOneFile(file, text, parseTerraformText);

    const [baseline, baselineMs] = await timed(async () => {
      let n = 0;
      for (const d of folders.keys()) n += (await indexModule(d)).resources.length;
      return n;
    });
    // A scan keeps every module's index until it ends: the fair baseline for a cache that keeps them too.
    const [, retainedMs] = await timed(async () => {
      const kept: ModuleIndex[] = [];
      for (const d of folders.keys()) kept.push(await indexModule(d));
      return kept.length;
    });
    const cache: Cache = new IndexCache({ parse: compute, version: 'bench', dir: cacheDir, keyIncludesPath: true });
    const [resources, coldMs] = await timed(() => indexAll(folders, cache));
    (globalThis as { gc?: () => void }).gc?.();
    const heap = process.memoryUsage().heapUsed;
    const [, warmMs] = await timed(() => indexAll(folders, cache));
    const [, statMs] = await timed(async () => {
      for (const [d, names] of folders) await Promise.all(names.map((n) => stat(join(d, n))));
    });

    // One edited file, 25 times in different folders: its folder is re-indexed; only that file misses the cache.
    const editTimes: number[] = [];
    let editParses = 0;
    let editResources = 0;
    const all = [...folders.keys()];
    for (let k = 0; k < 25; k++) {
      const target = all[Math.floor((k * all.length) / 25)];
      const names = folders.get(target)!;
      const file = join(target, names[k % names.length]);
      const edited = (await readFile(file, 'utf8')) + `\nresource "aws_s3_bucket" "edited_${k}" {\n  bucket = "edited"\n}\n`;
      const parsesBefore = cache.stats.parses;
      const t = performance.now();
      const index = await indexThroughCache(target, names, cache, new Map([[file, edited]]));
      editTimes.push(performance.now() - t);
      editParses = Math.max(editParses, cache.stats.parses - parsesBefore);
      editResources = index.resources.length;
    }
    editTimes.sort((a, b) => a - b);

    const [, flushMs] = await timed(() => cache.flush());
    cache.clearMemory();
    const reopened: Cache = new IndexCache({ parse: compute, version: 'bench', dir: cacheDir, keyIncludesPath: true });
    const [, reopenMs] = await timed(() => indexAll(folders, reopened));

    let bytes = 0;
    for (const [d, list] of folders) for (const n of list) bytes += (await stat(join(d, n))).size;
    const row = (label: string, ms: number, note = ''): void => console.log(`  ${label.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms  ${note}`);
    console.log(`corpus: ${dir}`);
    console.log(`  ${files} files in ${folders.size} folders, ${(bytes / 1e6).toFixed(1)} MB, ${resources} resources (indexModule: ${baseline})`);
    row('indexModule, no cache, each index dropped', baselineMs);
    row('indexModule, no cache, indexes kept (as a scan)', retainedMs);
    row('cold index through the cache', coldMs, `read+hash+parse+declare+merge, heap ${(heap / 1e6).toFixed(0)} MB`);
    row('warm re-index, every file', warmMs, `stat+hit+merge; target < 1000 ms`);
    row('  of which stat() of every file', statMs);
    row('one edited file: re-index its folder (median)', editTimes[12], `${editParses} parse each, e.g. ${editResources} resources; target < 20 ms`);
    row('  slowest of 25 edits', editTimes[24]);
    row('write the disk store', flushMs);
    row('reopen: index from the disk store', reopenMs, `${reopened.stats.diskHits} disk hits, ${reopened.stats.parses} parses`);
  } finally {
    if (!given) await rm(dir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** `count` files in folders of 10, each one or two fixtures with labels renamed so no two files are equal. */
async function writeCorpus(dir: string, count: number): Promise<void> {
  const fixtures: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else if (e.name.endsWith('.tf')) fixtures.push(await readFile(join(d, e.name), 'utf8'));
    }
  };
  await walk(fixturesDir);
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let k = 0; k < 1 + (i % 2); k++) {
      const f = fixtures[(i * 7 + k * 13) % fixtures.length];
      text += f.replace(/^(resource|data|module|variable|output)(\s+"[^"]+")?\s+"([^"]+)"/gm, (_m, kw: string, type: string | undefined, n: string) => `${kw}${type ?? ''} "${n}_${i}_${k}"`) + '\n';
    }
    const file = join(dir, `stack${String(Math.floor(i / 10)).padStart(4, '0')}`, `file${i % 10}.tf`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
