// azurerm_network_security_group ↔ Microsoft.Network/networkSecurityGroups. `security_rule` is a
// set of blocks; a live rule the code lacks that lets the Internet in is an error.
import type { AzureMapper } from './types';
import { deriveTracked, str, trackedAttributes, trackedShape } from './common';
import { normalizeRules, ruleSetSeverity, securityRuleShape } from './securityRuleShape';

export const networkSecurityGroup: AzureMapper = {
  type: 'azurerm_network_security_group',
  armType: 'Microsoft.Network/networkSecurityGroups',
  attributes: {
    ...trackedAttributes,
    security_rule: { block: 'set', normalize: normalizeRules, severity: ruleSetSeverity },
  },
  map(arm) {
    const rules = (arm.properties?.securityRules as { name?: string; properties?: Record<string, unknown> }[] | undefined) ?? [];
    return {
      ...trackedShape(arm),
      security_rule: rules.map((r) => securityRuleShape(str(r.name) ?? '', r.properties ?? {})),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/networkSecurityGroups'),
};
