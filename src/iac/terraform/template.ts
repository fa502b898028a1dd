// Templates: quoted strings, heredocs and bare templates (`.tf.json` strings). As in hclsyntax,
// the parts are first read flat (literals, interpolations, directive markers) so that strip
// markers and `<<-` indentation trimming apply to literal text, then nested into if/for parts.

import type { Expression, Position, Range, TemplateExpr, TemplatePart } from '../../model/ast';
import { Tok } from './lexer';
import { describe as describeImpl, exact as exactImpl, invalid as invalidImpl, type ParseState } from './parseState';
import { templateBetween, templateLiteralAt, templateLiteralBetween } from './spanNodes';

// Local bindings: a CommonJS import is a getter call on every use, too slow for this hot path.
const T = { ...Tok };
const describe = describeImpl;
const invalid = invalidImpl;
const exact = exactImpl;

interface FlatLit { t: 'lit'; value: string; start: Position; end: Position }
interface FlatInterp { t: 'interp'; expr: Expression; stripLeft: boolean; stripRight: boolean; range: Range }
interface FlatCtrl {
  t: 'if' | 'else' | 'endif' | 'for' | 'endfor';
  range: Range;
  condition?: Expression;
  keyVar?: string;
  valueVar?: string;
  collection?: Expression;
}
type Flat = FlatLit | FlatInterp | FlatCtrl;

const WS_START = /^\s+/;

export function parseQuotedTemplate(p: ParseState): TemplateExpr {
  const open = p.advance();
  // Fast path for the common plain string: no interpolation, no flat-part machinery.
  const type = p.type;
  if (type[open + 1] === T.CQuote) {
    p.i = open + 2;
    return templateBetween(p, [], undefined, p.startPos(open), p.endPos(open + 1));
  }
  if (type[open + 1] === T.QuotedLit && type[open + 2] === T.CQuote) {
    p.i = open + 3;
    const value = decodeQuoted(p, open + 1);
    const parts: TemplatePart[] = value === '' ? [] : [templateLiteralAt(p, value, open + 1)];
    return templateBetween(p, parts, undefined, p.startPos(open), p.endPos(open + 2));
  }
  const { flat, end } = collectParts(p, T.CQuote, true);
  const parts = buildParts(p, flat);
  return templateBetween(p, parts, undefined, p.startPos(open), end);
}

/**
 * A block label written as a plain string (`"aws_instance"`, `""`): its value and range without the
 * Template node, parts array and literal part that a label only reads once and drops (a tenth of the
 * parse's short-lived allocation on real files). Undefined, with nothing consumed, for anything else.
 */
export function parsePlainLabel(p: ParseState): { value: string; range: Range } | undefined {
  const open = p.i;
  const type = p.type;
  if (type[open] !== T.OQuote) return undefined;
  if (type[open + 1] === T.CQuote) {
    p.i = open + 2;
    return { value: '', range: p.range(p.startPos(open), p.endPos(open + 1)) };
  }
  if (type[open + 1] === T.QuotedLit && type[open + 2] === T.CQuote) {
    p.i = open + 3;
    return { value: decodeQuoted(p, open + 1), range: p.range(p.startPos(open), p.endPos(open + 2)) };
  }
  return undefined;
}

export function parseHeredocTemplate(p: ParseState): TemplateExpr {
  const open = p.advance();
  const head = p.tokText(open);
  const indented = head.charCodeAt(2) === 45;
  const marker = head.slice(indented ? 3 : 2);
  const { flat, end } = collectParts(p, T.CHeredoc, false);
  if (indented) flushIndent(flat);
  const parts = buildParts(p, flat);
  return templateBetween(p, parts, { marker, indented }, p.startPos(open), end);
}

/** A whole token stream lexed in template mode (see lexer `template` option). */
export function parseBareTemplate(p: ParseState): TemplateExpr {
  const first = p.startPos(p.i);
  const { flat, end } = collectParts(p, T.EOF, false);
  return templateBetween(p, buildParts(p, flat), undefined, first, end);
}

function collectParts(p: ParseState, endType: number, quoted: boolean): { flat: Flat[]; end: Position } {
  const saved = p.nl;
  const flat: Flat[] = [];
  let ltrimNext = false;
  // Only a literal token directly before `${~` is trimmed (hclsyntax's canTrimPrev).
  let prevWasLit = false;
  let end: Position;
  for (;;) {
    p.nl = true;
    const k = p.i;
    const t = p.type[k];
    if (t === endType) {
      end = p.endPos(k);
      if (t !== T.EOF) p.i++;
      break;
    }
    if (t === T.EOF) {
      // The lexer always closes strings and heredocs, so this is EOF inside `${`/`%{`.
      end = p.startPos(k);
      break;
    }
    const ltrim = ltrimNext;
    ltrimNext = false;
    const canTrimPrev = prevWasLit;
    prevWasLit = false;
    if (t === T.QuotedLit || t === T.StringLit) {
      let value = quoted ? decodeQuoted(p, k) : decodeRaw(p.tokText(k));
      if (ltrim) value = value.trimStart();
      flat.push({ t: 'lit', value, start: p.startPos(k), end: p.endPos(k) });
      prevWasLit = true;
      p.i++;
      continue;
    }
    if (t !== T.TemplateInterp && t !== T.TemplateControl) {
      p.error(`Unexpected ${describe(p, k)} in template.`, p.tokRange(k));
      p.i++;
      continue;
    }
    const stripLeft = p.ts.end[k] - p.ts.start[k] === 3;
    if (stripLeft && canTrimPrev) {
      const prev = flat[flat.length - 1] as FlatLit;
      prev.value = prev.value.trimEnd();
    }
    p.i++;
    p.nl = false;
    const item = t === T.TemplateInterp ? interp(p, k, stripLeft) : directive(p, k);
    const close = p.type[p.i];
    let stripRight = false;
    let itemEnd: Position;
    if (close === T.TemplateSeqEnd) {
      stripRight = p.ts.end[p.i] - p.ts.start[p.i] === 2;
      itemEnd = p.endPos(p.i);
      p.i++;
    } else {
      if (item !== undefined) {
        p.error(`Expected "}" to close the ${t === T.TemplateInterp ? 'interpolation' : 'directive'}, found ${describe(p, p.i)}.`, p.tokRange(p.i));
      }
      p.skipUntil((x) => x === T.TemplateSeqEnd);
      if (p.type[p.i] === T.TemplateSeqEnd) {
        stripRight = p.ts.end[p.i] - p.ts.start[p.i] === 2;
        itemEnd = p.endPos(p.i);
        p.i++;
      } else itemEnd = p.startPos(p.i);
    }
    ltrimNext = stripRight;
    if (item === undefined) continue;
    item.range = p.range(p.startPos(k), itemEnd);
    if (item.t === 'interp') item.stripRight = stripRight;
    flat.push(item);
  }
  p.nl = saved;
  return { flat, end };
}

function interp(p: ParseState, k: number, stripLeft: boolean): FlatInterp {
  const expr = p.parser.parseExpression(p);
  return { t: 'interp', expr, stripLeft, stripRight: false, range: p.tokRange(k) };
}

function directive(p: ParseState, k: number): FlatCtrl | undefined {
  if (p.peek() !== T.Ident) {
    p.error(`Expected a template directive keyword (if, else, endif, for, endfor), found ${describe(p, p.i)}.`, p.tokRange(p.i));
    return undefined;
  }
  const kw = p.tokText(p.advance());
  const range = p.tokRange(k);
  switch (kw) {
    case 'if':
      return { t: 'if', condition: p.parser.parseExpression(p), range };
    case 'else':
    case 'endif':
    case 'endfor':
      return { t: kw, range };
    case 'for': {
      if (p.peek() !== T.Ident) break;
      let valueVar = p.tokText(p.advance());
      let keyVar: string | undefined;
      if (p.peek() === T.Comma) {
        p.advance();
        if (p.peek() !== T.Ident) break;
        keyVar = valueVar;
        valueVar = p.tokText(p.advance());
      }
      if (p.peek() !== T.Ident || p.tokText(p.i) !== 'in') break;
      p.advance();
      return { t: 'for', keyVar, valueVar, collection: p.parser.parseExpression(p), range };
    }
    default:
      // Not quoted: in a string, `%{…}` may be a secret meant literally (write `%%{` for that).
      p.error('Unknown template directive; expected if, else, endif, for or endfor (write "%%{" for a literal "%{").', range);
      return undefined;
  }
  p.error(`Invalid "for" directive: expected "for [key,] value in collection", found ${describe(p, p.i)}.`, p.tokRange(p.i));
  return undefined;
}

/** `<<-` heredocs: remove the smallest leading whitespace of non-blank lines (hclsyntax rules). */
function flushIndent(flat: Flat[]): void {
  let minSpaces = Number.MAX_SAFE_INTEGER;
  let newline = true;
  const adjust: FlatLit[] = [];
  for (const item of flat) {
    if (newline) {
      newline = false;
      let spaces: number;
      if (item.t === 'lit') {
        const m = WS_START.exec(item.value);
        const n = m === null ? 0 : m[0].length;
        if (n === item.value.length && item.value.endsWith('\n')) spaces = Number.MAX_SAFE_INTEGER;
        else {
          spaces = n;
          adjust.push(item);
        }
      } else spaces = 0;
      if (spaces < minSpaces) minSpaces = spaces;
    }
    if (item.t === 'lit' && item.value.endsWith('\n')) newline = true;
  }
  if (minSpaces === Number.MAX_SAFE_INTEGER || minSpaces === 0) return;
  for (const lit of adjust) {
    lit.value = lit.value.slice(minSpaces);
    lit.start = { offset: lit.start.offset + minSpaces, line: lit.start.line, character: lit.start.character + minSpaces };
  }
}

/** Nests if/for directives and merges adjacent literal text. */
function buildParts(p: ParseState, flat: Flat[]): TemplatePart[] {
  const cursor = { i: 0 };
  const parts = buildUntil(p, flat, cursor, undefined);
  while (cursor.i < flat.length) {
    const stray = flat[cursor.i++];
    p.error(`Unexpected ${stray.t} directive: the template's directives are unbalanced.`, (stray as FlatCtrl).range);
    parts.push(...buildUntil(p, flat, cursor, undefined));
  }
  return exact(parts);
}

function pushPart(p: ParseState, parts: TemplatePart[], part: TemplatePart): void {
  if (part.kind === 'TemplateLiteral') {
    if (part.value === '') return;
    const last = parts.length > 0 ? parts[parts.length - 1] : undefined;
    if (last !== undefined && last.kind === 'TemplateLiteral') {
      last.value += part.value;
      last.range = p.join(last.range, part.range);
      return;
    }
  }
  parts.push(part);
}

/** Reads parts until one of the `stops` directives (left at cursor) or the end. */
function buildUntil(p: ParseState, flat: Flat[], cursor: { i: number }, stops: string[] | undefined): TemplatePart[] {
  const parts: TemplatePart[] = [];
  while (cursor.i < flat.length) {
    const item = flat[cursor.i];
    if (item.t === 'lit') {
      pushPart(p, parts, templateLiteralBetween(p, item.value, item.start, item.end));
      cursor.i++;
    } else if (item.t === 'interp') {
      parts.push({ kind: 'TemplateInterpolation', expr: item.expr, stripLeft: item.stripLeft, stripRight: item.stripRight, range: item.range });
      cursor.i++;
    } else if (item.t === 'if' || item.t === 'for') {
      if (!p.enter()) {
        cursor.i = flat.length;
        break;
      }
      cursor.i++;
      parts.push(item.t === 'if' ? buildIf(p, flat, cursor, item) : buildFor(p, flat, cursor, item));
      p.leave();
    } else {
      if (stops !== undefined && stops.includes(item.t)) return parts;
      return parts; // a stray end directive; reported by the caller
    }
  }
  return parts;
}

function buildIf(p: ParseState, flat: Flat[], cursor: { i: number }, open: FlatCtrl): TemplatePart {
  const then = buildUntil(p, flat, cursor, ['else', 'endif']);
  let elseParts: TemplatePart[] | undefined;
  let end = lastEnd(flat, cursor.i, open.range);
  let next = flat[cursor.i] as FlatCtrl | undefined;
  if (next !== undefined && next.t === 'else') {
    cursor.i++;
    elseParts = buildUntil(p, flat, cursor, ['endif']);
    next = flat[cursor.i] as FlatCtrl | undefined;
    end = lastEnd(flat, cursor.i, open.range);
  }
  if (next !== undefined && next.t === 'endif') {
    cursor.i++;
    end = next.range.end;
  } else {
    p.error('This %{if} directive has no matching %{endif}.', open.range);
  }
  return { kind: 'TemplateIf', condition: open.condition ?? invalid(open.range), then, else: elseParts, range: p.rangeTo(open.range, end) };
}

function buildFor(p: ParseState, flat: Flat[], cursor: { i: number }, open: FlatCtrl): TemplatePart {
  const body = buildUntil(p, flat, cursor, ['endfor']);
  let end = lastEnd(flat, cursor.i, open.range);
  const next = flat[cursor.i] as FlatCtrl | undefined;
  if (next !== undefined && next.t === 'endfor') {
    cursor.i++;
    end = next.range.end;
  } else {
    p.error('This %{for} directive has no matching %{endfor}.', open.range);
  }
  return {
    kind: 'TemplateFor', keyVar: open.keyVar, valueVar: open.valueVar ?? '', collection: open.collection ?? invalid(open.range), body,
    range: p.rangeTo(open.range, end),
  };
}

function lastEnd(flat: Flat[], i: number, fallback: Range): Position {
  if (i === 0) return fallback.end;
  const prev = flat[i - 1];
  return prev.t === 'lit' ? prev.end : prev.range.end;
}

/** Heredoc and bare-template text: only `$${` and `%%{` are escapes. */
function decodeRaw(raw: string): string {
  if (raw.indexOf('$${') < 0 && raw.indexOf('%%{') < 0) return raw;
  return raw.replace(/([$%])\1\{/g, '$1{');
}

/** Quoted-string text: backslash escapes plus `$${` / `%%{`. */
function decodeQuoted(p: ParseState, k: number): string {
  // Short literals ("tcp", "Name", "0.0.0.0/0") are shared like names: see ParseState.name.
  const raw = p.name(k);
  if (raw.indexOf('\\') < 0) return decodeRaw(raw);
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c !== 92) {
      if ((c === 36 || c === 37) && raw.charCodeAt(i + 1) === c && raw.charCodeAt(i + 2) === 123) {
        out += raw[i] + '{';
        i += 3;
        continue;
      }
      out += raw[i++];
      continue;
    }
    const e = raw[i + 1];
    switch (e) {
      case 'n': out += '\n'; i += 2; continue;
      case 'r': out += '\r'; i += 2; continue;
      case 't': out += '\t'; i += 2; continue;
      case '"': out += '"'; i += 2; continue;
      case '\\': out += '\\'; i += 2; continue;
      case 'u':
      case 'U': {
        const len = e === 'u' ? 4 : 8;
        const hex = raw.slice(i + 2, i + 2 + len);
        const cp = /^[0-9A-Fa-f]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : -1;
        if (cp >= 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) {
          out += String.fromCodePoint(cp);
          i += 2 + len;
          continue;
        }
        break;
      }
      default:
        break;
    }
    const at = p.ts.start[k] + i;
    const ch = p.ts.char[k] + i;
    const line = p.ts.line[k];
    const w = Math.min(2, n - i); // a backslash that ends the line has nothing to escape
    p.error(`Invalid escape sequence "\\${e ?? ''}": use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN.`, {
      start: { offset: at, line, character: ch },
      end: { offset: at + w, line, character: ch + w },
    });
    out += raw.slice(i, i + 2);
    i += 2;
  }
  return out;
}
