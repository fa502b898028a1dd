// The evaluator's values: a known value remembers where its literal is written (per element, so a
// quick-fix can edit exactly one tag), an unknown one says why it could not be known.
import type { SourceLocation, Value } from '../../model';
import { setOwn } from './literal';

export type EvalValue = UnknownEval | ScalarEval | ListEval | MapEval;

interface EvalCommon {
  /** Where the literal that produced this value is written, when it is one literal. */
  origin?: SourceLocation;
  sensitive?: boolean;
  /** A value given outside any file (`TF_VAR_region`, `--var region`): names it, since no quick-fix can edit it. */
  input?: string;
}

export interface UnknownEval {
  kind: 'unknown';
  reason: string;
  sensitive?: boolean;
  /** Terraform itself would fail here (missing attribute, bad function argument): `try` moves on. */
  error?: boolean;
}

export interface ScalarEval extends EvalCommon {
  kind: 'scalar';
  value: string | number | boolean | null;
}

export interface ListEval extends EvalCommon {
  kind: 'list';
  items: EvalValue[];
}

export interface MapEval extends EvalCommon {
  kind: 'map';
  entries: Map<string, EvalValue>;
}

export function unknown(reason: string, sensitive?: boolean): UnknownEval {
  return sensitive ? { kind: 'unknown', reason, sensitive } : { kind: 'unknown', reason };
}

/** What Terraform would report as an error: unknown to us, and `try` skips it. */
export function failure(reason: string, sensitive?: boolean): UnknownEval {
  // Written out, not spread from `unknown`: `try()` makes one per failed attempt.
  return sensitive ? { kind: 'unknown', reason, sensitive, error: true } : { kind: 'unknown', reason, error: true };
}

/** A value as the function library takes it: unknown parts become `{ $unknown: reason }`. */
export function toFunctionValue(v: EvalValue): Value {
  switch (v.kind) {
    case 'unknown':
      return { $unknown: v.reason };
    case 'scalar':
      return v.value;
    case 'list':
      return v.items.map(toFunctionValue);
    case 'map': {
      // A loop, not fromEntries over spread entries: this runs for every argument of every call (issue 17 profile).
      const out: { [key: string]: Value } = {};
      for (const [k, x] of v.entries) {
        if (k === '__proto__') Object.defineProperty(out, k, { value: toFunctionValue(x), enumerable: true, writable: true, configurable: true });
        else out[k] = toFunctionValue(x);
      }
      return out;
    }
  }
}

function isUnknownMarker(v: Value): v is { $unknown: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.$unknown === 'string' && Object.keys(v).length === 1;
}

/** A function result back as an evaluated value (no origin: it was computed); `{ $unknown }` parts stay unknown. */
export function fromFunctionValue(v: Value, sensitive = false): EvalValue {
  if (isUnknownMarker(v)) return unknown(v.$unknown, sensitive);
  if (Array.isArray(v)) return { kind: 'list', items: v.map((x) => fromFunctionValue(x, sensitive)), ...(sensitive ? { sensitive } : {}) };
  if (v !== null && typeof v === 'object') {
    const entries = new Map<string, EvalValue>();
    for (const k of Object.keys(v)) entries.set(k, fromFunctionValue(v[k], sensitive));
    return sensitive ? { kind: 'map', entries, sensitive } : { kind: 'map', entries };
  }
  return { kind: 'scalar', value: v, ...(sensitive ? { sensitive } : {}) };
}

/** Drops the sensitive mark (`nonsensitive(x)`). */
export function unmarkSensitive(v: EvalValue): EvalValue {
  switch (v.kind) {
    case 'unknown':
    case 'scalar': {
      const { sensitive: _s, ...rest } = v;
      return rest as EvalValue;
    }
    case 'list': {
      const { sensitive: _s, ...rest } = v;
      return { ...rest, items: v.items.map(unmarkSensitive) };
    }
    case 'map': {
      const { sensitive: _s, ...rest } = v;
      return { ...rest, entries: new Map([...v.entries].map(([k, x]) => [k, unmarkSensitive(x)])) };
    }
  }
}

export function scalar(value: string | number | boolean | null, origin?: SourceLocation): ScalarEval {
  return origin ? { kind: 'scalar', value, origin } : { kind: 'scalar', value };
}

export const nullValue: ScalarEval = { kind: 'scalar', value: null };

/** A plain JSON value (from state, a function result) as a known value without origins. */
export function fromValue(v: Value, sensitive = false): EvalValue {
  let out: EvalValue;
  if (Array.isArray(v)) out = { kind: 'list', items: v.map((x) => fromValue(x, sensitive)) };
  else if (v !== null && typeof v === 'object') out = { kind: 'map', entries: new Map(Object.entries(v).map(([k, x]) => [k, fromValue(x, sensitive)])) };
  else out = { kind: 'scalar', value: v };
  if (sensitive) out.sensitive = true;
  return out;
}

/** The first unknown found inside `v` (depth first), if any. */
export function firstUnknown(v: EvalValue): UnknownEval | undefined {
  if (v.kind === 'unknown') return v;
  if (v.kind === 'list') {
    for (const item of v.items) {
      const u = firstUnknown(item);
      if (u) return u;
    }
  } else if (v.kind === 'map') {
    for (const item of v.entries.values()) {
      const u = firstUnknown(item);
      if (u) return u;
    }
  }
  return undefined;
}

export function isSensitive(v: EvalValue): boolean {
  if (v.sensitive) return true;
  if (v.kind === 'list') return v.items.some(isSensitive);
  if (v.kind === 'map') return [...v.entries.values()].some(isSensitive);
  return false;
}

/** The plain value, or undefined when any part is unknown. */
export function toValue(v: EvalValue): Value | undefined {
  switch (v.kind) {
    case 'unknown':
      return undefined;
    case 'scalar':
      return v.value;
    case 'list': {
      const out: Value[] = [];
      for (const item of v.items) {
        const x = toValue(item);
        if (x === undefined) return undefined;
        out.push(x);
      }
      return out;
    }
    case 'map': {
      const out: { [key: string]: Value } = {};
      for (const [k, item] of v.entries) {
        const x = toValue(item);
        if (x === undefined) return undefined;
        // A map key `__proto__` is a key like any other (a plain assignment would set the prototype).
        setOwn(out, k, x);
      }
      return out;
    }
  }
}

/** Marks a value (deeply) sensitive: a sensitive variable taints everything computed from it. */
export function markSensitive(v: EvalValue): EvalValue {
  switch (v.kind) {
    case 'unknown':
    case 'scalar':
      return { ...v, sensitive: true };
    case 'list':
      return { ...v, sensitive: true, items: v.items.map(markSensitive) };
    case 'map':
      return { ...v, sensitive: true, entries: new Map([...v.entries].map(([k, x]) => [k, markSensitive(x)])) };
  }
}

/** The same value without origins: the result of a computation has no single literal to edit. */
export function withoutOrigin(v: EvalValue): EvalValue {
  switch (v.kind) {
    case 'unknown':
      return v;
    case 'scalar':
      return v.sensitive ? { kind: 'scalar', value: v.value, sensitive: true } : { kind: 'scalar', value: v.value };
    case 'list':
      return { kind: 'list', items: v.items.map(withoutOrigin), ...(v.sensitive ? { sensitive: true } : {}) };
    case 'map':
      return { kind: 'map', entries: new Map([...v.entries].map(([k, x]) => [k, withoutOrigin(x)])), ...(v.sensitive ? { sensitive: true } : {}) };
  }
}

/** Terraform's string conversion of a primitive, or undefined when it has none (null, collections). */
export function asString(v: ScalarEval): string | undefined {
  if (v.value === null) return undefined;
  if (typeof v.value === 'number') return formatNumber(v.value);
  return String(v.value);
}

/** Terraform prints whole numbers without exponent or trailing zeros, as cty does. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** Terraform's number conversion: numbers, and strings that spell a number. */
export function asNumber(v: ScalarEval): number | undefined {
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v.value)) return Number(v.value);
  return undefined;
}

export function asBool(v: ScalarEval): boolean | undefined {
  if (typeof v.value === 'boolean') return v.value;
  if (v.value === 'true') return true;
  if (v.value === 'false') return false;
  return undefined;
}
