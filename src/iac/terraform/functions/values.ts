// Shared vocabulary of the function library: how a plain `Value` is read as one of Terraform's
// types (with cty's conversions), how numbers print, and how collections order their keys.
import type { Value } from '../../../model';

export interface UnknownResult {
  $unknown: string;
}

export type FunctionValue = Value | UnknownResult;

export type ValueMap = { [key: string]: Value };

/** An argument Terraform would reject; `callFunction` turns it into `{ $unknown: "<fn>: <message>" }`. */
export class FunctionArgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionArgError';
  }
}

export function fail(message: string): never {
  throw new FunctionArgError(message);
}

export function isUnknownResult(v: unknown): v is UnknownResult {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as UnknownResult).$unknown === 'string' && Object.keys(v).length === 1;
}

/** The first unknown anywhere inside `v` (an evaluator may hand in partly known collections). */
export function findUnknown(v: unknown): UnknownResult | undefined {
  if (isUnknownResult(v)) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = findUnknown(x);
      if (u) return u;
    }
  } else if (isMap(v as Value)) {
    for (const x of Object.values(v as ValueMap)) {
      const u = findUnknown(x);
      if (u) return u;
    }
  }
  return undefined;
}

export function isMap(v: Value): v is ValueMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** Byte-wise (UTF-8) order, which is code-point order: how cty sorts map keys and string sets. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  for (let i = 0, j = 0; i < la && j < lb; ) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return la < lb ? -1 : la > lb ? 1 : 0;
}

/** Map keys in the order Terraform iterates them (sorted), not JS insertion order. */
export function sortedKeys(m: ValueMap): string[] {
  return Object.keys(m).sort(compareStrings);
}

/** A map rebuilt with sorted keys (integer-like keys still come first in JS, so iterate with sortedKeys). */
export function sortedMap(m: ValueMap): ValueMap {
  const out: ValueMap = {};
  for (const k of sortedKeys(m)) out[k] = m[k];
  return out;
}

/**
 * A number as cty prints it (big.Float 'f', -1): plain decimal, never an exponent
 * (`1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`).
 */
export function numberToString(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  if (Object.is(n, -0)) return '-0';
  return expandExponent(String(n));
}

/** `1.5e-7` → `0.00000015`; `1e+21` → `1000000000000000000000`. */
export function expandExponent(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!m) return text;
  const [, sign, intPart, fracPart = '', expText] = m;
  const digits = intPart + fracPart;
  const point = intPart.length + Number(expText);
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return sign + out;
}

// ---------------------------------------------------------------------------
// cty's conversions, as function parameters apply them

export function requireKnownNotNull(v: Value, param: string): void {
  if (v === null) fail(`argument "${param}" must not be null`);
}

export function asString(v: Value, param = 'str'): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) fail(`argument "${param}" must not be null`);
  fail(`invalid value for "${param}" parameter: string required`);
}

/** cty parses number strings with big.ParseFloat(s, 10): no spaces, no hex, no `Inf`. */
export function parseNumberString(s: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export function asNumber(v: Value, param = 'num'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumberString(v);
    if (n !== undefined) return n;
    fail(`invalid value for "${param}" parameter: a number is required`);
  }
  if (v === null) fail(`argument "${param}" must not be null`);
  fail(`invalid value for "${param}" parameter: number required`);
}

export function asInteger(v: Value, param: string): number {
  const n = asNumber(v, param);
  if (!Number.isInteger(n)) fail(`invalid value for "${param}" parameter: value must be a whole number, between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER} inclusive`);
  return n;
}

export function asBool(v: Value, param = 'bool'): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === null) fail(`argument "${param}" must not be null`);
  fail(`invalid value for "${param}" parameter: bool required`);
}

export function asList(v: Value, param = 'list'): Value[] {
  if (Array.isArray(v)) return v;
  if (v === null) fail(`argument "${param}" must not be null`);
  fail(`invalid value for "${param}" parameter: list of any single type required`);
}

export function asMap(v: Value, param = 'map'): ValueMap {
  if (isMap(v)) return v;
  if (v === null) fail(`argument "${param}" must not be null`);
  fail(`invalid value for "${param}" parameter: map of any single type required`);
}

// ---------------------------------------------------------------------------
// Equality, unification, sets

/** cty equality: same type and same value (1 and "1" differ). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k], b[k]));
  }
  return false;
}

type Kind = 'string' | 'number' | 'bool' | 'null' | 'list' | 'map';

function kindOf(v: Value): Kind {
  return typeName(v) as Kind;
}

/**
 * Converts the elements of a collection to one type, as cty's `convert.Unify` does for
 * `tolist`/`toset`/`tomap`: primitives of mixed types become strings; a mix of primitives
 * and collections has no common type.
 */
export function unifyElements(items: Value[], what: string): Value[] {
  const kinds = new Set(items.filter((x) => x !== null).map(kindOf));
  if (kinds.size <= 1) return items;
  // Numbers and bools both convert to string, but not to each other.
  const primitive = [...kinds].every((k) => k === 'string' || k === 'number' || k === 'bool');
  if (!primitive || !kinds.has('string')) fail(what);
  return items.map((x) => (x === null ? null : asString(x)));
}

/** cty's set order: numbers ascending, strings by bytes, false before true; other values by their JSON. */
export function compareSetElements(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return compareStrings(JSON.stringify(a), JSON.stringify(b));
}

/** A set as Terraform shows it: unified element type, deduplicated, sorted. */
export function toSetValue(items: Value[], what = 'toset'): Value[] {
  const unified = unifyElements(items, what);
  const out: Value[] = [];
  for (const x of unified) if (!out.some((y) => valuesEqual(x, y))) out.push(x);
  return out.sort(compareSetElements);
}

// One segmenter for the process: stateless, and costly to build per call.
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters (grapheme clusters): what `length`, `substr` and `format` widths count. */
export function graphemes(s: string): string[] {
  // ASCII without CR has one cluster per code unit: skip the segmenter on the common case.
  if (isPlainAscii(s)) return s.split('');
  return Array.from(graphemeSegmenter.segment(s), (x) => x.segment);
}

/** ASCII without CR (CR LF is one grapheme cluster). */
export function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f || c === 0x0d) return false;
  }
  return true;
}
