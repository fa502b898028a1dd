// A template resource against the live resource at the template's api-version, property by
// property, only for what the template says. Named arrays (securityRules, subnets…) pair elements
// by `name`; lists of plain values ignore order; unknown values are unverified, never drift.
import type { ArmSeverity, Drift, SourceLocation, UnverifiedAttribute, Value } from '../../model';

export type { ArmSeverity, ArmSeverityInput } from '../../model';
import { firstUnknown, isSensitive, toValue, type EvalValue } from '../terraform/evalValue';
import type { ArmDeclaredResource } from './template';
import { holdsSensitive, isSensitiveAttribute, safeReason } from '../sensitive';

export const SENSITIVE = '(sensitive)';

export const defaultArmSeverity: ArmSeverity = ({ path }) => (path === 'tags' || path.startsWith('tags.') ? 'info' : 'warning');

export interface ArmComparison {
  drifts: Drift[];
  unverified: UnverifiedAttribute[];
}

interface Ctx {
  resource: ArmDeclaredResource;
  severity: ArmSeverity;
  out: ArmComparison;
}

export function compareArmResource(resource: ArmDeclaredResource, live: Record<string, unknown>, severity: ArmSeverity = defaultArmSeverity): ArmComparison {
  const ctx: Ctx = { resource, severity, out: { drifts: [], unverified: [] } };
  for (const [section, entry] of resource.desired) {
    compare(ctx, section, entry.value, live[section] as Value | undefined, entry.location, live as Value);
  }
  return ctx.out;
}

function compare(ctx: Ctx, path: string, desired: EvalValue, live: Value | undefined, at: SourceLocation, element: Value | undefined): void {
  const location = locate(ctx, desired, at);
  if (desired.kind === 'unknown') {
    ctx.out.unverified.push({ attribute: path, reason: safeReason(desired.reason, !!desired.sensitive || isSensitiveAttribute(ctx.resource.type, path)), location });
    return;
  }
  if (desired.kind === 'scalar') {
    // null in a template means "not set": the template does not care.
    if (desired.value === null) return;
    // Secrets (secure parameters) are write-only: the API never returns them.
    if (live === undefined && isSensitive(desired)) {
      ctx.out.unverified.push({ attribute: path, reason: 'a secret: the API does not return it', location });
      return;
    }
    if (!scalarEqual(path, desired.value, live)) drift(ctx, path, desired, desired.value, live, location, element);
    return;
  }
  if (desired.kind === 'map') {
    const liveObj = isObject(live) ? live : {};
    for (const [key, sub] of desired.entries) compare(ctx, `${path}.${key}`, sub, propertyOf(liveObj, key), location, element);
    if (path === 'tags') {
      for (const [key, value] of Object.entries(liveObj)) {
        if (![...desired.entries.keys()].some((k) => k.toLowerCase() === key.toLowerCase())) drift(ctx, `tags.${key}`, undefined, null, value, location, element);
      }
    }
    return;
  }
  const liveList = Array.isArray(live) ? live : [];
  const named = desired.items.length > 0 && desired.items.every((i) => i.kind === 'map' && nameOf(i) !== undefined);
  if (named) {
    compareNamed(ctx, path, desired.items, liveList, location);
    return;
  }
  const u = firstUnknown(desired);
  if (u) {
    ctx.out.unverified.push({ attribute: path, reason: u.reason, location });
    return;
  }
  const expected = toValue(desired) as Value[];
  if (!sameList(expected, liveList)) drift(ctx, path, desired, expected, liveList, location, element);
}

/** Elements paired by `name`: a declared one not live, a live one not declared, and property drift inside. */
function compareNamed(ctx: Ctx, path: string, items: EvalValue[], live: Value[], at: SourceLocation): void {
  const liveByName = new Map<string, Value>();
  for (const l of live) if (isObject(l) && typeof l.name === 'string') liveByName.set(l.name.toLowerCase(), l);
  const declared = new Set<string>();
  for (const item of items) {
    const name = nameOf(item)!;
    declared.add(name.toLowerCase());
    const liveItem = liveByName.get(name.toLowerCase());
    const itemPath = `${path}[${name}]`;
    if (liveItem === undefined) {
      const v = toValue(item);
      drift(ctx, itemPath, item, v ?? name, null, locate(ctx, item, at), undefined);
      continue;
    }
    compare(ctx, itemPath, item, liveItem, at, liveItem);
  }
  for (const [name, l] of liveByName) {
    if (!declared.has(name)) drift(ctx, `${path}[${(l as { name: string }).name}]`, undefined, null, l, at, l);
  }
}

function nameOf(v: EvalValue): string | undefined {
  if (v.kind !== 'map') return undefined;
  const n = v.entries.get('name');
  return n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}

function propertyOf(obj: Record<string, Value>, key: string): Value | undefined {
  if (key in obj) return obj[key];
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : obj[k];
}

function isObject(v: unknown): v is Record<string, Value> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** ARM equality: locations by short name, resource IDs case-insensitively, "8" = 8, empty = absent. */
function scalarEqual(path: string, expected: string | number | boolean, live: Value | undefined): boolean {
  if (isEmpty(expected) || isEmpty(live)) return isEmpty(expected) && isEmpty(live);
  if (typeof live === 'object') return false;
  let a = String(expected);
  let b = String(live);
  if (path === 'location' || path.endsWith('.location')) {
    a = a.replace(/\s+/g, '').toLowerCase();
    b = b.replace(/\s+/g, '').toLowerCase();
  } else if (a.toLowerCase().startsWith('/subscriptions/')) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  return a === b;
}

function sameList(expected: Value[], live: Value[]): boolean {
  if (expected.length !== live.length) return false;
  const key = (v: Value) => JSON.stringify(v);
  const rest = live.map(key);
  for (const e of expected) {
    const i = rest.indexOf(key(e));
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return true;
}

/** The squiggle goes on the literal when it is written inside this resource, else on the enclosing value. */
function locate(ctx: Ctx, v: EvalValue, fallback: SourceLocation): SourceLocation {
  const o = v.kind === 'unknown' ? undefined : v.origin;
  const r = ctx.resource.range;
  if (o && o.file === ctx.resource.file && r.start.offset <= o.range.start.offset && o.range.end.offset <= r.end.offset) return o;
  return fallback;
}

function drift(ctx: Ctx, path: string, desired: EvalValue | undefined, expected: Value, actual: Value | undefined, location: SourceLocation, element: Value | undefined): void {
  // A secure parameter, or a secret by name (`properties.osProfile.adminPassword` written as a literal).
  const type = ctx.resource.type;
  const sensitive = (desired !== undefined && isSensitive(desired)) || holdsSensitive(type, path, expected) || holdsSensitive(type, path, actual ?? null);
  const origin = desired && desired.kind !== 'unknown' ? desired.origin : undefined;
  const shown = (v: Value | undefined): Value => (sensitive ? SENSITIVE : (v ?? null));
  const severity = ctx.severity({ type: ctx.resource.type, path, expected, actual: actual ?? null, element });
  const e = shown(expected);
  const a = shown(actual);
  ctx.out.drifts.push({
    attribute: path,
    expected: e,
    actual: a,
    severity,
    location,
    ...(origin ? { origin } : {}),
    // An array/object is rewritten whole: only when every part of it is written inside that literal (no expression in it).
    fixable: !!origin && !sensitive && actual !== undefined && actual !== null && (typeof actual !== 'object' || (desired !== undefined && isWholeLiteral(desired, origin))),
    sensitive,
    message: e === null ? `${path}: not in the template, live is ${brief(a)}` : a === null ? `${path}: template says ${brief(e)}, live has none` : `${path}: template says ${brief(e)}, live is ${brief(a)}`,
  });
}

function isWholeLiteral(v: EvalValue, within: SourceLocation): boolean {
  if (v.kind === 'unknown' || !v.origin || v.origin.file !== within.file) return false;
  if (v.origin.range.start.offset < within.range.start.offset || v.origin.range.end.offset > within.range.end.offset) return false;
  if (v.kind === 'list') return v.items.every((i) => isWholeLiteral(i, within));
  if (v.kind === 'map') return [...v.entries.values()].every((e) => isWholeLiteral(e, within));
  return true;
}

function brief(v: Value): string {
  const t = JSON.stringify(v);
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}
