// azurerm_private_endpoint ↔ Microsoft.Network/privateEndpoints. Read as resourcePrivateEndpointRead and
// flattenPrivateLinkEndpointServiceConnection (azurerm 4.x, network/private_endpoint_resource.go):
// automatic and manual connections in one TypeList, is_manual_connection telling them apart, absent
// strings "". The private DNS zone group is a sub-resource DriftLens does not read.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, deriveTracked, str, strings, trackedAttributes, trackedShape } from './common';

type Connection = { name?: string; properties?: { privateLinkServiceId?: string; groupIds?: string[]; requestMessage?: string } };

function connections(list: unknown, manual: boolean): Value[] {
  return ((Array.isArray(list) ? list : []) as Connection[]).map((c) => ({
    name: str(c.name) ?? '',
    is_manual_connection: manual,
    private_connection_resource_id: str(c.properties?.privateLinkServiceId) ?? '',
    subresource_names: strings(c.properties?.groupIds),
    ...(manual ? { request_message: str(c.properties?.requestMessage) ?? '' } : {}),
  }));
}

export const privateEndpoint: AzureMapper = {
  type: 'azurerm_private_endpoint',
  armType: 'Microsoft.Network/privateEndpoints',
  attributes: {
    ...trackedAttributes,
    subnet_id: armIdPolicy,
    custom_network_interface_name: {},
    private_service_connection: {
      block: 'list',
      attributes: {
        name: {},
        is_manual_connection: {},
        private_connection_resource_id: armIdPolicy,
        subresource_names: { set: true, normalize: (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.toLowerCase() : x)) : v) },
        request_message: {},
      },
    },
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      subnet_id: str(at(p, 'subnet.id')) ?? '',
      custom_network_interface_name: str(p.customNetworkInterfaceName) ?? '',
      private_service_connection: [...connections(p.privateLinkServiceConnections, false), ...connections(p.manualPrivateLinkServiceConnections, true)],
    };
  },
  deriveId: deriveTracked('Microsoft.Network/privateEndpoints'),
};
