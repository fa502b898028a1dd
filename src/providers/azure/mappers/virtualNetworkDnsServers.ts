// azurerm_virtual_network_dns_servers: the DNS servers of a virtual network, state ID `<vnet id>/dnsServers/default`
// (no ARM resource of its own). Read through the network as resourceVirtualNetworkDnsServersRead does (azurerm 4.x
// network/): dns_servers from dhcpOptions.dnsServers, a list in order.
import type { AzureMapper } from './types';
import { armIdPolicy, at, strings } from './common';

export const virtualNetworkDnsServers: AzureMapper = {
  type: 'azurerm_virtual_network_dns_servers',
  armType: 'Microsoft.Network/virtualNetworks',
  coverageNote: 'read through its virtual network: dhcpOptions.dnsServers',
  attributes: { virtual_network_id: armIdPolicy, dns_servers: {} },
  armId(stateId) {
    const i = stateId.toLowerCase().lastIndexOf('/dnsservers/');
    return i > 0 ? stateId.slice(0, i) : { unreadable: `"${stateId}" is not "<virtual network id>/dnsServers/default"` };
  },
  map: (arm) => ({ virtual_network_id: arm.id, dns_servers: strings(at(arm.properties, 'dhcpOptions.dnsServers')) }),
  deriveId: (attrs) => (typeof attrs.virtual_network_id === 'string' && attrs.virtual_network_id ? `${attrs.virtual_network_id.replace(/\/+$/, '')}/dnsServers/default` : undefined),
};
