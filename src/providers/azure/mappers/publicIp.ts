// azurerm_public_ip ↔ Microsoft.Network/publicIPAddresses. Read as resourcePublicIpFlatten (azurerm 4.x,
// network/public_ip_resource.go): pointer.From → "" / 0 for absent fields. An absent `sku` is not set by
// the read at all; ARM's meaning of it is Basic (the schema default changed Basic → Standard in 4.0).
import type { AzureMapper } from './types';
import { at, deriveTracked, num, str, strings, trackedAttributes, trackedShape } from './common';

export const publicIp: AzureMapper = {
  type: 'azurerm_public_ip',
  armType: 'Microsoft.Network/publicIPAddresses',
  attributes: {
    ...trackedAttributes,
    allocation_method: { caseInsensitive: true },
    sku: { caseInsensitive: true },
    sku_tier: { caseInsensitive: true },
    zones: { set: true },
    ip_version: { caseInsensitive: true },
    idle_timeout_in_minutes: {},
    domain_name_label: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      allocation_method: str(p.publicIPAllocationMethod) ?? '',
      sku: str(at(arm.sku, 'name')) ?? 'Basic',
      sku_tier: str(at(arm.sku, 'tier')) ?? (arm.sku ? '' : 'Regional'),
      zones: strings(arm.zones),
      ip_version: str(p.publicIPAddressVersion) ?? '',
      idle_timeout_in_minutes: num(p.idleTimeoutInMinutes) ?? 0,
      domain_name_label: str(at(p, 'dnsSettings.domainNameLabel')) ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.Network/publicIPAddresses'),
};
