// aws_subnet: everything it compares is in DescribeSubnets.
import type { Subnet } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { subnetOwner } from './serviceManaged';
import { nameTag, tagsToMap } from './tags';
import { token } from './wireValues';

export const subnetMapper: AwsMapper<Subnet> = {
  type: 'aws_subnet',
  describe: {
    operation: 'DescribeSubnets',
    idsParam: 'SubnetIds',
    items: (o) => o.Subnets ?? [],
    idOf: (s) => s.SubnetId,
    notFoundCodes: ['InvalidSubnetID.NotFound', 'InvalidSubnetID.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_subnet', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  vpcOf: (s) => token(s.VpcId) ?? undefined,
  listInVpcs: {
    filters: [],
    managedBy: subnetOwner,
    nameOf: (s) => nameTag(s.Tags),
  },
  toAttributes: (s) => ({
    vpc_id: token(s.VpcId),
    cidr_block: token(s.CidrBlock),
    availability_zone: token(s.AvailabilityZone),
    map_public_ip_on_launch: s.MapPublicIpOnLaunch ?? false,
    tags: tagsToMap(s.Tags),
  }),
};
