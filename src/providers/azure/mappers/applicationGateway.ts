// azurerm_application_gateway ↔ Microsoft.Network/applicationGateways: the gateway-wide settings, read as
// resourceApplicationGatewayRead with flattenApplicationGatewaySku, flattenApplicationGatewaySslPolicy and
// flattenApplicationGatewayWafConfig (azurerm 4.x, network/application_gateway_resource.go). The listener,
// pool, rule and probe blocks are not read (declared ones are reported unverified). A lowered TLS floor
// and a firewall turned off or to detection only are errors.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, exposedWhen, num, str, strings, tlsBelow12, trackedAttributes, trackedShape } from './common';

const block = <T extends Record<string, Value>>(v: T | undefined): Value => (v ? [v] : []);

export const applicationGateway: AzureMapper = {
  type: 'azurerm_application_gateway',
  armType: 'Microsoft.Network/applicationGateways',
  attributes: {
    ...trackedAttributes,
    zones: { set: true },
    http2_enabled: {},
    enable_http2: {},
    fips_enabled: {},
    force_firewall_policy_association: {},
    firewall_policy_id: armIdPolicy,
    sku: { block: 'list', attributes: { name: { caseInsensitive: true }, tier: { caseInsensitive: true }, capacity: {} } },
    autoscale_configuration: { block: 'list', attributes: { min_capacity: {}, max_capacity: {} } },
    ssl_policy: {
      block: 'list',
      attributes: {
        policy_type: { caseInsensitive: true },
        policy_name: { caseInsensitive: true },
        min_protocol_version: { caseInsensitive: true, severity: exposedWhen(tlsBelow12) },
        cipher_suites: { set: true },
        disabled_protocols: { set: true },
      },
    },
    waf_configuration: {
      block: 'list',
      attributes: {
        enabled: { severity: exposedWhen((v) => v === false) },
        firewall_mode: { caseInsensitive: true, severity: exposedWhen((v) => typeof v === 'string' && v.toLowerCase() === 'detection') },
        rule_set_type: {},
        rule_set_version: {},
      },
    },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const sku = p.sku as Record<string, unknown> | undefined;
    const ssl = p.sslPolicy as Record<string, unknown> | undefined;
    const waf = p.webApplicationFirewallConfiguration as Record<string, unknown> | undefined;
    const autoscale = p.autoscaleConfiguration as Record<string, unknown> | undefined;
    const http2 = bool(p.enableHttp2, false);
    return {
      ...trackedShape(arm),
      zones: strings(arm.zones),
      http2_enabled: http2,
      enable_http2: http2,
      fips_enabled: bool(p.enableFips, false),
      force_firewall_policy_association: bool(p.forceFirewallPolicyAssociation, false),
      firewall_policy_id: str(at(p, 'firewallPolicy.id')) ?? '',
      sku: block(sku && { name: str(sku.name) ?? '', tier: str(sku.tier) ?? '', ...(num(sku.capacity) !== null ? { capacity: num(sku.capacity) } : {}) }),
      autoscale_configuration: block(autoscale && { min_capacity: num(autoscale.minCapacity) ?? 0, max_capacity: num(autoscale.maxCapacity) ?? 0 }),
      ssl_policy: block(
        ssl && {
          policy_type: str(ssl.policyType) ?? '',
          policy_name: str(ssl.policyName) ?? '',
          min_protocol_version: str(ssl.minProtocolVersion) ?? '',
          cipher_suites: strings(ssl.cipherSuites),
          disabled_protocols: strings(ssl.disabledSslProtocols),
        },
      ),
      waf_configuration: block(
        waf && { enabled: bool(waf.enabled, false), firewall_mode: str(waf.firewallMode) ?? '', rule_set_type: str(waf.ruleSetType) ?? '', rule_set_version: str(waf.ruleSetVersion) ?? '' },
      ),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/applicationGateways'),
};
