// Traversals after a term (hclsyntax spec "Index Operator", "Attribute Access", "Splat
// Operators"): `.name`, legacy `.0`, `[key]`, and the splats `.*` and `[*]`.

import type { Expression, Range, ScopeTraversalExpr, SplatExpr, TraverseStep } from '../../model/ast';
import { Tok } from './lexer';
import { describe, exact, type ParseState } from './parseState';

const T = { ...Tok };

/** Appends a static step. The traversal's range is brought up to date by `seal`, once per chain, not per step. */
function addStep(expr: Expression, step: TraverseStep): Expression {
  if (expr.kind === 'ScopeTraversal' || expr.kind === 'RelativeTraversal') {
    expr.steps.push(step);
    return expr;
  }
  return { kind: 'RelativeTraversal', source: expr, steps: [step], range: { start: expr.range.start, end: step.range.end } };
}

/** Extends a traversal's range to its last step (before the expression is returned or nested). */
function seal(e: Expression): Expression {
  if ((e.kind === 'ScopeTraversal' || e.kind === 'RelativeTraversal') && e.steps.length > 0) {
    const end = e.steps[e.steps.length - 1].range.end;
    if (e.range.end !== end) e.range = { start: e.range.start, end };
    e.steps = exact(e.steps);
  }
  return e;
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
function attrStep(p: ParseState): TraverseStep | undefined {
  const next = p.peekAhead();
  if (next !== T.Ident && next !== T.Number) return undefined;
  const dot = p.advance();
  const k = p.advance();
  const range = { start: p.startPos(dot), end: p.endPos(k) };
  const ts = p.ts;
  if (next === T.Number && p.type[k + 1] === T.Dot && p.type[k + 2] === T.Number && ts.end[k] === ts.start[k + 1] && ts.end[k + 1] === ts.start[k + 2]) {
    // `a.0.1`: hclsyntax reads `0.1` as one number and rejects it; both steps are still kept.
    p.error('Chaining two legacy indexes (a.0.1) is not permitted: write a[0][1].', { start: range.start, end: p.endPos(k + 2) });
  }
  return next === T.Ident ? { kind: 'GetAttr', name: p.name(k), range } : { kind: 'IndexStep', key: Number(p.tokText(k)), range };
}

/** `[ key ]` at the current bracket; returns a static step or the key expression. */
function indexKey(p: ParseState): { step?: TraverseStep; key: Expression; range: Range } {
  const open = p.advance();
  const saved = p.nl;
  p.nl = false;
  const key = p.parser.parseExpression(p);
  const end = p.parser.expectClose(p, T.CBrack, '"]"', open);
  p.nl = saved;
  const range = { start: p.startPos(open), end };
  const sk = staticKey(key);
  return { step: sk === undefined ? undefined : { kind: 'IndexStep', key: sk, range }, key, range };
}

export function parsePostfix(p: ParseState, term: Expression): Expression {
  let e = term;
  for (;;) {
    const t = p.peek();
    if (t === T.Dot) {
      if (p.peekAhead() === T.Star) {
        const dot = p.advance();
        const star = p.advance();
        e = parseSplat(p, seal(e), false, { start: p.startPos(dot), end: p.endPos(star) });
        continue;
      }
      const step = attrStep(p);
      if (step === undefined) {
        const dot = p.advance();
        p.error(`Expected an attribute name after ".", found ${describe(p, p.i)}.`, p.tokRange(dot));
        return seal(e);
      }
      e = addStep(e, step);
    } else if (t === T.OBrack) {
      if (p.peekAhead() === T.Star && p.type[p.i + 2] === T.CBrack) {
        const open = p.advance();
        p.advance();
        const close = p.advance();
        e = parseSplat(p, seal(e), true, { start: p.startPos(open), end: p.endPos(close) });
        continue;
      }
      const { step, key, range } = indexKey(p);
      e = step !== undefined ? addStep(e, step) : { kind: 'Index', collection: seal(e), key, range: { start: e.range.start, end: range.end } };
    } else return seal(e);
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
        if (full) eachExpr = parsePostfix(p, anonItem(markerRange, each));
        break;
      }
      const save = p.i;
      const step = attrStep(p);
      if (step === undefined) {
        p.i = save;
        break;
      }
      each.push(step);
      end = step.range.end;
    } else if (t === T.OBrack && full) {
      const save = p.i;
      if (p.peekAhead() !== T.Star) {
        const { step } = indexKey(p);
        if (step !== undefined) {
          each.push(step);
          end = step.range.end;
          continue;
        }
        p.i = save;
      }
      eachExpr = parsePostfix(p, anonItem(markerRange, each));
      break;
    } else break;
  }
  if (eachExpr !== undefined) end = eachExpr.range.end;
  const splat: SplatExpr = { kind: 'Splat', source, each, full, range: { start: source.range.start, end } };
  if (eachExpr !== undefined) splat.eachExpr = eachExpr;
  return splat;
}

/** The element of a full splat, as `eachExpr` refers to it: root `""` over the static steps read so far. */
function anonItem(markerRange: Range, steps: TraverseStep[]): Expression {
  const item: ScopeTraversalExpr = { kind: 'ScopeTraversal', root: '', rootRange: markerRange, steps: [...steps], range: markerRange };
  return item;
}
