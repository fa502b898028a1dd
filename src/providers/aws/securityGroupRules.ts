// Security-group rules as sets. A Terraform rule block with several sources, and EC2's
// IpPermission that merges rules with equal ports, both expand to (protocol, from, to,
// source) tuples; the comparison applies `expandRules` to the declared AND the live side.
import type { IpPermission } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';

export interface RuleTuple {
  /** `-1`, `tcp`, `udp`, `icmp`, `icmpv6`, or another protocol number as a string. */
  protocol: string;
  fromPort: number;
  toPort: number;
  /** `cidr:10.0.0.0/8`, `ipv6:::/0`, `pl:pl-123`, `sg:sg-123` (or `sg:111122223333/sg-123` cross-account), `self`. */
  source: string;
  description: string;
}

export interface RuleContext {
  /** The group's own ID: a rule naming it is a `self` rule. */
  selfId?: string;
  /** The group's account: `account/sg-…` of the same account is the plain ID. */
  ownerId?: string;
}

/** The sub-attributes of an `ingress` / `egress` block (the provider's schema) that `expandRule` reads. */
export const RULE_ATTRIBUTES = ['from_port', 'to_port', 'protocol', 'cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids', 'security_groups', 'self', 'description'] as const;

// Terraform's protocolForValue: names for tcp/udp/icmp (and icmpv6), "-1" for all.
const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };
const PORTED = new Set(['tcp', 'udp', 'icmp', 'icmpv6']);

export function normalizeProtocol(p: Value | undefined): string {
  const s = String(p ?? '').trim().toLowerCase();
  if (s === '-1' || s === 'all') return '-1';
  return PROTOCOL_NUMBERS[s] ?? s;
}

/** Ports only mean something for tcp/udp (range) and icmp/icmpv6 (type/code); otherwise 0/0 as Terraform stores it. */
export function normalizePorts(protocol: string, from: Value | undefined, to: Value | undefined): [number, number] {
  if (!PORTED.has(protocol)) return [0, 0];
  return [Number(from ?? 0), Number(to ?? 0)];
}

const strings = (v: Value | undefined): string[] => (Array.isArray(v) ? v.filter((x) => x !== null).map((x) => String(x).trim()) : typeof v === 'string' ? [v] : []);

function groupSource(id: string, ctx: RuleContext): string {
  const slash = id.indexOf('/');
  const plain = slash >= 0 && ctx.ownerId && id.slice(0, slash) === ctx.ownerId ? id.slice(slash + 1) : id;
  return plain === ctx.selfId ? 'self' : `sg:${plain}`;
}

/** Expands one Terraform-shaped rule (`{protocol, from_port, to_port, cidr_blocks, …, self, description}`). */
export function expandRule(rule: Record<string, Value>, ctx: RuleContext = {}): RuleTuple[] {
  const protocol = normalizeProtocol(rule.protocol);
  const [fromPort, toPort] = normalizePorts(protocol, rule.from_port, rule.to_port);
  const description = typeof rule.description === 'string' ? rule.description : '';
  const sources = [
    ...strings(rule.cidr_blocks).map((c) => `cidr:${c}`),
    ...strings(rule.ipv6_cidr_blocks).map((c) => `ipv6:${c.toLowerCase()}`),
    ...strings(rule.prefix_list_ids).map((p) => `pl:${p}`),
    ...strings(rule.security_groups).map((g) => groupSource(g, ctx)),
    ...(rule.self === true || rule.self === 'true' ? ['self'] : []),
  ];
  return [...new Set(sources)].map((source) => ({ protocol, fromPort, toPort, source, description }));
}

/** Expands a list of rule blocks into a de-duplicated set of tuples (order never matters). */
export function expandRules(rules: Value | undefined, ctx: RuleContext = {}): RuleTuple[] {
  const list = Array.isArray(rules) ? rules : [];
  const out = new Map<string, RuleTuple>();
  for (const r of list) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) continue;
    for (const t of expandRule(r, ctx)) out.set(ruleKey(t, true), t);
  }
  return [...out.values()];
}

export function ruleKey(t: RuleTuple, withDescription = false): string {
  return `${t.protocol}|${t.fromPort}|${t.toPort}|${t.source}${withDescription ? `|${t.description}` : ''}`;
}

/** An ingress rule anyone on the internet matches. */
export const isOpenToWorld = (t: RuleTuple): boolean => t.source === 'cidr:0.0.0.0/0' || t.source === 'ipv6:::/0';

export interface RuleSetDiff {
  /** Declared but not live. */
  missing: RuleTuple[];
  /** Live but not declared (an added `0.0.0.0/0` ingress is the dangerous kind). */
  extra: RuleTuple[];
  /** Same rule, other description. */
  descriptionChanged: { declared: RuleTuple; live: RuleTuple }[];
}

export function compareRuleSets(declared: Value | undefined, live: Value | undefined, ctx: RuleContext = {}): RuleSetDiff {
  const d = new Map(expandRules(declared, ctx).map((t) => [ruleKey(t), t]));
  const l = new Map(expandRules(live, ctx).map((t) => [ruleKey(t), t]));
  const diff: RuleSetDiff = { missing: [], extra: [], descriptionChanged: [] };
  for (const [k, t] of d) {
    const other = l.get(k);
    if (!other) diff.missing.push(t);
    else if (other.description !== t.description) diff.descriptionChanged.push({ declared: t, live: other });
  }
  for (const [k, t] of l) if (!d.has(k)) diff.extra.push(t);
  return diff;
}

/**
 * EC2 IpPermissions → Terraform `ingress`/`egress` blocks, as the AWS provider's read does:
 * one block per (permission, description), the group's own ID as `self`.
 */
export function permissionsToRules(perms: IpPermission[] | undefined, ctx: RuleContext): Record<string, Value>[] {
  const out: Record<string, Value>[] = [];
  for (const p of perms ?? []) {
    const protocol = normalizeProtocol(p.IpProtocol);
    const [from_port, to_port] = PORTED.has(protocol) ? [p.FromPort ?? 0, p.ToPort ?? 0] : [0, 0];
    const byDescription = new Map<string, { cidr_blocks: string[]; ipv6_cidr_blocks: string[]; prefix_list_ids: string[]; security_groups: string[]; self: boolean }>();
    const bucket = (d: string | undefined) => {
      const key = d ?? '';
      let b = byDescription.get(key);
      if (!b) byDescription.set(key, (b = { cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }));
      return b;
    };
    for (const r of p.IpRanges ?? []) if (r.CidrIp) bucket(r.Description).cidr_blocks.push(r.CidrIp);
    for (const r of p.Ipv6Ranges ?? []) if (r.CidrIpv6) bucket(r.Description).ipv6_cidr_blocks.push(r.CidrIpv6);
    for (const r of p.PrefixListIds ?? []) if (r.PrefixListId) bucket(r.Description).prefix_list_ids.push(r.PrefixListId);
    for (const g of p.UserIdGroupPairs ?? []) {
      const id = g.GroupId ?? g.GroupName;
      if (!id) continue;
      const b = bucket(g.Description);
      if (id === ctx.selfId) b.self = true;
      else b.security_groups.push(g.UserId && ctx.ownerId && g.UserId !== ctx.ownerId ? `${g.UserId}/${id}` : id);
    }
    for (const [description, b] of byDescription) {
      out.push({ protocol, from_port, to_port, ...b, description });
    }
  }
  return out;
}
