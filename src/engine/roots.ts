// Which folders are root modules, and their index, read through a WorkspaceIo (so the editor's
// unsaved text is what gets indexed). A folder another module calls by a local `source` is a child
// module, not a root — unless it holds its own terraform.tfstate.
import { join, resolve } from 'node:path';
import type { ModuleIndex } from '../model';
import type { WorkspaceIo } from './workspaceIo';
import { emptyModuleIndex } from '../iac/terraform/declared';
import { applyOverrideFiles, declareModuleFile, type PendingOverride } from '../iac/terraform/overrides';
import { isTerraformFile, parseTerraformText } from '../iac/moduleIndex';
import type { IndexCache } from '../iac/indexCache';
import { mergeFileDeclarations, type FileDeclarations } from '../iac/fileDeclarations';
import { sharedFolderIndex } from '../iac/folderIndex';

/** Downloaded or generated code, never the user's modules. */
const skippedDirs: ReadonlySet<string> = new Set(['.terraform', 'node_modules', '.git', '.terragrunt-cache']);

export interface IndexedFolder {
  index: ModuleIndex;
  /** Entry names of the folder (for tfvars discovery). */
  names: string[];
  hasState: boolean;
}

/**
 * Every folder at or below `dir` with Terraform files, indexed. With a cache, a file whose text has
 * not changed since it was last indexed costs a hash (no parse): what a recompare after one edit needs.
 */
export async function indexFolders(dir: string, io: WorkspaceIo, signal?: AbortSignal, cache?: IndexCache<FileDeclarations>): Promise<IndexedFolder[]> {
  const out: IndexedFolder[] = [];
  const walk = async (folder: string): Promise<void> => {
    if (signal?.aborted) return;
    const entries = await io.readDir(folder);
    const names = entries.map((e) => e.name);
    const tfFiles = entries.filter((e) => !e.isDirectory && isTerraformFile(e.name)).map((e) => e.name).sort();
    if (tfFiles.length > 0) {
      out.push({ index: await indexFiles(folder, tfFiles, io, cache), names, hasState: names.includes('terraform.tfstate') });
    }
    // Folders side by side: one folder's reads overlap another's parse (the result is sorted below).
    await Promise.all(entries.filter((e) => e.isDirectory && !skippedDirs.has(e.name)).map((e) => walk(join(folder, e.name))));
  };
  await walk(dir);
  return out.sort((a, b) => (a.index.dir < b.index.dir ? -1 : a.index.dir > b.index.dir ? 1 : 0));
}

async function indexFiles(dir: string, names: string[], io: WorkspaceIo, cache?: IndexCache<FileDeclarations>): Promise<ModuleIndex> {
  if (cache) {
    const parts: FileDeclarations[] = [];
    for (const name of names) {
      const file = join(dir, name);
      const text = await io.readFile(file);
      if (text === undefined) {
        const unreadable = emptyModuleIndex(dir);
        unreadable.files.push({ file, diagnostics: [{ severity: 'error', message: 'Cannot read file', range: zeroRange }] });
        parts.push(unreadable);
      } else {
        parts.push(await cache.getOrParse(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
      }
    }
    return mergeFileDeclarations(dir, parts);
  }
  if (io.memo) {
    // Declared once per run, shared with the inventory's literal pass and every call of this folder as a module.
    const shared = await sharedFolderIndex(dir, names, io, parseTerraformText);
    if (shared) return shared.folder.index;
  }
  const index = emptyModuleIndex(dir);
  const pending: PendingOverride[] = [];
  // All reads asked for at once (a memo bounds how many run); parsing follows in lexical order.
  const texts = names.map((name) => io.readFile(join(dir, name)));
  for (const t of texts) t.catch(() => undefined);
  for (const [i, name] of names.entries()) {
    const file = join(dir, name);
    let text = await texts[i];
    if (text === undefined) {
      index.files.push({ file, diagnostics: [{ severity: 'error', message: 'Cannot read file', range: zeroRange }] });
      continue;
    }
    // A BOM is not part of the source: ranges count from the first real character, as editors do.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const parsed = io.memo ? io.memo.parse(file, name, text, parseTerraformText) : parseTerraformText(name, text);
    index.files.push({ file, diagnostics: parsed.diagnostics });
    declareModuleFile(index, pending, file, parsed.body, text);
  }
  applyOverrideFiles(index, pending);
  return index;
}

/** Root modules: folders no other folder calls by a local `source`, or that hold a terraform.tfstate. The scanned folder itself is always one. */
export function rootFolders(folders: IndexedFolder[], scanned: string): IndexedFolder[] {
  const called = new Set<string>();
  for (const f of folders) {
    for (const call of f.index.moduleCalls) {
      if (call.source && (call.source.startsWith('./') || call.source.startsWith('../'))) called.add(resolve(f.index.dir, call.source));
    }
  }
  return folders.filter((f) => f.hasState || f.index.dir === scanned || !called.has(f.index.dir));
}

const zeroRange = { start: { offset: 0, line: 0, character: 0 }, end: { offset: 0, line: 0, character: 0 } };
