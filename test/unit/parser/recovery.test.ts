// Error tolerance: always a tree plus diagnostics; one bad item never loses the rest of the file.

import * as assert from 'node:assert/strict';
import type { Block, Body } from '../../../src/model/ast';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { attr, block, checkPositions, textOf } from './helpers';

const names = (body: Body): string[] => body.items.map((i) => (i.kind === 'Attribute' ? i.name : `${i.type}${i.labels.map((l) => '.' + l.value).join('')}`));

function parse(src: string): ReturnType<typeof parseHcl> {
  const r = parseHcl(src);
  checkPositions(r.body, src);
  checkPositions(r.diagnostics, src);
  return r;
}

describe('HCL error tolerance', () => {
  it('keeps the next attribute and block after a malformed attribute', () => {
    const src = 'resource "a" "x" {\n  ami = "x"\n  bad = 1 +* 2\n  size = 3\n}\nresource "b" "y" {\n}\n';
    const r = parse(src);
    assert.ok(r.diagnostics.length >= 1);
    assert.deepEqual(names(r.body), ['resource.a.x', 'resource.b.y']);
    assert.deepEqual(names(block(r.body, 'resource').body), ['ami', 'bad', 'size']);
    assert.equal(textOf(src, attr(block(r.body, 'resource').body, 'size').expr.range), '3');
  });

  // Seen on real files converted with a stray CR: the old message read `found ""`.
  it('names an invisible stray character in its message, and flags a lone CR inside a string', () => {
    const r = parse('b {\r\n  x = 1\r\n}\r');
    assert.deepEqual(r.diagnostics.map((d) => d.message), ['Missing newline after block definition: found "\\r".']);
    assert.deepEqual(names(block(r.body, 'b').body), ['x']);
    const s = parse('a = "x\ry"\nb = 2\n');
    assert.equal(s.diagnostics.length, 1);
    assert.match(s.diagnostics[0].message, /carriage return without a line feed/);
    assert.equal(s.diagnostics[0].range.start.character, 6);
    assert.deepEqual(names(s.body), ['a', 'b']);
  });

  it('keeps an attribute with no value yet as Invalid and reads on', () => {
    const src = 'resource "a" "x" {\n  ami =\n  size = 3\n}\n';
    const r = parse(src);
    assert.equal(r.diagnostics.length, 1);
    const b = block(r.body, 'resource');
    assert.equal(attr(b.body, 'ami').expr.kind, 'Invalid');
    assert.equal(attr(b.body, 'size').expr.kind, 'Literal');
  });

  it('contains an unterminated string to its line', () => {
    const src = 'a = "no end\nb = "fine"\n';
    const r = parse(src);
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /Unterminated/);
    assert.deepEqual(names(r.body), ['a', 'b']);
    assert.equal(textOf(src, attr(r.body, 'b').expr.range), '"fine"');
  });

  it('contains an unterminated heredoc: the lines after it are read as code', () => {
    const src = 'resource "a" "x" {\n  policy = <<EOF\n  {}\n  size = 3\n}\nresource "b" "y" {\n}\n';
    const r = parse(src);
    assert.ok(r.diagnostics.some((d) => /heredoc/.test(d.message)));
    assert.deepEqual(names(r.body), ['resource.a.x', 'resource.b.y']);
    assert.ok(names(block(r.body, 'resource').body).includes('size'));
  });

  it('keeps complete items of a block that is never closed', () => {
    const src = 'resource "aws_instance" "x" {\n  ami = "ami-1"\n  tags = {\n    a = 1\n  }\n  count =';
    const r = parse(src);
    assert.ok(r.diagnostics.some((d) => /not closed/.test(d.message)));
    const b = block(r.body, 'resource');
    assert.equal(b.closeBraceRange, undefined);
    assert.deepEqual(names(b.body), ['ami', 'tags', 'count']);
    assert.equal(textOf(src, attr(b.body, 'ami').expr.range), '"ami-1"');
  });

  it('ends an unclosed block at the next top-level resource at column 0', () => {
    const src = 'resource "a" "x" {\n  ami = "1"\n\nresource "b" "y" {\n  size = 2\n}\n';
    const r = parse(src);
    assert.deepEqual(names(r.body), ['resource.a.x', 'resource.b.y']);
    const second = r.body.items[1] as Block;
    assert.deepEqual(names(second.body), ['size']);
    assert.equal((r.body.items[0] as Block).closeBraceRange, undefined);
  });

  it('ends an unclosed object at the next top-level block', () => {
    const src = 'resource "a" "x" {\n  tags = {\n    Name = "x"\n\nresource "b" "y" {\n  size = 2\n}\n';
    const r = parse(src);
    assert.ok(r.diagnostics.length >= 1);
    assert.deepEqual(names(r.body), ['resource.a.x', 'resource.b.y']);
    assert.deepEqual(names(block(r.body, 'resource', 0).body), ['tags']);
    assert.deepEqual(names(block(r.body, 'resource', 1).body), ['size']);
  });

  it('reports a stray closing brace and keeps going', () => {
    const r = parse('a = 1\n}\nb = 2\n');
    assert.equal(r.diagnostics.length, 1);
    assert.deepEqual(names(r.body), ['a', 'b']);
  });

  it('loses one line only for an unclosed bracket or call', () => {
    const r = parse('a = [1, 2\nb = merge(x,\nc = 3\n');
    assert.ok(r.diagnostics.length >= 2);
    assert.deepEqual(names(r.body), ['a', 'b', 'c']);
    assert.equal(attr(r.body, 'c').expr.kind, 'Literal');
  });

  it('skips a line that is neither attribute nor block', () => {
    const r = parse('a = 1\n"oops" junk\nresource "x" {\n}\nb = 2\n');
    assert.ok(r.diagnostics.length >= 1);
    assert.deepEqual(names(r.body), ['a', 'resource.x', 'b']);
  });

  it('drops a half-typed block header but keeps what follows', () => {
    const r = parse('resource "aws_instance"\nx = 1\n');
    assert.equal(r.diagnostics.length, 1);
    assert.deepEqual(names(r.body), ['x']);
  });

  it('reports an unclosed interpolation in a quoted string', () => {
    const r = parse('a = "${x"\nb = 1\n');
    assert.ok(r.diagnostics.length >= 1);
    assert.ok(names(r.body).includes('a'));
  });

  it('reports invalid characters with their range', () => {
    const src = 'a = 1 @ 2\nb = 2\n';
    const r = parse(src);
    assert.equal(textOf(src, r.diagnostics[0].range), '@');
    assert.deepEqual(names(r.body), ['a', 'b']);
  });

  it('reports an unterminated block comment', () => {
    const r = parse('a = 1\n/* never closed\nb = 2\n');
    assert.equal(r.diagnostics.length, 1);
    assert.deepEqual(names(r.body), ['a']);
  });

  it('bounds nesting depth with one diagnostic instead of overflowing the stack', () => {
    for (const src of ['a = ' + '['.repeat(10000) + ']'.repeat(10000) + '\nb = 1\n', 'a = ' + '{a='.repeat(10000) + '1' + '}'.repeat(10000) + '\nb = 1\n']) {
      const r = parseHcl(src);
      assert.equal(r.diagnostics.length, 1, r.diagnostics.map((d) => d.message).join());
      assert.match(r.diagnostics[0].message, /deeper than/);
      assert.deepEqual(names(r.body), ['a', 'b']);
    }
    const blocks = parseHcl('a {\n'.repeat(10000) + '}\n'.repeat(10000) + 'b = 1\n');
    assert.match(blocks.diagnostics[0].message, /deeper than/);
    assert.deepEqual(names(blocks.body), ['a', 'b']);
  });
});
