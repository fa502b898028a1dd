// azurerm_route_table ↔ Microsoft.Network/routeTables and azurerm_route ↔ …/routes. Read as
// resourceRouteTableRead / flattenRouteTableRoutes and resourceRouteRead (azurerm 4.x,
// network/route_table_resource.go, route_resource.go): `route` is a TypeSet of blocks,
// bgp_route_propagation_enabled is the negation of disableBgpRoutePropagation (absent: true),
// an absent next hop address "". next_hop_type is an enum the service answers in its own case.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { bool, deriveTracked, str, trackedAttributes, trackedShape } from './common';
import { dropEmptyFields, nameAfter } from './parentIds';

type Route = { name?: string; properties?: { addressPrefix?: string; nextHopType?: string; nextHopIpAddress?: string } };

function routeShape(r: Route): Record<string, Value> {
  return {
    name: str(r.name) ?? '',
    address_prefix: str(r.properties?.addressPrefix) ?? '',
    next_hop_type: str(r.properties?.nextHopType) ?? '',
    next_hop_in_ip_address: str(r.properties?.nextHopIpAddress) ?? '',
  };
}

const toInternet = (r: Value) => r !== null && typeof r === 'object' && !Array.isArray(r) && r.next_hop_type === 'internet';

export const routeTable: AzureMapper = {
  type: 'azurerm_route_table',
  armType: 'Microsoft.Network/routeTables',
  attributes: {
    ...trackedAttributes,
    bgp_route_propagation_enabled: {},
    disable_bgp_route_propagation: {},
    // A console route that sends traffic straight to the Internet bypasses whatever the table steered it through.
    route: { block: 'set', normalize: dropEmptyFields(['next_hop_type']), severity: (_e, _a, extraLive) => (extraLive?.some(toInternet) ? 'error' : 'warning') },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const disabled = bool(p.disableBgpRoutePropagation, false) as boolean;
    return {
      ...trackedShape(arm),
      bgp_route_propagation_enabled: !disabled,
      disable_bgp_route_propagation: disabled,
      route: ((p.routes as Route[] | undefined) ?? []).map(routeShape),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/routeTables'),
};

export const route: AzureMapper = {
  type: 'azurerm_route',
  armType: 'Microsoft.Network/routeTables/routes',
  attributes: {
    name: { caseInsensitive: true },
    resource_group_name: { caseInsensitive: true },
    route_table_name: { caseInsensitive: true },
    address_prefix: {},
    next_hop_type: { caseInsensitive: true },
    next_hop_in_ip_address: {},
  },
  map(arm) {
    const { name, resource_group_name } = trackedShape(arm);
    return { ...routeShape(arm as Route), name, resource_group_name: resource_group_name ?? null, route_table_name: nameAfter(arm.id, 'routeTables') };
  },
  deriveId: deriveTracked('Microsoft.Network/routeTables/routes', ['route_table_name']),
};
