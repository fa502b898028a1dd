// The most numerous nodes of a parsed `.tf` file, as OffsetSpans: each keeps its range as two
// offsets and makes the OffsetRange when `range` is read. On 6,367 public module files these kinds
// (literals, strings, object items, lists, maps, calls) held 280 K range objects the declarations
// keep to the end of a run, each copied twice by V8's young-generation collector (issue 17).
// Without a line table (a parse with no LineMap) the parser builds plain objects instead. Fields are
// `declare`d and assigned in the constructor: see offsetRange.ts.
import type {
  Expression,
  Position,
  FunctionCallExpr,
  LiteralExpr,
  ObjectExpr,
  ObjectItem,
  TemplateExpr,
  TemplateLiteralPart,
  TemplatePart,
  TupleExpr,
} from '../../model/ast';
import { nodeEnd, nodeStart, OffsetSpan, type LineMap } from '../offsetRange';
import type { ParseState } from './parseState';

export class ParsedLiteral extends OffsetSpan implements LiteralExpr {
  declare readonly kind: 'Literal';
  declare value: LiteralExpr['value'];
  declare raw: string;

  constructor(value: LiteralExpr['value'], raw: string, lines: LineMap, start: number, end: number) {
    super(lines, start, end);
    this.kind = 'Literal';
    this.value = value;
    this.raw = raw;
  }
}

export class ParsedTemplate extends OffsetSpan implements TemplateExpr {
  declare readonly kind: 'Template';
  declare parts: TemplatePart[];
  declare heredoc?: TemplateExpr['heredoc'];

  constructor(parts: TemplatePart[], heredoc: TemplateExpr['heredoc'], lines: LineMap, start: number, end: number) {
    super(lines, start, end);
    this.kind = 'Template';
    this.parts = parts;
    // Absent, not undefined, for a quoted string: as a plain node has it.
    if (heredoc !== undefined) this.heredoc = heredoc;
  }
}

export class ParsedTemplateLiteral extends OffsetSpan implements TemplateLiteralPart {
  declare readonly kind: 'TemplateLiteral';
  declare value: string;

  constructor(value: string, lines: LineMap, start: number, end: number) {
    super(lines, start, end);
    this.kind = 'TemplateLiteral';
    this.value = value;
  }
}

export class ParsedTuple extends OffsetSpan implements TupleExpr {
  declare readonly kind: 'Tuple';
  declare items: Expression[];

  constructor(items: Expression[], lines: LineMap, start: number, end: number) {
    super(lines, start, end);
    this.kind = 'Tuple';
    this.items = items;
  }
}

export class ParsedObject extends OffsetSpan implements ObjectExpr {
  declare readonly kind: 'Object';
  declare items: ObjectItem[];

  constructor(items: ObjectItem[], lines: LineMap, start: number, end: number) {
    super(lines, start, end);
    this.kind = 'Object';
    this.items = items;
  }
}

export class ParsedObjectItem extends OffsetSpan implements ObjectItem {
  declare key: Expression;
  declare keyIsIdentifier: boolean;
  declare value: Expression;

  constructor(key: Expression, keyIsIdentifier: boolean, value: Expression, lines: LineMap, start: number, end: number) {
    super(lines, start, end);
    this.key = key;
    this.keyIsIdentifier = keyIsIdentifier;
    this.value = value;
  }
}

export class ParsedFunctionCall extends OffsetSpan implements FunctionCallExpr {
  declare readonly kind: 'FunctionCall';
  declare name: string;
  declare nameEnd: number;
  declare args: Expression[];
  declare expandFinal: boolean;

  constructor(name: string, nameEnd: number, args: Expression[], expandFinal: boolean, lines: LineMap, start: number, end: number) {
    super(lines, start, end);
    this.kind = 'FunctionCall';
    this.name = name;
    this.nameEnd = nameEnd;
    this.args = args;
    this.expandFinal = expandFinal;
  }
}

/** A number, bool or null literal: token k. */
export function literalAt(p: ParseState, k: number, value: LiteralExpr['value'], raw: string): LiteralExpr {
  if (p.lines === undefined) return { kind: 'Literal', value, raw, range: p.tokRange(k) };
  return new ParsedLiteral(value, raw, p.lines, p.ts.start[k], p.ts.end[k]);
}

/** `[...]` from token k (the bracket) to `end`. */
export function tupleFrom(p: ParseState, items: Expression[], k: number, end: Position): TupleExpr {
  if (p.lines === undefined) return { kind: 'Tuple', items, range: p.range(p.startPos(k), end) };
  return new ParsedTuple(items, p.lines, p.ts.start[k], end.offset);
}

/** `{...}` from token k (the brace) to `end`. */
export function objectFrom(p: ParseState, items: ObjectItem[], k: number, end: Position): ObjectExpr {
  if (p.lines === undefined) return { kind: 'Object', items, range: p.range(p.startPos(k), end) };
  return new ParsedObject(items, p.lines, p.ts.start[k], end.offset);
}

/** `key = value`, from the key's start to the value's end. */
export function objectItem(p: ParseState, key: Expression, keyIsIdentifier: boolean, value: Expression): ObjectItem {
  if (p.lines === undefined) return { key, keyIsIdentifier, value, range: p.join(key.range, value.range) };
  return new ParsedObjectItem(key, keyIsIdentifier, value, p.lines, nodeStart(key), nodeEnd(value));
}

/** A call from token k (its name) to `end`; `nameEnd` is where the name (with any namespace) ends. */
export function functionCallFrom(p: ParseState, name: string, nameEnd: number, args: Expression[], expandFinal: boolean, k: number, end: Position): FunctionCallExpr {
  if (p.lines === undefined) return { kind: 'FunctionCall', name, nameEnd, args, expandFinal, range: p.range(p.startPos(k), end) };
  return new ParsedFunctionCall(name, nameEnd, args, expandFinal, p.lines, p.ts.start[k], end.offset);
}

/** A quoted string or heredoc from `start` to `end`. */
export function templateBetween(p: ParseState, parts: TemplatePart[], heredoc: TemplateExpr['heredoc'], start: Position, end: Position): TemplateExpr {
  if (p.lines === undefined) return heredoc === undefined ? { kind: 'Template', parts, range: p.range(start, end) } : { kind: 'Template', parts, heredoc, range: p.range(start, end) };
  return new ParsedTemplate(parts, heredoc, p.lines, start.offset, end.offset);
}

/** Literal text of a template from `start` to `end`. */
export function templateLiteralBetween(p: ParseState, value: string, start: Position, end: Position): TemplateLiteralPart {
  if (p.lines === undefined) return { kind: 'TemplateLiteral', value, range: p.range(start, end) };
  return new ParsedTemplateLiteral(value, p.lines, start.offset, end.offset);
}

/** Literal text of a template: token k. */
export function templateLiteralAt(p: ParseState, value: string, k: number): TemplateLiteralPart {
  if (p.lines === undefined) return { kind: 'TemplateLiteral', value, range: p.tokRange(k) };
  return new ParsedTemplateLiteral(value, p.lines, p.ts.start[k], p.ts.end[k]);
}
