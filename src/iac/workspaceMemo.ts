// One pass over a workspace reads and parses each file once. Without it, `inventory` parsed every
// file twice (the literal index, then resolution) and every root re-read and re-parsed each module
// it calls: the examples of a module repository each parsed the whole module again (profile of
// issue 17). Reads are started ahead, a bounded number at a time, so the disk works while the
// parser does: awaiting one read after another left the thread idle about a third of the time.
// A memo lives for one run (a scan, an inventory, one recompare): files are taken not to change
// during it, and nothing is kept after it.
import { basename, dirname, isAbsolute, normalize } from 'node:path';
import type { ParseResult } from '../model/ast';

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

/** File access as the engine's WorkspaceIo gives it (declared here so src/iac does not import the engine). */
export interface MemoIo {
  readFile(path: string): Promise<string | undefined>;
  readDir(dir: string): Promise<DirEntry[]>;
  /** A large file's bytes as they stream in (the engine's state reader); undefined: use readFile. */
  readChunks?(path: string): AsyncIterable<Uint8Array> | undefined;
}

/** Reads in flight at once: enough to keep the thread pool busy, far below any open-file limit. */
const readAhead = 64;

export class WorkspaceMemo {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  /** Texts read with `readFileSync`, for later blocking reads of the same file. */
  private readonly settled = new Map<string, string | undefined>();
  private readonly dirs = new Map<string, Promise<DirEntry[]>>();
  private readonly parsed = new Map<string, { text: string; result: ParseResult }>();
  private readonly folders = new Map<string, Promise<unknown>>();
  /** Lower-cased entry names of each folder listed with entries (for `surelyMissing`). */
  private readonly listed = new Map<string, Set<string>>();
  private listingsComplete = false;
  private readonly queue: (() => void)[] = [];
  private reading = 0;
  private readonly declaredFolders = new Map<string, { names: readonly string[]; texts: readonly string[]; value: unknown }>();
  /** Files parsed, and parses saved by the memo: for tests and the bench. */
  readonly stats = { parses: 0, reused: 0 };
  /** Folders declared, and declarations saved by the memo (src/iac/folderIndex.ts). */
  readonly folderStats = { declared: 0, reused: 0 };

  constructor(private readonly io: MemoIo) {}

  readFile(path: string): Promise<string | undefined> {
    let p = this.texts.get(path);
    if (!p) this.texts.set(path, (p = this.surelyMissing(path) ? Promise.resolve(undefined) : this.limited(() => this.io.readFile(path))));
    return p;
  }

  /**
   * Answers "no such file" from the folder listings already read, without a read, once the run
   * says its io's listings are complete (`trustListings`). Every root of a run asks for its
   * terraform.tfstate, .terraform/environment and modules.json, one awaited read after another:
   * on 758 roots that left the thread idle a fifth of the run (issue 17 profile).
   */
  trustListings(): void {
    this.listingsComplete = true;
  }

  /** Whether the listings already read show that `path` does not exist (only once `trustListings` was called). */
  surelyMissing(path: string): boolean {
    // Only a plain absolute path is looked up: `a/../b` is not where its text says.
    if (!this.listingsComplete || !isAbsolute(path) || normalize(path) !== path) return false;
    for (let p = path, parent = dirname(p); parent !== p; p = parent, parent = dirname(p)) {
      const names = this.listed.get(parent);
      if (names === undefined) continue;
      // Case folded: on a case-insensitive disk `Main.tf` opens `main.tf`; only a name no case of which is listed is missing.
      return !names.has(basename(p).toLowerCase());
    }
    return false;
  }

  /**
   * A blocking read for a batch run (the CLI inventory), shared with the run's later reads of the
   * same file. On a warm page cache, one readFileSync costs a fifth of the CPU of an async read
   * (open, fstat, read, close: four thread-pool round trips): measured 0.08 vs 0.42 cpu-s on 6,815 files.
   */
  readFileSync(path: string, read: (path: string) => string | undefined): string | undefined {
    if (this.settled.has(path)) return this.settled.get(path);
    const text = read(path);
    this.settled.set(path, text);
    if (!this.texts.has(path)) this.texts.set(path, Promise.resolve(text));
    return text;
  }

  readDir(dir: string): Promise<DirEntry[]> {
    let p = this.dirs.get(dir);
    if (!p) {
      p = this.surelyMissing(dir) ? Promise.resolve([]) : this.io.readDir(dir);
      this.dirs.set(dir, p);
      // An empty answer may be a missing folder: only a listing with entries says what is not there.
      p.then((entries) => entries.length > 0 && this.listed.set(dir, new Set(entries.map((e) => e.name.toLowerCase()))), () => undefined);
    }
    return p;
  }

  /**
   * A folder's entries as this run's own walk of the disk listed them (the inventory's), given
   * exactly as `io.readDir` would (symlinks followed): later listings of the folder are not read again.
   */
  seedListing(dir: string, entries: DirEntry[]): void {
    if (this.dirs.has(dir)) return;
    this.dirs.set(dir, Promise.resolve(entries));
    if (entries.length > 0) this.listed.set(dir, new Set(entries.map((e) => e.name.toLowerCase())));
  }

  /** Starts reading files that will be wanted soon; errors surface when they are read for real. */
  prefetch(paths: Iterable<string>): void {
    for (const p of paths) void this.readFile(p);
  }

  /** `parse(name, text)` once per file and text: the same file with other text (an unsaved edit) parses anew. */
  parse(file: string, name: string, text: string, parse: (name: string, text: string) => ParseResult): ParseResult {
    const hit = this.parsed.get(file);
    if (hit && hit.text === text) {
      this.stats.reused++;
      return hit.result;
    }
    const result = parse(name, text);
    this.stats.parses++;
    this.parsed.set(file, { text, result });
    return result;
  }

  /** `parse(name, text)` counted, not kept: for files whose declarations the memo keeps instead (folderIndex.ts). */
  parseOnce(name: string, text: string, parse: (name: string, text: string) => ParseResult): ParseResult {
    this.stats.parses++;
    return parse(name, text);
  }

  /**
   * A folder's declarations from exactly these file names and texts, built once for the run; the
   * folder read with other names or text (an unsaved edit) is built anew.
   */
  declared<T>(dir: string, names: readonly string[], texts: readonly string[], build: () => T): T {
    const hit = this.declaredFolders.get(dir);
    if (hit && sameList(hit.names, names) && sameList(hit.texts, texts)) {
      this.folderStats.reused++;
      return hit.value as T;
    }
    const value = build();
    this.folderStats.declared++;
    this.declaredFolders.set(dir, { names: [...names], texts: [...texts], value });
    return value;
  }

  /** A folder's loaded form (e.g. a called module's index), built once however many calls reach it. */
  folder<T>(kind: string, dir: string, load: () => Promise<T>): Promise<T> {
    const key = `${kind}\0${dir}`;
    let p = this.folders.get(key) as Promise<T> | undefined;
    if (!p) this.folders.set(key, (p = load()));
    return p;
  }

  private limited<T>(read: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this.reading++;
        read()
          .then(resolve, reject)
          .finally(() => {
            this.reading--;
            this.queue.shift()?.();
          });
      };
      if (this.reading < readAhead) start();
      else this.queue.push(start);
    });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** An io whose reads, listings and parses are shared for one run; an io that already has a memo is returned as is. */
export function withMemo<T extends MemoIo>(io: T & { memo?: WorkspaceMemo }): T & { memo: WorkspaceMemo } {
  if (io.memo) return io as T & { memo: WorkspaceMemo };
  const memo = new WorkspaceMemo(io);
  // Object.create keeps whatever else the io carries (methods on a class included).
  const own = { readFile: (p: string) => memo.readFile(p), readDir: (d: string) => memo.readDir(d), memo };
  // A stream of a file the listings show missing is not opened: readFile answers it (undefined).
  const chunks = io.readChunks?.bind(io);
  const streams = chunks ? { readChunks: (p: string) => (memo.surelyMissing(p) ? undefined : chunks(p)) } : {};
  return Object.assign(Object.create(io) as T, own, streams);
}
