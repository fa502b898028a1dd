// aws_eip: DescribeAddresses by allocation ID (it never pages). As resourceEIPRead sets them: domain,
// instance and network_interface ("" when not associated), private_ip, public_ip, association_id.
import type { Address } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

export const eipMapper: AwsMapper<Address> = {
  type: 'aws_eip',
  describe: {
    operation: 'DescribeAddresses',
    idsParam: 'AllocationIds',
    items: (o) => o.Addresses ?? [],
    idOf: (a) => a.AllocationId,
    notFoundCodes: ['InvalidAllocationID.NotFound', 'InvalidAllocationID.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_eip', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  toAttributes: (a) => ({
    domain: enumValue(a.Domain),
    // `vpc = true` is the pre-5.0 spelling of domain = "vpc".
    vpc: enumValue(a.Domain) === 'vpc',
    instance: token(a.InstanceId),
    network_interface: token(a.NetworkInterfaceId),
    private_ip: token(a.PrivateIpAddress),
    public_ip: token(a.PublicIp),
    association_id: token(a.AssociationId),
    public_ipv4_pool: token(a.PublicIpv4Pool),
    tags: tagsToMap(a.Tags),
  }),
};
