// Shared cursor over the token stream for the recursive-descent parser: token access,
// positions, diagnostics, nesting bound and error recovery.

import type { Expression, InvalidExpr, Position, Range, SyntaxDiagnostic } from '../../model/ast';
import { Tok as TokImpl, type TokenStream } from './tokens';
import { endOffsetOf, nodeEnd, nodeStart, OffsetRange, startOffsetOf, type LineMap } from '../offsetRange';

const Tok = { ...TokImpl };

const NEWLINE = Tok.Newline;
const EOF = Tok.EOF;

// Block types that only exist at the top level of a Terraform file: one of these at column 0
// inside another block means that block was left unclosed (a half-typed file).
const TOP_LEVEL_LABELLED = new Set(['resource', 'module', 'variable', 'output', 'provider', 'moved', 'import', 'removed']);
const TOP_LEVEL_BARE = new Set(['locals', 'terraform']);

/** Deeper nesting than this is reported and skipped instead of recursed into (no stack overflow). */
export const MAX_DEPTH = 512;

/**
 * The expression grammar as the sub-parsers (templates, `for`, traversals) call back into it.
 * Handed to the state by whoever creates it (parser.ts), so these modules never import
 * expression.ts, which imports them: the recursion goes through the state, not the module graph.
 */
export interface ExpressionParser {
  parseExpression(p: ParseState): Expression;
  /** Error recovery inside (), [] and call arguments: to a `,` or `closer` at this level. */
  recoverInList(p: ParseState, closer: number): void;
  /** Consumes `closer` or reports it missing; returns the end of the construct opened at openK. */
  expectClose(p: ParseState, closer: number, what: string, openK: number): Position;
}

/**
 * Parser state with the token accessors as methods: method calls stay monomorphic and avoid
 * the per-call getter that a CommonJS re-export costs on this hot path.
 */
export class ParseState {
  readonly type: Uint8Array;
  readonly text: string;
  /** Index of the current token. */
  i = 0;
  /** Whether newlines are significant here (bodies, objects) or skipped (inside (), [], ${}). */
  nl = true;
  depth = 0;
  depthReported = false;
  /**
   * The spelling hash of the last name `name()` interned (one of at most INTERN_MAX characters): a
   * traversal step made from that name right after uses it (sharedSteps.ts) instead of hashing the
   * name twice more, once for its step and once for its steps list.
   */
  nameHash = 0;
  readonly diags: SyntaxDiagnostic[] = [];
  private readonly starts: (Position | undefined)[];
  private readonly ends: (Position | undefined)[];

  /**
   * `base` is the offset of text[0] in the reported offsets. With `lines` (a whole file, base 0) the
   * tree's ranges are OffsetRanges over it (offsetRange.ts); without, plain `{ start, end }` objects.
   */
  constructor(readonly ts: TokenStream, readonly parser: ExpressionParser, readonly base = 0, readonly lines?: LineMap) {
    this.type = ts.type;
    this.text = ts.text;
    // With `lines`, a Position only carries an offset into an OffsetRange and is dropped: nothing to share.
    this.starts = lines === undefined ? new Array<Position | undefined>(ts.count) : [];
    this.ends = lines === undefined ? new Array<Position | undefined>(ts.count) : [];
  }

  /** Type of the current token, skipping newlines where they are not significant. */
  peek(): number {
    const type = this.type;
    if (!this.nl) while (type[this.i] === NEWLINE) this.i++;
    return type[this.i];
  }

  /** Type of the token after the current one (same newline rule). */
  peekAhead(): number {
    this.peek();
    let k = this.i + 1;
    if (!this.nl) while (this.type[k] === NEWLINE) k++;
    return k < this.ts.count ? this.type[k] : EOF;
  }

  /** Consumes the current token and returns its index. Never moves past EOF. */
  advance(): number {
    this.peek();
    const k = this.i;
    if (this.type[k] !== EOF) this.i++;
    return k;
  }

  /**
   * The Position where token k starts: without `lines`, one object per token, made on first use and
   * shared by every node that starts there (most of a tree's objects were positions); with `lines`, a
   * fresh one each time, as trees then keep offsets only. Positions are never mutated.
   */
  startPos(k: number): Position {
    if (this.lines !== undefined) return { offset: this.ts.start[k], line: this.ts.line[k], character: this.ts.char[k] };
    let pos = this.starts[k];
    if (pos === undefined) {
      const ts = this.ts;
      pos = this.starts[k] = { offset: ts.start[k], line: ts.line[k], character: ts.char[k] };
    }
    return pos;
  }

  /** Where token k ends; the same object as the next token's start when nothing lies between them. */
  endPos(k: number): Position {
    if (this.lines !== undefined) return { offset: this.ts.end[k], line: this.ts.endLine[k], character: this.ts.endChar[k] };
    let pos = this.ends[k];
    if (pos === undefined) {
      const ts = this.ts;
      pos = this.ends[k] =
        k + 1 < ts.count && ts.start[k + 1] === ts.end[k]
          ? this.startPos(k + 1)
          : { offset: ts.end[k], line: ts.endLine[k], character: ts.endChar[k] };
    }
    return pos;
  }

  tokRange(k: number): Range {
    if (this.lines !== undefined) return new OffsetRange(this.lines, this.ts.start[k], this.ts.end[k]);
    return { start: this.startPos(k), end: this.endPos(k) };
  }

  /** The range from `start` to `end` (positions this state made, or read from its ranges). */
  range(start: Position, end: Position): Range {
    if (this.lines !== undefined) return new OffsetRange(this.lines, start.offset, end.offset);
    return { start, end };
  }

  /** From where `first` starts to where `last` ends. */
  join(first: Range, last: Range): Range {
    if (this.lines !== undefined) return new OffsetRange(this.lines, startOffsetOf(first), endOffsetOf(last));
    return { start: first.start, end: last.end };
  }

  /** From where `from` starts to `end`, without making a Position for an OffsetRange's start. */
  rangeTo(from: Range, end: Position): Range {
    if (this.lines !== undefined) return new OffsetRange(this.lines, startOffsetOf(from), end.offset);
    return { start: from.start, end };
  }

  /** From where node `first` starts to where node `last` ends, without making the range of a node that keeps offsets. */
  joinNodes(first: { range: Range }, last: { range: Range }): Range {
    if (this.lines !== undefined) return new OffsetRange(this.lines, nodeStart(first), nodeEnd(last));
    return { start: first.range.start, end: last.range.end };
  }

  /** From where token k starts to where node `to` ends (as `joinNodes`). */
  tokenToNode(k: number, to: { range: Range }): Range {
    if (this.lines !== undefined) return new OffsetRange(this.lines, this.ts.start[k], nodeEnd(to));
    return { start: this.startPos(k), end: to.range.end };
  }

  /** From where token k starts to where `to` ends, without making a Position for either. */
  tokenTo(k: number, to: Range): Range {
    if (this.lines !== undefined) return new OffsetRange(this.lines, this.ts.start[k], endOffsetOf(to));
    return { start: this.startPos(k), end: to.end };
  }

  tokText(k: number): string {
    return this.text.slice(this.ts.start[k] - this.base, this.ts.end[k] - this.base);
  }

  /**
   * Token k's text, one string object per spelling for short tokens: a tree holds hundreds of
   * thousands of names (`var`, `local`, `tags`, `id`…), each its own copy when sliced (issue 17:
   * ~14 MB of a 6,235-file inventory's retained heap, every byte copied by each garbage collection).
   */
  name(k: number): string {
    const ts = this.ts;
    const s = ts.start[k] - this.base;
    const e = ts.end[k] - this.base;
    if (e - s > INTERN_MAX) return this.text.slice(s, e);
    const h = (this.nameHash = spellingHash(this.text, s, e));
    return interned(this.text, s, e, h);
  }

  /** Whether token k is exactly `word` (compared in place, no substring). */
  isWord(k: number, word: string): boolean {
    const ts = this.ts;
    const s = ts.start[k] - this.base;
    return ts.end[k] - this.base - s === word.length && this.text.startsWith(word, s);
  }

  /** A top-level block header at column 0 (`resource "…"`, `locals {`) seen inside a nested construct. */
  looksTopLevel(k: number): boolean {
    if (this.ts.char[k] !== 0 || this.type[k] !== Tok.Ident) return false;
    const name = this.tokText(k);
    const next = this.type[k + 1];
    return (TOP_LEVEL_LABELLED.has(name) && next === Tok.OQuote) || (TOP_LEVEL_BARE.has(name) && next === Tok.OBrace);
  }

  error(message: string, range: Range): void {
    this.diags.push({ severity: 'error', message, range });
  }
  /**
   * Skips tokens until one of `stop` at nesting level 0 (not consumed), or until an unmatched
   * closer (not consumed) or EOF. Nested groups are skipped whole; iterative, so any depth is fine.
   */
  skipUntil(stop: (t: number) => boolean): void {
    const type = this.type;
    let depth = 0;
    for (;;) {
      const t = type[this.i];
      if (t === EOF) return;
      if (depth === 0 && stop(t)) return;
      if (OPENERS.has(t)) depth++;
      else if (CLOSERS.has(t)) {
        if (depth === 0) return;
        depth--;
      }
      this.i++;
    }
  }

  /** Skips one whole group if at an opener, else one token (never EOF). */
  skipGroup(): void {
    const type = this.type;
    if (!OPENERS.has(type[this.i])) {
      if (type[this.i] !== EOF) this.i++;
      return;
    }
    let depth = 0;
    for (;;) {
      const t = type[this.i];
      if (t === EOF) return;
      this.i++;
      if (OPENERS.has(t)) depth++;
      else if (CLOSERS.has(t) && --depth === 0) return;
    }
  }

  /** Enters one nesting level; false (with one diagnostic per parse) when too deep. */
  enter(): boolean {
    if (this.depth >= MAX_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.error(`Nesting is deeper than ${MAX_DEPTH} levels; the rest of this construct is not parsed.`, this.tokRange(this.i));
      }
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }
}

/**
 * Names up to this long are shared. V8 copies a slice of up to 12 characters, while a longer one
 * points into its file's text, which a process-wide table must not keep alive: those are copied
 * first (`flatCopy`). Longer names (`resource_group_name`, `create_before_destroy`) are a third of
 * the traversals of real code (issue 17: 83 K of 209 K on 6,856 public module files).
 */
export const INTERN_MAX = 40;
/** Slots of a lossy intern table (this one, and sharedSteps.ts's): a slot holds the last spelling hashed to it. */
export const INTERN_SLOTS = 16384;
const internTable: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);

/** A hash of text[s, e), for the intern tables. */
export function spellingHash(text: string, s: number, e: number): number {
  let h = e - s;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** The slot of an intern table a hash falls in. */
export const internSlot = (h: number): number => (h ^ (h >>> 13)) & (INTERN_SLOTS - 1);

/** text[s, e) (at most INTERN_MAX long) as the string last seen with that spelling, if its slot still holds it. */
function interned(text: string, s: number, e: number, h: number): string {
  const slot = internSlot(h);
  const hit = internTable[slot];
  if (hit !== undefined && hit.length === e - s && text.startsWith(hit, s)) return hit;
  const fresh = flatCopy(text, s, e);
  internTable[slot] = fresh;
  return fresh;
}

export function newState(ts: TokenStream, parser: ExpressionParser, base = 0, lines?: LineMap): ParseState {
  return new ParseState(ts, parser, base, lines);
}

/**
 * The array at its exact size. One grown by push keeps spare capacity (16 slots from the first
 * push), and a syntax tree's arrays live as long as the declarations that use them: a ninth of
 * the tree's heap on real files (issue 17), all of it copied by every garbage collection.
 */
export function exact<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}

export function invalid(range: Range): InvalidExpr {
  return { kind: 'Invalid', range };
}

export function describe(p: ParseState, k: number): string {
  switch (p.type[k]) {
    case Tok.EOF: return 'end of file';
    case Tok.Newline: return 'newline';
    case Tok.OQuote: return 'quoted string';
    case Tok.OHeredoc: return 'heredoc';
    case Tok.QuotedLit:
    case Tok.StringLit: return 'string';
    default: {
      const t = visible(p.tokText(k));
      return t.length > 20 ? `"${t.slice(0, 20)}…"` : `"${t}"`;
    }
  }
}


/** Control characters (a stray CR, a NUL) escaped, so a message never shows an invisible `""`. */
function visible(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 && c !== 127) out += text[i];
    else out += c === 13 ? '\\r' : c === 9 ? '\\t' : `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

const OPENERS = new Set<number>([Tok.OBrace, Tok.OBrack, Tok.OParen, Tok.TemplateInterp, Tok.TemplateControl, Tok.OQuote, Tok.OHeredoc]);
const CLOSERS = new Set<number>([Tok.CBrace, Tok.CBrack, Tok.CParen, Tok.TemplateSeqEnd, Tok.CQuote, Tok.CHeredoc]);

/** V8's shortest slice that points into `text` is 13 characters. */
const SLICE_MIN = 13;

/** Code units of the name being copied (names are at most INTERN_MAX long). */
const units = new Uint16Array(INTERN_MAX);

/**
 * text[s, e) as a string that does not keep `text` alive. A longer slice, and any concatenation of
 * slices, still points into `text`; a string made from char codes is a fresh one (once per intern-table miss).
 */
export function flatCopy(text: string, s: number, e: number): string {
  if (e - s < SLICE_MIN || e - s > INTERN_MAX) return text.slice(s, e);
  for (let i = s; i < e; i++) units[i - s] = text.charCodeAt(i);
  return String.fromCharCode.apply(null, units.subarray(0, e - s) as unknown as number[]);
}
