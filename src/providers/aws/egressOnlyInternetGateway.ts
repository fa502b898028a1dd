// aws_egress_only_internet_gateway: DescribeEgressOnlyInternetGateways; vpc_id from the first attachment
// (resourceEgressOnlyInternetGatewayRead). Its listing has no vpc filter, so it is not listed as unmanaged.
import type { EgressOnlyInternetGateway } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';
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
  toAttributes: (g) => ({ vpc_id: token(g.Attachments?.[0]?.VpcId), tags: tagsToMap(g.Tags) }),
};
