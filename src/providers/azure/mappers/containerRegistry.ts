// azurerm_container_registry ↔ Microsoft.ContainerRegistry/registries. Read as resourceContainerRegistryRead
// (azurerm 4.x, containers/container_registry_resource.go): `sku` is the SKU's tier, public access and zone
// redundancy compare "Enabled", nil bools false. Admin user, anonymous pull, public access and an open
// default network action widen access: errors.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { at, bool, deriveTracked, enabled, exposedWhen, str, trackedAttributes, trackedShape } from './common';

const isTrue = (v: Value) => v === true;

export const containerRegistry: AzureMapper = {
  type: 'azurerm_container_registry',
  armType: 'Microsoft.ContainerRegistry/registries',
  attributes: {
    ...trackedAttributes,
    sku: { caseInsensitive: true },
    admin_enabled: { severity: exposedWhen(isTrue) },
    public_network_access_enabled: { severity: exposedWhen(isTrue) },
    anonymous_pull_enabled: { severity: exposedWhen(isTrue) },
    zone_redundancy_enabled: {},
    data_endpoint_enabled: {},
    network_rule_bypass_option: { caseInsensitive: true },
    network_rule_set: {
      block: 'list',
      attributes: { default_action: { caseInsensitive: true, severity: exposedWhen((a) => typeof a === 'string' && a.toLowerCase() === 'allow') } },
    },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const rules = p.networkRuleSet as Record<string, unknown> | undefined;
    return {
      ...trackedShape(arm),
      sku: str(at(arm.sku, 'tier')) ?? str(at(arm.sku, 'name')) ?? '',
      admin_enabled: bool(p.adminUserEnabled, false),
      public_network_access_enabled: enabled(p.publicNetworkAccess, false),
      anonymous_pull_enabled: bool(p.anonymousPullEnabled, false),
      zone_redundancy_enabled: enabled(p.zoneRedundancy, false),
      data_endpoint_enabled: bool(p.dataEndpointEnabled, false),
      network_rule_bypass_option: str(p.networkRuleBypassOptions) ?? '',
      network_rule_set: rules ? [{ default_action: str(rules.defaultAction) ?? '' }] : [],
    };
  },
  deriveId: deriveTracked('Microsoft.ContainerRegistry/registries'),
};
