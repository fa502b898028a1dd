// azurerm_subnet ↔ Microsoft.Network/virtualNetworks/subnets (a child: no location, no tags).
// Read as resourceSubnetFlatten (azurerm 4.x, network/subnet_resource.go): address_prefixes is a TypeList
// (order kept), service_endpoints a TypeSet; absent defaultOutboundAccess reads true, absent policies "".
import type { AzureMapper } from './types';
import { parseArmId } from '../armId';
import { at, deriveTracked, str, strings } from './common';

export const subnet: AzureMapper = {
  type: 'azurerm_subnet',
  armType: 'Microsoft.Network/virtualNetworks/subnets',
  attributes: {
    name: { caseInsensitive: true },
    resource_group_name: { caseInsensitive: true },
    virtual_network_name: { caseInsensitive: true },
    address_prefixes: {},
    service_endpoints: { set: true },
    private_endpoint_network_policies: { caseInsensitive: true },
    default_outbound_access_enabled: {},
  },
  map(arm) {
    const id = parseArmId(arm.id);
    const p = arm.properties ?? {};
    // The API returns `addressPrefix` for one prefix and `addressPrefixes` for several.
    const prefixes = strings(p.addressPrefixes);
    const single = str(p.addressPrefix);
    return {
      name: arm.name,
      resource_group_name: id?.resourceGroup ?? null,
      virtual_network_name: id ? (id.id.split('/')[8] ?? null) : null,
      address_prefixes: prefixes.length ? prefixes : single ? [single] : [],
      service_endpoints: ((p.serviceEndpoints as unknown[] | undefined) ?? []).map((e) => str(at(e, 'service'))).filter((s): s is string => !!s),
      private_endpoint_network_policies: str(p.privateEndpointNetworkPolicies) ?? '',
      default_outbound_access_enabled: typeof p.defaultOutboundAccess === 'boolean' ? p.defaultOutboundAccess : true,
    };
  },
  deriveId: deriveTracked('Microsoft.Network/virtualNetworks/subnets', ['virtual_network_name']),
};
