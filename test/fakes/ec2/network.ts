// The VPC family beyond VPCs and subnets: security group rules (derived from the groups, one `sgr-` per
// source as EC2 splits them), route tables, internet / egress-only gateways, NAT gateways, Elastic IPs,
// network ACLs and key pairs, in the EC2 API reference's response shapes and error codes.
import { createHash } from 'node:crypto';
import { applyFilters, filters, listParam, page, type Params } from './query';
import type { SeedRule, SeedSecurityGroup, SeedTags } from './seed';
import type { NetworkSeed, SeedAddress, SeedInternetGateway, SeedKeyPair, SeedNaclEntry, SeedNatGateway, SeedNetworkAcl, SeedRoute, SeedRouteTable } from './networkSeed';
export type * from './networkSeed';
import { Ec2Error, type XmlValue } from './xml';
import { LAUNCH_TEMPLATE_HANDLERS, type SeedLaunchTemplate } from './launchTemplates';
import { WIRE_HANDLERS, type WireAction, type WireItem } from './wireResources';

/** The network resources of the fake account. */
export class NetworkStore {
  readonly routeTables = new Map<string, SeedRouteTable>();
  readonly networkAcls = new Map<string, SeedNetworkAcl>();
  readonly internetGateways = new Map<string, SeedInternetGateway>();
  readonly egressOnlyInternetGateways = new Map<string, SeedInternetGateway>();
  readonly natGateways = new Map<string, SeedNatGateway>();
  readonly addresses = new Map<string, SeedAddress>();
  readonly keyPairs = new Map<string, SeedKeyPair>();
  readonly launchTemplates = new Map<string, SeedLaunchTemplate>();
  /** Items seeded in wire shape, per Describe action (wireResources.ts). */
  readonly wire = new Map<WireAction, WireItem[]>();

  load(seed: NetworkSeed): void {
    const put = <T>(map: Map<string, T>, list: T[] | undefined, id: (t: T) => string) => list?.forEach((t) => map.set(id(t), structuredClone(t)));
    put(this.routeTables, seed.routeTables, (t) => t.id);
    put(this.networkAcls, seed.networkAcls, (t) => t.id);
    put(this.internetGateways, seed.internetGateways, (t) => t.id);
    put(this.egressOnlyInternetGateways, seed.egressOnlyInternetGateways, (t) => t.id);
    put(this.natGateways, seed.natGateways, (t) => t.id);
    put(this.addresses, seed.addresses, (t) => t.allocationId);
    put(this.keyPairs, seed.keyPairs, (t) => t.name);
    put(this.launchTemplates, seed.launchTemplates, (t) => t.id);
    for (const [action, items] of Object.entries(seed.wire ?? {})) this.wire.set(action as WireAction, [...(this.wire.get(action as WireAction) ?? []), ...structuredClone(items)]);
  }

  // --- console drift -------------------------------------------------------

  /** Adds a route, or (same destination) replaces its target, as ReplaceRoute does. */
  putRoute(tableId: string, route: SeedRoute): void {
    const t = must(this.routeTables, tableId);
    const dest = (r: SeedRoute) => r.destinationCidrBlock ?? r.destinationIpv6CidrBlock ?? r.destinationPrefixListId;
    t.routes = [...(t.routes ?? []).filter((r) => dest(r) !== dest(route)), structuredClone(route)];
  }

  /** Adds (or replaces, same number and direction) a network ACL entry. */
  putNaclEntry(aclId: string, entry: SeedNaclEntry): void {
    const n = must(this.networkAcls, aclId);
    n.entries = [...(n.entries ?? []).filter((e) => e.ruleNumber !== entry.ruleNumber || !!e.egress !== !!entry.egress), structuredClone(entry)];
  }

  /** The console's delete + import under the same name: a new key pair ID, fingerprint and key. */
  replaceKeyPair(name: string, publicKey: string, fingerprint: string): void {
    const k = must(this.keyPairs, name);
    Object.assign(k, { id: `key-${createHash('sha256').update(publicKey).digest('hex').slice(0, 17)}`, publicKey, fingerprint });
  }

  /** A new launch template version (the console's "modify template"), which becomes the latest. */
  addLaunchTemplateVersion(id: string, data: SeedLaunchTemplate['versions'][number]['data']): void {
    must(this.launchTemplates, id).versions.push({ data: structuredClone(data) });
  }

  maps(): Map<string, { tags?: SeedTags }>[] {
    return [this.routeTables, this.networkAcls, this.internetGateways, this.egressOnlyInternetGateways, this.natGateways, this.addresses, this.keyPairs, this.launchTemplates];
  }
}

function must<T>(map: Map<string, T>, id: string): T {
  const r = map.get(id);
  if (!r) throw new Error(`fake EC2: no resource ${id}`);
  return r;
}

/** What the network handlers read: the store, the groups (for their rules) and the account. */
export interface NetworkContext {
  network: NetworkStore;
  securityGroups: Map<string, SeedSecurityGroup>;
  ownerId: string;
  vpcCidr(vpcId: string): string | undefined;
  pageSize?: number;
}

const tagSet = (tags?: SeedTags): XmlValue[] => Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));

interface IdShape {
  prefix: string;
  malformed: string;
  notFound: string;
  message: (ids: string[]) => string;
}

/** EC2's answer to a list of IDs: malformed first, then NotFound naming every missing ID. */
function lookup<T>(ids: string[], map: Map<string, T>, shape: IdShape | { notFound: string; message: (ids: string[]) => string }): T[] {
  if ('prefix' in shape) {
    const re = new RegExp(`^${shape.prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);
    const bad = ids.find((id) => !re.test(id));
    if (bad !== undefined) throw new Ec2Error(shape.malformed, `Invalid id: "${bad}"`);
  }
  const missing = [...new Set(ids.filter((id) => !map.has(id)))];
  if (missing.length) throw new Ec2Error(shape.notFound, shape.message(missing));
  return [...new Set(ids)].map((id) => map.get(id)!);
}

const quoted = (noun: string, plural: string) => (ids: string[]) => (ids.length === 1 ? `The ${noun} '${ids[0]}' does not exist` : `The ${plural} '${ids.join(', ')}' do not exist`);

/** Items by ID or all, filtered, paged — the common shape of the Describe* actions below. */
function describe<T>(params: Params, ctx: NetworkContext, o: { action: string; idParam: string; map: Map<string, T>; shape: Parameters<typeof lookup>[2]; filters: Record<string, (t: T) => string[]>; tags: (t: T) => SeedTags | undefined; pages?: boolean; maxResults?: [number, number] }): T[] | { items: T[]; nextToken?: string } {
  const ids = listParam(params, o.idParam);
  let items = ids.length ? lookup(ids, o.map, o.shape as IdShape) : [...o.map.values()];
  items = applyFilters(items, filters(params), o.filters, o.tags);
  if (o.pages === false) {
    if (params.MaxResults !== undefined || params.NextToken !== undefined) throw new Ec2Error('UnknownParameter', `The parameter ${params.MaxResults !== undefined ? 'MaxResults' : 'NextToken'} is not recognized`);
    return items;
  }
  return page(items, params, { action: o.action, idParam: o.idParam, maxResultsExcludesIds: true, combinationMessage: `The parameter ${o.idParam} cannot be used with the parameter MaxResults`, maxResults: o.maxResults }, ctx.pageSize);
}

const paged = <T>(r: T[] | { items: T[]; nextToken?: string }) => (Array.isArray(r) ? { items: r, nextToken: undefined } : r);

// --- security group rules -------------------------------------------------------

interface FlatRule {
  id: string;
  groupId: string;
  egress: boolean;
  rule: SeedRule;
  source: { cidrIpv4?: string; cidrIpv6?: string; prefixListId?: string; groupId?: string };
}

/** The `sgr-` ID EC2 gives one (group, direction, protocol, ports, source); a description change keeps it. */
export function securityGroupRuleId(groupId: string, egress: boolean, rule: SeedRule, source: string): string {
  const h = createHash('sha256').update([groupId, egress, rule.protocol, rule.fromPort ?? '', rule.toPort ?? '', source].join('|')).digest('hex');
  return `sgr-${h.slice(0, 17)}`;
}

function flatRules(groups: Iterable<SeedSecurityGroup>): FlatRule[] {
  const out: FlatRule[] = [];
  for (const g of groups) {
    for (const [egress, rules] of [[false, g.ingress], [true, g.egress]] as const) {
      for (const rule of rules ?? []) {
        const sources: [string, FlatRule['source']][] = [
          ...(rule.cidrBlocks ?? []).map((c): [string, FlatRule['source']] => [c, { cidrIpv4: c }]),
          ...(rule.ipv6CidrBlocks ?? []).map((c): [string, FlatRule['source']] => [c, { cidrIpv6: c }]),
          ...(rule.prefixListIds ?? []).map((p): [string, FlatRule['source']] => [p, { prefixListId: p }]),
          ...(rule.securityGroups ?? []).map((s): [string, FlatRule['source']] => [s, { groupId: s }]),
        ];
        for (const [key, source] of sources) out.push({ id: securityGroupRuleId(g.id, egress, rule, key), groupId: g.id, egress, rule, source });
      }
    }
  }
  return out;
}

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

function describeSecurityGroupRules(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const rules = new Map(flatRules(ctx.securityGroups.values()).map((r) => [r.id, r]));
  const p = paged(describe(params, ctx, {
    action: 'DescribeSecurityGroupRules',
    idParam: 'SecurityGroupRuleId',
    map: rules,
    shape: { prefix: 'sgr', malformed: 'InvalidSecurityGroupRuleId.Malformed', notFound: 'InvalidSecurityGroupRuleId.NotFound', message: quoted('security group rule ID', 'security group rule IDs') },
    filters: { 'group-id': (r) => [r.groupId], 'security-group-rule-id': (r) => [r.id] },
    tags: () => undefined,
  }));
  return {
    securityGroupRuleSet: p.items.map((r) => {
      const protocol = PROTOCOL_NAMES[r.rule.protocol] ?? r.rule.protocol.toLowerCase();
      const ported = ['tcp', 'udp', 'icmp', 'icmpv6'].includes(protocol);
      return {
        securityGroupRuleId: r.id,
        groupId: r.groupId,
        groupOwnerId: ctx.ownerId,
        isEgress: r.egress,
        ipProtocol: protocol,
        // EC2 answers -1 for the ports of a rule without ports.
        fromPort: ported ? r.rule.fromPort : -1,
        toPort: ported ? r.rule.toPort : -1,
        cidrIpv4: r.source.cidrIpv4,
        cidrIpv6: r.source.cidrIpv6,
        prefixListId: r.source.prefixListId,
        referencedGroupInfo: r.source.groupId ? { groupId: r.source.groupId, userId: ctx.ownerId } : undefined,
        description: r.rule.description,
        securityGroupRuleArn: `arn:aws:ec2:us-east-1:${ctx.ownerId}:security-group-rule/${r.id}`,
        tagSet: [],
      };
    }),
    nextToken: p.nextToken,
  };
}

// --- route tables -------------------------------------------------------------

function describeRouteTables(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const p = paged(describe(params, ctx, {
    action: 'DescribeRouteTables',
    idParam: 'RouteTableId',
    map: ctx.network.routeTables,
    shape: { prefix: 'rtb', malformed: 'InvalidRouteTableId.Malformed', notFound: 'InvalidRouteTableID.NotFound', message: quoted('routeTable ID', 'routeTable IDs') },
    filters: {
      'vpc-id': (t) => [t.vpcId],
      'route-table-id': (t) => [t.id],
      'association.main': (t) => [String(!!t.main)],
      'association.subnet-id': (t) => (t.associations ?? []).flatMap((a) => (a.subnetId ? [a.subnetId] : [])),
      'association.route-table-association-id': (t) => (t.associations ?? []).map((a) => a.id),
    },
    tags: (t) => t.tags,
  }));
  return {
    routeTableSet: p.items.map((t) => ({
      routeTableId: t.id,
      vpcId: t.vpcId,
      ownerId: ctx.ownerId,
      routeSet: [
        // Every table routes its VPC's own CIDR locally.
        { destinationCidrBlock: ctx.vpcCidr(t.vpcId), gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' },
        ...(t.routes ?? []).map((r) => ({ ...r, origin: r.origin ?? 'CreateRoute', state: 'active' })),
      ],
      associationSet: [
        ...(t.main ? [{ main: true, routeTableAssociationId: `rtbassoc-${t.id.slice(4)}`, routeTableId: t.id, associationState: { state: 'associated' } }] : []),
        ...(t.associations ?? []).map((a) => ({ main: false, routeTableAssociationId: a.id, routeTableId: t.id, subnetId: a.subnetId, gatewayId: a.gatewayId, associationState: { state: 'associated' } })),
      ],
      propagatingVgwSet: (t.propagatingVgws ?? []).map((gatewayId) => ({ gatewayId })),
      tagSet: tagSet(t.tags),
    })),
    nextToken: p.nextToken,
  };
}

// --- gateways -------------------------------------------------------------------

function describeInternetGateways(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const p = paged(describe(params, ctx, {
    action: 'DescribeInternetGateways',
    idParam: 'InternetGatewayId',
    map: ctx.network.internetGateways,
    shape: { prefix: 'igw', malformed: 'InvalidInternetGatewayId.Malformed', notFound: 'InvalidInternetGatewayID.NotFound', message: quoted('internetGateway ID', 'internetGateway IDs') },
    filters: { 'attachment.vpc-id': (g) => (g.vpcId ? [g.vpcId] : []), 'internet-gateway-id': (g) => [g.id], 'attachment.state': (g) => (g.vpcId ? ['available'] : []) },
    tags: (g) => g.tags,
  }));
  return {
    internetGatewaySet: p.items.map((g) => ({ internetGatewayId: g.id, ownerId: ctx.ownerId, attachmentSet: g.vpcId ? [{ vpcId: g.vpcId, state: 'available' }] : [], tagSet: tagSet(g.tags) })),
    nextToken: p.nextToken,
  };
}

function describeEgressOnlyInternetGateways(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const p = paged(describe(params, ctx, {
    action: 'DescribeEgressOnlyInternetGateways',
    idParam: 'EgressOnlyInternetGatewayId',
    map: ctx.network.egressOnlyInternetGateways,
    shape: { prefix: 'eigw', malformed: 'InvalidEgressOnlyInternetGatewayId.Malformed', notFound: 'InvalidEgressOnlyInternetGatewayId.NotFound', message: quoted('egressOnlyInternetGateway ID', 'egressOnlyInternetGateway IDs') },
    // Tags are the only filters this action knows (no attachment.vpc-id, unlike internet gateways).
    filters: { 'tag-key': (g) => Object.keys(g.tags ?? {}) },
    tags: (g) => g.tags,
    maxResults: [5, 255],
  }));
  return {
    egressOnlyInternetGatewaySet: p.items.map((g) => ({ egressOnlyInternetGatewayId: g.id, attachmentSet: g.vpcId ? [{ vpcId: g.vpcId, state: 'attached' }] : [], tagSet: tagSet(g.tags) })),
    nextToken: p.nextToken,
  };
}

function describeNatGateways(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const p = paged(describe(params, ctx, {
    action: 'DescribeNatGateways',
    idParam: 'NatGatewayId',
    map: ctx.network.natGateways,
    shape: { notFound: 'NatGatewayNotFound', message: (ids) => `NAT gateway ${ids[0]} was not found` },
    filters: { 'vpc-id': (g) => [g.vpcId], 'subnet-id': (g) => [g.subnetId], state: (g) => [g.state ?? 'available'], 'nat-gateway-id': (g) => [g.id] },
    tags: (g) => g.tags,
  }));
  return {
    natGatewaySet: p.items.map((g) => ({
      natGatewayId: g.id,
      subnetId: g.subnetId,
      vpcId: g.vpcId,
      state: g.state ?? 'available',
      connectivityType: g.connectivityType ?? 'public',
      createTime: '2026-01-05T10:00:00.000Z',
      natGatewayAddressSet: [{ allocationId: g.allocationId, networkInterfaceId: g.networkInterfaceId, privateIp: g.privateIp, publicIp: g.publicIp, isPrimary: true, status: 'succeeded' }],
      tagSet: tagSet(g.tags),
    })),
    nextToken: p.nextToken,
  };
}

// --- addresses, ACLs, key pairs --------------------------------------------------

function describeAddresses(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const items = describe(params, ctx, {
    action: 'DescribeAddresses',
    idParam: 'AllocationId',
    map: ctx.network.addresses,
    shape: { prefix: 'eipalloc', malformed: 'InvalidAllocationID.Malformed', notFound: 'InvalidAllocationID.NotFound', message: (ids) => `The allocation IDs '${ids.join(', ')}' do not exist` },
    filters: { 'allocation-id': (a) => [a.allocationId], 'association-id': (a) => (a.associationId ? [a.associationId] : []), domain: () => ['vpc'], 'instance-id': (a) => (a.instanceId ? [a.instanceId] : []), 'network-interface-id': (a) => (a.networkInterfaceId ? [a.networkInterfaceId] : []), 'public-ip': (a) => [a.publicIp] },
    tags: (a) => a.tags,
    pages: false,
  }) as SeedAddress[];
  return {
    addressesSet: items.map((a) => ({
      publicIp: a.publicIp,
      allocationId: a.allocationId,
      domain: 'vpc',
      instanceId: a.instanceId,
      associationId: a.associationId,
      networkInterfaceId: a.networkInterfaceId,
      networkInterfaceOwnerId: a.networkInterfaceId ? ctx.ownerId : undefined,
      privateIpAddress: a.privateIp,
      publicIpv4Pool: 'amazon',
      networkBorderGroup: 'us-east-1',
      serviceManaged: a.serviceManaged,
      tagSet: tagSet(a.tags),
    })),
  };
}

function describeNetworkAcls(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const p = paged(describe(params, ctx, {
    action: 'DescribeNetworkAcls',
    idParam: 'NetworkAclId',
    map: ctx.network.networkAcls,
    shape: { prefix: 'acl', malformed: 'InvalidNetworkAclId.Malformed', notFound: 'InvalidNetworkAclID.NotFound', message: quoted('networkAcl ID', 'networkAcl IDs') },
    filters: { 'vpc-id': (n) => [n.vpcId], 'network-acl-id': (n) => [n.id], default: (n) => [String(!!n.isDefault)], 'association.subnet-id': (n) => n.subnetIds ?? [] },
    tags: (n) => n.tags,
  }));
  // Every ACL ends with the default deny rules, which nobody can change.
  const denyAll = (egress: boolean) => ({ ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress, cidrBlock: '0.0.0.0/0' });
  return {
    networkAclSet: p.items.map((n) => ({
      networkAclId: n.id,
      vpcId: n.vpcId,
      default: !!n.isDefault,
      ownerId: ctx.ownerId,
      entrySet: [
        ...(n.entries ?? []).map((e) => ({ ruleNumber: e.ruleNumber, protocol: e.protocol, ruleAction: e.action, egress: !!e.egress, cidrBlock: e.cidrBlock, ipv6CidrBlock: e.ipv6CidrBlock, portRange: e.fromPort !== undefined ? { from: e.fromPort, to: e.toPort } : undefined })),
        denyAll(false),
        denyAll(true),
      ],
      associationSet: (n.subnetIds ?? []).map((subnetId, i) => ({ networkAclAssociationId: `aclassoc-${n.id.slice(4, 11)}${String(i).padStart(1, '0')}`, networkAclId: n.id, subnetId })),
      tagSet: tagSet(n.tags),
    })),
    nextToken: p.nextToken,
  };
}

function describeKeyPairs(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const items = describe(params, ctx, {
    action: 'DescribeKeyPairs',
    idParam: 'KeyName',
    map: ctx.network.keyPairs,
    shape: { notFound: 'InvalidKeyPair.NotFound', message: (ids) => `The key pair '${ids[0]}' does not exist` },
    filters: { 'key-name': (k) => [k.name], 'key-pair-id': (k) => [k.id] },
    tags: (k) => k.tags,
    pages: false,
  }) as SeedKeyPair[];
  const withKey = params.IncludePublicKey === 'true';
  return {
    keySet: items.map((k) => ({
      keyPairId: k.id, keyName: k.name, keyFingerprint: k.fingerprint, keyType: k.type ?? 'rsa',
      publicKey: withKey && k.publicKey ? `${k.publicKey.trim().split(/\s+/).slice(0, 2).join(' ')} ${k.name}` : undefined,
      createTime: '2026-01-05T10:00:00.000Z', tagSet: tagSet(k.tags),
    })),
  };
}

export const NETWORK_HANDLERS: Record<string, (params: Params, ctx: NetworkContext) => Record<string, XmlValue>> = {
  DescribeSecurityGroupRules: describeSecurityGroupRules,
  DescribeRouteTables: describeRouteTables,
  DescribeInternetGateways: describeInternetGateways,
  DescribeEgressOnlyInternetGateways: describeEgressOnlyInternetGateways,
  DescribeNatGateways: describeNatGateways,
  DescribeAddresses: describeAddresses,
  DescribeNetworkAcls: describeNetworkAcls,
  DescribeKeyPairs: describeKeyPairs,
  ...LAUNCH_TEMPLATE_HANDLERS,
  ...Object.fromEntries(Object.entries(WIRE_HANDLERS).map(([action, h]) => [action, (params: Params, ctx: NetworkContext) => h(params, ctx.network.wire.get(action as WireAction) ?? [], ctx.pageSize)])),
};
