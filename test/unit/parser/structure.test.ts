// Conformance: structural elements (hclsyntax spec "Structural Elements", "Lexical Elements").

import * as assert from 'node:assert/strict';
import type { Block } from '../../../src/model/ast';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { attr, block, checkPositions, lc, parseOk, shape, textOf } from './helpers';

describe('HCL structure', () => {
  it('reads a block with quoted labels and exact ranges', () => {
    const src = 'resource "aws_instance" "web" {\n  instance_type = "t3.micro"\n}\n';
    const body = parseOk(src);
    const b = block(body, 'resource');
    assert.deepEqual(b.labels.map((l) => [l.value, l.quoted, textOf(src, l.range)]), [
      ['aws_instance', true, '"aws_instance"'],
      ['web', true, '"web"'],
    ]);
    assert.equal(textOf(src, b.typeRange), 'resource');
    assert.equal(textOf(src, b.range), src.trimEnd());
    assert.equal(lc(b.openBraceRange), '0:30-0:31');
    assert.equal(lc(b.closeBraceRange as NonNullable<Block['closeBraceRange']>), '2:0-2:1');
    const a = attr(b.body, 'instance_type');
    assert.equal(textOf(src, a.expr.range), '"t3.micro"');
    assert.equal(lc(a.expr.range), '1:18-1:28');
    assert.equal(textOf(src, a.nameRange), 'instance_type');
    assert.equal(textOf(src, a.range), 'instance_type = "t3.micro"');
  });

  it('reads identifier labels and nested blocks', () => {
    const src = 'a b c {\n  inner {\n    x = 1\n  }\n  inner {\n  }\n}\n';
    const b = block(parseOk(src), 'a');
    assert.deepEqual(b.labels.map((l) => [l.value, l.quoted]), [['b', false], ['c', false]]);
    assert.equal(b.body.items.length, 2);
    assert.equal(textOf(src, block(b.body, 'inner', 0).range), 'inner {\n    x = 1\n  }');
    assert.equal(block(b.body, 'inner', 1).body.items.length, 0);
  });

  it('reads one-line blocks, empty or with one argument', () => {
    const src = 'lifecycle { ignore_changes = [tags] }\nempty {}\n';
    const body = parseOk(src);
    const l = block(body, 'lifecycle');
    assert.equal(textOf(src, attr(l.body, 'ignore_changes').expr.range), '[tags]');
    assert.equal(textOf(src, l.range), 'lifecycle { ignore_changes = [tags] }');
    assert.equal(block(body, 'empty').body.items.length, 0);
  });

  it('rejects two arguments in a one-line block but keeps the first', () => {
    const r = parseHcl('b { x = 1, y = 2 }\nz = 3\n');
    assert.ok(r.diagnostics.some((d) => /one-line block/.test(d.message)));
    const b = block(r.body, 'b');
    assert.equal(attr(b.body, 'x').name, 'x');
    assert.equal(attr(r.body, 'z').name, 'z');
  });

  it('skips all three comment styles; a line comment still ends the item', () => {
    const src = '# hash\n// slashes\n/* block\n comment */ a = 1 # trailing\nb = /* inline */ 2 // end\n';
    const body = parseOk(src);
    assert.deepEqual(body.items.map((i) => i.kind === 'Attribute' && textOf(src, i.expr.range)), ['1', '2']);
    assert.equal(lc(attr(body, 'a').nameRange), '3:12-3:13');
  });

  it('accepts CRLF line endings with the same lines and characters', () => {
    const src = 'a = 1\r\nblock "x" {\r\n  b = "v"\r\n}\r\n';
    const body = parseOk(src);
    assert.equal(lc(attr(block(body, 'block').body, 'b').expr.range), '2:6-2:9');
  });

  it('takes Unicode letters and dashes in identifiers', () => {
    const src = 'résumé-name = 1\n名前 = 2\n_x-1 = 3\n';
    const body = parseOk(src);
    assert.deepEqual(body.items.map((i) => (i.kind === 'Attribute' ? i.name : '')), ['résumé-name', '名前', '_x-1']);
  });

  it('counts characters in UTF-16 code units (astral characters count 2)', () => {
    const src = 'a = "😀" + b\n';
    const body = parseOk(src);
    const e = attr(body, 'a').expr;
    assert.equal(e.kind, 'Binary');
    if (e.kind !== 'Binary') return;
    assert.equal(lc(e.left.range), '0:4-0:8');
    assert.equal(lc(e.right.range), '0:11-0:12');
  });

  it('gives the file body the range of the whole text', () => {
    const src = 'a = 1\n\n';
    const body = parseOk(src);
    assert.equal(body.range.start.offset, 0);
    assert.equal(body.range.end.offset, src.length);
    assert.equal(lc(body.range), '0:0-2:0');
  });

  it('keeps items in source order with their kinds', () => {
    const src = 'terraform {\n}\nx = 1\nprovider "aws" {\n  region = "us-east-1"\n}\n';
    assert.deepEqual(shape(parseOk(src).items.map((i) => [i.kind, i.kind === 'Block' ? i.type : i.name])), [
      ['Block', 'terraform'], ['Attribute', 'x'], ['Block', 'provider'],
    ]);
  });

  it('records every position consistently in a realistic module', () => {
    const src = [
      'variable "tags" {',
      '  type    = map(string)',
      '  default = {}',
      '}',
      'resource "aws_subnet" "private" {',
      '  for_each          = { for i, cidr in var.cidrs : "p${i}" => cidr }',
      '  vpc_id            = aws_vpc.main.id',
      '  cidr_block        = each.value',
      '  availability_zone = element(data.aws_availability_zones.all.names, index(var.cidrs, each.value))',
      '  tags              = merge(var.tags, { Name = "private-${each.key}" })',
      '}',
      '',
    ].join('\n');
    const r = parseHcl(src);
    assert.deepEqual(r.diagnostics, []);
    assert.ok(checkPositions(r.body, src) > 50);
  });

  it('spells every name and short string as written, however many parses share them', () => {
    // Short names are shared across parses through a fixed table: thousands of spellings collide in it.
    let seed = 7;
    const word = (): string => {
      const n = 1 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 16);
      let w = 'abcdefghijklmnopqrstuvwxyz'[seed % 26];
      for (let i = 1; i < n; i++) w += 'abcdefghijklmnopqrstuvwxyz_0123456789-'[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 38];
      return w;
    };
    for (let file = 0; file < 200; file++) {
      const words = Array.from({ length: 40 }, word).map((w) => (['true', 'false', 'null'].includes(w) ? `${w}_` : w));
      const lines = words.map((w, i) => `${w} = ${words[(i + 1) % words.length]}.${w}["${w}"]`);
      const blocks = words.map((w) => `${w} "${w}" ${w} {\n}`);
      const r = parseHcl([...lines, ...blocks].join('\n'));
      assert.deepEqual(r.diagnostics, []);
      const attrs = r.body.items.filter((i) => i.kind === 'Attribute');
      const found = attrs.map((a) => {
        const e = a.kind === 'Attribute' ? a.expr : undefined;
        assert.ok(e?.kind === 'ScopeTraversal');
        const key = e.steps[1];
        return [a.name, e.root, e.steps[0].kind === 'GetAttr' ? e.steps[0].name : '', key.kind === 'IndexStep' ? key.key : ''];
      });
      assert.deepEqual(found, words.map((w, i) => [w, words[(i + 1) % words.length], w, w]));
      const labels = r.body.items.filter((i) => i.kind === 'Block').map((b) => (b.kind === 'Block' ? [b.type, ...b.labels.map((l) => l.value)] : []));
      assert.deepEqual(labels, words.map((w) => [w, w, w]));
    }
  });
});
