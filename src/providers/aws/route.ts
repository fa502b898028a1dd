// aws_route: its ID (`r-rtb-…1080289494`) is the table and a hash of the destination, so it is read as
// resourceRouteRead does: describe the table (route_table_id), find the route by its destination. None:
// the read drops it from state (missing). The route's target attributes are those of flattenRoute.
import type { RouteTable } from '@aws-sdk/client-ec2';
import type { Binding, Value } from '../../model';
import { identityOf } from './bindingValues';
import { UNKNOWN_ELEMENT, type AwsMapper, type OwnedElement } from './mapper';
import { routeDestination, routeFields, ROUTE_TARGETS, routeTableMapper } from './routeTable';
import { token } from './wireValues';

// aws_route names its destinations apart from the table's route block.
const DESTINATIONS = { destination_cidr_block: 'cidr_block', destination_ipv6_cidr_block: 'ipv6_cidr_block', destination_prefix_list_id: 'destination_prefix_list_id' } as const;

function destinationOf(b: Binding): string | undefined {
  const asBlock: Record<string, Value> = {};
  for (const [attr, inBlock] of Object.entries(DESTINATIONS)) {
    const v = identityOf(b, attr);
    if (v) asBlock[inBlock] = v;
  }
  return routeDestination(asBlock);
}

function find(t: RouteTable, b: Binding): Record<string, Value> | undefined {
  const dest = destinationOf(b);
  if (!dest) return undefined;
  const r = (t.Routes ?? []).find((x) => routeDestination(routeFields(x)) === dest);
  return r ? { ...routeFields(r), state: token(r.State), origin: token(r.Origin), instance_id: token(r.InstanceId) } : undefined;
}

function toAttributes(t: RouteTable, _extra: undefined, unreadable: Record<string, string>, b?: Binding): Record<string, Value> {
  const r = b ? find(t, b) : undefined;
  if (!r) {
    unreadable.route = 'route not found';
    return { route_table_id: token(t.RouteTableId) };
  }
  const out: Record<string, Value> = {
    route_table_id: token(t.RouteTableId),
    destination_cidr_block: r.cidr_block ?? null,
    destination_ipv6_cidr_block: r.ipv6_cidr_block ?? null,
    destination_prefix_list_id: r.destination_prefix_list_id ?? null,
    instance_id: r.instance_id ?? null,
    state: r.state ?? null,
    origin: r.origin ?? null,
  };
  for (const k of ROUTE_TARGETS) out[k] = r[k] ?? null;
  return out;
}

function owns(b: Binding): OwnedElement[] {
  const parentId = identityOf(b, 'route_table_id');
  if (!parentId) return [];
  const dest = destinationOf(b);
  return [{ parentId, attribute: 'route', keys: [dest ?? UNKNOWN_ELEMENT] }];
}

export const routeMapper: AwsMapper<RouteTable> = {
  type: 'aws_route',
  describe: routeTableMapper.describe,
  normalization: { type: 'aws_route', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'route_table_id'),
  goneFrom: (t, b) => (destinationOf(b) && !find(t, b) ? `no route to ${destinationOf(b)!.split(':').slice(1).join(':')} in ${t.RouteTableId}` : undefined),
  owns,
  toAttributes,
};
