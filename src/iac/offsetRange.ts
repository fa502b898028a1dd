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

// The classes of this file and of the parser's nodes declare their fields (`declare`) and assign them in
// the constructor: a field declared the ES2022 way is defined by an initializer on every construction,
// which took 0.19 s of an inventory of 6,367 files once every node was a class (issue 17).
export class OffsetRange implements Range {
  declare readonly lines: LineMap;
  declare readonly startOffset: number;
  declare readonly endOffset: number;

  constructor(lines: LineMap, startOffset: number, endOffset: number) {
    this.lines = lines;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

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

/** An object keeping its ranges as offsets: its plain form (for JSON and `plainRanges`) is `toJSON()`. */
export abstract class KeepsOffsets {
  abstract toJSON(): object;
}

/**
 * A parsed node that keeps its range as two offsets and its file's line table, and makes the
 * OffsetRange only when `range` is read: one object less per node. Traversals (`var.x`,
 * `each.value`) are a third of what real code's declarations keep, and each kept its own range
 * object, copied twice by V8's young-generation collector like every object a tree keeps (issue 17).
 * `toJSON` gives the node as plain data (JSON and `plainRanges` use it): its fields are not.
 */
export abstract class OffsetSpan extends KeepsOffsets {
  declare private readonly lines: LineMap;
  declare startOffset: number;
  declare endOffset: number;

  constructor(lines: LineMap, startOffset: number, endOffset: number) {
    super();
    this.lines = lines;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  get range(): Range {
    return new OffsetRange(this.lines, this.startOffset, this.endOffset);
  }

  /** A parser moving the node's end (a traversal growing by a step): `r` is a range of the same text. */
  set range(r: Range) {
    this.startOffset = startOffsetOf(r);
    this.endOffset = endOffsetOf(r);
  }

  /** The node as plain data: its own fields (an absent optional one stays absent) but the line table and offsets, and `range`. */
  toJSON(): object {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (v !== undefined && k !== 'lines' && k !== 'startOffset' && k !== 'endOffset') out[k] = v;
    out.range = this.range;
    return out;
  }
}

/** Where a node starts, without making its range when it keeps offsets. */
export const nodeStart = (n: { range: Range }): number => (n instanceof OffsetSpan ? n.startOffset : startOffsetOf(n.range));

/** Where a node ends, without making its range when it keeps offsets. */
export const nodeEnd = (n: { range: Range }): number => (n instanceof OffsetSpan ? n.endOffset : endOffsetOf(n.range));

/** Where a range starts, without making a Position for an OffsetRange. */
export const startOffsetOf = (r: Range): number => (r instanceof OffsetRange ? r.startOffset : r.start.offset);

/** Where a range ends, without making a Position for an OffsetRange. */
export const endOffsetOf = (r: Range): number => (r instanceof OffsetRange ? r.endOffset : r.end.offset);

/**
 * A copy of `value` with every OffsetRange reachable through arrays and plain objects made a plain
 * `{ start, end }`: what a structured clone can carry. A copy, not an edit: results share their
 * trees with the index cache, whose values nobody may change. An object reached twice is copied
 * once (as a structured clone keeps it); an object keeping offsets (KeepsOffsets) is copied as its plain
 * form; other class instances (Maps, Dates…) are kept as they are.
 */
export function plainRanges<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (v instanceof OffsetRange) return v.toJSON();
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (v instanceof KeepsOffsets) {
      const out = copy(v.toJSON());
      copies.set(v, out);
      return out;
    }
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
