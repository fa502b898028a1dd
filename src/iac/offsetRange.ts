// Ranges of a parsed `.tf` file as two offsets and the file's line table, not two Position objects.
// A tree of real code holds about one range per token and nearly two positions per range: on 6,235
// public module files, 1.3 M positions and 0.75 M ranges were 91 MB of the index's 212 MB, and V8's
// young-generation collector copies every object a tree keeps twice (issue 17). An OffsetRange is
// one 48-byte object; `start` and `end` are computed when read, which few readers do.
// Measured on 6,367 public module files: the parsed trees hold 191 MB instead of 268 MB.
//
// An OffsetRange is a Range to every reader (`r.start.line`, JSON.stringify). It is not plain data:
// a structured clone (postMessage to or from a worker) copies its fields, not `start` and `end`, so
// what crosses a thread is a `plainRanges` copy (scanWorkerService.ts).
import type { Position, Range } from '../model/ast';
import { positionAt } from './textPositions';
import { setOwn } from './terraform/literal';

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
 * A copy of `value` with every OffsetRange reachable through arrays and plain objects made a plain
 * `{ start, end }`: what a structured clone can carry. A copy, not an edit: results share their
 * trees with the index cache, whose values nobody may change. An object reached twice is copied
 * once (as a structured clone keeps it); class instances other than OffsetRange (Maps, Dates…) are
 * kept as they are.
 */
export function plainRanges<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (v instanceof OffsetRange) return v.toJSON();
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = new Array(v.length);
      copies.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = Object.create(proto) as Record<string, unknown>;
    copies.set(v, out);
    for (const k of Object.keys(v)) setOwn(out, k, copy((v as Record<string, unknown>)[k]));
    return out;
  };
  return copy(value) as T;
}
