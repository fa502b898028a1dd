// Set functions and matchkeys. A set is a sorted, deduplicated list (what `toset` returns).
import type { Value } from '../../../model';
import { asList, fail, toSetValue, valuesEqual } from './values';

function sets(args: Value[], name: string): Value[][] {
  return args.map((a, i) => {
    if (!Array.isArray(a)) fail(`argument ${i + 1} of ${name} must be a set, list or tuple`);
    return a;
  });
}

export function setUnion(args: Value[]): Value[] {
  if (args.length === 0) fail('at least one argument is required');
  return toSetValue(sets(args, 'setunion').flat(), 'given sets must all have compatible element types');
}

export function setIntersection(args: Value[]): Value[] {
  if (args.length === 0) fail('at least one argument is required');
  const [first, ...rest] = sets(args, 'setintersection').map((s) => toSetValue(s, 'given sets must all have compatible element types'));
  return first.filter((x) => rest.every((s) => s.some((y) => valuesEqual(x, y))));
}

export function setSubtract(a: Value, b: Value): Value[] {
  const [from, minus] = sets([a, b], 'setsubtract').map((s) => toSetValue(s, 'given sets must all have compatible element types'));
  return from.filter((x) => !minus.some((y) => valuesEqual(x, y)));
}

/** matchkeys(values, keys, searchset): the values whose key (same index) is in searchset. */
export function matchKeys(values: Value, keys: Value, searchset: Value): Value[] {
  const vs = asList(values, 'values');
  const ks = asList(keys, 'keys');
  const search = asList(searchset, 'searchset');
  if (vs.length !== ks.length) fail('length of keys and values should be equal');
  return vs.filter((_, i) => search.some((s) => valuesEqual(s, ks[i])));
}
