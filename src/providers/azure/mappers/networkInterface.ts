// azurerm_network_interface ↔ Microsoft.Network/networkInterfaces; `ip_configuration` blocks in
// the API's order (azurerm keeps it as a list: the primary configuration comes first). Read as
// resourceNetworkInterfaceFlatten / flattenNetworkInterfaceIPConfigurations (azurerm 4.x,
// network/network_interface_resource.go): absent strings "", absent bools false; dns_servers is a TypeList.
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, str, strings, trackedAttributes, trackedShape } from './common';

export const networkInterface: AzureMapper = {
  type: 'azurerm_network_interface',
  armType: 'Microsoft.Network/networkInterfaces',
  attributes: {
    ...trackedAttributes,
    ip_configuration: {
      block: 'list',
      attributes: {
        subnet_id: armIdPolicy,
        public_ip_address_id: armIdPolicy,
        private_ip_address_allocation: { caseInsensitive: true },
        private_ip_address_version: { caseInsensitive: true },
      },
    },
    dns_servers: {},
    accelerated_networking_enabled: {},
    enable_accelerated_networking: {},
    ip_forwarding_enabled: {},
    enable_ip_forwarding: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const configs = (p.ipConfigurations as { name?: string; properties?: Record<string, unknown> }[] | undefined) ?? [];
    const accelerated = bool(p.enableAcceleratedNetworking, false);
    const forwarding = bool(p.enableIPForwarding, false);
    return {
      ...trackedShape(arm),
      ip_configuration: configs.map((c) => ({
        name: str(c.name),
        subnet_id: str(at(c.properties, 'subnet.id')) ?? '',
        private_ip_address_allocation: str(at(c.properties, 'privateIPAllocationMethod')) ?? '',
        private_ip_address: str(at(c.properties, 'privateIPAddress')) ?? '',
        private_ip_address_version: str(at(c.properties, 'privateIPAddressVersion')) ?? '',
        public_ip_address_id: str(at(c.properties, 'publicIPAddress.id')) ?? '',
        primary: bool(at(c.properties, 'primary'), false),
      })),
      dns_servers: strings(at(p, 'dnsSettings.dnsServers')),
      // azurerm 4.x names, and the 3.x names of the same fields.
      accelerated_networking_enabled: accelerated,
      enable_accelerated_networking: accelerated,
      ip_forwarding_enabled: forwarding,
      enable_ip_forwarding: forwarding,
    };
  },
  deriveId: deriveTracked('Microsoft.Network/networkInterfaces'),
};
