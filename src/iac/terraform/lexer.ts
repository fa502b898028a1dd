// Lexer for HCL's native syntax. One pass over the string with charCodeAt; tokens are kept
// in parallel typed arrays (no object per token) and every token records its start and end
// line/character, tracked incrementally as newlines are consumed.
// Like hclsyntax's scanner it is modal: quoted strings, heredocs and bare templates are
// scanned as template literals, and `${`/`%{` push back into expression mode until the
// matching `}`.

import {
  scanHeredocOpen as scanHeredocOpenImpl, scanHeredocOrBare as scanHeredocOrBareImpl,
  scanQuoted as scanQuotedImpl, unterminatedHeredoc as unterminatedHeredocImpl,
} from './templateLexer';
import * as tokens from './tokens';
import type { Frame, LexerState, TokenStream } from './tokens';

export { Tok, type TokType, type TokenStream } from './tokens';

// Bound once: a CommonJS import is a getter call on every use.
const scanHeredocOpen = scanHeredocOpenImpl;
const scanHeredocOrBare = scanHeredocOrBareImpl;
const scanQuoted = scanQuotedImpl;
const unterminatedHeredoc = unterminatedHeredocImpl;
const { cpLen, F_BARE, F_BRACE, F_HEREDOC, F_INTERP, F_QUOTED, isAsciiIdStart, isDigit, isIdStartAt, scanIdentEnd } = tokens;
const T = { ...tokens.Tok };

export interface LexOptions {
  /** Start scanning as the content of a template (no quotes), as `.tf.json` strings are. */
  template?: boolean;
  /** Columns in the buffer the last released stream gave back, if big enough (`releaseColumns`). */
  pooled?: boolean;
  startOffset?: number;
  startLine?: number;
  startCharacter?: number;
}

type Columns = Pick<TokenStream, 'type' | 'start' | 'end' | 'line' | 'char' | 'endLine' | 'endChar'>;

/**
 * A whole file's token columns die with its parse (its tree keeps offsets, never tokens), so the
 * parser gives their buffer back (`releaseColumns`) and the next file's columns are views of it: an
 * inventory allocated and zeroed a new buffer per file, 6 bytes per byte of text (issue 17). Only
 * buffers up to POOL_MAX are kept, so a long-lived process holds no more than that.
 */
const POOL_MAX = 4 << 20;
let spare: ArrayBuffer | undefined;

/** Gives `ts`'s buffer back for the next pooled stream. Only for a stream nothing will read again. */
export function releaseColumns(ts: TokenStream): void {
  const buf = ts.type.buffer as ArrayBuffer;
  if (buf.byteLength <= POOL_MAX && (spare === undefined || spare.byteLength < buf.byteLength)) spare = buf;
}

/** The token columns as views of one buffer: one allocation instead of seven per file. */
function allocColumns(cap: number, pooled = false): Columns {
  let buf: ArrayBuffer;
  if (pooled && spare !== undefined && spare.byteLength >= cap * 25) {
    buf = spare;
    // Taken: a stream lexed while this one is in use gets a buffer of its own.
    spare = undefined;
  } else buf = new ArrayBuffer(cap * 25);
  const col = (n: number): Int32Array => new Int32Array(buf, n * cap * 4, cap);
  return {
    start: col(0), end: col(1), line: col(2), char: col(3), endLine: col(4), endChar: col(5),
    type: new Uint8Array(buf, cap * 24, cap),
  };
}

function findLastHeredoc(stack: Frame[]): Frame | undefined {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].kind === F_HEREDOC) return stack[k];
  return undefined;
}

export function lex(text: string, opts: LexOptions = {}): TokenStream {
  return new Lexer(text, opts).run();
}

export class Lexer implements LexerState {
  readonly text: string;
  readonly len: number;
  pos: number;
  line: number;
  /** Offset at which `line` begins (may be negative for a template starting mid-line). */
  lineStart: number;
  readonly stack: Frame[] = [];
  rewinds = 0;
  readonly ts: TokenStream;

  constructor(text: string, opts: LexOptions) {
    this.text = text;
    this.len = text.length;
    this.pos = 0;
    const base = opts.startOffset ?? 0;
    this.line = opts.startLine ?? 0;
    // Never -0: a double there makes the field a double, and optimized code that assumed an integer deopts.
    this.lineStart = opts.startCharacter ? -opts.startCharacter : 0;
    const cap = Math.max(64, (text.length >> 2) + 16);
    this.ts = { text, count: 0, diagnostics: [], ...allocColumns(cap, opts.pooled) };
    // A base offset shifts every recorded offset (used for templates embedded in JSON).
    this.base = base;
    if (opts.template) this.stack.push({ kind: F_BARE, atLineStart: true });
  }

  readonly base: number;

  run(): TokenStream {
    const stack = this.stack;
    for (;;) {
      const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
      if (top !== undefined && top.kind >= F_QUOTED) {
        if (top.kind === F_QUOTED) scanQuoted(this);
        else scanHeredocOrBare(this, top);
        continue;
      }
      if (this.scanNormal()) continue;
      // End of input inside `${`: a heredoc below it is still unterminated.
      const h = findLastHeredoc(stack);
      if (h === undefined) break;
      unterminatedHeredoc(this, h);
    }
    this.emit(T.EOF, this.len, this.line, this.len - this.lineStart);
    // Past the end reads as EOF, as in a new buffer (a lent one holds an earlier file's tokens there).
    this.ts.type.fill(T.EOF, this.ts.count);
    return this.ts;
  }

  private grow(): void {
    const ts = this.ts;
    const cols = allocColumns(ts.type.length * 2);
    cols.type.set(ts.type);
    cols.start.set(ts.start);
    cols.end.set(ts.end);
    cols.line.set(ts.line);
    cols.char.set(ts.char);
    cols.endLine.set(ts.endLine);
    cols.endChar.set(ts.endChar);
    Object.assign(ts, cols);
  }

  /** Emits a token from `start` (at startLine/startChar) to the current position. */
  emit(type: number, start: number, startLine: number, startChar: number, end = this.pos): void {
    const ts = this.ts;
    if (ts.count === ts.type.length) this.grow();
    const n = ts.count++;
    ts.type[n] = type;
    ts.start[n] = start + this.base;
    ts.end[n] = end + this.base;
    ts.line[n] = startLine;
    ts.char[n] = startChar;
    ts.endLine[n] = this.line;
    ts.endChar[n] = end - this.lineStart;
  }

  /** Emits a token on the current line spanning [start, start+n) and advances past it. */
  simple(type: number, n: number): void {
    const start = this.pos;
    this.pos += n;
    this.emit(type, start, this.line, start - this.lineStart);
  }

  diag(message: string, start: number, startLine: number, startChar: number, end = this.pos): void {
    this.ts.diagnostics.push({
      severity: 'error',
      message,
      range: {
        start: { offset: start + this.base, line: startLine, character: startChar },
        end: { offset: end + this.base, line: this.line, character: end - this.lineStart },
      },
    });
  }

  newlineAt(p: number): number {
    const c = this.text.charCodeAt(p);
    if (c === 10) return 1;
    if (c === 13 && this.text.charCodeAt(p + 1) === 10) return 2;
    return 0;
  }

  /** Scans one token in expression mode; false at end of input. */
  private scanNormal(): boolean {
    const text = this.text;
    const len = this.len;
    let c = 0;
    // Skip horizontal whitespace and comments.
    for (;;) {
      if (this.pos >= len) return false;
      c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || (c === 0xfeff && this.pos === 0)) {
        this.pos++;
        continue;
      }
      if (c === 35 || (c === 47 && text.charCodeAt(this.pos + 1) === 47)) {
        // Line comment: the newline that ends it still separates items.
        let p = this.pos + 1;
        while (p < len) {
          const d = text.charCodeAt(p);
          if (d === 10 || (d === 13 && text.charCodeAt(p + 1) === 10)) break;
          p++;
        }
        this.pos = p;
        continue;
      }
      if (c === 47 && text.charCodeAt(this.pos + 1) === 42) {
        this.skipBlockComment();
        continue;
      }
      break;
    }
    const start = this.pos;
    if (c === 10 || (c === 13 && text.charCodeAt(start + 1) === 10)) {
      this.pos += c === 13 ? 2 : 1;
      const sl = this.line;
      const sc = start - this.lineStart;
      this.line++;
      this.lineStart = this.pos;
      this.emit(T.Newline, start, sl, sc);
      return true;
    }
    if (isAsciiIdStart(c) || (c >= 128 && isIdStartAt(text, start))) {
      this.pos = scanIdentEnd(text, start);
      this.emit(T.Ident, start, this.line, start - this.lineStart);
      return true;
    }
    if (isDigit(c)) {
      this.scanNumber();
      return true;
    }
    const next = text.charCodeAt(start + 1);
    switch (c) {
      case 123: // {
        this.stack.push({ kind: F_BRACE });
        this.simple(T.OBrace, 1);
        return true;
      case 125: { // }
        const top = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
        if (top !== undefined) this.stack.pop();
        this.simple(top !== undefined && top.kind === F_INTERP ? T.TemplateSeqEnd : T.CBrace, 1);
        return true;
      }
      case 126: { // ~ : only valid as the strip marker of `~}`
        const top = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
        if (next === 125 && top !== undefined && top.kind === F_INTERP) {
          this.stack.pop();
          this.simple(T.TemplateSeqEnd, 2);
        } else this.simple(T.Invalid, 1);
        return true;
      }
      case 91: this.simple(T.OBrack, 1); return true;
      case 93: this.simple(T.CBrack, 1); return true;
      case 40: this.simple(T.OParen, 1); return true;
      case 41: this.simple(T.CParen, 1); return true;
      case 44: this.simple(T.Comma, 1); return true;
      case 46: // .
        if (next === 46 && text.charCodeAt(start + 2) === 46) this.simple(T.Ellipsis, 3);
        else this.simple(T.Dot, 1);
        return true;
      case 58: this.simple(next === 58 ? T.DoubleColon : T.Colon, next === 58 ? 2 : 1); return true;
      case 63: this.simple(T.Question, 1); return true;
      case 61: // =
        if (next === 61) this.simple(T.EqualOp, 2);
        else if (next === 62) this.simple(T.FatArrow, 2);
        else this.simple(T.Equal, 1);
        return true;
      case 33: this.simple(next === 61 ? T.NotEqual : T.Bang, next === 61 ? 2 : 1); return true;
      case 60: // <
        if (next === 60) { scanHeredocOpen(this); return true; }
        this.simple(next === 61 ? T.Lte : T.Lt, next === 61 ? 2 : 1);
        return true;
      case 62: this.simple(next === 61 ? T.Gte : T.Gt, next === 61 ? 2 : 1); return true;
      case 38: this.simple(next === 38 ? T.And : T.Invalid, next === 38 ? 2 : 1); return true;
      case 124: this.simple(next === 124 ? T.Or : T.Invalid, next === 124 ? 2 : 1); return true;
      case 43: this.simple(T.Plus, 1); return true;
      case 45: this.simple(T.Minus, 1); return true;
      case 42: this.simple(T.Star, 1); return true;
      case 47: this.simple(T.Slash, 1); return true;
      case 37: this.simple(T.Percent, 1); return true;
      case 34: // "
        this.stack.push({ kind: F_QUOTED });
        this.simple(T.OQuote, 1);
        return true;
      default:
        this.simple(T.Invalid, cpLen(text, start));
        return true;
    }
  }

  private skipBlockComment(): void {
    const text = this.text;
    const start = this.pos;
    const sl = this.line;
    const sc = start - this.lineStart;
    let p = start + 2;
    for (;;) {
      if (p >= this.len) {
        this.pos = p;
        this.ts.diagnostics.push({
          severity: 'error',
          message: 'Unterminated comment: this /* comment has no closing */.',
          range: {
            start: { offset: start + this.base, line: sl, character: sc },
            end: { offset: start + 2 + this.base, line: sl, character: sc + 2 },
          },
        });
        return;
      }
      const d = text.charCodeAt(p);
      if (d === 42 && text.charCodeAt(p + 1) === 47) {
        this.pos = p + 2;
        return;
      }
      p++;
      if (d === 10) {
        this.line++;
        this.lineStart = p;
      }
    }
  }

  private scanNumber(): void {
    const text = this.text;
    const start = this.pos;
    let p = start;
    while (isDigit(text.charCodeAt(p))) p++;
    // After a `.` (legacy index `a.0.1`) only digits belong to the number.
    const afterDot = this.ts.count > 0 && this.ts.type[this.ts.count - 1] === T.Dot;
    if (!afterDot) {
      if (text.charCodeAt(p) === 46 && isDigit(text.charCodeAt(p + 1))) {
        p += 2;
        while (isDigit(text.charCodeAt(p))) p++;
      }
      const e = text.charCodeAt(p);
      if (e === 101 || e === 69) {
        let q = p + 1;
        const s = text.charCodeAt(q);
        if (s === 43 || s === 45) q++;
        if (isDigit(text.charCodeAt(q))) {
          p = q;
          while (isDigit(text.charCodeAt(p))) p++;
        }
      }
    }
    this.pos = p;
    this.emit(T.Number, start, this.line, start - this.lineStart);
  }

}
