// Severity of a drift in an ARM template resource, by ARM property path: the live value exposing
// the resource (TLS below 1.2, HTTPS off, public access, a firewall or rule open to the Internet)
// is an error; tags are information; the rest a warning.
import type { ArmSeverityInput, Severity, Value } from '../../model';
import { tlsBelow12 } from './mappers/common';

const eq = (v: Value, s: string) => typeof v === 'string' && v.toLowerCase() === s.toLowerCase();
const openSources = ['*', 'internet', '0.0.0.0/0', '0.0.0.0', 'any', '::/0'];

/** An ARM security rule (`{ name, properties: {…} }` or its properties) that lets anyone in. */
export function armRuleOpen(rule: Value | undefined): boolean {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return false;
  const p = (rule.properties && typeof rule.properties === 'object' && !Array.isArray(rule.properties) ? rule.properties : rule) as Record<string, Value>;
  if (!eq(p.direction, 'Inbound') || !eq(p.access, 'Allow')) return false;
  const sources = [p.sourceAddressPrefix, ...(Array.isArray(p.sourceAddressPrefixes) ? p.sourceAddressPrefixes : [])];
  return sources.some((s) => typeof s === 'string' && openSources.includes(s.toLowerCase()));
}

/** Exposure checks per `type|property path` (paths inside named arrays drop the `[name]`). */
const exposures: Record<string, (actual: Value) => boolean> = {
  'microsoft.storage/storageaccounts|properties.minimumtlsversion': (a) => tlsBelow12(a) || a === null,
  'microsoft.storage/storageaccounts|properties.supportshttpstrafficonly': (a) => a === false,
  'microsoft.storage/storageaccounts|properties.allowblobpublicaccess': (a) => a === true,
  'microsoft.storage/storageaccounts|properties.publicnetworkaccess': (a) => eq(a, 'Enabled'),
  'microsoft.storage/storageaccounts|properties.networkacls.defaultaction': (a) => eq(a, 'Allow'),
  'microsoft.keyvault/vaults|properties.publicnetworkaccess': (a) => eq(a, 'Enabled'),
  'microsoft.keyvault/vaults|properties.networkacls.defaultaction': (a) => eq(a, 'Allow'),
  'microsoft.web/sites|properties.httpsonly': (a) => a === false,
  'microsoft.web/sites|properties.publicnetworkaccess': (a) => eq(a, 'Enabled'),
  'microsoft.web/sites|properties.siteconfig.mintlsversion': (a) => tlsBelow12(a),
};

export function armSeverity(input: ArmSeverityInput): Severity {
  const type = input.type.toLowerCase();
  const path = input.path.replace(/\[[^\]]*\]/g, '').toLowerCase();
  if (path === 'tags' || path.startsWith('tags.')) return 'info';
  // A security rule (inline in an NSG, or standalone) whose live form lets the Internet in.
  if (/securityrules/.test(input.path.toLowerCase()) || type === 'microsoft.network/networksecuritygroups/securityrules') {
    const rule = input.element ?? (type.endsWith('/securityrules') ? input.actual : undefined);
    if (armRuleOpen(rule ?? input.actual)) return 'error';
  }
  const check = exposures[`${type}|${path}`];
  return check?.(input.actual) ? 'error' : 'warning';
}
