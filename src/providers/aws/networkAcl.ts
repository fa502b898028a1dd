// aws_network_acl: DescribeNetworkAcls. ingress/egress as resourceNetworkACLRead's flattenNetworkACLEntries
// sets them: the default deny rules (32767, and 32768 for IPv6) are never in them, protocol is recorded
// as a number ("tcp" and "6" are one), an entry is identified by rule_no. subnet_ids from the associations.
// Entries an aws_network_acl_rule in the code owns are left to it (ownership.ts).
import type { NetworkAcl, NetworkAclEntry } from '@aws-sdk/client-ec2';
import type { Severity, Value } from '../../model';
import type { AwsMapper } from './mapper';
import { nameTag, tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

export const NACL_ENTRY_ATTRIBUTES = ['rule_no', 'action', 'protocol', 'cidr_block', 'ipv6_cidr_block', 'from_port', 'to_port', 'icmp_type', 'icmp_code'] as const;

// The provider's protocolIntegers: names it accepts for the numbers NACLs store.
const PROTOCOL_NUMBERS: Record<string, number> = { all: -1, '-1': -1, icmp: 1, tcp: 6, udp: 17, icmpv6: 58, ah: 51, esp: 50, gre: 47 };

/** A protocol name or number as the number string EC2 stores; unknown names stay as written. */
export function naclProtocol(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim().toLowerCase();
  return /^-?\d+$/.test(s) ? String(Number(s)) : PROTOCOL_NUMBERS[s] !== undefined ? String(PROTOCOL_NUMBERS[s]) : s;
}

const DEFAULT_RULES = new Set([32767, 32768]);

export function flattenEntry(e: NetworkAclEntry): Record<string, Value> {
  return {
    rule_no: e.RuleNumber ?? null,
    action: enumValue(e.RuleAction),
    protocol: naclProtocol(e.Protocol),
    cidr_block: token(e.CidrBlock),
    ipv6_cidr_block: token(e.Ipv6CidrBlock),
    from_port: e.PortRange?.From ?? 0,
    to_port: e.PortRange?.To ?? 0,
    icmp_type: e.IcmpTypeCode?.Type ?? 0,
    icmp_code: e.IcmpTypeCode?.Code ?? 0,
  };
}

const entries = (n: NetworkAcl, egress: boolean) => (n.Entries ?? []).filter((e) => (e.Egress ?? false) === egress && !DEFAULT_RULES.has(e.RuleNumber ?? -1)).map(flattenEntry);

/** An owned-entry key: the rule number within its direction. */
export const naclEntryKey = (ruleNo: Value | undefined): string => `rule:${Number(ruleNo)}`;

/** Entries as comparable elements: empties dropped, protocol as a number, ports ignored where the protocol has none. */
function normalizeEntries(v: Value, owned: ReadonlySet<string>): Value {
  const out: Value[] = [];
  for (const e of Array.isArray(v) ? v : []) {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) continue;
    if (owned.has(naclEntryKey(e.rule_no ?? undefined))) continue;
    const protocol = naclProtocol(e.protocol ?? undefined);
    const ported = protocol === '6' || protocol === '17';
    const icmp = protocol === '1' || protocol === '58';
    const el: Record<string, Value> = { rule_no: Number(e.rule_no ?? 0), action: typeof e.action === 'string' ? e.action.toLowerCase() : null, protocol };
    if (typeof e.cidr_block === 'string' && e.cidr_block !== '') el.cidr_block = e.cidr_block;
    if (typeof e.ipv6_cidr_block === 'string' && e.ipv6_cidr_block !== '') el.ipv6_cidr_block = e.ipv6_cidr_block.toLowerCase();
    if (ported) Object.assign(el, { from_port: Number(e.from_port ?? 0), to_port: Number(e.to_port ?? 0) });
    if (icmp) Object.assign(el, { icmp_type: Number(e.icmp_type ?? 0), icmp_code: Number(e.icmp_code ?? 0) });
    out.push(el);
  }
  return out;
}

/** Only an `allow` entry from anywhere the code does not declare opens the subnets: a new deny narrows them. */
function ingressSeverity(_e: Value, _a: Value, extraLive?: Value[]): Severity {
  const world = (e: Value) => e !== null && typeof e === 'object' && !Array.isArray(e) && e.action === 'allow' && (e.cidr_block === '0.0.0.0/0' || e.ipv6_cidr_block === '::/0');
  return (extraLive ?? []).some(world) ? 'error' : 'warning';
}

export const networkAclMapper: AwsMapper<NetworkAcl> = {
  type: 'aws_network_acl',
  describe: {
    operation: 'DescribeNetworkAcls',
    idsParam: 'NetworkAclIds',
    items: (o) => o.NetworkAcls ?? [],
    idOf: (n) => n.NetworkAclId,
    notFoundCodes: ['InvalidNetworkAclID.NotFound', 'InvalidNetworkAclID.Malformed', 'InvalidNetworkAclId.Malformed'],
    chunkSize: 200,
  },
  normalization: {
    type: 'aws_network_acl',
    scalarSets: ['subnet_ids'],
    singleBlocks: [],
    ruleBlocks: [],
    tagMaps: ['tags'],
    onDemand: {},
    normalizers: {
      ingress: { normalize: normalizeEntries, reads: [...NACL_ENTRY_ATTRIBUTES], severity: ingressSeverity },
      egress: { normalize: normalizeEntries, reads: [...NACL_ENTRY_ATTRIBUTES] },
    },
  },
  vpcOf: (n) => token(n.VpcId) ?? undefined,
  listInVpcs: {
    filters: [],
    // Every VPC comes with a default network ACL (aws_default_network_acl adopts it, nothing creates it).
    managedBy: (n) => (n.IsDefault ? `the VPC ${n.VpcId} (its default network ACL)` : undefined),
    nameOf: (n) => nameTag(n.Tags),
  },
  toAttributes: (n) => ({
    vpc_id: token(n.VpcId),
    owner_id: token(n.OwnerId),
    subnet_ids: (n.Associations ?? []).map((a) => token(a.SubnetId)).filter((s): s is string => s !== null),
    ingress: entries(n, false),
    egress: entries(n, true),
    tags: tagsToMap(n.Tags),
  }),
};
