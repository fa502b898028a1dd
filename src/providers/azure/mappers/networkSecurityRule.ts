// azurerm_network_security_rule ↔ Microsoft.Network/networkSecurityGroups/securityRules.
import type { AzureMapper, AttributePolicy } from './types';
import type { Value } from '../../../model';
import { parseArmId } from '../armId';
import { deriveTracked } from './common';
import { ruleFieldPolicies, securityRuleShape } from './securityRuleShape';

// A source opened to anyone on the Internet is an error; other changes are warnings.
function exposure(_e: Value, actual: Value): 'error' | 'warning' {
  return typeof actual === 'string' && ['*', 'internet', '0.0.0.0/0', 'any'].includes(actual.toLowerCase()) ? 'error' : 'warning';
}

const attributes: Record<string, AttributePolicy> = {
  name: { caseInsensitive: true },
  resource_group_name: { caseInsensitive: true },
  network_security_group_name: { caseInsensitive: true },
  priority: {},
  description: {},
  source_port_range: {},
  destination_port_range: {},
  destination_address_prefix: {},
  ...ruleFieldPolicies,
  source_address_prefix: { severity: exposure },
  source_address_prefixes: { set: true, severity: (_e, a) => (Array.isArray(a) && a.some((x) => exposure(null, x) === 'error') ? 'error' : 'warning') },
};

export const networkSecurityRule: AzureMapper = {
  type: 'azurerm_network_security_rule',
  armType: 'Microsoft.Network/networkSecurityGroups/securityRules',
  attributes,
  map(arm) {
    const id = parseArmId(arm.id);
    const rule = securityRuleShape(arm.name, arm.properties ?? {});
    return {
      ...rule,
      resource_group_name: id?.resourceGroup ?? null,
      network_security_group_name: id ? (id.id.split('/')[8] ?? null) : null,
    };
  },
  deriveId: deriveTracked('Microsoft.Network/networkSecurityGroups/securityRules', ['network_security_group_name']),
};
