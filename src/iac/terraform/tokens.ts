// Token kinds and the token stream shared by the lexer and the parser, plus the character
// classes of HCL identifiers (Unicode ID_Start / ID_Continue, `_` and `-`).

import type { SyntaxDiagnostic } from '../../model/ast';

export const Tok = {
  EOF: 0, Newline: 1, Ident: 2, Number: 3,
  OBrace: 4, CBrace: 5, OBrack: 6, CBrack: 7, OParen: 8, CParen: 9,
  Comma: 10, Dot: 11, Ellipsis: 12, Colon: 13, DoubleColon: 14, Question: 15, Equal: 16, FatArrow: 17,
  EqualOp: 18, NotEqual: 19, Lt: 20, Lte: 21, Gt: 22, Gte: 23, And: 24, Or: 25, Bang: 26,
  Plus: 27, Minus: 28, Star: 29, Slash: 30, Percent: 31,
  OQuote: 32, CQuote: 33,
  /** Raw literal text of a quoted template (escapes not yet decoded). */
  QuotedLit: 34,
  /** Raw literal text of a heredoc or bare template (one token per line at most). */
  StringLit: 35,
  /** `${` or `${~` */
  TemplateInterp: 36,
  /** `%{` or `%{~` */
  TemplateControl: 37,
  /** `}` or `~}` closing an interpolation or directive. */
  TemplateSeqEnd: 38,
  /** `<<EOF` / `<<-EOF` (without the newline that follows). */
  OHeredoc: 39,
  /** The closing marker of a heredoc, without its leading whitespace. Zero-width when synthesized. */
  CHeredoc: 40,
  Invalid: 41,
} as const;

export type TokType = (typeof Tok)[keyof typeof Tok];

export interface TokenStream {
  text: string;
  count: number;
  type: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  char: Int32Array;
  endLine: Int32Array;
  endChar: Int32Array;
  diagnostics: SyntaxDiagnostic[];
}

const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;

export const isAsciiIdStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
export const isAsciiIdPart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Length in code units of the code point at i (2 for a surrogate pair). */
export function cpLen(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

export function isIdStartAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiIdStart(c);
  return ID_START.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}

export function isIdPartAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiIdPart(c);
  return ID_CONTINUE.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}

/** End of the identifier starting at i (which must be an identifier start). */
export function scanIdentEnd(text: string, i: number): number {
  const len = text.length;
  i += cpLen(text, i);
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!isAsciiIdPart(c)) break;
      i++;
    } else if (isIdPartAt(text, i)) {
      i += cpLen(text, i);
    } else break;
  }
  return i;
}

/** Lexer modes. */
export const F_BRACE = 0;
export const F_INTERP = 1;
export const F_QUOTED = 2;
export const F_HEREDOC = 3;
export const F_BARE = 4;

export interface Frame {
  kind: number;
  marker?: string;
  atLineStart?: boolean;
  /** Heredoc rewind point, used when the heredoc never closes. */
  tokIndex?: number;
  resumePos?: number;
  resumeLine?: number;
  resumeLineStart?: number;
  diagCount?: number;
}

// How many unterminated heredocs may be re-scanned as code. Bounded so time stays linear.
export const MAX_HEREDOC_REWINDS = 8;

/**
 * The lexer state the template scanners (templateLexer.ts) read and advance. The Lexer class
 * implements it; the scanners depend on this shape, not on the class, so neither module imports the other.
 */
export interface LexerState {
  readonly text: string;
  readonly len: number;
  pos: number;
  line: number;
  /** Offset at which `line` begins (may be negative for a template starting mid-line). */
  lineStart: number;
  readonly stack: Frame[];
  /** How many unterminated heredocs were re-scanned as code (bounded by MAX_HEREDOC_REWINDS). */
  rewinds: number;
  readonly ts: TokenStream;
  /** Added to every recorded offset (templates embedded in JSON). */
  readonly base: number;
  /** Emits a token from `start` (at startLine/startChar) to `end` (default: the current position). */
  emit(type: number, start: number, startLine: number, startChar: number, end?: number): void;
  /** Emits a token on the current line spanning [pos, pos+n) and advances past it. */
  simple(type: number, n: number): void;
  diag(message: string, start: number, startLine: number, startChar: number, end?: number): void;
  /** Length of the line break at p (1 for LF, 2 for CRLF), 0 if none. */
  newlineAt(p: number): number;
}
