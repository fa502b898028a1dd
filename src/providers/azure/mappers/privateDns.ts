// azurerm_private_dns_zone ↔ Microsoft.Network/privateDnsZones (location "global", not an argument) and
// azurerm_private_dns_zone_virtual_network_link ↔ …/virtualNetworkLinks. Read as resourcePrivateDnsZoneRead
// and resourcePrivateDnsZoneVirtualNetworkLinkRead (azurerm 4.x, privatedns/*_resource.go): absent
// registrationEnabled false, absent resolutionPolicy "Default". azurerm 5.x replaced private_dns_zone_name +
// resource_group_name with private_dns_zone_id (resourcePrivateDnsZoneVirtualNetworkLinkFlatten): both are read.
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, str, tagsPolicy, trackedShape } from './common';
import { childOf, nameAfter, parentId } from './parentIds';

export const privateDnsZone: AzureMapper = {
  type: 'azurerm_private_dns_zone',
  armType: 'Microsoft.Network/privateDnsZones',
  attributes: { name: { caseInsensitive: true }, resource_group_name: { caseInsensitive: true }, tags: tagsPolicy },
  map(arm) {
    const { name, resource_group_name, tags } = trackedShape(arm);
    return { name, resource_group_name: resource_group_name ?? null, tags };
  },
  deriveId: deriveTracked('Microsoft.Network/privateDnsZones'),
};

export const privateDnsZoneLink: AzureMapper = {
  type: 'azurerm_private_dns_zone_virtual_network_link',
  armType: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  attributes: {
    name: { caseInsensitive: true },
    resource_group_name: { caseInsensitive: true },
    private_dns_zone_name: { caseInsensitive: true },
    private_dns_zone_id: armIdPolicy,
    virtual_network_id: armIdPolicy,
    registration_enabled: {},
    resolution_policy: { caseInsensitive: true },
    tags: tagsPolicy,
  },
  map(arm) {
    const p = arm.properties ?? {};
    const { name, resource_group_name, tags } = trackedShape(arm);
    return {
      name,
      resource_group_name: resource_group_name ?? null,
      private_dns_zone_name: nameAfter(arm.id, 'privateDnsZones'),
      private_dns_zone_id: parentId(arm.id),
      virtual_network_id: str(at(p, 'virtualNetwork.id')) ?? '',
      registration_enabled: bool(p.registrationEnabled, false),
      resolution_policy: str(p.resolutionPolicy) ?? 'Default',
      tags,
    };
  },
  deriveId: (attrs, subscriptionId) =>
    childOf('private_dns_zone_id', 'virtualNetworkLinks')(attrs) ?? deriveTracked('Microsoft.Network/privateDnsZones/virtualNetworkLinks', ['private_dns_zone_name'])(attrs, subscriptionId),
};
