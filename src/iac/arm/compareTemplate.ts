// A template resource against the live resource at the template's api-version, property by
// property, only for what the template says, the way Resource Manager compares: named arrays
// (securityRules, subnets…) pair elements by `name`, other arrays are sets unless the service keeps
// their order (dnsServers), strings are case-insensitive only where ARM is (armSemantics.ts).
// Unknown values, write-only properties and what the live answer could not include are unverified,
// never drift.
import type { ArmSeverity, Drift, SourceLocation, UnverifiedAttribute, Value } from '../../model';

export type { ArmSeverity, ArmSeverityInput } from '../../model';
import { firstUnknown, isSensitive, toValue, type EvalValue } from '../terraform/evalValue';
import type { ArmDeclaredResource } from './template';
import { holdsSensitive, isSensitiveAttribute, safeReason } from '../sensitive';
import { canonical, caseRuleFor, isOrderedArray, writeOnlyReason } from './armSemantics';
import { matchAll } from './matching';

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
  /** Live paths the provider could not read (a sub-resource GET that failed) → why. */
  unreadable: Record<string, string>;
}

/**
 * `unreadable`: paths of the live object the provider could not read (`properties.siteConfig` when
 * `…/config/web` failed) → why; declared values under them are unverified.
 */
export function compareArmResource(
  resource: ArmDeclaredResource,
  live: Record<string, unknown>,
  severity: ArmSeverity = defaultArmSeverity,
  unreadable: Record<string, string> = {},
): ArmComparison {
  const ctx: Ctx = { resource, severity, out: { drifts: [], unverified: [] }, unreadable };
  for (const [section, entry] of resource.desired) {
    compare(ctx, section, entry.value, live[section] as Value | undefined, entry.location, live as Value);
  }
  return ctx.out;
}

function compare(ctx: Ctx, path: string, desired: EvalValue, live: Value | undefined, at: SourceLocation, element: Value | undefined): void {
  const location = locate(ctx, desired, at);
  const cannotRead = writeOnlyReason(ctx.resource.type, path) ?? unreadableReason(ctx, path);
  if (cannotRead) {
    ctx.out.unverified.push({ attribute: path, reason: cannotRead, location });
    return;
  }
  if (desired.kind === 'unknown') {
    ctx.out.unverified.push({ attribute: path, reason: safeReason(desired.reason, !!desired.sensitive || isSensitiveAttribute(ctx.resource.type, path)), location });
    return;
  }
  if (desired.kind === 'scalar') {
    // null in a template means "not set": the template does not care.
    if (desired.value === null) return;
    // Secrets (secure parameters, secret-named properties) are write-only: the API does not return them.
    if ((live === undefined || live === null) && (isSensitive(desired) || isSensitiveAttribute(ctx.resource.type, path))) {
      ctx.out.unverified.push({ attribute: path, reason: 'write-only: a secret the API does not return', location });
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
  compareUnnamed(ctx, path, desired, liveList, location, element);
}

/** The reason when `path` is at or below a live path the provider could not read. */
function unreadableReason(ctx: Ctx, path: string): string | undefined {
  const p = path.toLowerCase();
  for (const [k, why] of Object.entries(ctx.unreadable)) {
    const key = k.toLowerCase();
    if (p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`)) return why;
  }
  return undefined;
}

/**
 * An array without names: ordered where the service keeps order (pairwise, with drift per index),
 * else a set — each declared element pairs with a distinct live element holding everything it
 * declares (the live one may carry read-only extras), and the live array has nothing more.
 */
function compareUnnamed(ctx: Ctx, path: string, desired: Extract<EvalValue, { kind: 'list' }>, live: Value[], at: SourceLocation, element: Value | undefined): void {
  const items = desired.items;
  const same = (d: EvalValue, l: Value) => holds(ctx, `${path}[]`, d, l);
  if (isOrderedArray(path)) {
    if (items.length === live.length && items.every((d, i) => same(d, live[i]))) return;
    if (items.length === live.length && items.every((d) => d.kind === 'map')) {
      items.forEach((d, i) => compare(ctx, `${path}[${i}]`, d, live[i], at, live[i]));
      return;
    }
  } else if (items.length === live.length && matchAll(items, live, same)) {
    return;
  }
  drift(ctx, path, desired, toValue(desired) as Value[], live, at, element);
}

/** True when the live value holds everything `desired` declares (no drift; unverified parts ignored). */
function holds(ctx: Ctx, path: string, desired: EvalValue, live: Value): boolean {
  if (desired.kind === 'scalar') return desired.value === null || scalarEqual(path, desired.value, live);
  const scratch: Ctx = { ...ctx, out: { drifts: [], unverified: [] } };
  compare(scratch, path, desired, live, { file: ctx.resource.file, range: ctx.resource.range }, live);
  return scratch.out.drifts.length === 0;
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

/**
 * ARM equality of a scalar: empty = absent; "8" = 8 and "true"/"True" = true (Resource Manager
 * accepts both forms and answers with the typed value); strings by the path's case rule.
 */
function scalarEqual(path: string, expected: string | number | boolean, live: Value | undefined): boolean {
  if (isEmpty(expected) || isEmpty(live)) return isEmpty(expected) && isEmpty(live);
  if (typeof live === 'object') return false;
  if (typeof live === 'boolean' || typeof expected === 'boolean') return String(expected).toLowerCase() === String(live).toLowerCase();
  if (typeof live === 'number' || typeof expected === 'number') return String(expected).trim() !== '' && Number(expected) === Number(live);
  const rule = caseRuleFor(path, String(expected));
  return canonical(rule, String(expected)) === canonical(rule, String(live));
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
    // Never for an array of live objects: they carry read-only fields (provisioningState…) a template must not hold.
    fixable:
      !!origin &&
      !sensitive &&
      actual !== undefined &&
      actual !== null &&
      !(Array.isArray(actual) && actual.some((x) => x !== null && typeof x === 'object')) &&
      (typeof actual !== 'object' || (desired !== undefined && isWholeLiteral(desired, origin))),
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
