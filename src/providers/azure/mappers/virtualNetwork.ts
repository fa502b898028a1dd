// azurerm_virtual_network ↔ Microsoft.Network/virtualNetworks. Read as resourceVirtualNetworkRead (azurerm 4.x,
// network/virtual_network_resource.go): address_space is a TypeSet, dns_servers a TypeList; a nil
// flowTimeoutInMinutes is 0, an absent BGP community "".
import type { AzureMapper } from './types';
import { at, deriveTracked, num, str, strings, trackedAttributes, trackedShape } from './common';

export const virtualNetwork: AzureMapper = {
  type: 'azurerm_virtual_network',
  armType: 'Microsoft.Network/virtualNetworks',
  attributes: {
    ...trackedAttributes,
    address_space: { set: true },
    // Order matters for DNS servers: the first is asked first.
    dns_servers: {},
    flow_timeout_in_minutes: {},
    bgp_community: {},
  },
  map(arm) {
    return {
      ...trackedShape(arm),
      address_space: strings(at(arm.properties, 'addressSpace.addressPrefixes')),
      dns_servers: strings(at(arm.properties, 'dhcpOptions.dnsServers')),
      flow_timeout_in_minutes: num(at(arm.properties, 'flowTimeoutInMinutes')) ?? 0,
      bgp_community: str(at(arm.properties, 'bgpCommunities.virtualNetworkCommunity')) ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.Network/virtualNetworks'),
};
