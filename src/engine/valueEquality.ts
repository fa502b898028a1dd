// Equality of a declared value and a live one as Terraform would see it after type conversion:
// "8" equals 8, "true" equals true, null / "" / [] / {} / absent are one "empty", sets ignore order.
import type { Value } from '../model';
import { formatNumber } from '../iac/terraform/evalValue';

export function isEmpty(v: Value | undefined): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

/** A primitive as Terraform's string conversion spells it (numbers without trailing zeros). */
function primitiveText(v: string | number | boolean): string {
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

export function scalarEquals(expected: Value, actual: Value | undefined, caseInsensitive = false): boolean {
  if (isEmpty(expected) || isEmpty(actual)) return isEmpty(expected) && isEmpty(actual);
  if (typeof expected === 'object' || typeof actual === 'object') return false;
  const a = actual as string | number | boolean;
  if (typeof expected === 'number' || typeof a === 'number') {
    const x = Number(expected);
    const y = Number(a);
    if (typeof expected !== 'boolean' && typeof a !== 'boolean' && String(expected).trim() !== '' && String(a).trim() !== '' && !Number.isNaN(x) && !Number.isNaN(y)) return x === y;
  }
  const s = primitiveText(expected);
  const t = primitiveText(a);
  return caseInsensitive ? s.toLowerCase() === t.toLowerCase() : s === t;
}

/** Deep equality with the conversions above; `sets` lists paths compared order-insensitively. */
export function valueEquals(expected: Value, actual: Value | undefined, unordered = false): boolean {
  if (isEmpty(expected) || isEmpty(actual)) return isEmpty(expected) && isEmpty(actual);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    if (unordered) return sameMultiset(expected, actual);
    return expected.every((e, i) => valueEquals(e, actual[i]));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) if (!valueEquals(expected[k] ?? null, actual[k])) return false;
    return true;
  }
  return scalarEquals(expected, actual);
}

/** A canonical text for a value: object keys sorted, empties dropped, primitives converted to text. */
export function canonical(v: Value | undefined): string {
  if (isEmpty(v)) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v).filter((k) => !isEmpty(v[k])).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(primitiveText(v as string | number | boolean));
}

export function sameMultiset(a: Value[], b: Value[]): boolean {
  return setDifference(a, b).length === 0 && setDifference(b, a).length === 0;
}

/** Elements of `a` not matched by an element of `b` (multiset difference, by canonical text). */
export function setDifference(a: Value[], b: Value[]): Value[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(canonical(x), (counts.get(canonical(x)) ?? 0) + 1);
  const out: Value[] = [];
  for (const x of a) {
    const k = canonical(x);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(x);
  }
  return out;
}

/** Sorted by canonical text, so reports print sets in a stable order. */
export function sortedSet(a: Value[]): Value[] {
  return [...a].sort((x, y) => (canonical(x) < canonical(y) ? -1 : canonical(x) > canonical(y) ? 1 : 0));
}
