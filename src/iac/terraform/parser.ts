// Recursive-descent parser for HCL's native syntax (hashicorp/hcl hclsyntax/spec.md).
// Error tolerant: it always returns a tree plus diagnostics. A bad attribute or block is
// skipped to the next newline at its own nesting level (or the closing brace), so the rest
// of the file survives; nesting deeper than MAX_DEPTH is reported and skipped, never recursed.

import type {
  Attribute, Block, BlockLabel, Body, Expression, ParseResult, Position, Range, SyntaxDiagnostic, TemplateExpr,
} from '../../model/ast';
import { expressionParser, parseExpression as parseExpr } from './expression';
import { lex, releaseColumns, Tok, type TokenStream } from './lexer';
import { describe as describeImpl, exact as exactImpl, newState, type ParseState } from './parseState';
import { parseBareTemplate, parsePlainLabel, parseQuotedTemplate } from './template';
import { PRIMER } from './primer';
import { LineMap } from '../offsetRange';

// Local bindings: a CommonJS import is a getter call on every use, too slow for this hot path.
const T = { ...Tok };
const describe = describeImpl;
const exact = exactImpl;

/** A fresh start-of-text Position: trees never share one object with each other. */
const origin = (): Position => ({ offset: 0, line: 0, character: 0 });


let primed = false;

/** Parses a whole `.tf` file. Never throws. */
export function parseHcl(text: string): ParseResult {
  if (!primed) {
    // Every construct once before the first real file: see primer.ts.
    primed = true;
    parseText(PRIMER);
  }
  return parseText(text);
}

function parseText(text: string): ParseResult {
  return guard(() => {
    const ts = lex(text, { pooled: true });
    try {
      const p = newState(ts, expressionParser, 0, LineMap.of(text));
      const body = parseBody(p, undefined);
      return { body, diagnostics: merge(ts, p) };
    } finally {
      // The tree keeps offsets, never the token columns: the next file's lexer may reuse them.
      releaseColumns(ts);
    }
  }, (diagnostics) => ({ body: { kind: 'Body', items: [], range: { start: origin(), end: origin() } }, diagnostics }));
}

/** Parses a standalone expression (as `.tf.json` `${…}`-free values and tests use it). Never throws. */
export function parseExpression(text: string): { expr: Expression; diagnostics: SyntaxDiagnostic[] } {
  return guard(() => {
    const ts = lex(text);
    const p = newState(ts, expressionParser);
    p.nl = false;
    const expr = parseExpr(p);
    if (p.peek() !== T.EOF) {
      p.error(`Extra characters after the expression: ${describe(p, p.i)}.`, p.tokRange(p.i));
    }
    return { expr, diagnostics: merge(ts, p) };
  }, (diagnostics) => ({ expr: { kind: 'Invalid', range: { start: origin(), end: origin() } }, diagnostics }));
}

/**
 * Parses the content of a string as an HCL template (`.tf.json` string values are templates).
 * Ranges are offset from `start`. Never throws.
 */
export function parseTemplateString(text: string, start: Position = origin()): { template: TemplateExpr; diagnostics: SyntaxDiagnostic[] } {
  return guard(() => {
    const ts = lex(text, { template: true, startOffset: start.offset, startLine: start.line, startCharacter: start.character });
    const p = newState(ts, expressionParser, start.offset);
    const template = parseBareTemplate(p);
    return { template, diagnostics: merge(ts, p) };
  }, (diagnostics) => ({ template: { kind: 'Template', parts: [], range: { start, end: start } }, diagnostics }));
}

/** The parser is meant never to throw; if a bug makes it, the caller still gets a result and a diagnostic. */
function guard<R>(run: () => R, fallback: (d: SyntaxDiagnostic[]) => R): R {
  try {
    return run();
  } catch (e) {
    const message = `Internal parser error: ${e instanceof Error ? e.message : String(e)}`;
    return fallback([{ severity: 'error', message, range: { start: origin(), end: origin() } }]);
  }
}

function merge(ts: TokenStream, p: ParseState): SyntaxDiagnostic[] {
  if (ts.diagnostics.length === 0) return p.diags;
  return [...ts.diagnostics, ...p.diags].sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** Skips the rest of a bad line: to the next newline at this level (consumed) or the body's `}`. */
function recoverLine(p: ParseState): void {
  for (;;) {
    p.skipUntil((t) => t === T.Newline || t === T.CBrace);
    const t = p.type[p.i];
    if (t === T.Newline) { p.i++; return; }
    if (t === T.CBrace || t === T.EOF) return;
    p.i++; // a stray closer such as `)`
  }
}


/** A body: the whole file (openK undefined) or a block's, which ends before its `}`. */
function parseBody(p: ParseState, openK: number | undefined): Body {
  const items: (Attribute | Block)[] = [];
  const nested = openK !== undefined;
  for (;;) {
    p.nl = true;
    const t = p.peek();
    if (t === T.Newline) { p.i++; continue; }
    if (t === T.EOF) break;
    if (t === T.CBrace) {
      if (nested) break;
      p.error('Unexpected "}": there is no block to close here.', p.tokRange(p.i));
      p.i++;
      continue;
    }
    if (t === T.Ident) {
      if (nested && p.looksTopLevel(p.i)) break;
      const item = parseItem(p, false);
      if (item !== undefined) items.push(item);
      continue;
    }
    p.error(`Expected an attribute or block definition, found ${describe(p, p.i)}.`, p.tokRange(p.i));
    recoverLine(p);
  }
  // The file body starts at offset 0: the first token's own Position when a token starts there.
  if (nested) return { kind: 'Body', items: exact(items), range: items.length > 0 ? p.tokenTo(openK, items[items.length - 1].range) : p.tokRange(openK) };
  const start = p.ts.count > 0 && p.ts.start[0] === 0 ? p.startPos(0) : { offset: 0, line: 0, character: 0 };
  return { kind: 'Body', items: exact(items), range: p.range(start, p.endPos(p.i)) };
}

/** An attribute or block starting at the current identifier. */
function parseItem(p: ParseState, oneLine: boolean): Attribute | Block | undefined {
  const k = p.advance();
  const name = p.name(k);
  const next = p.type[p.i];
  if (next === T.Equal) {
    p.i++;
    const expr = parseExpr(p);
    p.nl = true;
    const attr: Attribute = { kind: 'Attribute', name, nameRange: p.tokRange(k), expr, range: p.tokenToNode(k, expr) };
    endOfItem(p, oneLine, 'argument');
    return attr;
  }
  if (next === T.OBrace || next === T.OQuote || next === T.Ident) return parseBlock(p, k, oneLine);
  p.error(`Expected "=" (argument) or "{" (block) after "${name}", found ${describe(p, p.i)}.`, p.tokRange(p.i));
  recoverLine(p);
  return undefined;
}

/** After an attribute or block: a newline, end of file, or (one-line block) its `}`. */
function endOfItem(p: ParseState, oneLine: boolean, what: string): void {
  const t = p.type[p.i];
  if (t === T.Newline) {
    if (oneLine) p.error('A one-line block must be closed by "}" on the same line as its argument.', p.tokRange(p.i));
    p.i++;
    return;
  }
  if (t === T.EOF) return;
  if (t === T.CBrace) {
    if (!oneLine) p.error(`Missing newline after ${what}: "}" must be on its own line.`, p.tokRange(p.i));
    return;
  }
  if (oneLine) p.error('A one-line block holds at most one argument; use one line per argument.', p.tokRange(p.i));
  else p.error(`Missing newline after ${what}: found ${describe(p, p.i)}.`, p.tokRange(p.i));
  recoverLine(p);
}

function parseLabel(p: ParseState): BlockLabel {
  if (p.type[p.i] === T.Ident) {
    const k = p.advance();
    return { value: p.name(k), range: p.tokRange(k), quoted: false };
  }
  const plain = parsePlainLabel(p);
  if (plain !== undefined) return { value: plain.value, range: plain.range, quoted: true };
  const tmpl = parseQuotedTemplate(p);
  let value = '';
  for (const part of tmpl.parts) {
    if (part.kind !== 'TemplateLiteral') {
      p.error('A block label must be a literal string: interpolations and directives are not allowed here.', tmpl.range);
      break;
    }
    value += part.value;
  }
  return { value, range: tmpl.range, quoted: true };
}

function parseBlock(p: ParseState, typeK: number, oneLine: boolean): Block | undefined {
  const labels: BlockLabel[] = [];
  while (p.type[p.i] === T.OQuote || p.type[p.i] === T.Ident) labels.push(parseLabel(p));
  const blockLabels = exact(labels);
  if (p.type[p.i] !== T.OBrace) {
    p.error(`Expected "{" to open the body of block "${p.tokText(typeK)}", found ${describe(p, p.i)}.`, p.tokRange(p.i));
    recoverLine(p);
    return undefined;
  }
  const openK = p.advance();
  const typeRange = p.tokRange(typeK);
  const openBraceRange = p.tokRange(openK);
  if (oneLine) p.error('A one-line block cannot contain another block.', typeRange);
  if (!p.enter()) {
    p.i = openK;
    p.skipGroup();
    const range = p.rangeTo(typeRange, p.endPos(p.i - 1));
    return { kind: 'Block', type: p.tokText(typeK), typeRange, labels: blockLabels, body: { kind: 'Body', items: [], range }, openBraceRange, range };
  }
  let body: Body;
  let closeBraceRange: Range | undefined;
  const t = p.type[p.i];
  if (t === T.Newline || t === T.EOF) {
    body = parseBody(p, openK);
  } else {
    // One-line block: `name { attr = value }` holds at most one argument.
    const items: (Attribute | Block)[] = [];
    if (t === T.Ident) {
      const item = parseItem(p, true);
      if (item !== undefined) items.push(item);
    } else if (t !== T.CBrace) {
      p.error(`Expected an argument or "}" in the one-line block, found ${describe(p, p.i)}.`, p.tokRange(p.i));
      p.skipUntil((x) => x === T.Newline);
    }
    if (p.type[p.i] !== T.CBrace && p.type[p.i] !== T.Newline && p.type[p.i] !== T.EOF) {
      p.error('A one-line block holds at most one argument; use one line per argument.', p.tokRange(p.i));
      p.skipUntil((x) => x === T.Newline);
    }
    body = { kind: 'Body', items, range: p.join(openBraceRange, items.length > 0 ? items[0].range : openBraceRange) };
  }
  if (p.type[p.i] === T.CBrace) {
    const closeK = p.advance();
    closeBraceRange = p.tokRange(closeK);
    body.range = p.join(body.range, closeBraceRange);
  } else {
    p.error(`Block "${p.tokText(typeK)}" is not closed: "}" is missing.`, openBraceRange);
  }
  p.leave();
  const block: Block = {
    kind: 'Block', type: p.name(typeK), typeRange, labels: blockLabels, body, openBraceRange, closeBraceRange,
    range: p.join(typeRange, closeBraceRange ?? body.range),
  };
  if (closeBraceRange !== undefined) endOfItem(p, oneLine, 'block definition');
  return block;
}
