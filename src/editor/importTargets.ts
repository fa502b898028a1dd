// "Import into Terraform…" without vscode: which files the blocks may go to (each root module's `.tf`
// files, and a new imports.tf per root), the text to append to a file, and the message when nothing can
// be imported. Plain-Node tests pin them.
import { relativePath } from './labels';

export const NEW_IMPORTS_FILE = 'imports.tf';

export interface ImportTarget {
  /** Absolute path of the file (new or existing). */
  file: string;
  /** The root module folder the file is in: the blocks are planned for it. */
  root: string;
  label: string;
  description?: string;
  isNew: boolean;
}

/**
 * One entry per `.tf` file of each root (overrides and `.tf.json` left out: the blocks are HCL), then
 * "New file imports.tf" for each root that has none. Paths relative to the workspace folder.
 */
export function importTargets(filesByRoot: ReadonlyMap<string, readonly string[]>, folder: string): ImportTarget[] {
  const out: ImportTarget[] = [];
  const several = filesByRoot.size > 1;
  for (const [root, files] of [...filesByRoot].sort(([a], [b]) => a.localeCompare(b))) {
    const where = relativePath(root, folder) || '.';
    const tf = files.filter((f) => f.endsWith('.tf') && !/(^|_)override\.tf$/.test(f.replace(/^.*[\\/]/, ''))).sort();
    for (const file of tf) out.push({ file, root, label: relativePath(file, folder), ...(several ? { description: `root ${where}` } : {}), isNew: false });
    const fresh = `${root.replace(/[\\/]$/, '')}/${NEW_IMPORTS_FILE}`;
    if (!files.includes(fresh)) out.push({ file: fresh, root, label: `New file ${relativePath(fresh, folder)}`, description: several ? `root ${where}` : undefined, isNew: true });
  }
  return out;
}

/** What to insert at the end of a file holding `existing` so the blocks start after one blank line. */
export function appendedText(existing: string, blocks: string): string {
  const body = blocks.endsWith('\n') ? blocks : `${blocks}\n`;
  if (existing === '') return body;
  if (existing.endsWith('\n\n')) return body;
  return `${existing.endsWith('\n') ? '\n' : '\n\n'}${body}`;
}

/** Why nothing was inserted, from the plan's skipped list (read denied, a type that cannot be imported…). */
export function nothingImportedMessage(type: string, liveId: string, skipped: readonly { reason: string }[]): string {
  const why = skipped.map((s) => s.reason).filter(Boolean).join('; ') || 'the provider returned nothing to import';
  return `DriftLens cannot import ${type} ${liveId}: ${why}. Nothing was inserted.`;
}
