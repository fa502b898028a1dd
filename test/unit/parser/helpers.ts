// Helpers for parser tests: source text of a range, and an independent check that every
// position in a tree agrees with its offset (line/character recomputed from the text).

import * as assert from 'node:assert/strict';
import type { Attribute, Block, Body, Expression, Position, Range } from '../../../src/model/ast';
import { parseExpression, parseHcl } from '../../../src/iac/terraform/parser';
import { KeepsOffsets } from '../../../src/iac/offsetRange';

export function textOf(src: string, range: Range): string {
  return src.slice(range.start.offset, range.end.offset);
}

/** `line:character-line:character`, compact for assertions. */
export function lc(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Walks any tree and asserts each Position's line/character match its offset in `text`; returns how many. */
export function checkPositions(tree: unknown, text: string): number {
  const starts = lineStarts(text);
  const expected = (offset: number): { line: number; character: number } => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  };
  let n = 0;
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const o = node as Record<string, unknown>;
    if (typeof o.offset === 'number' && typeof o.line === 'number' && typeof o.character === 'number') {
      const pos = o as unknown as Position;
      assert.ok(pos.offset >= 0 && pos.offset <= text.length, `offset ${pos.offset} out of bounds`);
      const want = expected(pos.offset);
      if (want.line !== pos.line || want.character !== pos.character) {
        assert.deepEqual({ line: pos.line, character: pos.character }, want, `position at offset ${pos.offset}`);
      }
      n++;
      continue;
    }
    if (typeof o.start === 'object' && typeof o.end === 'object' && o.start !== null && o.end !== null) {
      const r = o as unknown as Range;
      if (typeof r.start.offset === 'number' && r.start.offset > r.end.offset) assert.fail(`range ${r.start.offset}..${r.end.offset} reversed`);
      // A range's positions only: an OffsetRange's other fields are its file's line table.
      stack.push(r.start, r.end);
      continue;
    }
    // A node keeping offsets (OffsetSpan, ParsedAttribute): its plain form, with `range`, not its line table.
    for (const v of Object.values(node instanceof KeepsOffsets ? node.toJSON() : o)) stack.push(v);
  }
  return n;
}

export function parseOk(src: string): Body {
  const r = parseHcl(src);
  assert.deepEqual(r.diagnostics, [], 'expected no diagnostics');
  checkPositions(r.body, src);
  return r.body;
}

export function exprOk(src: string): Expression {
  const r = parseExpression(src);
  assert.deepEqual(r.diagnostics, [], `expected no diagnostics for ${src}`);
  checkPositions(r.expr, src);
  return r.expr;
}

export function attr(body: Body, name: string): Attribute {
  const a = body.items.find((i): i is Attribute => i.kind === 'Attribute' && i.name === name);
  assert.ok(a, `attribute ${name} not found`);
  return a;
}

export function block(body: Body, type: string, n = 0): Block {
  const b = body.items.filter((i): i is Block => i.kind === 'Block' && i.type === type)[n];
  assert.ok(b, `block ${type}[${n}] not found`);
  return b;
}

/** The tree without ranges, for shape assertions. */
export function shape(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (k, v) => (/[rR]ange$|^nameEnd$/.test(k) ? undefined : v)));
}
