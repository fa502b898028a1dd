// Reads Terraform module folders: one folder's `.tf` / `.tf.json` files into a ModuleIndex, and the
// list of every module folder below a root. `indexModule` reads asynchronously (for callers that must
// not block); `indexModuleSync` is for batch runs such as the inventory CLI.
import { readdir, stat } from 'node:fs/promises';
import { readdirSync, readFile, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { ModuleIndex } from '../model';
import type { ParseResult, Range } from '../model/ast';
import { emptyModuleIndex } from './terraform/declared';
import { applyOverrideFiles, declareModuleFile, type PendingOverride } from './terraform/overrides';
import { parseHcl } from './terraform/parser';
import { parseTfJson } from './terraform/tfJson';
import type { DirEntry, WorkspaceMemo } from './workspaceMemo';
import { declareFolder, withDeclarationProblems } from './folderIndex';
import { childPath } from './childPath';

/** Folders that hold downloaded or generated code, never the user's modules. */
const skippedDirs: ReadonlySet<string> = new Set(['.terraform', 'node_modules', '.git']);

export function isTerraformFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/** Parses one file's text by its extension. Never throws on bad input: problems come back as diagnostics. */
export function parseTerraformText(fileName: string, text: string): ParseResult {
  return fileName.endsWith('.tf.json') ? parseTfJson(text) : parseHcl(text);
}

/**
 * Indexes the `.tf` and `.tf.json` files directly inside `dir` (a module is one folder), in Terraform's lexical
 * file order. `names` (from `listModules`) saves listing the folder again.
 */
export async function indexModule(dir: string, names?: string[]): Promise<ModuleIndex> {
  names ??= await terraformFileNames(dir, await readdir(dir, { withFileTypes: true }));
  return indexTexts(dir, names, await mapLimited(names, 32, (n) => readText(join(dir, n))));
}

/**
 * `indexModule` with blocking reads, for batch runs (the inventory CLI): on many small files a
 * synchronous read costs a fraction of the thread-pool round trips of an async one (measured: 3,000
 * files in ~20 ms of CPU instead of ~150 ms).
 */
export function indexModuleSync(dir: string, names: string[]): ModuleIndex {
  return indexTexts(dir, names, names.map((n) => readTextSync(childPath(dir, n))));
}

/**
 * `indexModule` through a run's memo, with blocking reads of the disk (a batch run: see
 * WorkspaceMemo.readFileSync): the texts, parses and declarations kept for the evaluation that follows.
 */
export function indexModuleMemoSync(dir: string, names: string[], memo: WorkspaceMemo): ModuleIndex {
  const texts = names.map((n) => memo.readFileSync(childPath(dir, n), readDiskText));
  const read = texts.map((t, i) => (t === undefined ? new Error(`${names[i]} is not readable`) : withoutBom(t)));
  return indexTexts(dir, names, read, memo);
}

/** A file's text as the engine's disk io reads it: undefined when it cannot be read. */
function readDiskText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function indexTexts(dir: string, names: string[], texts: (string | Error)[], memo?: WorkspaceMemo): ModuleIndex {
  // Every file read: the folder's declarations are the ones the run's evaluation will use too.
  if (texts.every((t) => typeof t === 'string')) return withDeclarationProblems(declareFolder(dir, names, texts as string[], parseTerraformText, memo));
  const index = emptyModuleIndex(dir);
  const pending: PendingOverride[] = [];
  names.forEach((name, i) => {
    const file = childPath(dir, name);
    const text = texts[i];
    if (text instanceof Error) {
      index.files.push({ file, diagnostics: [{ severity: 'error', message: `Cannot read file: ${text.message}`, range: zeroRange() }] });
      return;
    }
    const parsed = memo ? memo.parse(file, name, text, parseTerraformText) : parseTerraformText(name, text);
    // Override files are declared on their own and merged once every normal file is in.
    const problems = declareModuleFile(index, pending, file, parsed.body, text);
    index.files.push({ file, diagnostics: problems.length ? [...parsed.diagnostics, ...problems] : parsed.diagnostics });
  });
  applyOverrideFiles(index, pending);
  return index;
}

/** Every folder at or below `root` that holds a `.tf` or `.tf.json` file, sorted; `.terraform/`, `node_modules/` and `.git/` are skipped. */
export async function findModuleDirs(root: string): Promise<string[]> {
  return (await listModules(root)).map((m) => m.dir);
}

/** Like `findModuleDirs`, with each folder's Terraform file names (sorted). */
export async function listModules(root: string): Promise<{ dir: string; files: string[] }[]> {
  const found: { dir: string; files: string[] }[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      // The root itself must exist; an unreadable subfolder is skipped.
      if (dir === root) throw err;
      return;
    }
    const files = await terraformFileNames(dir, entries);
    if (files.length) found.push({ dir, files });
    await Promise.all(walkedSubfolders(entries).map((e) => walk(join(dir, e.name))));
  };
  await walk(root);
  return found.sort(byDir);
}

/**
 * `listModules` with blocking calls, for batch runs (the inventory): half the time and CPU of the
 * async walk on 1,360 folders (no promise and thread-pool round trip per folder). `onListing` gets
 * each folder's entries as the engine's disk io lists them (symlinks followed), so that the run
 * lists no folder twice.
 */
export function listModulesSync(root: string, onListing?: (dir: string, entries: DirEntry[]) => void): { dir: string; files: string[] }[] {
  const found: { dir: string; files: string[] }[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      // The root itself must exist; an unreadable subfolder is skipped.
      if (dir === root) throw err;
      return;
    }
    const files: string[] = [];
    const listing: DirEntry[] = [];
    for (const e of entries) {
      const linked = e.isSymbolicLink() ? statSync(childPath(dir, e.name), { throwIfNoEntry: false }) : undefined;
      listing.push({ name: e.name, isDirectory: linked ? linked.isDirectory() : e.isDirectory() });
      // Symlinked files count (shared `providers.tf` links are common).
      if (isTerraformFile(e.name) && (e.isFile() || linked?.isFile())) files.push(e.name);
    }
    onListing?.(dir, listing);
    if (files.length) found.push({ dir, files: files.sort() });
    for (const e of walkedSubfolders(entries)) walk(childPath(dir, e.name));
  };
  walk(root);
  return found.sort(byDir);
}

/**
 * The subfolders both walks enter. Symlinked folders are not followed: they can loop, and Terraform
 * modules are referenced by `source`, not by links.
 */
function walkedSubfolders(entries: Dirent[]): Dirent[] {
  return entries.filter((e) => e.isDirectory() && !skippedDirs.has(e.name));
}

const byDir = (a: { dir: string }, b: { dir: string }): number => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0);

/** `Promise.all(items.map(fn))` with at most `limit` calls pending: a folder of thousands of files must not exhaust file descriptors. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Terraform files among a folder's entries, sorted; symlinked files count (shared `providers.tf` links are common). */
async function terraformFileNames(dir: string, entries: Dirent[]): Promise<string[]> {
  const names: string[] = [];
  for (const e of entries) {
    if (!isTerraformFile(e.name)) continue;
    if (e.isFile()) names.push(e.name);
    else if (e.isSymbolicLink() && (await stat(join(dir, e.name)).then((s) => s.isFile(), () => false))) names.push(e.name);
  }
  return names.sort();
}

/** The callback `readFile` makes fewer thread-pool round trips than `fs/promises` (no FileHandle), measurably faster on many small files. */
function readText(file: string): Promise<string | Error> {
  return new Promise((resolve) => {
    readFile(file, 'utf8', (err, text) => {
      resolve(err ?? withoutBom(text));
    });
  });
}

function readTextSync(file: string): string | Error {
  try {
    return withoutBom(readFileSync(file, 'utf8'));
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** A BOM is not part of the source: ranges count from the first real character, as editors do. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const zeroRange = (): Range => ({ start: { offset: 0, line: 0, character: 0 }, end: { offset: 0, line: 0, character: 0 } });
