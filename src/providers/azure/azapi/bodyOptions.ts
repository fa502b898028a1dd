// azapi's own read options, applied to the GET answer before the engine compares `body` with it — as azapi's
// read does (utils/json.go UpdateObject, called from internal/services/azapi_resource.go Read):
// - ignore_casing = true: a string equal to the declared one but for case is the declared one (everywhere in the body);
// - ignore_missing_property (default true): a declared property the GET leaves out (or answers as null, "",
//   "****" or "<redacted>", as secrets are) is not a difference — here: unverified, never drift; with false it is
//   a difference (the live side says null);
// - a declared zero value ("", 0, false, {}, []) the GET leaves out is never a difference (isZeroValue).
// Object keys match case-insensitively, as the engine's ARM payload rules do.
import type { Value } from '../../../model';

export interface BodyOptions {
  ignoreCasing: boolean;
  ignoreMissing: boolean;
}

type Obj = { [key: string]: Value };

const isObj = (v: Value | undefined): v is Obj => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
const isRedacted = (s: string) => s === '' || s === '<redacted>' || /^\*+$/.test(s);

function isZero(v: Value): boolean {
  if (v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObj(v) && Object.keys(v).length === 0;
}

/** The options a block sets (azapi's defaults: ignore_casing false, ignore_missing_property true). */
export function bodyOptionsOf(declared: Record<string, Value> | undefined): BodyOptions {
  return { ignoreCasing: declared?.ignore_casing === true, ignoreMissing: declared?.ignore_missing_property !== false };
}

/** The live body as azapi's read shapes it against the declared one (a copy; `live` is not changed). */
export function applyBodyOptions(declared: Value | undefined, live: Obj, options: BodyOptions): Obj {
  const out = structuredClone(live);
  const body = typeof declared === 'string' ? parsed(declared) : declared;
  if (isObj(body)) shapeObject(body, out, options);
  return out;
}

/** `body = jsonencode({...})` in older code: its JSON. */
function parsed(text: string): Value | undefined {
  try {
    return JSON.parse(text) as Value;
  } catch {
    return undefined;
  }
}

function shapeObject(declared: Obj, live: Obj, o: BodyOptions): void {
  for (const [key, want] of Object.entries(declared)) {
    if (want === null) continue;
    const liveKey = Object.keys(live).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    const got = live[liveKey];
    if (got === undefined || got === null || (typeof want === 'string' && typeof got === 'string' && isRedacted(got) && want !== got)) {
      if (isZero(want)) live[liveKey] = want;
      else if (o.ignoreMissing) delete live[liveKey];
      else live[liveKey] = null;
      continue;
    }
    live[liveKey] = shape(want, got, o);
  }
}

function shape(want: Value, got: Value, o: BodyOptions): Value {
  if (typeof want === 'string' && typeof got === 'string') return o.ignoreCasing && want.toLowerCase() === got.toLowerCase() ? want : got;
  if (isObj(want) && isObj(got)) {
    shapeObject(want, got, o);
    return got;
  }
  if (Array.isArray(want) && Array.isArray(got)) return shapeArray(want, got, o);
  return got;
}

/** Elements pair by `name` when both sides have one, else a string with its case-insensitive equal, else by index. */
function shapeArray(want: Value[], got: Value[], o: BodyOptions): Value[] {
  const out = [...got];
  const used = new Set<number>();
  for (const [i, w] of want.entries()) {
    let j = -1;
    if (isObj(w) && typeof w.name === 'string') j = out.findIndex((g, k) => !used.has(k) && isObj(g) && typeof g.name === 'string' && g.name.toLowerCase() === (w.name as string).toLowerCase());
    else if (typeof w === 'string' && o.ignoreCasing) j = out.findIndex((g, k) => !used.has(k) && typeof g === 'string' && g.toLowerCase() === w.toLowerCase());
    else if (want.length === got.length && !used.has(i)) j = i;
    if (j < 0) continue;
    used.add(j);
    out[j] = shape(w, out[j], o);
  }
  return out;
}
