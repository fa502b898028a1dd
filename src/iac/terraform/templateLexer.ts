// Template scanning for the lexer: quoted strings, heredocs and bare templates. Literal text is
// one token per line at most (as hclsyntax), `${`/`%{` switch back to expression mode, and an
// unterminated heredoc is rewound so the lines after it are read as code again.

import * as tokens from './tokens';
import type { Frame, LexerState } from './tokens';

// Bound once: a CommonJS import is a getter call on every use.
const { F_HEREDOC, F_INTERP, isIdStartAt, MAX_HEREDOC_REWINDS, scanIdentEnd } = tokens;
const T = { ...tokens.Tok };

export function scanHeredocOpen(lx: LexerState): void {
  const text = lx.text;
  const start = lx.pos;
  let p = start + 2;
  if (text.charCodeAt(p) === 45) p++;
  if (p < lx.len && isIdStartAt(text, p)) {
    const markerStart = p;
    p = scanIdentEnd(text, p);
    const nl = lx.newlineAt(p);
    if (nl > 0 || p >= lx.len) {
      const marker = text.slice(markerStart, p);
      lx.pos = p;
      lx.emit(T.OHeredoc, start, lx.line, start - lx.lineStart);
      lx.pos = p + nl;
      if (nl > 0) {
        lx.line++;
        lx.lineStart = lx.pos;
      }
      lx.stack.push({
        kind: F_HEREDOC,
        marker,
        atLineStart: true,
        tokIndex: lx.ts.count - 1,
        resumePos: lx.pos,
        resumeLine: lx.line,
        resumeLineStart: lx.lineStart,
        diagCount: lx.ts.diagnostics.length,
      });
      return;
    }
  }
  lx.simple(T.Invalid, 2);
}

/** Opens `${`/`%{` (with optional `~`) at the current position. */
export function openSequence(lx: LexerState, type: number): void {
  const n = lx.text.charCodeAt(lx.pos + 2) === 126 ? 3 : 2;
  lx.stack.push({ kind: F_INTERP });
  lx.simple(type, n);
}

export function scanQuoted(lx: LexerState): void {
  const text = lx.text;
  const len = lx.len;
  const start = lx.pos;
  const sc = start - lx.lineStart;
  let p = start;
  for (;;) {
    if (p >= len) break;
    const c = text.charCodeAt(p);
    if (c === 34) break;
    if (c === 10 || (c === 13 && text.charCodeAt(p + 1) === 10)) break;
    if (c === 13) strayCarriageReturn(lx, p);
    if (c === 92) {
      const d = text.charCodeAt(p + 1);
      p += p + 1 < len && d !== 10 && d !== 13 ? 2 : 1;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(p + 1) === 123) {
      if (p > start) lx.emit(T.QuotedLit, start, lx.line, sc, p);
      lx.pos = p;
      openSequence(lx, c === 36 ? T.TemplateInterp : T.TemplateControl);
      return;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === 123) {
      p += 3;
      continue;
    }
    p++;
  }
  if (p > start) lx.emit(T.QuotedLit, start, lx.line, sc, p);
  lx.pos = p;
  lx.stack.pop();
  if (p < len && text.charCodeAt(p) === 34) {
    lx.simple(T.CQuote, 1);
    return;
  }
  // Unterminated: close the string at the end of the line so the damage stays on this line.
  lx.diag('Unterminated template string: a quoted string must be closed on the same line.', p, lx.line, p - lx.lineStart);
  lx.emit(T.CQuote, p, lx.line, p - lx.lineStart, p);
}

export function scanHeredocOrBare(lx: LexerState, frame: Frame): void {
  const text = lx.text;
  const len = lx.len;
  const heredoc = frame.kind === F_HEREDOC;
  for (;;) {
    if (heredoc && frame.atLineStart) {
      let p = lx.pos;
      while (p < len) {
        const c = text.charCodeAt(p);
        if (c !== 32 && c !== 9) break;
        p++;
      }
      const marker = frame.marker as string;
      if (text.startsWith(marker, p)) {
        const markerEnd = p + marker.length;
        // hclsyntax allows trailing spaces after the closing marker.
        let after = markerEnd;
        while (after < len && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9)) after++;
        if (after >= len || lx.newlineAt(after) > 0) {
          lx.pos = markerEnd;
          if (after >= len) {
            // hclsyntax requires the newline; the heredoc is still read as closed.
            lx.diag(`The heredoc closing marker "${marker}" must be followed by a newline.`, p, lx.line, p - lx.lineStart);
          }
          lx.emit(T.CHeredoc, p, lx.line, p - lx.lineStart);
          lx.stack.pop();
          return;
        }
      }
    }
    frame.atLineStart = false;
    if (lx.pos >= len) {
      if (heredoc) unterminatedHeredoc(lx, frame);
      else lx.stack.pop();
      return;
    }
    const start = lx.pos;
    const sl = lx.line;
    const sc = start - lx.lineStart;
    let p = start;
    let done = false;
    while (p < len) {
      const c = text.charCodeAt(p);
      if (c === 10 || (c === 13 && text.charCodeAt(p + 1) === 10)) {
        p += c === 10 ? 1 : 2;
        lx.line++;
        lx.lineStart = p;
        lx.pos = p;
        lx.emit(T.StringLit, start, sl, sc);
        frame.atLineStart = true;
        done = true;
        break;
      }
      if (c === 13 && heredoc) strayCarriageReturn(lx, p);
      if ((c === 36 || c === 37) && text.charCodeAt(p + 1) === 123) {
        if (p > start) lx.emit(T.StringLit, start, sl, sc, p);
        lx.pos = p;
        openSequence(lx, c === 36 ? T.TemplateInterp : T.TemplateControl);
        return;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === 123) {
        p += 3;
        continue;
      }
      p++;
    }
    if (!done) {
      lx.pos = p;
      if (p > start) lx.emit(T.StringLit, start, sl, sc);
    }
  }
}

/**
 * A CR not followed by LF inside a quoted string or heredoc: hclsyntax rejects it (it is neither a
 * line ending nor text), typically a file saved with old Mac line endings. Kept in the text.
 */
function strayCarriageReturn(lx: LexerState, p: number): void {
  const ch = p - lx.lineStart;
  lx.ts.diagnostics.push({
    severity: 'error',
    message: 'A carriage return without a line feed is not allowed in a string: write "\\r", or save the file with LF or CRLF line endings.',
    range: { start: { offset: p + lx.base, line: lx.line, character: ch }, end: { offset: p + 1 + lx.base, line: lx.line, character: ch + 1 } },
  });
}

export function unterminatedHeredoc(lx: LexerState, frame: Frame): void {
  const ts = lx.ts;
  const open = frame.tokIndex as number;
  const openRange = {
    start: { offset: ts.start[open], line: ts.line[open], character: ts.char[open] },
    end: { offset: ts.end[open], line: ts.endLine[open], character: ts.endChar[open] },
  };
  const idx = lx.stack.lastIndexOf(frame);
  if (lx.rewinds < MAX_HEREDOC_REWINDS) {
    // Take the heredoc as empty and read what follows its opener as code again, so a
    // half-typed heredoc does not swallow the rest of the file.
    lx.rewinds++;
    ts.count = open + 1;
    ts.diagnostics.length = frame.diagCount as number;
    lx.stack.length = idx;
    lx.pos = frame.resumePos as number;
    lx.line = frame.resumeLine as number;
    lx.lineStart = frame.resumeLineStart as number;
    lx.emit(T.CHeredoc, lx.pos, lx.line, lx.pos - lx.lineStart, lx.pos);
  } else {
    lx.stack.length = idx;
    lx.emit(T.CHeredoc, lx.pos, lx.line, lx.pos - lx.lineStart, lx.pos);
  }
  ts.diagnostics.push({
    severity: 'error',
    message: `Unterminated heredoc: no line with the closing marker "${frame.marker}".`,
    range: openRange,
  });
}
