// Report paths and ranges: files relative to the scanned folder with forward slashes, ranges as LSP's.
import { relative, resolve, sep } from 'node:path';
import type { Range } from '../../model';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function relativeFile(root: string, file: string): string {
  const rel = relative(resolve(root), file);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** Drops offsets: the public contract speaks lines and UTF-16 characters only. */
export function lspRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
