// aws_vpc_peering_connection: DescribeVpcPeeringConnections, as resourceVPCPeeringRead sets it: vpc_id
// (requester), peer_vpc_id, peer_owner_id, peer_region (accepter), accept_status (status code). Deleted,
// rejected, failed or expired connections are gone, as FindVPCPeeringConnectionByID treats them.
import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { nameTag, tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

const GONE = new Set(['deleted', 'rejected', 'failed', 'expired']);

export const vpcPeeringConnectionMapper: AwsMapper<VpcPeeringConnection> = {
  type: 'aws_vpc_peering_connection',
  describe: {
    operation: 'DescribeVpcPeeringConnections',
    idsParam: 'VpcPeeringConnectionIds',
    items: (o) => o.VpcPeeringConnections ?? [],
    idOf: (p) => p.VpcPeeringConnectionId,
    notFoundCodes: ['InvalidVpcPeeringConnectionID.NotFound', 'InvalidVpcPeeringConnectionId.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_vpc_peering_connection', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  vpcOf: (p) => token(p.RequesterVpcInfo?.VpcId) ?? undefined,
  gone: (p) => (GONE.has(enumValue(p.Status?.Code) ?? '') ? `peering connection is ${enumValue(p.Status?.Code)}` : undefined),
  listInVpcs: { filters: [], vpcFilter: 'requester-vpc-info.vpc-id', nameOf: (p) => nameTag(p.Tags) },
  toAttributes: (p) => ({
    vpc_id: token(p.RequesterVpcInfo?.VpcId),
    peer_vpc_id: token(p.AccepterVpcInfo?.VpcId),
    peer_owner_id: token(p.AccepterVpcInfo?.OwnerId),
    peer_region: token(p.AccepterVpcInfo?.Region),
    accept_status: enumValue(p.Status?.Code),
    tags: tagsToMap(p.Tags),
  }),
};
