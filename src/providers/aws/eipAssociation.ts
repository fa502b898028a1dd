// aws_eip_association: ID `eipassoc-…`; DescribeAddresses filtered by association-id, as
// resourceEIPAssociationRead finds it (FindEIPByAssociationID). Not associated any more: missing.
import type { Address } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { token } from './wireValues';
import { identityOf } from './bindingValues';

export const eipAssociationMapper: AwsMapper<Address> = {
  type: 'aws_eip_association',
  describe: {
    operation: 'DescribeAddresses',
    idsParam: 'AllocationIds',
    items: (o) => o.Addresses ?? [],
    idOf: (a) => a.AllocationId,
    notFoundCodes: ['InvalidAllocationID.NotFound', 'InvalidAllocationID.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_eip_association', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'allocation_id'),
  goneFrom: (a, b) => (token(a.AssociationId) === b.liveId ? undefined : `${a.AllocationId} is no longer associated as ${b.liveId}`),
  toAttributes: (a) => ({
    allocation_id: token(a.AllocationId),
    instance_id: token(a.InstanceId),
    network_interface_id: token(a.NetworkInterfaceId),
    private_ip_address: token(a.PrivateIpAddress),
    public_ip: token(a.PublicIp),
  }),
};
