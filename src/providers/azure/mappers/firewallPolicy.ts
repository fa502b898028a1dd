// azurerm_firewall_policy ↔ Microsoft.Network/firewallPolicies. Read as resourceFirewallPolicySetFlatten (azurerm 4.x
// firewall/firewall_policy_resource.go, network 2025-01-01): sku the tier, threat_intelligence_mode ""
// when absent (pointer.From), the allowlist and dns blocks empty without their objects, proxy_enabled false
// when nil, private_ip_ranges and auto-learn from snat, intrusion_detection mode. Turning threat intelligence
// or intrusion detection off, or learning private ranges wider, lowers protection: an error for the first two.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, exposedWhen, str, strings, trackedAttributes, trackedShape } from './common';

const isOff = (v: Value) => typeof v === 'string' && v.toLowerCase() === 'off';

export const firewallPolicy: AzureMapper = {
  type: 'azurerm_firewall_policy',
  armType: 'Microsoft.Network/firewallPolicies',
  attributes: {
    ...trackedAttributes,
    sku: { caseInsensitive: true },
    base_policy_id: armIdPolicy,
    threat_intelligence_mode: { caseInsensitive: true, severity: exposedWhen(isOff) },
    // TypeList of one block; its string lists are TypeSets.
    threat_intelligence_allowlist: { block: 'list', attributes: { ip_addresses: { set: true }, fqdns: { set: true } } },
    dns: { block: 'list', attributes: { servers: {}, proxy_enabled: {} } },
    private_ip_ranges: {},
    auto_learn_private_ranges_enabled: {},
    sql_redirect_allowed: {},
    intrusion_detection: { block: 'list', attributes: { mode: { caseInsensitive: true, severity: exposedWhen(isOff) } } },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const allow = p.threatIntelWhitelist as Record<string, unknown> | undefined;
    const dns = p.dnsSettings as Record<string, unknown> | undefined;
    const ids = p.intrusionDetection as Record<string, unknown> | undefined;
    const out: Record<string, Value> = {
      ...trackedShape(arm),
      sku: str(at(p, 'sku.tier')) ?? '',
      base_policy_id: str(at(p, 'basePolicy.id')) ?? '',
      threat_intelligence_mode: str(p.threatIntelMode) ?? '',
      threat_intelligence_allowlist: allow ? [{ ip_addresses: strings(allow.ipAddresses), fqdns: strings(allow.fqdns) }] : [],
      dns: dns ? [{ servers: strings(dns.servers), proxy_enabled: bool(dns.enableProxy, false) }] : [],
      private_ip_ranges: strings(at(p, 'snat.privateRanges')),
      auto_learn_private_ranges_enabled: (str(at(p, 'snat.autoLearnPrivateRanges')) ?? '').toLowerCase() === 'enabled',
      intrusion_detection: ids ? [{ mode: str(ids.mode) ?? '' }] : [],
      // The read sets it only when the body has `sql`; Resource Manager leaves `sql` out when redirect was never allowed.
      sql_redirect_allowed: bool(at(p, 'sql.allowSqlRedirect'), false),
    };
    return out;
  },
  deriveId: deriveTracked('Microsoft.Network/firewallPolicies'),
};
