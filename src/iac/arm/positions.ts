// jsonc-parser speaks offsets; the engine speaks LSP positions (0-based line, UTF-16 character).
import type { Position, Range } from '../terraform/ast';

export type PositionOf = (offset: number) => Position;

export function positionsOf(text: string): PositionOf {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo, character: offset - starts[lo] };
  };
}

export function rangeOf(pos: PositionOf, offset: number, length: number): Range {
  return { start: pos(offset), end: pos(offset + length) };
}
