// Conformance: expressions (hclsyntax spec "Expressions"), shape and ranges.

import * as assert from 'node:assert/strict';
import { parseExpression } from '../../../src/iac/terraform/parser';
import { exprOk, lc, shape, textOf } from './helpers';
import { rootRange } from '../../../src/iac/terraform/traversal';
import type { ScopeTraversalExpr } from '../../../src/model/ast';

const trav = (root: string, ...steps: unknown[]): unknown => ({ kind: 'ScopeTraversal', root, steps });
const attrS = (name: string): unknown => ({ kind: 'GetAttr', name });
const idx = (key: number | string): unknown => ({ kind: 'IndexStep', key });
const num = (n: number, raw = String(n)): unknown => ({ kind: 'Literal', value: n, raw });
const str = (value: string): unknown => ({ kind: 'Template', parts: [{ kind: 'TemplateLiteral', value }] });
const bin = (op: string, left: unknown, right: unknown): unknown => ({ kind: 'Binary', op, left, right });

describe('HCL expressions', () => {
  it('reads number literals keeping their spelling', () => {
    for (const [src, value] of [['0', 0], ['42', 42], ['1.5', 1.5], ['1e3', 1000], ['2.5E-2', 0.025], ['0.50', 0.5]] as const) {
      assert.deepEqual(shape(exprOk(src)), num(value, src));
    }
  });

  it('reads true, false and null as literals', () => {
    assert.deepEqual(shape(exprOk('true')), { kind: 'Literal', value: true, raw: 'true' });
    assert.deepEqual(shape(exprOk('false')), { kind: 'Literal', value: false, raw: 'false' });
    assert.deepEqual(shape(exprOk('null')), { kind: 'Literal', value: null, raw: 'null' });
  });

  it('reads traversals with attribute, index and legacy index steps and their ranges', () => {
    const src = 'aws_instance.web[0].tags["Name"].x.1';
    const e = exprOk(src);
    assert.deepEqual(shape(e), trav('aws_instance', attrS('web'), idx(0), attrS('tags'), idx('Name'), attrS('x'), idx(1)));
    assert.equal(textOf(src, e.range), src);
    assert.ok(e.kind === 'ScopeTraversal');
    // Steps keep no range of their own (memory: issue 17); the traversal's covers them and the root's is derived.
    assert.ok(e.steps.every((s) => !('range' in s)));
    assert.equal(textOf(src, rootRange(e)), 'aws_instance');
    const nested = exprOk('f(\n  a.b[0],\n  c)');
    assert.ok(nested.kind === 'FunctionCall');
    assert.equal(textOf('f(\n  a.b[0],\n  c)', nested.args[0].range), 'a.b[0]');
    assert.deepEqual(rootRange(nested.args[1] as ScopeTraversalExpr).end, { offset: 16, line: 2, character: 3 });
  });

  it('rejects chained legacy indexes like a.0.1 (as hclsyntax) but keeps both steps', () => {
    const r = parseExpression('a.0.1');
    assert.deepEqual(shape(r.expr), trav('a', idx(0), idx(1)));
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /legacy indexes/);
    assert.deepEqual(shape(exprOk('a.0.b.1')), trav('a', idx(0), attrS('b'), idx(1)));
  });

  it('makes a computed index an Index expression and later steps relative to it', () => {
    const src = 'var.m[local.k].id';
    const e = exprOk(src);
    assert.deepEqual(shape(e), {
      kind: 'RelativeTraversal',
      source: { kind: 'Index', collection: trav('var', attrS('m')), key: trav('local', attrS('k')) },
      steps: [attrS('id')],
    });
    assert.ok(e.kind === 'RelativeTraversal');
    assert.equal(textOf(src, e.source.range), 'var.m[local.k]');
  });

  it('reads full splats with the trailing traversal applied to each element', () => {
    const src = 'aws_instance.web[*].network_interface[0].id';
    const e = exprOk(src);
    assert.deepEqual(shape(e), {
      kind: 'Splat', source: trav('aws_instance', attrS('web')), full: true,
      each: [attrS('network_interface'), idx(0), attrS('id')],
    });
    assert.equal(textOf(src, e.range), src);
  });

  it('keeps everything after a full splat per element, computed indexes and nested splats too (as hclsyntax)', () => {
    // The element is the root "" in `eachExpr`; `each` keeps the static steps before the first computed one.
    const src = 'a[*].b[var.k].c';
    const e = exprOk(src);
    assert.deepEqual(shape(e), {
      kind: 'Splat', source: trav('a'), full: true, each: [attrS('b')],
      eachExpr: {
        kind: 'RelativeTraversal',
        source: { kind: 'Index', collection: trav('', attrS('b')), key: trav('var', attrS('k')) },
        steps: [attrS('c')],
      },
    });
    assert.equal(textOf(src, e.range), src);
    assert.ok(e.kind === 'Splat' && e.eachExpr !== undefined);
    assert.equal(textOf(src, e.eachExpr.range), '[*].b[var.k].c');
    assert.deepEqual(shape(exprOk('a[*].b[*].c')), {
      kind: 'Splat', source: trav('a'), full: true, each: [attrS('b')],
      eachExpr: { kind: 'Splat', source: trav('', attrS('b')), full: true, each: [attrS('c')] },
    });
    assert.deepEqual(shape(exprOk('a[*].b.*.c')), {
      kind: 'Splat', source: trav('a'), full: true, each: [attrS('b')],
      eachExpr: { kind: 'Splat', source: trav('', attrS('b')), full: false, each: [attrS('c')] },
    });
    // Static steps only: no eachExpr, as before.
    assert.equal((exprOk('a[*].id[0]') as { eachExpr?: unknown }).eachExpr, undefined);
  });

  it('ends an attribute-only splat at the first index (legacy .* semantics)', () => {
    const e = exprOk('a.*.b.c[0]');
    assert.deepEqual(shape(e), {
      kind: 'RelativeTraversal',
      source: { kind: 'Splat', source: trav('a'), full: false, each: [attrS('b'), attrS('c')] },
      steps: [idx(0)],
    });
  });

  it('reads function calls with expansion and trailing commas', () => {
    const src = 'concat(a, [1],\n  b...)';
    const e = exprOk(src);
    assert.deepEqual(shape(e), {
      kind: 'FunctionCall', name: 'concat', expandFinal: true,
      args: [trav('a'), { kind: 'Tuple', items: [num(1)] }, trav('b')],
    });
    assert.ok(e.kind === 'FunctionCall');
    assert.equal(src.slice(e.range.start.offset, e.nameEnd), 'concat');
    assert.equal(lc(e.range), '0:0-1:7');
    assert.deepEqual(shape(exprOk('f(1, 2,)')), { kind: 'FunctionCall', name: 'f', expandFinal: false, args: [num(1), num(2)] });
  });

  it('reads namespaced provider functions', () => {
    const src = 'provider::aws::arn_parse(x).account_id';
    const e = exprOk(src);
    assert.ok(e.kind === 'RelativeTraversal' && e.source.kind === 'FunctionCall');
    assert.equal(e.source.name, 'provider::aws::arn_parse');
    assert.equal(src.slice(e.source.range.start.offset, e.source.nameEnd), 'provider::aws::arn_parse');
  });

  it('reads tuples and objects with = and : and newlines as separators', () => {
    const src = '{\n  a = 1\n  "b" : [true, null,]\n  (k) = 2, c = 3\n}';
    const e = exprOk(src);
    assert.ok(e.kind === 'Object');
    assert.deepEqual(e.items.map((i) => [textOf(src, i.key.range), i.keyIsIdentifier, textOf(src, i.value.range)]), [
      ['a', true, '1'], ['"b"', false, '[true, null,]'], ['(k)', false, '2'], ['c', true, '3'],
    ]);
    assert.equal(textOf(src, e.items[1].range), '"b" : [true, null,]');
    assert.equal(textOf(src, e.range), src);
  });

  it('reads tuple for expressions with a condition', () => {
    const src = '[for i, s in var.list : upper(s) if i > 0]';
    const e = exprOk(src);
    assert.deepEqual(shape(e), {
      kind: 'For', keyVar: 'i', valueVar: 's', collection: trav('var', attrS('list')),
      valueExpr: { kind: 'FunctionCall', name: 'upper', expandFinal: false, args: [trav('s')] },
      condition: bin('>', trav('i'), num(0)), group: false,
    });
    assert.equal(textOf(src, e.range), src);
  });

  it('reads object for expressions with grouping', () => {
    const e = exprOk('{ for k, v in var.m : v.role => k... }');
    assert.deepEqual(shape(e), {
      kind: 'For', keyVar: 'k', valueVar: 'v', collection: trav('var', attrS('m')),
      keyExpr: trav('v', attrS('role')), valueExpr: trav('k'), group: true,
    });
  });

  it('takes "for" first in braces as a for expression, as hclsyntax does', () => {
    const r = parseExpression('{ for = 1 }');
    assert.equal(r.expr.kind, 'For');
    assert.match(r.diagnostics[0].message, /variable name after "for"/);
  });

  it('applies the spec operator precedence and left associativity', () => {
    assert.deepEqual(shape(exprOk('a || b && c == d < e + f * g')),
      bin('||', trav('a'), bin('&&', trav('b'), bin('==', trav('c'), bin('<', trav('d'), bin('+', trav('e'), bin('*', trav('f'), trav('g'))))))));
    assert.deepEqual(shape(exprOk('1 - 2 - 3')), bin('-', bin('-', num(1), num(2)), num(3)));
    assert.deepEqual(shape(exprOk('8 / 4 % 3 * 2')), bin('*', bin('%', bin('/', num(8), num(4)), num(3)), num(2)));
    assert.deepEqual(shape(exprOk('a != b == c')), bin('==', bin('!=', trav('a'), trav('b')), trav('c')));
  });

  it('binds unary operators tighter than binary ones', () => {
    assert.deepEqual(shape(exprOk('-a.b + 1')), bin('+', { kind: 'Unary', op: '-', operand: trav('a', attrS('b')) }, num(1)));
    assert.deepEqual(shape(exprOk('!!x')), { kind: 'Unary', op: '!', operand: { kind: 'Unary', op: '!', operand: trav('x') } });
    const src = '-46 + 5';
    const e = exprOk(src);
    assert.ok(e.kind === 'Binary');
    assert.equal(textOf(src, e.left.range), '-46');
  });

  it('reads conditionals with the lowest precedence, nesting to the right', () => {
    const src = 'a == 1 ? "x" : b ? 2 : 3';
    const e = exprOk(src);
    assert.deepEqual(shape(e), {
      kind: 'Conditional', condition: bin('==', trav('a'), num(1)), trueExpr: str('x'),
      falseExpr: { kind: 'Conditional', condition: trav('b'), trueExpr: num(2), falseExpr: num(3) },
    });
    assert.equal(textOf(src, e.range), src);
  });

  it('keeps parentheses as a node and allows newlines inside them', () => {
    const src = '(\n a +\n b\n) * 2';
    const e = exprOk(src);
    assert.ok(e.kind === 'Binary' && e.left.kind === 'Parens');
    assert.equal(textOf(src, e.left.range), '(\n a +\n b\n)');
  });

  it('reports extra tokens after a standalone expression', () => {
    const r = parseExpression('a b');
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /Extra characters/);
    assert.equal(r.expr.kind, 'ScopeTraversal');
  });
});
