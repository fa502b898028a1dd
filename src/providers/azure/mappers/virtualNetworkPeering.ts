// azurerm_virtual_network_peering ↔ Microsoft.Network/virtualNetworks/virtualNetworkPeerings. Read as
// resourceVirtualNetworkPeeringRead (azurerm 4.x, network/virtual_network_peering_resource.go): bools from
// nil pointers are false (allowVirtualNetworkAccess is always returned; the service default is true).
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, str, trackedShape } from './common';
import { nameAfter } from './parentIds';

export const virtualNetworkPeering: AzureMapper = {
  type: 'azurerm_virtual_network_peering',
  armType: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  attributes: {
    name: { caseInsensitive: true },
    resource_group_name: { caseInsensitive: true },
    virtual_network_name: { caseInsensitive: true },
    remote_virtual_network_id: armIdPolicy,
    allow_virtual_network_access: {},
    allow_forwarded_traffic: {},
    allow_gateway_transit: {},
    use_remote_gateways: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const { name, resource_group_name } = trackedShape(arm);
    return {
      name,
      resource_group_name: resource_group_name ?? null,
      virtual_network_name: nameAfter(arm.id, 'virtualNetworks'),
      remote_virtual_network_id: str(at(p, 'remoteVirtualNetwork.id')) ?? '',
      allow_virtual_network_access: bool(p.allowVirtualNetworkAccess, false),
      allow_forwarded_traffic: bool(p.allowForwardedTraffic, false),
      allow_gateway_transit: bool(p.allowGatewayTransit, false),
      use_remote_gateways: bool(p.useRemoteGateways, false),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', ['virtual_network_name']),
};
