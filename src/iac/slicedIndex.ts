// The editor's index of a whole workspace without freezing the extension host: the work is cut
// into slices of a few milliseconds and the thread is given back between them, so the host keeps
// answering while a 2,600-file workspace indexes (issue 17). Files go through the index cache:
// a file whose stamp (mtime + size) is unchanged costs a stat and a merge, never a read or a parse;
// an unsaved buffer (`overrides`) is parsed from its text.
import { join } from 'node:path';
import { AdaptiveReads, type ReadCalls } from './adaptiveReads';
import type { ModuleIndex } from '../model';
import { declareOneFile, mergeFileDeclarations, type FileDeclarations } from './fileDeclarations';
import { IndexCache } from './indexCache';
import { listModules, parseTerraformText } from './moduleIndex';

export interface SlicedIndexOptions {
  cache: IndexCache<FileDeclarations>;
  /** Longest stretch of work between two yields, in ms (default 8: well under a frame). */
  sliceMs?: number;
  signal?: AbortSignal;
  /** Unsaved editor buffers: absolute path → text; they win over the disk. */
  overrides?: ReadonlyMap<string, string>;
  /** Module folders already listed (the watcher knows them): skips the walk. */
  modules?: { dir: string; files: string[] }[];
  onProgress?: (done: number, total: number) => void;
  /** The file calls (tests play a slow disk with them). */
  readCalls?: ReadCalls;
}

/** A cache whose entries are one file's declarations, as `indexWorkspaceSliced` wants it. */
export function declarationsCache(options: { version: string; dir?: string; maxEntries?: number }): IndexCache<FileDeclarations> {
  return new IndexCache({ ...options, keyIncludesPath: true, parse: (file, text) => declareOneFile(file, text, parseTerraformText) });
}

/** Gives the thread back once `sliceMs` of work have passed since the last time. */
export class Slicer {
  private since = performance.now();
  /** Times the thread was given back: for tests and the bench. */
  yields = 0;
  /** The longest stretch between two yields, in ms. */
  longest = 0;

  constructor(private readonly sliceMs: number, private readonly signal?: AbortSignal) {}

  async maybeYield(): Promise<void> {
    const ran = performance.now() - this.since;
    if (ran >= this.sliceMs) {
      this.longest = Math.max(this.longest, ran);
      this.yields++;
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.since = performance.now();
    }
    if (this.signal?.aborted) throw this.signal.reason ?? new Error('aborted');
  }

  finish(): void {
    this.longest = Math.max(this.longest, performance.now() - this.since);
  }
}

type Loaded = { file: string; text?: string; stamp?: string; hit?: FileDeclarations };

/**
 * Every module folder below `root`, indexed in slices of at most ~`sliceMs` of synchronous work.
 * Stats and reads block while the disk is fast (adaptiveReads.ts); once it is slow, those of a
 * folder are all in flight while the previous folder parses. Rejects with
 * the signal's reason when aborted. The slicer's figures come back for the caller's log.
 */
export async function indexWorkspaceSliced(root: string, options: SlicedIndexOptions): Promise<{ modules: ModuleIndex[]; slicer: Slicer }> {
  const { cache, overrides, signal } = options;
  const slicer = new Slicer(options.sliceMs ?? 8, signal);
  const modules = options.modules ?? (await listModules(root));
  const total = modules.reduce((n, m) => n + m.files.length, 0);
  let done = 0;
  const reads = new AdaptiveReads({ calls: options.readCalls });
  // Stat (and read, on a cache miss) one file; a value while reads block, else a promise.
  const afterStamp = (file: string, stamp: string | undefined): Loaded | Promise<Loaded> => {
    const hit = stamp === undefined ? undefined : cache.peek(file, stamp)?.result;
    if (hit) return { file, hit };
    const text = reads.text(file);
    return text instanceof Promise ? text.then((t) => ({ file, stamp, text: t })) : { file, stamp, text };
  };
  const loadOne = (file: string): Loaded | Promise<Loaded> => {
    const stamp = reads.stamp(file);
    return stamp instanceof Promise ? stamp.then((st) => afterStamp(file, st)) : afterStamp(file, stamp);
  };
  // A folder's files, each to be awaited in turn. Blocking reads happen when the file's turn comes,
  // inside a slice; async ones are all asked for before the previous folder is parsed.
  const load = (m: { dir: string; files: string[] }): (() => Loaded | Promise<Loaded>)[] =>
    m.files.map((name) => {
      const file = join(m.dir, name);
      const edited = overrides?.get(file);
      if (edited !== undefined) return () => ({ file, text: edited });
      if (reads.blocking) return () => loadOne(file);
      const started = loadOne(file);
      return () => started;
    });
  const out: ModuleIndex[] = [];
  let next = modules.length ? load(modules[0]) : undefined;
  for (const [i, m] of modules.entries()) {
    const files = next!;
    next = i + 1 < modules.length ? load(modules[i + 1]) : undefined;
    const parts: FileDeclarations[] = [];
    for (const take of files) {
      const f = await take();
      if (f.hit) parts.push(f.hit);
      else if (f.text === undefined) parts.push(unreadable(m.dir, f.file));
      // An unsaved buffer records no stamp: the file on disk keeps its own for the next peek.
      else parts.push(cache.getOrParseSync(f.file, f.text, f.stamp));
      done++;
      await slicer.maybeYield();
    }
    out.push(mergeFileDeclarations(m.dir, parts));
    options.onProgress?.(done, total);
    await slicer.maybeYield();
  }
  slicer.finish();
  return { modules: out, slicer };
}

function unreadable(dir: string, file: string): FileDeclarations {
  const at = { offset: 0, line: 0, character: 0 };
  const part: FileDeclarations = mergeFileDeclarations(dir, []);
  part.files.push({ file, diagnostics: [{ severity: 'error', message: 'Cannot read file', range: { start: at, end: at } }] });
  return part;
}
