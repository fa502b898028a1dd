// aws_nat_gateway: DescribeNatGateways (its filter member is `Filter`, not `Filters`). A gateway in state
// `deleted` is gone, as FindNATGatewayByID treats it; the primary address gives allocation_id,
// network_interface_id, private_ip and public_ip (resourceNATGatewayRead), connectivity_type defaults to public.
import type { NatGateway } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { nameTag, tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

const primary = (g: NatGateway) => (g.NatGatewayAddresses ?? []).find((a) => a.IsPrimary) ?? g.NatGatewayAddresses?.[0];
const secondary = (g: NatGateway) => (g.NatGatewayAddresses ?? []).filter((a) => a !== primary(g));

export const natGatewayMapper: AwsMapper<NatGateway> = {
  type: 'aws_nat_gateway',
  describe: {
    operation: 'DescribeNatGateways',
    idsParam: 'NatGatewayIds',
    items: (o) => o.NatGateways ?? [],
    idOf: (g) => g.NatGatewayId,
    notFoundCodes: ['NatGatewayNotFound', 'NatGatewayMalformed', 'InvalidNatGatewayID.NotFound'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_nat_gateway', scalarSets: ['secondary_allocation_ids', 'secondary_private_ip_addresses'], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  vpcOf: (g) => token(g.VpcId) ?? undefined,
  gone: (g) => (enumValue(g.State) === 'deleted' || enumValue(g.State) === 'deleting' ? `NAT gateway is ${enumValue(g.State)}` : undefined),
  listInVpcs: { filters: [], filterParam: 'Filter', nameOf: (g) => nameTag(g.Tags) },
  toAttributes: (g) => ({
    subnet_id: token(g.SubnetId),
    vpc_id: token(g.VpcId),
    connectivity_type: enumValue(g.ConnectivityType) ?? 'public',
    allocation_id: token(primary(g)?.AllocationId),
    network_interface_id: token(primary(g)?.NetworkInterfaceId),
    private_ip: token(primary(g)?.PrivateIp),
    public_ip: token(primary(g)?.PublicIp),
    secondary_allocation_ids: secondary(g).map((a) => token(a.AllocationId)).filter((x): x is string => x !== null),
    secondary_private_ip_addresses: secondary(g).map((a) => token(a.PrivateIp)).filter((x): x is string => x !== null),
    tags: tagsToMap(g.Tags),
  }),
};
