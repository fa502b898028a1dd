// aws_subnet: everything it compares is in DescribeSubnets.
import type { Subnet } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';

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
  toAttributes: (s) => ({
    vpc_id: s.VpcId ?? null,
    cidr_block: s.CidrBlock ?? null,
    availability_zone: s.AvailabilityZone ?? null,
    map_public_ip_on_launch: s.MapPublicIpOnLaunch ?? false,
    tags: tagsToMap(s.Tags),
  }),
};
