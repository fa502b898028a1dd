// aws_internet_gateway: DescribeInternetGateways. vpc_id is the first attachment's VPC, as
// resourceInternetGatewayRead sets it ("" when detached).
import type { InternetGateway } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { nameTag, tagsToMap } from './tags';
import { token } from './wireValues';

const attachedVpc = (g: InternetGateway) => token(g.Attachments?.[0]?.VpcId);

export const internetGatewayMapper: AwsMapper<InternetGateway> = {
  type: 'aws_internet_gateway',
  describe: {
    operation: 'DescribeInternetGateways',
    idsParam: 'InternetGatewayIds',
    items: (o) => o.InternetGateways ?? [],
    idOf: (g) => g.InternetGatewayId,
    notFoundCodes: ['InvalidInternetGatewayID.NotFound', 'InvalidInternetGatewayID.Malformed', 'InvalidInternetGatewayId.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_internet_gateway', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  vpcOf: (g) => attachedVpc(g) ?? undefined,
  listInVpcs: { filters: [], vpcFilter: 'attachment.vpc-id', nameOf: (g) => nameTag(g.Tags) },
  toAttributes: (g) => ({ vpc_id: attachedVpc(g), owner_id: token(g.OwnerId), tags: tagsToMap(g.Tags) }),
};
