// Collection functions. Values carry no list/tuple/set distinction, so a set arrives as the sorted
// list `toset` produced; maps iterate in sorted key order, as cty's maps and objects do.
import type { Value } from '../../../model';
import {
  asBool,
  asInteger,
  asList,
  asMap,
  asString,
  compareStrings,
  fail,
  graphemes,
  isMap,
  sortedKeys,
  sortedMap,
  typeName,
  unifyElements,
  valuesEqual,
  type ValueMap,
} from './values';

export function length(v: Value): number {
  if (typeof v === 'string') return graphemes(v).length;
  if (Array.isArray(v)) return v.length;
  if (isMap(v)) return Object.keys(v).length;
  if (v === null) fail('argument must not be null');
  fail('argument must be a string, a collection type, or a structural type');
}

export function concat(lists: Value[]): Value[] {
  if (lists.length === 0) fail('at least one argument is required');
  const out: Value[] = [];
  lists.forEach((l, i) => {
    if (!Array.isArray(l)) fail(`all arguments must be lists or tuples; argument ${i + 1} is ${typeName(l)}`);
    out.push(...l);
  });
  return out;
}

export function merge(maps: Value[]): ValueMap {
  const out: ValueMap = {};
  maps.forEach((m, i) => {
    if (m === null) return;
    if (!isMap(m)) fail(`arguments must be maps or objects, got ${typeName(m)} at argument ${i + 1}`);
    for (const k of Object.keys(m)) out[k] = m[k];
  });
  return sortedMap(out);
}

export function lookup(args: Value[]): Value {
  if (args.length < 2 || args.length > 3) fail(`lookup() takes two or three arguments, ${args.length} given`);
  const m = asMap(args[0], 'inputMap');
  const key = asString(args[1], 'key');
  if (Object.hasOwn(m, key)) return m[key];
  if (args.length === 3) return args[2];
  fail(`lookup failed to find key ${JSON.stringify(key)}`);
}

export function element(list: Value, indexV: Value): Value {
  const l = asList(list);
  const index = asInteger(indexV, 'index');
  if (index < 0) fail('cannot use element function with a negative index');
  if (l.length === 0) fail('cannot use element function with an empty list');
  return l[index % l.length];
}

export function keys(m: Value): string[] {
  if (!isMap(m)) fail('must have map or object type');
  return sortedKeys(m);
}

export function values(m: Value): Value[] {
  if (!isMap(m)) fail('values() requires a map as the first argument');
  return sortedKeys(m).map((k) => m[k]);
}

export function contains(list: Value, value: Value): boolean {
  if (!Array.isArray(list)) fail('argument must be list, tuple, or set');
  return list.some((x) => valuesEqual(x, value));
}

export function index(list: Value, value: Value): number {
  if (!Array.isArray(list)) fail('argument must be a list or tuple');
  const i = list.findIndex((x) => valuesEqual(x, value));
  if (i < 0) fail('item not found');
  return i;
}

/** First argument that is neither null nor (when the arguments unify to string) an empty string. */
export function coalesce(args: Value[]): Value {
  const known = args.filter((a) => a !== null);
  const unified = unifyAny(known, 'all arguments must have the same type');
  for (const a of unified) {
    if (a === '' ) continue;
    return a;
  }
  fail('no non-null, non-empty-string arguments');
}

function unifyAny(vals: Value[], message: string): Value[] {
  const kinds = new Set(vals.map(typeName));
  if (kinds.size <= 1) return vals;
  const primitive = [...kinds].every((k) => k === 'string' || k === 'number' || k === 'bool');
  if (!primitive || !kinds.has('string')) fail(message);
  return vals.map((v) => asString(v));
}

export function coalesceList(args: Value[]): Value[] {
  if (args.length === 0) fail('at least one argument is required');
  for (const a of args) {
    if (!Array.isArray(a)) fail('coalescelist arguments must be lists or tuples');
    if (a.length > 0) return a;
  }
  fail('no non-null arguments');
}

export function compact(list: Value): string[] {
  return unifyElements(asList(list), 'compact')
    .filter((x) => x !== null && x !== '')
    .map((x) => asString(x));
}

export function distinct(list: Value): Value[] {
  const out: Value[] = [];
  for (const x of unifyElements(asList(list), 'distinct')) if (!out.some((y) => valuesEqual(x, y))) out.push(x);
  return out;
}

export function flatten(list: Value): Value[] {
  const out: Value[] = [];
  const walk = (l: Value[]): void => {
    for (const x of l) {
      if (Array.isArray(x)) walk(x);
      else out.push(x);
    }
  };
  if (!Array.isArray(list)) fail('can only flatten lists, sets and tuples');
  walk(list);
  return out;
}

export function slice(list: Value, startV: Value, endV: Value): Value[] {
  const l = asList(list);
  const start = asInteger(startV, 'start_index');
  const end = asInteger(endV, 'end_index');
  if (start < 0) fail('from index must be greater than or equal to 0');
  if (end > l.length) fail('to index must be less than or equal to the length of the input list');
  if (start > end) fail('from index must be less than or equal to index');
  return l.slice(start, end);
}

function fractionDigits(n: number): number {
  const m = /(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n))!;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/** range(max) / range(start, limit) / range(start, limit, step); cty counts in exact decimals. */
export function range(args: number[]): number[] {
  let start = 0;
  let end: number;
  let step: number;
  if (args.length === 1) [end, step] = [args[0], args[0] < 0 ? -1 : 1];
  else if (args.length === 2) [start, end, step] = [args[0], args[1], args[1] < args[0] ? -1 : 1];
  else if (args.length === 3) [start, end, step] = args;
  else fail('must have one, two, or three arguments');
  if (step === 0) fail('step must not be zero');
  const down = step < 0;
  if (down && end > start) fail('for negative step, start must not be less than end');
  if (!down && end < start) fail('for positive step, start must not be greater than end');
  const scale = 10 ** Math.min(15, Math.max(fractionDigits(start), fractionDigits(step)));
  const s = Math.round(start * scale);
  const t = Math.round(step * scale);
  const out: number[] = [];
  for (let i = 0; ; i++) {
    const v = (s + i * t) / scale;
    if (down ? !(v > end) : !(v < end)) break;
    if (out.length >= 1024) fail('more than 1024 values were generated; either decrease the difference between start and end or use a smaller step');
    out.push(v);
  }
  return out;
}

export function zipmap(keysV: Value, valuesV: Value): ValueMap {
  const ks = asList(keysV, 'keys');
  const vs = asList(valuesV, 'values');
  if (ks.length !== vs.length) fail(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
  const out: ValueMap = {};
  ks.forEach((k, i) => {
    if (k === null) fail('keys must not be null');
    out[asString(k, 'keys')] = vs[i];
  });
  return sortedMap(out);
}

export function sort(list: Value): string[] {
  return asList(list).map((x, i) => {
    if (x === null) fail(`given list element ${i} is null; a null string cannot be sorted`);
    return asString(x, 'list');
  }).sort(compareStrings);
}

export function reverse(list: Value): Value[] {
  if (!Array.isArray(list)) fail('can only reverse list or tuple values');
  return [...list].reverse();
}

export function setproduct(sets: Value[]): Value[][] {
  if (sets.length < 2) fail('at least two arguments are required');
  const size = sets.reduce<number>((n, s) => n * (Array.isArray(s) ? s.length : 1), 1);
  if (size > 1_000_000) fail(`the product has ${size} elements; more than 1000000 are not evaluated`);
  let out: Value[][] = [[]];
  sets.forEach((s, i) => {
    if (!Array.isArray(s)) fail(`argument ${i + 1} must be a list, set, or tuple`);
    const next: Value[][] = [];
    for (const prefix of out) for (const x of s) next.push([...prefix, x]);
    out = next;
  });
  return out;
}

export function one(list: Value): Value {
  if (!Array.isArray(list)) fail('must be a list, set, or tuple value with either zero or one elements');
  if (list.length === 0) return null;
  if (list.length === 1) return list[0];
  fail('must be a list, set, or tuple value with either zero or one elements');
}

export function allTrue(list: Value): boolean {
  let result = true;
  for (const x of asList(list)) {
    if (x === null) return false;
    result = asBool(x, 'list') && result;
  }
  return result;
}

export function anyTrue(list: Value): boolean {
  let result = false;
  for (const x of asList(list)) {
    if (x === null) continue;
    result = asBool(x, 'list') || result;
  }
  return result;
}

export function transpose(m: Value): ValueMap {
  const input = asMap(m, 'values');
  const tmp = new Map<string, string[]>();
  for (const k of sortedKeys(input)) {
    const list = input[k];
    if (!Array.isArray(list)) fail('input must be a map of lists of strings');
    for (const item of list) {
      if (item === null || Array.isArray(item) || isMap(item)) fail('input must be a map of lists of strings');
      const v = asString(item);
      const prev = tmp.get(v) ?? [];
      prev.push(k);
      tmp.set(v, prev);
    }
  }
  const out: ValueMap = {};
  for (const k of [...tmp.keys()].sort(compareStrings)) out[k] = tmp.get(k)!;
  return out;
}

export function chunklist(list: Value, sizeV: Value): Value[][] {
  const l = asList(list);
  const size = asInteger(sizeV, 'size');
  if (size < 0) fail('the size argument must be positive');
  if (l.length === 0) return [];
  if (size === 0) return [l];
  const out: Value[][] = [];
  for (let i = 0; i < l.length; i += size) out.push(l.slice(i, i + size));
  return out;
}
