// aws_route_table_association: ID `rtbassoc-…`, read through its table (route_table_id) as
// resourceRouteTableAssociationRead finds it by association ID. A subnet moved to another table in the
// console gets a new association: this one is gone (missing), and the subnet shows on the other table.
import type { RouteTable, RouteTableAssociation } from '@aws-sdk/client-ec2';
import type { Binding, Value } from '../../model';
import { identityOf } from './bindingValues';
import type { AwsMapper } from './mapper';
import { routeTableMapper } from './routeTable';
import { token } from './wireValues';

const find = (t: RouteTable, b: Binding): RouteTableAssociation | undefined =>
  (t.Associations ?? []).find((a) => token(a.RouteTableAssociationId) === b.liveId && a.AssociationState?.State !== 'disassociated');

export const routeTableAssociationMapper: AwsMapper<RouteTable> = {
  type: 'aws_route_table_association',
  describe: routeTableMapper.describe,
  normalization: { type: 'aws_route_table_association', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'route_table_id'),
  goneFrom: (t, b) => (find(t, b) ? undefined : `association ${b.liveId} is no longer on ${t.RouteTableId}`),
  toAttributes: (t, _e, _u, b): Record<string, Value> => {
    const a = b ? find(t, b) : undefined;
    return { route_table_id: token(t.RouteTableId), subnet_id: token(a?.SubnetId), gateway_id: token(a?.GatewayId) };
  },
};
