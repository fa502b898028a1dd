// aws_subnet: everything it compares is in DescribeSubnets, read as terraform-provider-aws's
// resourceSubnetRead does (internal/service/ec2/vpc_subnet.go): absent booleans are false, the
// IPv6 block is the first associated one, the on-launch DNS options only when the API sends them.
import type { Subnet } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';
import type { AwsMapper } from './mapper';
import { subnetOwner } from './serviceManaged';
import { nameTag, tagsToMap } from './tags';
import { enumValue, lacking, token } from './wireValues';

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
  toAttributes,
};

const ON_LAUNCH = ['enable_resource_name_dns_a_record_on_launch', 'enable_resource_name_dns_aaaa_record_on_launch', 'private_dns_hostname_type_on_launch'];

function toAttributes(s: Subnet, _extra: undefined, unreadable: Record<string, string>): Record<string, Value> {
  const ipv6 = (s.Ipv6CidrBlockAssociationSet ?? []).find((a) => ['associated', 'associating'].includes(enumValue(a.Ipv6CidrBlockState?.State) ?? ''));
  const attrs: Record<string, Value> = {
    vpc_id: token(s.VpcId),
    cidr_block: token(s.CidrBlock),
    availability_zone: token(s.AvailabilityZone),
    availability_zone_id: token(s.AvailabilityZoneId),
    map_public_ip_on_launch: s.MapPublicIpOnLaunch ?? false,
    assign_ipv6_address_on_creation: s.AssignIpv6AddressOnCreation ?? false,
    ipv6_cidr_block: token(ipv6?.Ipv6CidrBlock),
    ipv6_native: s.Ipv6Native ?? false,
    enable_dns64: s.EnableDns64 ?? false,
    enable_lni_at_device_index: s.EnableLniAtDeviceIndex ?? 0,
    map_customer_owned_ip_on_launch: s.MapCustomerOwnedIpOnLaunch ?? false,
    customer_owned_ipv4_pool: token(s.CustomerOwnedIpv4Pool),
    outpost_arn: token(s.OutpostArn),
    tags: tagsToMap(s.Tags),
  };
  const dns = s.PrivateDnsNameOptionsOnLaunch;
  if (dns) {
    attrs.enable_resource_name_dns_a_record_on_launch = dns.EnableResourceNameDnsARecord ?? false;
    attrs.enable_resource_name_dns_aaaa_record_on_launch = dns.EnableResourceNameDnsAAAARecord ?? false;
    attrs.private_dns_hostname_type_on_launch = enumValue(dns.HostnameType);
  } else for (const a of ON_LAUNCH) unreadable[a] = lacking('privateDnsNameOptionsOnLaunch');
  return attrs;
}
