// Type conversion and number functions (tostring … toset, abs … pow).
import type { Value } from '../../../model';
import {
  asNumber,
  asString,
  fail,
  isMap,
  parseNumberString,
  sortedKeys,
  toSetValue,
  unifyElements,
  type ValueMap,
} from './values';

export function toString(v: Value): Value {
  if (v === null) return null;
  if (Array.isArray(v) || isMap(v)) fail(`cannot convert ${Array.isArray(v) ? 'tuple' : 'object'} to string`);
  return asString(v, 'v');
}

export function toNumber(v: Value): Value {
  if (v === null || typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumberString(v);
    if (n === undefined) fail(`cannot convert ${JSON.stringify(v)} to number: a number is required`);
    return n;
  }
  fail(`cannot convert ${Array.isArray(v) ? 'tuple' : isMap(v) ? 'object' : 'bool'} to number`);
}

export function toBool(v: Value): Value {
  if (v === null || typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (typeof v === 'string') fail(`cannot convert ${JSON.stringify(v)} to bool; only the strings "true" or "false" are allowed`);
  fail(`cannot convert ${Array.isArray(v) ? 'tuple' : isMap(v) ? 'object' : 'number'} to bool`);
}

export function toList(v: Value): Value {
  if (v === null) return null;
  if (!Array.isArray(v)) fail(`cannot convert ${isMap(v) ? 'object' : typeof v} to list of any single type`);
  return unifyElements(v, 'cannot convert tuple to list of any single type');
}

export function toSet(v: Value): Value {
  if (v === null) return null;
  if (!Array.isArray(v)) fail(`cannot convert ${isMap(v) ? 'object' : typeof v} to set of any single type`);
  return toSetValue(v, 'cannot convert tuple to set of any single type');
}

export function toMap(v: Value): Value {
  if (v === null) return null;
  if (!isMap(v)) fail(`cannot convert ${Array.isArray(v) ? 'tuple' : typeof v} to map of any single type`);
  const ks = sortedKeys(v);
  const vals = unifyElements(ks.map((k) => v[k]), 'cannot convert object to map of any single type');
  const out: ValueMap = {};
  ks.forEach((k, i) => (out[k] = vals[i]));
  return out;
}

// ---------------------------------------------------------------------------
// Numbers

export function minMax(args: Value[], pick: 'min' | 'max'): number {
  if (args.length === 0) fail('must pass at least one number');
  const nums = args.map((a) => asNumber(a, 'numbers'));
  return pick === 'min' ? Math.min(...nums) : Math.max(...nums);
}

/** parseint(string, base): base 2–62 digits, an optional sign. */
export function parseInt_(s: string, base: number): number {
  if (!Number.isInteger(base) || base < 2 || base > 62) fail('base must be a whole number between 2 and 62 inclusive');
  const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const m = /^([-+]?)(.+)$/.exec(s);
  if (!m) fail(`cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
  let n = 0n;
  for (const c of m[2]) {
    let d = digits.indexOf(c);
    if (base <= 36 && d >= 36) d -= 26;
    if (d < 0 || d >= base) fail(`cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
    n = n * BigInt(base) + BigInt(d);
  }
  return Number(m[1] === '-' ? -n : n);
}

/**
 * Adds as Terraform's 512-bit floats do for decimal inputs: exactly, on the numbers as written
 * (0.1 + 0.2 is 0.3, not 0.30000000000000004).
 */
export function decimalSum(nums: number[]): number {
  if (!nums.every(Number.isFinite)) return nums.reduce((a, b) => a + b, 0);
  const parts = nums.map((n) => {
    const [mant, exp] = n.toExponential().split('e');
    const digits = mant.replace('.', '').replace('-', '');
    const scale = Number(exp) - (digits.length - 1);
    return { int: BigInt(digits) * (n < 0 ? -1n : 1n), scale };
  });
  const min = Math.min(...parts.map((p) => p.scale));
  const total = parts.reduce((acc, p) => acc + p.int * 10n ** BigInt(p.scale - min), 0n);
  return Number(`${total}e${min}`) + 0;
}
