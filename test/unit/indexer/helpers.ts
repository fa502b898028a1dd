// Test helpers: expected positions are computed from the fixture text by plain line splitting,
// independently of the lexer's own position tracking.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const fixturesDir = join(__dirname, '..', '..', 'fixtures', 'terraform');
export const brokenDir = join(__dirname, '..', '..', 'fixtures', 'terraform-broken');

export interface Pos {
  line: number;
  character: number;
}

/** 0-based line and UTF-16 character of `offset` in `text`. */
export function posAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Offset of the `nth` occurrence of `needle`; throws if absent so a fixture edit can't silently pass a test. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture text not found: ${needle}`);
  }
  return at;
}

/** The range of the `nth` occurrence of `needle`, as { start, end } positions. */
export function rangeOfText(text: string, needle: string, nth = 0): { start: Pos; end: Pos } {
  const at = offsetOf(text, needle, nth);
  return { start: posAt(text, at), end: posAt(text, at + needle.length) };
}

export function lsp(r: { start: Pos & { offset?: number }; end: Pos & { offset?: number } }): { start: Pos; end: Pos } {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export async function fixture(rel: string): Promise<{ file: string; text: string }> {
  const file = join(fixturesDir, rel);
  return { file, text: await readFile(file, 'utf8') };
}
