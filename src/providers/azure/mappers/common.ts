// Pieces every Azure mapper shares: location and tags (present on every tracked resource),
// identity attributes read back from the ID, and small readers for untyped ARM JSON.
import type { Severity, Value } from '../../../model';
import { parseArmId, resourceId } from '../armId';
import type { ArmResource, AttributePolicy } from './types';

/** "West Europe" and "westeurope" are one region: ARM returns the short name. */
export function normalizeLocation(v: Value): Value {
  return typeof v === 'string' ? v.replace(/\s+/g, '').toLowerCase() : v;
}

/** ARM IDs inside attributes (subnet_id, service_plan_id) compare case-insensitively. */
export const armIdPolicy: AttributePolicy = { caseInsensitive: true };

const lowerIds = (v: Value): Value => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.replace(/\/+$/, '').toLowerCase() : x)) : v);

/** A list of ARM IDs (TypeList in the provider's schema): lower-cased on both sides, order kept. */
export const armIdListPolicy: AttributePolicy = { normalize: lowerIds, ordered: true };

/** A set of ARM IDs (TypeSet in the provider's schema): order and casing never read as drift. */
export const armIdSetPolicy: AttributePolicy = { normalize: lowerIds, set: true };

export const locationPolicy: AttributePolicy = { normalize: normalizeLocation };
export const tagsPolicy: AttributePolicy = { severity: 'info' };

/** Policies of the attributes every tracked resource has. */
export const trackedAttributes: Record<string, AttributePolicy> = {
  name: { caseInsensitive: true },
  resource_group_name: { caseInsensitive: true },
  location: locationPolicy,
  tags: tagsPolicy,
};

/** name, resource_group_name, location and tags of a tracked resource. */
export function trackedShape(arm: ArmResource): Record<string, Value> {
  const id = parseArmId(arm.id);
  const out: Record<string, Value> = { name: arm.name ?? id?.name ?? null, tags: { ...(arm.tags ?? {}) } };
  if (id?.resourceGroup) out.resource_group_name = id.resourceGroup;
  if (arm.location !== undefined) out.location = arm.location;
  return out;
}

/** The value at a dotted path of untyped JSON, or undefined. */
export function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export function bool(v: unknown, absent: boolean | null = null): boolean | null {
  return typeof v === 'boolean' ? v : absent;
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** `"Enabled"`/`"Disabled"` → bool; ARM omits it when the default (enabled) applies. */
export function enabled(v: unknown, absent = true): boolean {
  return typeof v === 'string' ? v.toLowerCase() === 'enabled' : absent;
}

/** Open unless it says "Disabled" (storage and web app reads: "SecuredByPerimeter" is still reachable). */
export function notDisabled(v: unknown): boolean {
  return typeof v === 'string' ? v.toLowerCase() !== 'disabled' : true;
}

/** Standard deriveId for a resource named `name` in `resource_group_name`. */
export function deriveTracked(fullType: string, parentAttrs: string[] = []) {
  return (attrs: Record<string, Value | undefined>, subscriptionId: string): string | undefined => {
    const rg = attrs.resource_group_name;
    const names = [...parentAttrs, 'name'].map((a) => attrs[a]);
    if (typeof rg !== 'string' || names.some((n) => typeof n !== 'string' || n === '')) return undefined;
    return resourceId(subscriptionId, rg, fullType, names as string[]);
  };
}

/** Severity `error` when the live value is the exposed one, `warning` otherwise. */
export function exposedWhen(isExposed: (actual: Value) => boolean): (expected: Value, actual: Value) => Severity {
  return (_expected, actual) => (isExposed(actual) ? 'error' : 'warning');
}

/** TLS versions spelled `TLS1_0` (storage), `1.0` (app service), `Tls10`. */
export function tlsBelow12(v: Value): boolean {
  if (typeof v !== 'string') return false;
  const m = /(\d)[._]?(\d)/.exec(v);
  if (!m) return false;
  return Number(m[1]) * 10 + Number(m[2]) < 12;
}
