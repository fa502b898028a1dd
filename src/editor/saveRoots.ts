// Which root modules a saved file concerns, for the re-scan on save (issue 14 item 6). Pure: it reads the
// roots the last scan covered (with the module folders each calls) and the folder's `terraform.varFiles`.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ScannedRoot } from '../model';

/** One workspace folder as the last scan saw it. */
export interface FolderRoots {
  /** Absolute. */
  readonly folder: string;
  readonly roots: readonly ScannedRoot[];
  /** Absolute paths of the folder's `driftlens.terraform.varFiles`: passed to every root as -var-file. */
  readonly varFiles: readonly string[];
}

const TERRAFORM = /\.(tf|tf\.json|tfvars|tfvars\.json)$/;
const VARS = /\.tfvars(\.json)?$/;

export function isTerraformFile(file: string): boolean {
  return TERRAFORM.test(file);
}

/**
 * Per workspace folder, the root folders to scan again after `files` were saved: a file in a root's folder → that
 * root; in a module folder → every root that calls it; a var file of the folder's setting → every root there. A
 * `.tf` file no known root or module holds → its own folder (a new root: the engine scans it if it is one).
 */
export function rootsForSaves(files: Iterable<string>, folders: readonly FolderRoots[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const raw of files) {
    if (!isTerraformFile(raw)) continue;
    const file = resolve(raw);
    // The innermost folder holding it (a multi-root workspace may nest folders).
    const folder = folders.filter((f) => within(file, resolve(f.folder))).sort((a, b) => b.folder.length - a.folder.length)[0];
    if (!folder) continue;
    const dir = dirname(file);
    const hits = new Set<string>();
    for (const root of folder.roots) {
      if (resolve(root.dir) === dir || root.moduleDirs.some((m) => resolve(m) === dir)) hits.add(resolve(root.dir));
    }
    if (VARS.test(file) && folder.varFiles.some((v) => resolve(v) === file)) for (const root of folder.roots) hits.add(resolve(root.dir));
    if (hits.size === 0 && !VARS.test(file)) hits.add(dir);
    if (hits.size === 0) continue;
    const set = out.get(folder.folder) ?? out.set(folder.folder, new Set()).get(folder.folder)!;
    for (const h of hits) set.add(h);
  }
  return new Map([...out].map(([folder, roots]) => [folder, [...roots].sort()]));
}

function within(file: string, folder: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
