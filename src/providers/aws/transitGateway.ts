// aws_ec2_transit_gateway and its VPC attachment: DescribeTransitGateways / DescribeTransitGatewayVpcAttachments.
// Options as resourceTransitGatewayRead / resourceTransitGatewayVPCAttachmentRead set them ("enable"/"disable"
// strings, amazon_side_asn a number); deleted ones are gone.
import type { TransitGateway, TransitGatewayVpcAttachment } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { nameTag, tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

const deleted = (state: string | undefined) => (['deleted', 'deleting'].includes(enumValue(state) ?? '') ? `it is ${enumValue(state)}` : undefined);

export const transitGatewayMapper: AwsMapper<TransitGateway> = {
  type: 'aws_ec2_transit_gateway',
  describe: {
    operation: 'DescribeTransitGateways',
    idsParam: 'TransitGatewayIds',
    items: (o) => o.TransitGateways ?? [],
    idOf: (t) => t.TransitGatewayId,
    notFoundCodes: ['InvalidTransitGatewayID.NotFound', 'InvalidTransitGatewayID.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_ec2_transit_gateway', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  gone: (t) => deleted(t.State),
  toAttributes: (t) => ({
    description: t.Description ?? '',
    amazon_side_asn: t.Options?.AmazonSideAsn ?? null,
    auto_accept_shared_attachments: enumValue(t.Options?.AutoAcceptSharedAttachments),
    default_route_table_association: enumValue(t.Options?.DefaultRouteTableAssociation),
    default_route_table_propagation: enumValue(t.Options?.DefaultRouteTablePropagation),
    dns_support: enumValue(t.Options?.DnsSupport),
    vpn_ecmp_support: enumValue(t.Options?.VpnEcmpSupport),
    multicast_support: enumValue(t.Options?.MulticastSupport),
    owner_id: token(t.OwnerId),
    tags: tagsToMap(t.Tags),
  }),
};

export const transitGatewayVpcAttachmentMapper: AwsMapper<TransitGatewayVpcAttachment> = {
  type: 'aws_ec2_transit_gateway_vpc_attachment',
  describe: {
    operation: 'DescribeTransitGatewayVpcAttachments',
    idsParam: 'TransitGatewayAttachmentIds',
    items: (o) => o.TransitGatewayVpcAttachments ?? [],
    idOf: (a) => a.TransitGatewayAttachmentId,
    notFoundCodes: ['InvalidTransitGatewayAttachmentID.NotFound', 'InvalidTransitGatewayAttachmentID.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_ec2_transit_gateway_vpc_attachment', scalarSets: ['subnet_ids'], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  vpcOf: (a) => token(a.VpcId) ?? undefined,
  gone: (a) => deleted(a.State),
  listInVpcs: { filters: [], nameOf: (a) => nameTag(a.Tags) },
  toAttributes: (a) => ({
    transit_gateway_id: token(a.TransitGatewayId),
    vpc_id: token(a.VpcId),
    subnet_ids: (a.SubnetIds ?? []).map((s) => s.trim()),
    dns_support: enumValue(a.Options?.DnsSupport),
    ipv6_support: enumValue(a.Options?.Ipv6Support),
    appliance_mode_support: enumValue(a.Options?.ApplianceModeSupport),
    vpc_owner_id: token(a.VpcOwnerId),
    tags: tagsToMap(a.Tags),
  }),
};
