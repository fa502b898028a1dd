// Ranges of a parsed `.tf` file as two offsets and the file's line table, not two Position objects.
// A tree of real code holds about one range per token and nearly two positions per range: on 6,235
// public module files, 1.3 M positions and 0.75 M ranges were 91 MB of the index's 212 MB, and V8's
// young-generation collector copies every object a tree keeps twice (issue 17). An OffsetRange is
// one 48-byte object; `start` and `end` are computed when read, which few readers do.
// Measured on 6,367 public module files: the parsed trees hold 191 MB instead of 268 MB.
//
// An OffsetRange is a Range to every reader (`r.start.line`, JSON.stringify). It is not plain data:
// a structured clone (postMessage to or from a worker) copies its fields, not `start` and `end`, so
// what crosses a thread goes through `plainRanges` first (scanWorkerService.ts).
import type { Position, Range } from '../model/ast';
import { positionAt } from './textPositions';

/** Where each line of a text starts, as HCL counts lines (LF or CRLF; a lone CR is not a line break). */
export class LineMap {
  private constructor(private readonly starts: Int32Array) {}

  static of(text: string): LineMap {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
    return new LineMap(starts);
  }

  position(offset: number): Position {
    return positionAt(this.starts, offset);
  }
}

export class OffsetRange implements Range {
  constructor(
    private readonly lines: LineMap,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get start(): Position {
    return this.lines.position(this.startOffset);
  }

  get end(): Position {
    return this.lines.position(this.endOffset);
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/** Where a range starts, without making a Position for an OffsetRange. */
export const startOffsetOf = (r: Range): number => (r instanceof OffsetRange ? r.startOffset : r.start.offset);

/** Where a range ends, without making a Position for an OffsetRange. */
export const endOffsetOf = (r: Range): number => (r instanceof OffsetRange ? r.endOffset : r.end.offset);

/**
 * Replaces, in place, every OffsetRange reachable from `value` through arrays and plain objects by a
 * plain `{ start, end }`: what a structured clone can carry. Class instances other than OffsetRange
 * (Maps, Dates…) are left as they are.
 */
export function plainRanges<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x instanceof OffsetRange) v[i] = x.toJSON();
        else visit(x);
      }
      return;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (x instanceof OffsetRange) o[k] = x.toJSON();
      else visit(x);
    }
  };
  visit(value);
  return value;
}
