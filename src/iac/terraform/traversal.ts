// Traversals after a term (hclsyntax spec "Index Operator", "Attribute Access", "Splat
// Operators"): `.name`, legacy `.0`, `[key]`, and the splats `.*` and `[*]`.

import type { Expression, Position, Range, ScopeTraversalExpr, SplatExpr, TraverseStep } from '../../model/ast';
import { Tok } from './lexer';
import { describe, type ParseState } from './parseState';
import { getAttrStep, NO_STEPS, sharedSteps } from './sharedSteps';
import { endOffsetOf, OffsetSpan, type LineMap } from '../offsetRange';

const T = { ...Tok };

/** A static step and where its last token ends (steps keep no range: see TraverseStep in ast.ts). */
interface ReadStep {
  step: TraverseStep;
  end: Position;
}

/** A traversal parsed from a file with a line table: its range kept as offsets (OffsetSpan). */
export class ParsedScopeTraversal extends OffsetSpan implements ScopeTraversalExpr {
  declare readonly kind: 'ScopeTraversal';
  declare root: string;
  declare steps: TraverseStep[];

  constructor(root: string, steps: TraverseStep[], lines: LineMap, startOffset: number, endOffset: number) {
    super(lines, startOffset, endOffset);
    this.kind = 'ScopeTraversal';
    this.root = root;
    this.steps = steps;
  }
}

/** The traversal `name` at token k, with no steps yet. */
export function scopeTraversal(p: ParseState, k: number, name: string): ScopeTraversalExpr {
  if (p.lines === undefined) return { kind: 'ScopeTraversal', root: name, steps: NO_STEPS, range: p.tokRange(k) };
  return new ParsedScopeTraversal(name, NO_STEPS, p.lines, p.ts.start[k], p.ts.end[k]);
}

/** Appends a static step. The traversal's range is brought up to date by `seal`, once per chain, not per step. */
function addStep(p: ParseState, expr: Expression, { step, end }: ReadStep): Expression {
  if (expr.kind === 'ScopeTraversal' || expr.kind === 'RelativeTraversal') {
    // A traversal's steps may be a shared list (sharedSteps.ts): extended by a copy, never in place.
    if (Object.isFrozen(expr.steps)) expr.steps = [...expr.steps, step];
    else expr.steps.push(step);
    return expr;
  }
  return { kind: 'RelativeTraversal', source: expr, steps: [step], range: p.rangeTo(expr.range, end) };
}

/**
 * Extends a traversal's range to `end`, where the last step added to it ends (undefined when none
 * was), before the expression is returned or nested.
 */
function seal(p: ParseState, e: Expression, end: Position | undefined): Expression {
  if ((e.kind === 'ScopeTraversal' || e.kind === 'RelativeTraversal') && e.steps.length > 0) {
    if (e instanceof OffsetSpan) {
      if (end !== undefined) e.endOffset = end.offset;
    } else if (end !== undefined && endOffsetOf(e.range) !== end.offset) e.range = p.rangeTo(e.range, end);
    e.steps = sharedSteps(e.steps);
  }
  return e;
}

/** The range of a traversal's root name: `var` in `var.region` (HCL names have no line break). */
export function rootRange(e: ScopeTraversalExpr): Range {
  const { start } = e.range;
  const length = e.root.length;
  return { start, end: { offset: start.offset + length, line: start.line, character: start.character + length } };
}

/** A literal index key (`[0]`, `["k"]`) becomes a static step; anything else an IndexExpr. */
function staticKey(key: Expression): number | string | undefined {
  if (key.kind === 'Literal' && typeof key.value === 'number') return key.value;
  if (key.kind === 'Template' && key.heredoc === undefined) {
    if (key.parts.length === 0) return '';
    if (key.parts.length === 1 && key.parts[0].kind === 'TemplateLiteral') return key.parts[0].value;
  }
  return undefined;
}

/** `.name` or legacy `.0` at the current Dot, if present. */
function attrStep(p: ParseState): ReadStep | undefined {
  const next = p.peekAhead();
  if (next !== T.Ident && next !== T.Number) return undefined;
  const dot = p.advance();
  const k = p.advance();
  const ts = p.ts;
  if (next === T.Number && p.type[k + 1] === T.Dot && p.type[k + 2] === T.Number && ts.end[k] === ts.start[k + 1] && ts.end[k + 1] === ts.start[k + 2]) {
    // `a.0.1`: hclsyntax reads `0.1` as one number and rejects it; both steps are still kept.
    p.error('Chaining two legacy indexes (a.0.1) is not permitted: write a[0][1].', p.range(p.startPos(dot), p.endPos(k + 2)));
  }
  const step: TraverseStep = next === T.Ident ? getAttrStep(p.name(k)) : { kind: 'IndexStep', key: Number(p.tokText(k)) };
  return { step, end: p.endPos(k) };
}

/** `[ key ]` at the current bracket; returns a static step or the key expression. */
function indexKey(p: ParseState): { step?: ReadStep; key: Expression; range: Range } {
  const open = p.advance();
  const saved = p.nl;
  p.nl = false;
  const key = p.parser.parseExpression(p);
  const end = p.parser.expectClose(p, T.CBrack, '"]"', open);
  p.nl = saved;
  const range = p.range(p.startPos(open), end);
  const sk = staticKey(key);
  return { step: sk === undefined ? undefined : { step: { kind: 'IndexStep', key: sk }, end }, key, range };
}

export function parsePostfix(p: ParseState, term: Expression): Expression {
  let e = term;
  /** Where the last step added to `e` ends; undefined while none was. */
  let end: Position | undefined;
  for (;;) {
    const t = p.peek();
    if (t === T.Dot) {
      if (p.peekAhead() === T.Star) {
        const dot = p.advance();
        const star = p.advance();
        e = parseSplat(p, seal(p, e, end), false, p.range(p.startPos(dot), p.endPos(star)));
        end = undefined;
        continue;
      }
      const step = attrStep(p);
      if (step === undefined) {
        const dot = p.advance();
        p.error(`Expected an attribute name after ".", found ${describe(p, p.i)}.`, p.tokRange(dot));
        return seal(p, e, end);
      }
      e = addStep(p, e, step);
      end = step.end;
    } else if (t === T.OBrack) {
      if (p.peekAhead() === T.Star && p.type[p.i + 2] === T.CBrack) {
        const open = p.advance();
        p.advance();
        const close = p.advance();
        e = parseSplat(p, seal(p, e, end), true, p.range(p.startPos(open), p.endPos(close)));
        end = undefined;
        continue;
      }
      const { step, key, range } = indexKey(p);
      if (step !== undefined) {
        e = addStep(p, e, step);
        end = step.end;
      } else {
        e = { kind: 'Index', collection: seal(p, e, end), key, range: p.join(e.range, range) };
        end = undefined;
      }
    } else return seal(p, e, end);
  }
}

/**
 * The steps after `.*` (attributes only) or `[*]` apply to each element. As in hclsyntax, a full
 * splat takes every traversal after it: static steps go to `each`; from the first computed index
 * or nested splat on, the whole per-element expression goes to `eachExpr` (see ast.ts).
 */
function parseSplat(p: ParseState, source: Expression, full: boolean, markerRange: Range): Expression {
  const each: TraverseStep[] = [];
  let end = markerRange.end;
  let eachExpr: Expression | undefined;
  for (;;) {
    const t = p.peek();
    if (t === T.Dot) {
      if (p.peekAhead() === T.Star) {
        if (full) eachExpr = parsePostfix(p, anonItem(p, markerRange, each, end));
        break;
      }
      const save = p.i;
      const step = attrStep(p);
      if (step === undefined) {
        p.i = save;
        break;
      }
      each.push(step.step);
      end = step.end;
    } else if (t === T.OBrack && full) {
      const save = p.i;
      if (p.peekAhead() !== T.Star) {
        const { step } = indexKey(p);
        if (step !== undefined) {
          each.push(step.step);
          end = step.end;
          continue;
        }
        p.i = save;
      }
      eachExpr = parsePostfix(p, anonItem(p, markerRange, each, end));
      break;
    } else break;
  }
  if (eachExpr !== undefined) end = eachExpr.range.end;
  const splat: SplatExpr = { kind: 'Splat', source, each: sharedSteps(each), full, range: p.rangeTo(source.range, end) };
  if (eachExpr !== undefined) splat.eachExpr = eachExpr;
  return splat;
}

/**
 * The element of a full splat, as `eachExpr` refers to it: root `""` over the static steps read so
 * far, from the splat marker to `end` (where the last of those steps ends).
 */
function anonItem(p: ParseState, markerRange: Range, steps: TraverseStep[], end: Position): Expression {
  const range = end.offset === endOffsetOf(markerRange) ? markerRange : p.rangeTo(markerRange, end);
  const item: ScopeTraversalExpr = { kind: 'ScopeTraversal', root: '', steps: [...steps], range };
  return item;
}
