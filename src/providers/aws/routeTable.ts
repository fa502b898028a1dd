// aws_route_table: DescribeRouteTables. `route` as resourceRouteTableRead's flattenRoutes sets it: the
// local route, propagated routes and VPC endpoint prefix-list routes are never in it; a gateway ID that
// is a VPC endpoint reads as vpc_endpoint_id; a route is identified by its destination (the Set hash).
// Routes an aws_route in the code owns are left to it (ownership.ts).
import type { Route, RouteTable } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';
import type { AwsMapper } from './mapper';
import { nameTag, tagsToMap } from './tags';
import { token } from './wireValues';

export const ROUTE_DESTINATIONS = ['cidr_block', 'ipv6_cidr_block', 'destination_prefix_list_id'] as const;
export const ROUTE_TARGETS = ['gateway_id', 'nat_gateway_id', 'network_interface_id', 'transit_gateway_id', 'vpc_peering_connection_id', 'egress_only_gateway_id', 'vpc_endpoint_id', 'carrier_gateway_id', 'local_gateway_id', 'core_network_arn'] as const;

/** One API route as flattenRoute shapes it; undefined for the routes flattenRoutes skips. */
export function flattenRoute(r: Route): Record<string, Value> | undefined {
  const gateway = token(r.GatewayId);
  if (gateway === 'local' || gateway === 'VpcLattice') return undefined;
  if (r.Origin === 'EnableVgwRoutePropagation') return undefined;
  if (r.DestinationPrefixListId && gateway?.startsWith('vpce-')) return undefined;
  return routeFields(r);
}

/** A route's fields in the provider's shape (a VPC endpoint gateway ID reads as vpc_endpoint_id). */
export function routeFields(r: Route): Record<string, Value> {
  const gateway = token(r.GatewayId);
  return {
    cidr_block: token(r.DestinationCidrBlock),
    ipv6_cidr_block: token(r.DestinationIpv6CidrBlock),
    destination_prefix_list_id: token(r.DestinationPrefixListId),
    gateway_id: gateway?.startsWith('vpce-') ? null : gateway,
    vpc_endpoint_id: gateway?.startsWith('vpce-') ? gateway : null,
    nat_gateway_id: token(r.NatGatewayId),
    network_interface_id: token(r.NetworkInterfaceId),
    transit_gateway_id: token(r.TransitGatewayId),
    vpc_peering_connection_id: token(r.VpcPeeringConnectionId),
    egress_only_gateway_id: token(r.EgressOnlyInternetGatewayId),
    carrier_gateway_id: token(r.CarrierGatewayId),
    local_gateway_id: token(r.LocalGatewayId),
    core_network_arn: token(r.CoreNetworkArn),
  };
}

/** A route's destination: what the provider's Set hash and aws_route's ID are made of. */
export function routeDestination(r: Record<string, Value>): string | undefined {
  for (const d of ROUTE_DESTINATIONS) {
    const v = r[d];
    if (typeof v === 'string' && v !== '') return `${d}:${d === 'ipv6_cidr_block' ? v.toLowerCase() : v}`;
  }
  return undefined;
}

/**
 * A route set as comparable elements: destination and target, empties dropped. As the Set hash does, a
 * route to a NAT gateway is not told apart by the network interface the API also names.
 */
function normalizeRoutes(v: Value, owned: ReadonlySet<string>): Value {
  const out: Value[] = [];
  for (const r of Array.isArray(v) ? v : []) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) continue;
    const dest = routeDestination(r);
    if (dest && owned.has(dest)) continue;
    const el: Record<string, Value> = {};
    for (const k of [...ROUTE_DESTINATIONS, ...ROUTE_TARGETS]) {
      const x = r[k];
      if (typeof x === 'string' && x !== '' && !(k === 'network_interface_id' && typeof r.nat_gateway_id === 'string' && r.nat_gateway_id !== '')) el[k] = k === 'ipv6_cidr_block' ? x.toLowerCase() : x;
    }
    out.push(el);
  }
  return out;
}

const isMain = (t: RouteTable) => (t.Associations ?? []).some((a) => a.Main);

export const routeTableMapper: AwsMapper<RouteTable> = {
  type: 'aws_route_table',
  describe: {
    operation: 'DescribeRouteTables',
    idsParam: 'RouteTableIds',
    items: (o) => o.RouteTables ?? [],
    idOf: (t) => t.RouteTableId,
    notFoundCodes: ['InvalidRouteTableID.NotFound', 'InvalidRouteTableID.Malformed', 'InvalidRouteTableId.Malformed'],
    chunkSize: 200,
  },
  normalization: {
    type: 'aws_route_table',
    scalarSets: ['propagating_vgws'],
    singleBlocks: [],
    ruleBlocks: [],
    tagMaps: ['tags'],
    onDemand: {},
    normalizers: { route: { normalize: normalizeRoutes, reads: [...ROUTE_DESTINATIONS, ...ROUTE_TARGETS] } },
  },
  vpcOf: (t) => token(t.VpcId) ?? undefined,
  listInVpcs: {
    filters: [],
    // Every VPC comes with a main route table; nobody declares it unless through aws_default_route_table.
    managedBy: (t) => (isMain(t) ? `the VPC ${t.VpcId} (its main route table)` : undefined),
    nameOf: (t) => nameTag(t.Tags),
  },
  toAttributes: (t) => ({
    vpc_id: token(t.VpcId),
    owner_id: token(t.OwnerId),
    route: (t.Routes ?? []).map(flattenRoute).filter((r): r is Record<string, Value> => r !== undefined),
    propagating_vgws: (t.PropagatingVgws ?? []).map((p) => token(p.GatewayId)).filter((g): g is string => g !== null),
    tags: tagsToMap(t.Tags),
  }),
};
