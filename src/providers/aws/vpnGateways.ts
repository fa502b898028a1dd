// aws_customer_gateway and aws_vpn_gateway: DescribeCustomerGateways / DescribeVpnGateways (neither pages).
// bgp_asn and amazon_side_asn are strings in the provider's schema; the VPN gateway's vpc_id is its attached
// VPC (resourceVPNGatewayRead); deleted gateways are gone.
import type { CustomerGateway, VpnGateway } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { nameTag, tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

const deleted = (state: string | undefined) => (['deleted', 'deleting'].includes(enumValue(state) ?? '') ? `it is ${enumValue(state)}` : undefined);
const attachedVpc = (g: VpnGateway) => token((g.VpcAttachments ?? []).find((a) => a.State === 'attached' || a.State === 'attaching')?.VpcId);

export const customerGatewayMapper: AwsMapper<CustomerGateway> = {
  type: 'aws_customer_gateway',
  describe: {
    operation: 'DescribeCustomerGateways',
    idsParam: 'CustomerGatewayIds',
    items: (o) => o.CustomerGateways ?? [],
    idOf: (g) => g.CustomerGatewayId,
    notFoundCodes: ['InvalidCustomerGatewayID.NotFound', 'InvalidCustomerGatewayId.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_customer_gateway', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {}, normalizers: { bgp_asn: { normalize: (v) => (v === null ? v : String(v)) } } },
  gone: (g) => deleted(g.State),
  toAttributes: (g) => ({
    bgp_asn: token(g.BgpAsn),
    ip_address: token(g.IpAddress),
    type: token(g.Type),
    device_name: g.DeviceName ?? '',
    certificate_arn: g.CertificateArn ?? '',
    tags: tagsToMap(g.Tags),
  }),
};

export const vpnGatewayMapper: AwsMapper<VpnGateway> = {
  type: 'aws_vpn_gateway',
  describe: {
    operation: 'DescribeVpnGateways',
    idsParam: 'VpnGatewayIds',
    items: (o) => o.VpnGateways ?? [],
    idOf: (g) => g.VpnGatewayId,
    notFoundCodes: ['InvalidVpnGatewayID.NotFound', 'InvalidVpnGatewayId.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_vpn_gateway', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {}, normalizers: { amazon_side_asn: { normalize: (v) => (v === null ? v : String(v)) } } },
  vpcOf: (g) => attachedVpc(g) ?? undefined,
  gone: (g) => deleted(g.State),
  listInVpcs: { filters: [], vpcFilter: 'attachment.vpc-id', nameOf: (g) => nameTag(g.Tags) },
  toAttributes: (g) => ({
    vpc_id: attachedVpc(g),
    amazon_side_asn: g.AmazonSideAsn !== undefined ? String(g.AmazonSideAsn) : null,
    availability_zone: token(g.AvailabilityZone),
    tags: tagsToMap(g.Tags),
  }),
};
