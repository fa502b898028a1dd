// aws_egress_only_internet_gateway: DescribeEgressOnlyInternetGateways; vpc_id from the first attachment
// (resourceEgressOnlyInternetGatewayRead). DescribeEgressOnlyInternetGateways filters only on tags (API reference:
// tag:<key>, tag-key), so the unmanaged listing asks once per region and page and keeps those attached to a managed VPC.
import type { EgressOnlyInternetGateway } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { ownerFromTags } from './serviceManaged';
import { nameTag, tagsToMap } from './tags';
import { token } from './wireValues';

export const egressOnlyInternetGatewayMapper: AwsMapper<EgressOnlyInternetGateway> = {
  type: 'aws_egress_only_internet_gateway',
  describe: {
    operation: 'DescribeEgressOnlyInternetGateways',
    idsParam: 'EgressOnlyInternetGatewayIds',
    items: (o) => o.EgressOnlyInternetGateways ?? [],
    idOf: (g) => g.EgressOnlyInternetGatewayId,
    notFoundCodes: ['InvalidEgressOnlyInternetGatewayId.NotFound', 'InvalidEgressOnlyInternetGatewayId.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_egress_only_internet_gateway', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  vpcOf: (g) => token(g.Attachments?.[0]?.VpcId) ?? undefined,
  // 255 per page: within every range EC2 has documented for this action.
  listInVpcs: { filters: [], vpcFilter: null, pageSize: 255, managedBy: (g) => ownerFromTags(g.Tags), nameOf: (g) => nameTag(g.Tags) },
  toAttributes: (g) => ({ vpc_id: token(g.Attachments?.[0]?.VpcId), tags: tagsToMap(g.Tags) }),
};
