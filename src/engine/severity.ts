// The severity policy: security exposure is an error, other configuration a warning, labels info.
import type { Severity, Value } from '../model';

/** `0.0.0.0/0` or `::/0`, also as a rule tuple's source (`cidr:0.0.0.0/0`, `ipv6:::/0`). */
function isWorldSource(s: string): boolean {
  const bare = s.trim().replace(/^[a-z0-9]+:(?=[0-9:])/i, '');
  return bare === '0.0.0.0/0' || bare === '::/0';
}

/** Attributes that only label a resource: drift there is information, not a risk. */
function isLabel(path: string): boolean {
  const top = path.split('.')[0];
  return top === 'tags' || top === 'tags_all' || top === 'description' || path.endsWith('.description');
}

/** True when a (normalized) rule opens traffic to the whole internet. */
export function opensToWorld(rule: Value): boolean {
  if (typeof rule === 'string') return isWorldSource(rule);
  if (Array.isArray(rule)) return rule.some(opensToWorld);
  if (rule !== null && typeof rule === 'object') return Object.values(rule).some(opensToWorld);
  return false;
}

/** The rule without its description: a changed description is not a new opening. */
function withoutDescription(rule: Value): string {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return JSON.stringify(rule);
  const { description: _d, ...rest } = rule;
  return JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k]]));
}

export interface SeverityInput {
  type: string;
  /** Attribute path: `instance_type`, `tags.Env`, `ingress`. */
  attribute: string;
  /** Live set elements the code does not declare (for set attributes). */
  extraLive?: Value[];
  /** The declared set elements, to tell a new rule from a re-described one. */
  declared?: Value[];
}

export function severityOf(input: SeverityInput): Severity {
  const top = input.attribute.split('.')[0];
  // An ingress rule open to the world that the code does not declare is an exposure someone made by hand.
  if (top === 'ingress' && input.extraLive?.length) {
    const declared = new Set((input.declared ?? []).map(withoutDescription));
    if (input.extraLive.some((r) => opensToWorld(r) && !declared.has(withoutDescription(r)))) return 'error';
  }
  if (isLabel(input.attribute)) return 'info';
  return 'warning';
}
