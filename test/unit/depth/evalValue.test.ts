// Evaluated values as plain JSON, and the unknowns `try()` skips.
import assert from 'node:assert/strict';
import { failure, fromValue, toValue, unknown } from '../../../src/iac/terraform/evalValue';

describe('evaluated values', () => {
  it('turn into plain JSON with a map key `__proto__` kept as an own key', () => {
    const v = toValue(fromValue(JSON.parse('{"__proto__": {"x": 1}, "b": [2, "c"]}') as Record<string, unknown> as never));
    assert.equal(JSON.stringify(v), '{"__proto__":{"x":1},"b":[2,"c"]}');
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
    assert.equal(toValue({ kind: 'list', items: [fromValue(1), unknown('later')] }), undefined, 'any unknown part: no plain value');
  });

  it('a failure is an unknown that try() skips, sensitive only when said so', () => {
    assert.deepEqual(failure('index out of range'), { kind: 'unknown', reason: 'index out of range', error: true });
    assert.deepEqual(failure('attribute of null', true), { kind: 'unknown', reason: 'attribute of null', sensitive: true, error: true });
    assert.deepEqual(Object.keys(failure('x', true)), ['kind', 'reason', 'sensitive', 'error']);
    assert.equal(unknown('x').error, undefined);
  });
});
