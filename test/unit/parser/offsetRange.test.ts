// OffsetRange at a thread boundary: `plainRanges` gives a copy a structured clone carries whole,
// and leaves the tree it was given (shared with the index cache) as it was.
import * as assert from 'node:assert/strict';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { LineMap, OffsetRange, plainRanges } from '../../../src/iac/offsetRange';
import { ParsedAttribute } from '../../../src/iac/terraform/parsedAttribute';

describe('plainRanges', () => {
  const src = 'resource "a_b" "c" {\n  tags = { __proto__ = "x", Name = var.name }\n}\n';

  it('copies: the parsed tree keeps its OffsetRanges, the copy has plain ranges that survive structured clone', () => {
    const { body } = parseHcl(src);
    const block = body.items[0];
    assert.ok(block.kind === 'Block' && block.range instanceof OffsetRange);
    const copy = plainRanges(body);
    assert.ok(block.range instanceof OffsetRange, 'the original tree was changed');
    assert.notEqual(copy, body);
    assert.deepStrictEqual(structuredClone(copy), copy);
    assert.deepEqual(copy, JSON.parse(JSON.stringify(body)));
    const copied = copy.items[0];
    assert.ok(copied.kind === 'Block');
    assert.deepStrictEqual(copied.typeRange, { start: { offset: 0, line: 0, character: 0 }, end: { offset: 8, line: 0, character: 8 } });
  });

  it('keeps an object reached twice as one, a key named __proto__ as an own key, and class instances as they are', () => {
    const shared = { range: new OffsetRange(LineMap.of('a = 1\nb = 2\n'), 2, 7) };
    const when = new Date(0);
    const value = { a: shared, b: [shared], when, map: JSON.parse('{"__proto__": 1}') as Record<string, number> };
    const copy = plainRanges(value);
    assert.equal(copy.a, copy.b[0]);
    assert.notEqual(copy.a, shared);
    assert.deepEqual(Object.keys(copy.map), ['__proto__']);
    assert.equal(Object.getPrototypeOf(copy.map), Object.prototype);
    assert.equal(copy.when, when);
    assert.deepStrictEqual(copy.a.range, { start: { offset: 2, line: 0, character: 2 }, end: { offset: 7, line: 1, character: 1 } });
  });

  it('copies a declared attribute keeping offsets as its plain form: name and value ranges where the text says', () => {
    const text = 'ami = var.ami\n';
    const { body } = parseHcl(text);
    const a = body.items[0];
    assert.ok(a.kind === 'Attribute' && a.nameRange instanceof OffsetRange);
    const attr = new ParsedAttribute(a.name, a.expr, a.nameRange.lines, a.nameRange.startOffset);
    const copy = plainRanges({ attr }).attr;
    assert.deepStrictEqual(structuredClone(copy), copy);
    assert.deepStrictEqual(copy.nameRange, { start: { offset: 0, line: 0, character: 0 }, end: { offset: 3, line: 0, character: 3 } });
    assert.deepStrictEqual(copy.valueRange, { start: { offset: 6, line: 0, character: 6 }, end: { offset: 13, line: 0, character: 13 } });
    assert.equal(text.slice(attr.valueRange.start.offset, attr.valueRange.end.offset), 'var.ami');
  });
});
