// Offsets → LSP positions (0-based line, UTF-16 character) for text read by offset-based parsers
// (jsonc-parser for `.tf.json`, `.tfvars.json` and ARM templates). One implementation, so every
// JSON-backed range counts lines the same way VS Code does: LF, CRLF and a lone CR each end a line.
import type { Position, Range } from '../model/ast';

export type PositionOf = (offset: number) => Position;

/** UTF-16 offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** The position of `offset`, by binary search over `starts` (from `lineStarts`). */
export function positionAt(starts: ArrayLike<number>, offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { offset, line: lo, character: offset - starts[lo] };
}

/** A position function for one text: lines are counted once. */
export function positionsOf(text: string): PositionOf {
  const starts = lineStarts(text);
  return (offset) => positionAt(starts, offset);
}

/** The range of `length` characters from `offset` (jsonc-parser's node shape). */
export function rangeOf(pos: PositionOf, offset: number, length: number): Range {
  return { start: pos(offset), end: pos(offset + length) };
}
