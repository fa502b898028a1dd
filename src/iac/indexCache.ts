// Per-file results keyed by content hash, so re-indexing an unchanged file costs a hash (or, with a
// stamp, nothing), not a parse. What is cached is what `compute` returns: a parse result by default,
// or anything derived from one file's text (e.g. that file's declarations). In memory always;
// optionally on disk (one compact JSON entry per key, ranges stored as offsets and rebuilt from the
// text), in a folder per cache version so a new parser never reads old trees.
//
// The indexer calls `getOrParse(file, text)` (async: may read the disk store) or
// `getOrParseSync(file, text)` (memory only) where it used to call `parseTerraformText`.
// Cached values are shared between calls: callers must not mutate them.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParseResult, Range } from '../model/ast';
import { endOffsetOf, KeepsOffsets, LineMap, OffsetRange, startOffsetOf } from './offsetRange';

/** Bump when the parser's output changes shape or meaning: old entries are then never read. */
export const INDEX_CACHE_FORMAT = 3;

export interface IndexCacheOptions<T> {
  /** Computes a file's entry from its text: parses it (by extension: `.tf` vs `.tf.json`), maybe more. */
  parse: (file: string, text: string) => T;
  /** The entry embeds the file's path (e.g. declarations): key by path as well as content. */
  keyIncludesPath?: boolean;
  /** Part of every key: the product version, so an upgrade starts a fresh cache. */
  version: string;
  /** Folder for the on-disk store; none keeps the cache in memory only. */
  dir?: string;
  /** Entries kept in memory (least recently used are dropped). Default 50,000. */
  maxEntries?: number;
}

export interface IndexCacheStats {
  memoryHits: number;
  diskHits: number;
  parses: number;
  /** Disk entries that could not be read back (corrupt, or from another format): parsed again. */
  diskErrors: number;
}

export class IndexCache<T = ParseResult> {
  private readonly memory = new Map<string, T>();
  /** Last content key seen per file, with the file's stamp (mtime + size): lets a re-index skip the read. */
  private readonly stamps = new Map<string, { stamp: string; key: string; text: string }>();
  /** Keys parsed in this session and not yet written to disk. */
  private readonly unsaved = new Map<string, T>();
  private readonly maxEntries: number;
  readonly stats: IndexCacheStats = { memoryHits: 0, diskHits: 0, parses: 0, diskErrors: 0 };

  constructor(private readonly options: IndexCacheOptions<T>) {
    this.maxEntries = options.maxEntries ?? 50_000;
  }

  /** The key of a file's content: the same text under another name parses the same way only with the same kind. */
  keyOf(file: string, text: string): string {
    const kind = file.endsWith('.tf.json') ? 'json' : 'hcl';
    const path = this.options.keyIncludesPath ? file : '';
    return createHash('sha1').update(`${INDEX_CACHE_FORMAT}\0${this.options.version}\0${kind}\0${path}\0`).update(text).digest('hex');
  }

  /**
   * The cached tree of a file whose stamp (e.g. `${mtimeMs}:${size}` from a stat, or an editor
   * document version) is the one recorded with its last text: a warm re-index without reading it.
   */
  peek(file: string, stamp: string): { result: T; text: string } | undefined {
    const seen = this.stamps.get(file);
    if (!seen || seen.stamp !== stamp) return undefined;
    const result = this.fromMemory(seen.key);
    return result ? { result, text: seen.text } : undefined;
  }

  /** Memory, then parse. Never touches the disk. `stamp` records the text's version for `peek`. */
  getOrParseSync(file: string, text: string, stamp?: string): T {
    const key = this.keyOf(file, text);
    if (stamp !== undefined) this.stamps.set(file, { stamp, key, text });
    const hit = this.fromMemory(key);
    if (hit) return hit;
    return this.parseAndKeep(key, file, text);
  }

  /** Memory, then the disk store, then parse. `stamp` records the text's version for `peek`. */
  async getOrParse(file: string, text: string, stamp?: string): Promise<T> {
    const key = this.keyOf(file, text);
    if (stamp !== undefined) this.stamps.set(file, { stamp, key, text });
    const hit = this.fromMemory(key);
    if (hit) return hit;
    if (this.options.dir) {
      const stored = await this.readEntry(key, text);
      if (stored) {
        this.stats.diskHits++;
        this.remember(key, stored);
        return stored;
      }
    }
    return this.parseAndKeep(key, file, text);
  }

  /** Writes entries parsed since the last flush to the disk store (no-op without one). */
  async flush(): Promise<void> {
    const dir = this.options.dir;
    if (!dir || this.unsaved.size === 0) return;
    const entries = [...this.unsaved];
    this.unsaved.clear();
    const root = this.storeDir(dir);
    await mkdir(root, { recursive: true });
    const made = new Set<string>();
    for (const [key, result] of entries) {
      const shard = join(root, key.slice(0, 2));
      if (!made.has(shard)) {
        await mkdir(shard, { recursive: true });
        made.add(shard);
      }
      // Write then rename: a crash never leaves a half entry under the real name.
      const target = join(shard, `${key}.json`);
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(packRanges(result)));
      await rename(tmp, target);
    }
  }

  /** Forgets what a deleted or renamed file was. */
  forget(file: string): void {
    this.stamps.delete(file);
  }

  clearMemory(): void {
    this.memory.clear();
    this.stamps.clear();
  }

  get size(): number {
    return this.memory.size;
  }

  private storeDir(dir: string): string {
    const safeVersion = this.options.version.replace(/[^A-Za-z0-9._-]/g, '_');
    return join(dir, `v${INDEX_CACHE_FORMAT}-${safeVersion}`);
  }

  private fromMemory(key: string): T | undefined {
    const hit = this.memory.get(key);
    if (!hit) return undefined;
    this.stats.memoryHits++;
    // Re-insert: Map order is our LRU order.
    this.memory.delete(key);
    this.memory.set(key, hit);
    return hit;
  }

  private parseAndKeep(key: string, file: string, text: string): T {
    this.stats.parses++;
    const result = this.options.parse(file, text);
    this.remember(key, result);
    if (this.options.dir) this.unsaved.set(key, result);
    return result;
  }

  private remember(key: string, result: T): void {
    this.memory.set(key, result);
    if (this.memory.size > this.maxEntries) this.memory.delete(this.memory.keys().next().value as string);
  }

  private async readEntry(key: string, text: string): Promise<T | undefined> {
    let raw: string;
    try {
      raw = await readFile(join(this.storeDir(this.options.dir!), key.slice(0, 2), `${key}.json`), 'utf8');
    } catch {
      return undefined;
    }
    try {
      return unpackRanges(JSON.parse(raw), LineMap.of(text)) as T;
    } catch {
      this.stats.diskErrors++;
      return undefined;
    }
  }
}

// ---------------------------------------------------------------------------
// Compact ranges: {start:{offset,line,character},end:{…}} ↔ {"$r":[startOffset,endOffset]}; read
// back as OffsetRanges over the text's line table, which the caller has anyway (it hashed the text).

function isRange(v: unknown): v is Range {
  if (typeof v !== 'object' || v === null) return false;
  if (v instanceof OffsetRange) return true;
  const r = v as Range;
  return typeof r.start?.offset === 'number' && typeof r.end?.offset === 'number' && typeof r.start.line === 'number' && Object.keys(v).length === 2;
}

export function packRanges(v: unknown): unknown {
  if (isRange(v)) return { $r: [startOffsetOf(v), endOffsetOf(v)] };
  if (v instanceof KeepsOffsets) return packRanges(v.toJSON());
  if (Array.isArray(v)) return v.map(packRanges);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = packRanges(x);
    return out;
  }
  return v;
}

export function unpackRanges(v: unknown, lines: LineMap): unknown {
  if (Array.isArray(v)) return v.map((x) => unpackRanges(x, lines));
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    const r = o.$r;
    if (Array.isArray(r) && Object.keys(o).length === 1) return new OffsetRange(lines, r[0] as number, r[1] as number);
    for (const k of Object.keys(o)) o[k] = unpackRanges(o[k], lines);
    return o;
  }
  return v;
}
