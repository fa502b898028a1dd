// aws_main_route_table_association: ID `rtbassoc-…` (the main association), read through the table it makes
// main (route_table_id) as resourceMainRouteTableAssociationRead does. Another table made main: missing.
import type { RouteTable } from '@aws-sdk/client-ec2';
import { identityOf } from './bindingValues';
import type { AwsMapper } from './mapper';
import { routeTableMapper } from './routeTable';
import { token } from './wireValues';

export const mainRouteTableAssociationMapper: AwsMapper<RouteTable> = {
  type: 'aws_main_route_table_association',
  describe: routeTableMapper.describe,
  normalization: { type: 'aws_main_route_table_association', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'route_table_id'),
  goneFrom: (t, b) => ((t.Associations ?? []).some((a) => a.Main && token(a.RouteTableAssociationId) === b.liveId) ? undefined : `${t.RouteTableId} is no longer the main route table as ${b.liveId}`),
  toAttributes: (t) => ({ vpc_id: token(t.VpcId), route_table_id: token(t.RouteTableId) }),
};
