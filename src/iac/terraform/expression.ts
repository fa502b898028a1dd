// Expression grammar of HCL's native syntax (hclsyntax spec "Expressions"): conditionals,
// binary operators by precedence climbing, unary operators, terms and their traversals.

import type { BinaryOperator, Expression, ObjectItem, Range, ScopeTraversalExpr } from '../../model/ast';
import { Tok } from './lexer';
import { describe as describeImpl, exact as exactImpl, invalid as invalidImpl, type ExpressionParser, type ParseState } from './parseState';
import { parseFor } from './forExpr';
import { parseHeredocTemplate, parseQuotedTemplate } from './template';
import { parsePostfix, scopeTraversal } from './traversal';
import { functionCallFrom, literalAt, objectFrom, objectItem, tupleFrom } from './spanNodes';

// Local bindings: a CommonJS import is a getter call on every use, too slow for this hot path.
const T = { ...Tok };
const describe = describeImpl;
const invalid = invalidImpl;
const exact = exactImpl;

// Spec: `||` < `&&` < `== !=` < `< > <= >=` < `+ -` < `* / %`.
const PREC: Partial<Record<number, number>> = {
  [T.Or]: 1, [T.And]: 2, [T.EqualOp]: 3, [T.NotEqual]: 3,
  [T.Lt]: 4, [T.Gt]: 4, [T.Lte]: 4, [T.Gte]: 4,
  [T.Plus]: 5, [T.Minus]: 5, [T.Star]: 6, [T.Slash]: 6, [T.Percent]: 6,
};

// The operator of each binary token: no substring per operator.
const OPS: Partial<Record<number, BinaryOperator>> = {
  [T.Or]: '||', [T.And]: '&&', [T.EqualOp]: '==', [T.NotEqual]: '!=',
  [T.Lt]: '<', [T.Gt]: '>', [T.Lte]: '<=', [T.Gte]: '>=',
  [T.Plus]: '+', [T.Minus]: '-', [T.Star]: '*', [T.Slash]: '/', [T.Percent]: '%',
};

export function parseExpression(p: ParseState): Expression {
  if (!p.enter()) {
    const r = p.tokRange(p.i);
    p.skipGroup();
    return invalid(r);
  }
  const e = parseConditional(p);
  p.leave();
  return e;
}

function parseConditional(p: ParseState): Expression {
  const condition = parseBinary(p, 1);
  if (p.peek() !== T.Question) return condition;
  p.advance();
  const trueExpr = parseExpression(p);
  if (p.peek() !== T.Colon) {
    p.error(`Expected ":" for the false branch of the conditional, found ${describe(p, p.i)}.`, p.tokRange(p.i));
    return { kind: 'Conditional', condition, trueExpr, falseExpr: invalid(p.tokRange(p.i)), range: p.joinNodes(condition, trueExpr) };
  }
  p.advance();
  const falseExpr = parseExpression(p);
  return { kind: 'Conditional', condition, trueExpr, falseExpr, range: p.joinNodes(condition, falseExpr) };
}

function parseBinary(p: ParseState, minPrec: number): Expression {
  let left = parseUnary(p);
  for (;;) {
    const t = p.peek();
    const prec = PREC[t];
    if (prec === undefined || prec < minPrec) return left;
    const op = OPS[p.type[p.advance()]] as BinaryOperator;
    const right = parseBinary(p, prec + 1);
    left = { kind: 'Binary', op, left, right, range: p.joinNodes(left, right) };
  }
}

function parseUnary(p: ParseState): Expression {
  let t = p.peek();
  if (t !== T.Bang && t !== T.Minus) return parsePostfix(p, parseTerm(p));
  // Collected iteratively so that `!!!!…` cannot recurse deeply.
  const ops: number[] = [];
  while (t === T.Bang || t === T.Minus) {
    ops.push(p.advance());
    t = p.peek();
  }
  let e = parsePostfix(p, parseTerm(p));
  for (let n = ops.length - 1; n >= 0; n--) {
    const k = ops[n];
    e = { kind: 'Unary', op: p.type[k] === T.Bang ? '!' : '-', operand: e, range: p.tokenToNode(k, e) };
  }
  return e;
}

function parseTerm(p: ParseState): Expression {
  const t = p.peek();
  const k = p.i;
  switch (t) {
    case T.Number: {
      p.advance();
      const raw = p.tokText(k);
      return literalAt(p, k, Number(raw), raw);
    }
    case T.Ident: {
      const name = p.name(k);
      const next = p.peekAhead();
      if (next === T.OParen || next === T.DoubleColon) return parseCall(p);
      p.advance();
      if (name === 'true' || name === 'false') return literalAt(p, k, name === 'true', name);
      if (name === 'null') return literalAt(p, k, null, name);
      return scopeTraversal(p, k, name);
    }
    case T.OQuote: return parseQuotedTemplate(p);
    case T.OHeredoc: return parseHeredocTemplate(p);
    case T.OBrack: return parseTuple(p);
    case T.OBrace: return parseObject(p);
    case T.OParen: {
      p.advance();
      const saved = p.nl;
      p.nl = false;
      const expr = parseExpression(p);
      const end = expectClose(p, T.CParen, '")"', k);
      p.nl = saved;
      return { kind: 'Parens', expr, range: p.range(p.startPos(k), end) };
    }
    default: {
      const r = t === T.Newline || t === T.EOF ? p.range(p.startPos(k), p.startPos(k)) : p.tokRange(k);
      p.error(`Expected an expression, found ${describe(p, k)}.`, r);
      if (t === T.Invalid) p.advance();
      return invalid(r);
    }
  }
}

/** Consumes the expected closer, or reports it missing; returns the end of the construct. */
export function expectClose(p: ParseState, closer: number, what: string, openK: number): Range['end'] {
  if (p.peek() === closer) return p.endPos(p.advance());
  p.error(`Expected ${what} to close the ${describe(p, openK)} opened here, found ${describe(p, p.i)}.`, p.tokRange(openK));
  recoverInList(p, closer);
  if (p.peek() === closer) return p.endPos(p.advance());
  return p.endPos(Math.max(openK, p.i - 1));
}

/** True at a token that starts a line reading like a new attribute or block. */
function atNewItem(p: ParseState, k: number): boolean {
  const type = p.type;
  if (k === 0 || type[k - 1] !== T.Newline || type[k] !== T.Ident) return false;
  const n = type[k + 1];
  return n === T.Equal || n === T.OBrace || n === T.OQuote;
}

/**
 * Recovery inside (), [] and call arguments: skip to a `,` or the closer at this level, or stop
 * before a line that starts a new attribute/block, so an unclosed bracket loses one line only.
 */
export function recoverInList(p: ParseState, closer: number): void {
  const type = p.type;
  let depth = 0;
  for (;;) {
    const t = type[p.i];
    if (t === T.EOF) return;
    if (depth === 0) {
      if (t === T.Comma || t === closer) return;
      if (atNewItem(p, p.i)) {
        while (type[p.i - 1] === T.Newline) p.i--;
        p.nl = true;
        return;
      }
    }
    if (t === T.OBrace || t === T.OBrack || t === T.OParen || t === T.TemplateInterp || t === T.TemplateControl || t === T.OQuote || t === T.OHeredoc) depth++;
    else if (t === T.CBrace || t === T.CBrack || t === T.CParen || t === T.TemplateSeqEnd || t === T.CQuote || t === T.CHeredoc) {
      if (depth === 0) return;
      depth--;
    }
    p.i++;
  }
}

function parseCall(p: ParseState): Expression {
  const k = p.advance();
  let name = p.name(k);
  let nameEnd = p.endPos(k);
  while (p.peek() === T.DoubleColon) {
    p.advance();
    if (p.peek() !== T.Ident) {
      p.error(`Expected a function name after "::", found ${describe(p, p.i)}.`, p.tokRange(p.i));
      return invalid(p.range(p.startPos(k), p.startPos(p.i)));
    }
    const part = p.advance();
    name += '::' + p.tokText(part);
    nameEnd = p.endPos(part);
  }
  if (p.peek() !== T.OParen) {
    p.error(`Expected "(" to call function "${name}", found ${describe(p, p.i)}.`, p.tokRange(p.i));
    return invalid(p.range(p.startPos(k), nameEnd));
  }
  const openK = p.advance();
  const saved = p.nl;
  p.nl = false;
  const args: Expression[] = [];
  let expandFinal = false;
  for (;;) {
    const t = p.peek();
    if (t === T.CParen || t === T.EOF || atNewItem(p, p.i)) break;
    const before = p.i;
    args.push(parseExpression(p));
    if (p.peek() === T.Ellipsis) {
      p.advance();
      expandFinal = true;
      if (p.peek() !== T.CParen) p.error('An expanded argument ("...") must be followed directly by ")".', p.tokRange(p.i));
      if (p.peek() === T.Comma) p.advance();
      break;
    }
    const sep = p.peek();
    if (sep === T.Comma) { p.advance(); continue; }
    if (sep === T.CParen) break;
    if (p.i === before || sep !== T.EOF) {
      p.error(`Expected "," or ")" in the arguments of "${name}", found ${describe(p, p.i)}.`, p.tokRange(p.i));
      recoverInList(p, T.CParen);
      if (p.peek() === T.Comma) { p.advance(); continue; }
      break;
    }
  }
  const end = expectClose(p, T.CParen, '")"', openK);
  p.nl = saved;
  return functionCallFrom(p, name, nameEnd.offset, exact(args), expandFinal, k, end);
}

function isForStart(p: ParseState): boolean {
  // As in hclsyntax, `for` first in brackets always starts a for expression.
  return p.peek() === T.Ident && p.isWord(p.i, 'for');
}

function parseTuple(p: ParseState): Expression {
  const openK = p.advance();
  const saved = p.nl;
  p.nl = false;
  if (isForStart(p)) {
    const e = parseFor(p, openK, false);
    p.nl = saved;
    return e;
  }
  const items: Expression[] = [];
  for (;;) {
    const t = p.peek();
    if (t === T.CBrack || t === T.EOF || atNewItem(p, p.i)) break;
    const before = p.i;
    items.push(parseExpression(p));
    const sep = p.peek();
    if (sep === T.Comma) { p.advance(); continue; }
    if (sep === T.CBrack) break;
    if (p.i === before || sep !== T.EOF) {
      p.error(`Expected "," or "]" in the tuple, found ${describe(p, p.i)}.`, p.tokRange(p.i));
      recoverInList(p, T.CBrack);
      if (p.peek() === T.Comma) { p.advance(); continue; }
      break;
    }
  }
  const end = expectClose(p, T.CBrack, '"]"', openK);
  p.nl = saved;
  return tupleFrom(p, exact(items), openK, end);
}

function parseObject(p: ParseState): Expression {
  const openK = p.advance();
  const saved = p.nl;
  p.nl = false;
  if (isForStart(p)) {
    const e = parseFor(p, openK, true);
    p.nl = saved;
    return e;
  }
  // Newlines separate object items, as commas do.
  p.nl = true;
  const items: ObjectItem[] = [];
  let prevStart = -1;
  for (;;) {
    let t = p.peek();
    while (t === T.Newline) { p.advance(); t = p.peek(); }
    // An unclosed object must not swallow the blocks after it.
    if (t === T.CBrace || t === T.EOF || p.looksTopLevel(p.i)) break;
    // No progress since the last item (recovery stopped at a stray closer such as `)`): step over it.
    if (p.i === prevStart) { p.i++; continue; }
    prevStart = p.i;
    const key = parseExpression(p);
    const keyIsIdentifier = key.kind === 'ScopeTraversal' && key.steps.length === 0;
    const eq = p.peek();
    if (eq !== T.Equal && eq !== T.Colon) {
      p.error(`Expected "=" or ":" after the object key, found ${describe(p, p.i)}.`, p.tokRange(p.i));
      skipObjectItem(p);
      continue;
    }
    p.advance();
    const value = parseExpression(p);
    items.push(objectItem(p, key, keyIsIdentifier, value));
    const sep = p.peek();
    if (sep === T.Comma || sep === T.Newline) { p.advance(); continue; }
    if (sep === T.CBrace || sep === T.EOF) break;
    p.error(`Expected a newline or "," after the object item, found ${describe(p, p.i)}.`, p.tokRange(p.i));
    skipObjectItem(p);
  }
  const end = expectClose(p, T.CBrace, '"}"', openK);
  p.nl = saved;
  return objectFrom(p, exact(items), openK, end);
}

/** Recovery in an object: past the next `,` or newline at this level. */
function skipObjectItem(p: ParseState): void {
  p.skipUntil((x) => x === T.Newline || x === T.Comma);
  const t = p.type[p.i];
  if (t === T.Newline || t === T.Comma) p.i++;
}

export type { ScopeTraversalExpr };

/** This grammar as the sub-parsers reach it through ParseState.parser (installed by parser.ts). */
export const expressionParser: ExpressionParser = Object.freeze({ parseExpression, recoverInList, expectClose });
