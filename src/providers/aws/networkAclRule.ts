// aws_network_acl_rule: its ID (`nacl-…`) is a hash, so it is read as resourceNetworkACLRuleRead does:
// describe the ACL (network_acl_id) and find the entry by rule_number and egress. None: missing.
// protocol is stored as a number and "tcp" equals "6" (the provider's DiffSuppressFunc).
import type { NetworkAcl, NetworkAclEntry } from '@aws-sdk/client-ec2';
import type { Binding, Value } from '../../model';
import { identityOf } from './bindingValues';
import { UNKNOWN_ELEMENT, type AwsMapper, type OwnedElement } from './mapper';
import { naclEntryKey, naclProtocol, networkAclMapper } from './networkAcl';
import { enumValue, token } from './wireValues';

const egressOf = (b: Binding) => identityOf(b, 'egress') === 'true';
const ruleNumberOf = (b: Binding) => {
  const n = Number(identityOf(b, 'rule_number'));
  return Number.isInteger(n) ? n : undefined;
};

const find = (n: NetworkAcl, b: Binding): NetworkAclEntry | undefined => (n.Entries ?? []).find((e) => e.RuleNumber === ruleNumberOf(b) && (e.Egress ?? false) === egressOf(b));

function toAttributes(n: NetworkAcl, _e: undefined, unreadable: Record<string, string>, b?: Binding): Record<string, Value> {
  const e = b ? find(n, b) : undefined;
  if (!e) {
    unreadable.rule_number = 'the entry was not found';
    return { network_acl_id: token(n.NetworkAclId) };
  }
  return {
    network_acl_id: token(n.NetworkAclId),
    rule_number: e.RuleNumber ?? null,
    egress: e.Egress ?? false,
    protocol: naclProtocol(e.Protocol),
    rule_action: enumValue(e.RuleAction),
    cidr_block: token(e.CidrBlock),
    ipv6_cidr_block: token(e.Ipv6CidrBlock),
    from_port: e.PortRange?.From ?? null,
    to_port: e.PortRange?.To ?? null,
    icmp_type: e.IcmpTypeCode?.Type ?? null,
    icmp_code: e.IcmpTypeCode?.Code ?? null,
  };
}

function owns(b: Binding): OwnedElement[] {
  const parentId = identityOf(b, 'network_acl_id');
  if (!parentId) return [];
  const n = ruleNumberOf(b);
  return [{ parentId, attribute: egressOf(b) ? 'egress' : 'ingress', keys: [n !== undefined ? naclEntryKey(n) : UNKNOWN_ELEMENT] }];
}

export const networkAclRuleMapper: AwsMapper<NetworkAcl> = {
  type: 'aws_network_acl_rule',
  describe: networkAclMapper.describe,
  normalization: {
    type: 'aws_network_acl_rule',
    scalarSets: [],
    singleBlocks: [],
    ruleBlocks: [],
    tagMaps: [],
    onDemand: {},
    normalizers: { protocol: { normalize: (v) => naclProtocol(v) }, rule_action: { normalize: (v) => (typeof v === 'string' ? v.toLowerCase() : v) } },
  },
  describeIdOf: (b) => identityOf(b, 'network_acl_id'),
  goneFrom: (n, b) => (ruleNumberOf(b) !== undefined && !find(n, b) ? `no ${egressOf(b) ? 'egress' : 'ingress'} rule ${ruleNumberOf(b)} in ${n.NetworkAclId}` : undefined),
  owns,
  toAttributes,
};
