// The editor's index reads a workspace's files with blocking calls while the disk answers fast, and
// through the thread pool once it does not. On a local disk an async read costs the calling thread
// more than the read itself: `readFile` is four thread-pool round trips (open, fstat, read, close),
// plus one for the stat the cache wants. Measured on 1,801 files of cloudposse's components (4.9 MB):
// the first index 1.05–1.14 s with async calls, 0.76–0.79 s with blocking ones; the warm re-index
// (a stat per file) 80 → 49–55 ms (`npm run bench -- indexEditor <dir>`, issue 17).
// On a slow mount (a network share, WSL's /mnt/c) blocking calls would run one after another where
// async ones overlap, so a slow call switches the run to async for good.
import { readFile, readFileSync, stat, statSync } from 'node:fs';

/** The file calls, injectable so tests can play a slow disk. */
export interface ReadCalls {
  statSync(file: string): { mtimeMs: number; size: number } | undefined;
  readFileSync(file: string): string;
  stat(file: string, done: (err: Error | null, st?: { mtimeMs: number; size: number }) => void): void;
  readFile(file: string, done: (err: Error | null, text?: string) => void): void;
  now(): number;
}

const nodeCalls: ReadCalls = {
  statSync: (file) => statSync(file, { throwIfNoEntry: false }),
  readFileSync: (file) => readFileSync(file, 'utf8'),
  stat: (file, done) => stat(file, done),
  readFile: (file, done) => readFile(file, 'utf8', done),
  now: () => performance.now(),
};

export interface AdaptiveReadsOptions {
  /** One blocking call slower than this (ms) switches to async (default 20). */
  slowCallMs?: number;
  /** After `sampleCalls` calls, a mean above this (ms) switches to async (default 1: a local disk answers in ~0.05). */
  slowMeanMs?: number;
  sampleCalls?: number;
  calls?: ReadCalls;
}

/** A file's stamp for the index cache: unchanged mtime and size mean unchanged text. */
const stampOf = (st: { mtimeMs: number; size: number }): string => `${st.mtimeMs}:${st.size}`;

/** A BOM is not part of the source: ranges count from the first real character, as editors do. */
const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Stats and reads for one index run: a value while they block, a promise once they no longer do.
 * Errors read as undefined (a file gone since the walk is reported by the caller as unreadable).
 */
export class AdaptiveReads {
  /** Whether calls still block; false for the rest of the run once the disk was slow. */
  blocking = true;
  private spent = 0;
  private count = 0;
  private readonly calls: ReadCalls;

  constructor(private readonly options: AdaptiveReadsOptions = {}) {
    this.calls = options.calls ?? nodeCalls;
  }

  stamp(file: string): string | undefined | Promise<string | undefined> {
    if (!this.blocking) return new Promise((resolve) => this.calls.stat(file, (err, st) => resolve(err || !st ? undefined : stampOf(st))));
    return this.timed(() => {
      const st = this.calls.statSync(file);
      return st ? stampOf(st) : undefined;
    });
  }

  text(file: string): string | undefined | Promise<string | undefined> {
    if (!this.blocking) return new Promise((resolve) => this.calls.readFile(file, (err, text) => resolve(err || text === undefined ? undefined : withoutBom(text))));
    return this.timed(() => withoutBom(this.calls.readFileSync(file)));
  }

  private timed<T>(call: () => T): T | undefined {
    const started = this.calls.now();
    let value: T | undefined;
    try {
      value = call();
    } catch {
      value = undefined;
    }
    const ms = this.calls.now() - started;
    this.spent += ms;
    this.count++;
    const sample = this.options.sampleCalls ?? 16;
    if (ms > (this.options.slowCallMs ?? 20) || (this.count >= sample && this.spent / this.count > (this.options.slowMeanMs ?? 1))) this.blocking = false;
    return value;
  }
}
