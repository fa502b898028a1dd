// One copy of each string across a fetch's mapped attributes (issue 15): values are unchanged, objects are
// changed in place, and the table holds each distinct string once.
import assert from 'node:assert/strict';
import type { Value } from '../../../src/model';
import { internStrings, type StringTable } from '../../../src/providers/aws/internStrings';

describe('AWS: strings of mapped attributes kept once per fetch', () => {
  it('keeps every value and shape, in place, and records each distinct string once', () => {
    const table: StringTable = new Map();
    // Copies made at run time, as the XML parser makes them.
    const copy = (s: string) => [...s].join('');
    const make = (k: number): Record<string, Value> => ({ zone: copy('us-east-1a'), tags: { Name: copy(`n${k % 2}`) }, ids: [copy('sg-1'), copy('sg-1')], n: k, on: true, none: null, nested: [{ mode: copy('default') }] });
    const objects = [0, 1, 2].map(make);
    const expected = structuredClone(objects);
    const out = objects.map((o) => internStrings(o, table));
    out.forEach((o, k) => assert.equal(o, objects[k]));
    assert.deepEqual(out, expected);
    assert.deepEqual([...table.keys()].sort(), ['default', 'n0', 'n1', 'sg-1', 'us-east-1a']);
    assert.equal(internStrings(copy('us-east-1a'), table), 'us-east-1a');
    assert.equal(internStrings(7, table), 7);
    assert.equal(internStrings(null, table), null);
  });
});
