// aws_vpc_security_group_ingress_rule / _egress_rule: one EC2 security group rule each (`sgr-…`), read by
// DescribeSecurityGroupRules in batches of IDs as the provider's securityGroupRuleResource Read does:
// cidr_ipv4/cidr_ipv6/prefix_list_id/referenced_security_group_id as returned (a group of another account
// as `account/sg-…`), ip_protocol by name or number alike, the ports as returned (-1 for "all").
import type { SecurityGroupRule } from '@aws-sdk/client-ec2';
import type { Binding, Value } from '../../model';
import { UNKNOWN_ELEMENT, type AwsMapper, type OwnedElement } from './mapper';
import { normalizeProtocol, normalizePorts, ruleKey } from './securityGroupRules';
import { tagsToMap } from './tags';
import { token } from './wireValues';

function referenced(r: SecurityGroupRule): string | null {
  const g = r.ReferencedGroupInfo;
  if (!g?.GroupId) return null;
  return g.UserId && r.GroupOwnerId && g.UserId !== r.GroupOwnerId ? `${g.UserId}/${g.GroupId}` : g.GroupId;
}

function toAttributes(r: SecurityGroupRule): Record<string, Value> {
  return {
    security_group_id: token(r.GroupId),
    ip_protocol: token(r.IpProtocol),
    from_port: r.FromPort ?? null,
    to_port: r.ToPort ?? null,
    cidr_ipv4: token(r.CidrIpv4),
    cidr_ipv6: token(r.CidrIpv6),
    prefix_list_id: token(r.PrefixListId),
    referenced_security_group_id: referenced(r),
    description: r.Description ?? null,
    tags: tagsToMap(r.Tags),
  };
}

/** The rule as the group's rule tuple key (securityGroupRules.ts), so the group leaves it to this resource. */
export function vpcRuleKey(a: Record<string, Value>, groupId: string): string | undefined {
  const protocol = normalizeProtocol(a.ip_protocol ?? undefined);
  const [fromPort, toPort] = normalizePorts(protocol, a.from_port ?? undefined, a.to_port ?? undefined);
  const ref = typeof a.referenced_security_group_id === 'string' ? a.referenced_security_group_id : undefined;
  const source =
    typeof a.cidr_ipv4 === 'string' ? `cidr:${a.cidr_ipv4}`
    : typeof a.cidr_ipv6 === 'string' ? `ipv6:${a.cidr_ipv6.toLowerCase()}`
    : typeof a.prefix_list_id === 'string' ? `pl:${a.prefix_list_id}`
    : ref ? (ref === groupId ? 'self' : `sg:${ref}`)
    : undefined;
  return source && protocol ? ruleKey({ protocol, fromPort, toPort, source, description: '' }) : undefined;
}

function ownsAs(attribute: 'ingress' | 'egress') {
  return (b: Binding, live: Record<string, Value> | undefined): OwnedElement[] => {
    const parentId = (typeof live?.security_group_id === 'string' ? live.security_group_id : undefined) ?? b.stateAttributes?.security_group_id ?? (typeof b.declared?.security_group_id === 'string' ? b.declared.security_group_id : undefined);
    if (!parentId) return [];
    // The live rule (changed or not, it is this resource's) and what the code says.
    const keys = [live, b.declared].map((a) => (a ? vpcRuleKey(a, parentId) : undefined)).filter((k): k is string => k !== undefined);
    return [{ parentId, attribute, keys: keys.length > 0 ? keys : [UNKNOWN_ELEMENT] }];
  };
}

function mapperFor(type: string, egress: boolean): AwsMapper<SecurityGroupRule> {
  return {
    type,
    describe: {
      operation: 'DescribeSecurityGroupRules',
      idsParam: 'SecurityGroupRuleIds',
      items: (o) => o.SecurityGroupRules ?? [],
      idOf: (r) => r.SecurityGroupRuleId,
      notFoundCodes: ['InvalidSecurityGroupRuleId.NotFound', 'InvalidSecurityGroupRuleId.Malformed'],
      chunkSize: 200,
    },
    normalization: {
      type,
      scalarSets: [],
      singleBlocks: [],
      ruleBlocks: [],
      tagMaps: ['tags'],
      onDemand: {},
      normalizers: { ip_protocol: { normalize: (v) => normalizeProtocol(v) } },
    },
    // A rule of the other direction with this ID is not this resource (the provider's read checks IsEgress too).
    gone: (r) => (r.IsEgress !== undefined && r.IsEgress !== egress ? `${r.SecurityGroupRuleId} is an ${egress ? 'ingress' : 'egress'} rule` : undefined),
    owns: ownsAs(egress ? 'egress' : 'ingress'),
    toAttributes,
  };
}

export const vpcSecurityGroupIngressRuleMapper = mapperFor('aws_vpc_security_group_ingress_rule', false);
export const vpcSecurityGroupEgressRuleMapper = mapperFor('aws_vpc_security_group_egress_rule', true);
