// One NSG security rule in azurerm shape, shared by the inline `security_rule` block of
// azurerm_network_security_group and the standalone azurerm_network_security_rule.
import type { Severity, Value } from '../../../model';
import type { AttributePolicy } from './types';
import { armIdSetPolicy, num, str, strings } from './common';

/** The rule's fields as azurerm names them, from ARM `properties` of a securityRule. */
export function securityRuleShape(name: string, p: Record<string, unknown>): Record<string, Value> {
  return {
    name,
    description: str(p.description) ?? '',
    // As flattenNetworkSecurityRules / resourceNetworkSecurityRuleRead set them (azurerm 4.x): absent → 0 / "".
    priority: num(p.priority) ?? 0,
    direction: str(p.direction) ?? '',
    access: str(p.access) ?? '',
    protocol: str(p.protocol) ?? '',
    source_port_range: str(p.sourcePortRange) ?? '',
    source_port_ranges: strings(p.sourcePortRanges),
    destination_port_range: str(p.destinationPortRange) ?? '',
    destination_port_ranges: strings(p.destinationPortRanges),
    source_address_prefix: str(p.sourceAddressPrefix) ?? '',
    source_address_prefixes: strings(p.sourceAddressPrefixes),
    destination_address_prefix: str(p.destinationAddressPrefix) ?? '',
    destination_address_prefixes: strings(p.destinationAddressPrefixes),
    source_application_security_group_ids: groupIds(p.sourceApplicationSecurityGroups),
    destination_application_security_group_ids: groupIds(p.destinationApplicationSecurityGroups),
  };
}

/** `[{ id }]` of application security groups → their IDs (a TypeSet of IDs in azurerm). */
function groupIds(v: unknown): string[] {
  return Array.isArray(v) ? v.map((g) => (g && typeof g === 'object' ? (g as { id?: unknown }).id : undefined)).filter((x): x is string => typeof x === 'string') : [];
}

const openSources = new Set(['*', 'internet', '0.0.0.0/0', '0.0.0.0', 'any', '::/0']);

/** An inbound Allow rule whose source is anyone on the Internet. */
export function isOpenInbound(rule: Value): boolean {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return false;
  const r = rule as Record<string, Value>;
  if (String(r.direction).toLowerCase() !== 'inbound' || String(r.access).toLowerCase() !== 'allow') return false;
  const sources = [r.source_address_prefix, ...(Array.isArray(r.source_address_prefixes) ? r.source_address_prefixes : [])];
  return sources.some((s) => typeof s === 'string' && openSources.has(s.toLowerCase()));
}

/** A rule set drifted: error when a live rule the code does not declare lets the Internet in. */
export function ruleSetSeverity(_expected: Value, actual: Value, extraLive?: Value[]): Severity {
  const extra = extraLive ?? (Array.isArray(actual) ? actual : [actual]);
  return extra.some(isOpenInbound) ? 'error' : 'warning';
}

/** ARM's own spelling of each enum value, so a case difference is no drift and reports read naturally. */
const canonicalEnums: Record<string, string> = { inbound: 'Inbound', outbound: 'Outbound', allow: 'Allow', deny: 'Deny', tcp: 'Tcp', udp: 'Udp', icmp: 'Icmp', esp: 'Esp', ah: 'Ah', '*': '*' };
const enumFields = ['direction', 'access', 'protocol'];
const listFields = ['source_port_ranges', 'destination_port_ranges', 'source_address_prefixes', 'destination_address_prefixes'];
/** Sets of ARM IDs: compared case-insensitively, whatever casing the API or the code uses. */
const idListFields = ['source_application_security_group_ids', 'destination_application_security_group_ids'];
const idKey = (x: Value) => String(x).replace(/\/+$/, '').toLowerCase();

/**
 * Canonical rules for comparing declared and live sets: ARM enums in ARM's casing, range lists sorted,
 * and the fields the code may leave out (description, empty lists) dropped when empty.
 */
export function normalizeRules(v: Value): Value {
  if (!Array.isArray(v)) return v;
  return v.map((rule) => {
    if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return rule;
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(rule)) {
      if (x === null || x === '' || (Array.isArray(x) && x.length === 0)) continue;
      if (enumFields.includes(k) && typeof x === 'string') out[k] = canonicalEnums[x.toLowerCase()] ?? x;
      else if (listFields.includes(k) && Array.isArray(x)) out[k] = [...x].map(String).sort();
      else if (idListFields.includes(k) && Array.isArray(x)) out[k] = [...new Set(x.map(idKey))].sort();
      else out[k] = x;
    }
    return out;
  });
}

/** Policies of a standalone rule's fields (enums are case-insensitive in ARM; range lists are sets). */
export const ruleFieldPolicies: Record<string, AttributePolicy> = {
  direction: { caseInsensitive: true },
  access: { caseInsensitive: true },
  protocol: { caseInsensitive: true },
  source_port_ranges: { set: true },
  destination_port_ranges: { set: true },
  source_address_prefixes: { set: true },
  destination_address_prefixes: { set: true },
  source_application_security_group_ids: armIdSetPolicy,
  destination_application_security_group_ids: armIdSetPolicy,
};
