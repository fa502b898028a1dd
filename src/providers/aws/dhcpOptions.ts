// aws_vpc_dhcp_options: DescribeDhcpOptions; the configuration's key/value lists as resourceVPCDHCPOptionsRead
// flattens them: domain_name and netbios_node_type single strings, the server lists as lists (in API order).
// aws_vpc_dhcp_options_association is read through its VPC (vpc_id): the VPC's DHCP option set must be it.
import type { DhcpOptions, Vpc } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';
import { identityOf } from './bindingValues';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';
import { vpcMapper } from './vpc';
import { token } from './wireValues';

function values(d: DhcpOptions, key: string): string[] {
  const c = (d.DhcpConfigurations ?? []).find((x) => x.Key === key);
  return (c?.Values ?? []).map((v) => token(v.Value)).filter((x): x is string => x !== null);
}

export const dhcpOptionsMapper: AwsMapper<DhcpOptions> = {
  type: 'aws_vpc_dhcp_options',
  describe: {
    operation: 'DescribeDhcpOptions',
    idsParam: 'DhcpOptionsIds',
    items: (o) => o.DhcpOptions ?? [],
    idOf: (d) => d.DhcpOptionsId,
    notFoundCodes: ['InvalidDhcpOptionID.NotFound', 'InvalidDhcpOptionsId.Malformed', 'InvalidDhcpOptionsID.NotFound'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_vpc_dhcp_options', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  toAttributes: (d): Record<string, Value> => ({
    domain_name: values(d, 'domain-name')[0] ?? '',
    domain_name_servers: values(d, 'domain-name-servers'),
    ntp_servers: values(d, 'ntp-servers'),
    netbios_name_servers: values(d, 'netbios-name-servers'),
    netbios_node_type: values(d, 'netbios-node-type')[0] ?? '',
    owner_id: token(d.OwnerId),
    tags: tagsToMap(d.Tags),
  }),
};

export const dhcpOptionsAssociationMapper: AwsMapper<Vpc> = {
  type: 'aws_vpc_dhcp_options_association',
  describe: vpcMapper.describe,
  normalization: { type: 'aws_vpc_dhcp_options_association', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'vpc_id'),
  // The provider's read removes it when the VPC uses another option set.
  goneFrom: (v, b) => {
    const want = identityOf(b, 'dhcp_options_id');
    return want && token(v.DhcpOptionsId) !== want ? `${v.VpcId} now uses ${v.DhcpOptionsId}` : undefined;
  },
  toAttributes: (v) => ({ vpc_id: token(v.VpcId), dhcp_options_id: token(v.DhcpOptionsId) }),
};
