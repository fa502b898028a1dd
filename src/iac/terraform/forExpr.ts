// `for` expressions: `[for k, v in coll : expr if cond]` and
// `{for k, v in coll : key => value... if cond}` (hclsyntax spec "For Expressions").

import type { Expression } from '../../model/ast';
import { Tok } from './lexer';
import { describe, invalid, type ParseState } from './parseState';

const T = { ...Tok };

function expectIdent(p: ParseState, what: string): string | undefined {
  if (p.peek() !== T.Ident) {
    p.error(`Expected ${what}, found ${describe(p, p.i)}.`, p.tokRange(p.i));
    return undefined;
  }
  return p.tokText(p.advance());
}

function expectKeyword(p: ParseState, kw: string): boolean {
  if (p.peek() === T.Ident && p.tokText(p.i) === kw) {
    p.advance();
    return true;
  }
  p.error(`Expected "${kw}", found ${describe(p, p.i)}.`, p.tokRange(p.i));
  return false;
}

function expectToken(p: ParseState, type: number, what: string): boolean {
  if (p.peek() === type) {
    p.advance();
    return true;
  }
  p.error(`Expected ${what} in the for expression, found ${describe(p, p.i)}.`, p.tokRange(p.i));
  return false;
}

/** `[for k, v in coll : expr if cond]` / `{for k, v in coll : key => value... if cond}` */
export function parseFor(p: ParseState, openK: number, isObject: boolean): Expression {
  const closer = isObject ? T.CBrace : T.CBrack;
  p.advance(); // `for`
  let keyVar: string | undefined;
  let valueVar = expectIdent(p, 'a variable name after "for"') ?? '';
  let collection: Expression = invalid(p.tokRange(p.i));
  let keyExpr: Expression | undefined;
  let valueExpr: Expression = invalid(p.tokRange(p.i));
  let condition: Expression | undefined;
  let group = false;
  let ok = valueVar !== '';
  if (ok && p.peek() === T.Comma) {
    p.advance();
    keyVar = valueVar;
    valueVar = expectIdent(p, 'a value variable name after ","') ?? '';
    ok = valueVar !== '';
  }
  ok = ok && expectKeyword(p, 'in');
  if (ok) {
    collection = p.parser.parseExpression(p);
    ok = expectToken(p, T.Colon, '":"');
  }
  if (ok) {
    if (isObject) {
      keyExpr = p.parser.parseExpression(p);
      ok = expectToken(p, T.FatArrow, '"=>"');
    }
    if (ok) {
      valueExpr = p.parser.parseExpression(p);
      if (isObject && p.peek() === T.Ellipsis) {
        p.advance();
        group = true;
      }
      if (p.peek() === T.Ident && p.tokText(p.i) === 'if') {
        p.advance();
        condition = p.parser.parseExpression(p);
      }
    }
  }
  if (p.peek() !== closer) {
    if (ok) p.error(`Expected "${isObject ? '}' : ']'}" to end the for expression, found ${describe(p, p.i)}.`, p.tokRange(p.i));
    p.parser.recoverInList(p, closer);
  }
  const end = p.peek() === closer ? p.endPos(p.advance()) : p.startPos(p.i);
  return { kind: 'For', keyVar, valueVar, collection, keyExpr, valueExpr, condition, group, range: p.range(p.startPos(openK), end) };
}
