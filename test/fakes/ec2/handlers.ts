// The Describe* actions the fake serves, rendering state in the shapes of the EC2 API
// reference (DescribeInstances → reservationSet/instancesSet, DescribeSecurityGroups →
// securityGroupInfo/ipPermissions, …) and answering bad IDs with the service's codes.
import { applyFilters, filters, listParam, page, type PageRule, type Params } from './query';
import type { InstanceStateName, SeedInstance, SeedRule, SeedSecurityGroup, SeedTags } from './seed';
import type { FakeEc2State } from './state';
import { Ec2Error, type XmlValue } from './xml';
import { DIALECTS, type Dialect, type IdKind } from './dialect';
import { instanceOptions, subnetOptions } from './instanceOptions';
import { attachments, blockDeviceMapping, volumeIops } from './volumes';
import { NETWORK_HANDLERS } from './network';
import { describeInstanceCreditSpecifications } from './creditSpecifications';

export interface HandlerContext {
  state: FakeEc2State;
  /** Page size the fake imposes even when IDs are given (emulator-like); undefined: only MaxResults pages. */
  pageSize?: number;
  /** Wire quirks of the service being imitated (default: EC2 itself). */
  dialect?: Dialect;
  /** Answers every Describe* with all resources, whatever IDs were asked (an emulator that ignores ID lists). */
  ignoreIds?: boolean;
  /** The region the request was signed for: resources seeded in another region are invisible, as in EC2. */
  region?: string;
}

/** The resources of `map` the request's region can see. */
function visible<T extends { region?: string }>(map: Map<string, T>, ctx: HandlerContext): Map<string, T> {
  if (!ctx.region || ![...map.values()].some((r) => r.region)) return map;
  return new Map([...map].filter(([, r]) => !r.region || r.region === ctx.region));
}

export type Handler = (params: Params, ctx: HandlerContext) => Record<string, XmlValue>;

const LAUNCH_TIME = '2026-01-05T10:00:00.000Z';
const STATE_CODES: Record<InstanceStateName, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

export interface IdRule {
  kind: IdKind;
  prefix: string;
  malformedCode: string;
  notFoundCode: string;
  /** "The instance ID 'i-1' does not exist" / "The instance IDs 'i-1, i-2' do not exist" */
  notFound: (ids: string[]) => string;
}

export const ID_RULES = {
  instance: { kind: 'instance', prefix: 'i', malformedCode: 'InvalidInstanceID.Malformed', notFoundCode: 'InvalidInstanceID.NotFound', notFound: (ids) => (ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${ids.join(', ')}' do not exist`) },
  group: { kind: 'group', prefix: 'sg', malformedCode: 'InvalidGroupId.Malformed', notFoundCode: 'InvalidGroup.NotFound', notFound: (ids) => (ids.length === 1 ? `The security group '${ids[0]}' does not exist` : `The security groups '${ids.join(', ')}' do not exist`) },
  vpc: { kind: 'vpc', prefix: 'vpc', malformedCode: 'InvalidVpcID.Malformed', notFoundCode: 'InvalidVpcID.NotFound', notFound: (ids) => (ids.length === 1 ? `The vpc ID '${ids[0]}' does not exist` : `The vpc IDs '${ids.join(', ')}' do not exist`) },
  subnet: { kind: 'subnet', prefix: 'subnet', malformedCode: 'InvalidSubnetID.Malformed', notFoundCode: 'InvalidSubnetID.NotFound', notFound: (ids) => (ids.length === 1 ? `The subnet ID '${ids[0]}' does not exist` : `The subnet IDs '${ids.join(', ')}' do not exist`) },
  volume: { kind: 'volume', prefix: 'vol', malformedCode: 'InvalidVolumeID.Malformed', notFoundCode: 'InvalidVolume.NotFound', notFound: (ids) => (ids.length === 1 ? `The volume '${ids[0]}' does not exist.` : `The volumes '${ids.join(', ')}' do not exist.`) },
} satisfies Record<string, IdRule>;

/** Validates the requested IDs (malformed first, like EC2) and returns the matching records in request order. */
export function lookup<T>(ids: string[], map: Map<string, T>, rule: IdRule, ctx: HandlerContext): T[] {
  if (ctx.ignoreIds) return [...map.values()];
  const dialect = ctx.dialect ?? DIALECTS.aws;
  const shape = new RegExp(`^${rule.prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);
  const bad = ids.find((id) => !shape.test(id));
  // moto does not check the shape of an ID.
  if (bad !== undefined && dialect.name === 'aws') throw new Ec2Error(rule.malformedCode, `Invalid id: "${bad}"${rule.prefix === 'sg' ? ' (expecting "sg-...")' : ''}`);
  const missing = [...new Set(ids.filter((id) => !map.has(id)))];
  if (missing.length) {
    const quirk = dialect.notFound?.(rule.kind, [...new Set(ids)], missing);
    throw new Ec2Error(quirk?.code ?? rule.notFoundCode, quirk?.message ?? rule.notFound(missing));
  }
  return [...new Set(ids)].map((id) => map.get(id)!);
}

const tagSet = (tags?: SeedTags): XmlValue[] => Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));

function required(params: Params, name: string): string {
  const v = params[name];
  if (v === undefined || v === '') throw new Ec2Error('MissingParameter', `The request must contain the parameter ${name}`);
  return v;
}

// --- instances ---------------------------------------------------------------

function renderInstance(i: SeedInstance, ctx: HandlerContext): XmlValue {
  const { state } = ctx;
  const subnet = i.subnetId ? state.subnets.get(i.subnetId) : undefined;
  const zone = i.availabilityZone ?? subnet?.availabilityZone ?? 'us-east-1a';
  const status = i.state ?? 'running';
  const gone = status === 'terminated';
  const groups = (i.securityGroupIds ?? []).map((id) => ({ groupId: id, groupName: state.securityGroups.get(id)?.name ?? id }));
  const privateIp = gone ? undefined : (i.privateIp ?? '10.0.1.10');
  const privateDns = privateIp ? `ip-${privateIp.replace(/\./g, '-')}.ec2.internal` : '';
  const released = status === 'stopped' || status === 'stopping' || status === 'pending';
  const association = i.publicIp && !gone && !released ? { publicIp: i.publicIp, publicDnsName: `ec2-${i.publicIp.replace(/\./g, '-')}.compute-1.amazonaws.com`, ipOwnerId: 'amazon' } : undefined;
  const dialect = ctx.dialect ?? DIALECTS.aws;
  const mappedDevice = i.rootVolume?.deviceName ?? '/dev/xvda';
  const rootDevice = i.rootDeviceName ?? mappedDevice;
  const monitoringState = i.monitoring ? 'enabled' : 'disabled';
  return {
    instanceId: i.id,
    imageId: i.ami,
    instanceState: { code: STATE_CODES[status], name: status },
    privateDnsName: privateDns,
    dnsName: association?.publicDnsName ?? '',
    reason: gone ? 'User initiated (2026-01-06 09:00:00 GMT)' : '',
    keyName: i.keyName,
    amiLaunchIndex: 0,
    productCodes: [],
    instanceType: i.instanceType,
    launchTime: LAUNCH_TIME,
    placement: i.omit?.includes('placement') ? undefined : { availabilityZone: zone, groupName: '', tenancy: 'default' },
    monitoring: i.omit?.includes('monitoring') ? undefined : { state: dialect.paddedMonitoring ? ` ${monitoringState} ` : monitoringState },
    subnetId: gone ? undefined : i.subnetId,
    vpcId: gone ? undefined : subnet?.vpcId,
    privateIpAddress: privateIp,
    ipAddress: association?.publicIp,
    sourceDestCheck: gone || i.omit?.includes('sourceDestCheck') ? undefined : (i.sourceDestCheck ?? true),
    groupSet: gone ? [] : groups,
    stateReason: gone ? { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' } : undefined,
    architecture: 'x86_64',
    rootDeviceType: i.rootDeviceType ?? 'ebs',
    rootDeviceName: rootDevice,
    blockDeviceMapping: gone ? [] : blockDeviceMapping(i, LAUNCH_TIME),
    virtualizationType: 'hvm',
    clientToken: '',
    tagSet: dialect.omitEmptyInstanceTags && Object.keys(i.tags ?? {}).length === 0 ? undefined : tagSet(i.tags),
    hypervisor: 'xen',
    networkInterfaceSet: gone || !subnet ? [] : [{
      networkInterfaceId: `eni-${i.id.slice(2)}`,
      subnetId: i.subnetId,
      vpcId: subnet.vpcId,
      description: '',
      ownerId: state.ownerId,
      status: 'in-use',
      macAddress: '0a:00:00:00:00:01',
      privateIpAddress: privateIp,
      privateDnsName: privateDns,
      sourceDestCheck: i.omit?.includes('sourceDestCheck') ? undefined : (i.sourceDestCheck ?? true),
      groupSet: groups,
      attachment: { attachmentId: `eni-attach-${i.id.slice(2)}`, deviceIndex: 0, status: 'attached', attachTime: LAUNCH_TIME, deleteOnTermination: true, networkCardIndex: 0 },
      association,
      privateIpAddressesSet: [{ privateIpAddress: privateIp, privateDnsName: privateDns, primary: true, association }],
      ipv6AddressesSet: [],
      interfaceType: 'interface',
    }],
    iamInstanceProfile: i.iamInstanceProfile ? { arn: `arn:aws:iam::${state.ownerId}:instance-profile/${i.iamInstanceProfile}`, id: `AIPA${i.id.slice(2).toUpperCase()}` } : undefined,
    ebsOptimized: i.ebsOptimized ?? false,
    enaSupport: true,
    ...instanceOptions(i, dialect),
  };
}

const INSTANCES_PAGE: PageRule = { action: 'DescribeInstances', idParam: 'InstanceId', maxResultsExcludesIds: true, combinationMessage: 'The parameter instancesSet cannot be used with the parameter maxResults' };

const describeInstances: Handler = (params, ctx) => {
  const ids = listParam(params, 'InstanceId');
  const instances = visible(ctx.state.instances, ctx);
  let items = ids.length ? lookup(ids, instances, ID_RULES.instance, ctx) : [...instances.values()];
  items = applyFilters(items, filters(params), {
    'instance-id': (i) => [i.id],
    'instance-state-name': (i) => [i.state ?? 'running'],
    'instance-type': (i) => [i.instanceType],
    'subnet-id': (i) => (i.subnetId ? [i.subnetId] : []),
    'vpc-id': (i) => {
      // A terminated instance has left its VPC (no vpcId in its description either).
      const v = i.subnetId && i.state !== 'terminated' ? ctx.state.subnets.get(i.subnetId)?.vpcId : undefined;
      return v ? [v] : [];
    },
    'instance.group-id': (i) => i.securityGroupIds ?? [],
  }, (i) => i.tags);
  // Paging counts reservations, as the service does.
  const reservations = new Map<string, SeedInstance[]>();
  for (const i of items) {
    const r = i.reservationId ?? `r-${i.id.slice(2)}`;
    reservations.set(r, [...(reservations.get(r) ?? []), i]);
  }
  const p = page([...reservations.entries()], params, INSTANCES_PAGE, ctx.pageSize);
  return {
    reservationSet: p.items.map(([reservationId, insts]) => ({
      reservationId,
      ownerId: ctx.state.ownerId,
      groupSet: [],
      instancesSet: insts.map((i) => renderInstance(i, ctx)),
    })),
    nextToken: p.nextToken,
  };
};

const INSTANCE_ATTRIBUTES = new Set(['instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination', 'instanceInitiatedShutdownBehavior', 'rootDeviceName', 'blockDeviceMapping', 'productCodes', 'sourceDestCheck', 'groupSet', 'ebsOptimized', 'sriovNetSupport', 'enaSupport', 'enclaveOptions', 'disableApiStop']);

const describeInstanceAttribute: Handler = (params, ctx) => {
  const id = required(params, 'InstanceId');
  const attribute = required(params, 'Attribute');
  if (!INSTANCE_ATTRIBUTES.has(attribute)) throw new Ec2Error('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
  const [i] = lookup([id], visible(ctx.state.instances, ctx), ID_RULES.instance, { ...ctx, ignoreIds: false });
  const values: Record<string, XmlValue> = {
    instanceType: { value: i.instanceType },
    disableApiTermination: { value: i.disableApiTermination ?? false },
    sourceDestCheck: { value: i.sourceDestCheck ?? true },
    ebsOptimized: { value: i.ebsOptimized ?? false },
    disableApiStop: { value: i.disableApiStop ?? false },
    instanceInitiatedShutdownBehavior: { value: i.shutdownBehavior ?? 'stop' },
    enaSupport: { value: true },
    rootDeviceName: { value: i.rootVolume?.deviceName ?? '/dev/xvda' },
    groupSet: (i.securityGroupIds ?? []).map((groupId) => ({ groupId })),
  };
  return { instanceId: i.id, [attribute]: values[attribute] };
};

// --- security groups ---------------------------------------------------------

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/** EC2 shows rules with the same protocol and ports as one IpPermission with several sources. */
function renderPermissions(rules: SeedRule[] | undefined, ownerId: string, dialect: Dialect): XmlValue[] {
  const merged = new Map<string, { ipProtocol: string; fromPort?: number; toPort?: number; groups: XmlValue[]; ipRanges: XmlValue[]; ipv6Ranges: XmlValue[]; prefixListIds: XmlValue[] }>();
  for (const r of rules ?? []) {
    // EC2 answers with protocol names and no ports where ports mean nothing; moto echoes what was sent.
    const protocol = dialect.rawRules ? r.protocol : (PROTOCOL_NAMES[r.protocol] ?? r.protocol.toLowerCase());
    const ported = dialect.rawRules || ['tcp', 'udp', 'icmp', 'icmpv6'].includes(protocol);
    const fromPort = ported ? r.fromPort : undefined;
    const toPort = ported ? r.toPort : undefined;
    const key = `${protocol}|${fromPort}|${toPort}`;
    const p = merged.get(key) ?? { ipProtocol: protocol, fromPort, toPort, groups: [], ipRanges: [], ipv6Ranges: [], prefixListIds: [] };
    merged.set(key, p);
    const description = r.description;
    for (const c of r.cidrBlocks ?? []) p.ipRanges.push({ cidrIp: c, description });
    for (const c of r.ipv6CidrBlocks ?? []) p.ipv6Ranges.push({ cidrIpv6: c, description });
    for (const pl of r.prefixListIds ?? []) p.prefixListIds.push({ prefixListId: pl, description });
    for (const g of r.securityGroups ?? []) p.groups.push({ userId: ownerId, groupId: g, description });
  }
  return [...merged.values()];
}

function renderGroup(g: SeedSecurityGroup, ctx: HandlerContext): XmlValue {
  const owner = ctx.state.ownerId;
  return {
    ownerId: owner,
    groupId: g.id,
    groupName: g.name,
    groupDescription: g.description,
    vpcId: g.vpcId,
    securityGroupArn: `arn:aws:ec2:us-east-1:${owner}:security-group/${g.id}`,
    ipPermissions: renderPermissions(g.ingress, owner, ctx.dialect ?? DIALECTS.aws),
    ipPermissionsEgress: renderPermissions(g.egress, owner, ctx.dialect ?? DIALECTS.aws),
    tagSet: tagSet(g.tags),
  };
}

const GROUPS_PAGE: PageRule = { action: 'DescribeSecurityGroups', idParam: 'GroupId', maxResultsExcludesIds: true, combinationMessage: 'The parameter groupIds cannot be used with the parameter maxResults' };

const describeSecurityGroups: Handler = (params, ctx) => {
  const ids = listParam(params, 'GroupId');
  const names = listParam(params, 'GroupName');
  const groups = visible(ctx.state.securityGroups, ctx);
  let items = ids.length ? lookup(ids, groups, ID_RULES.group, ctx) : [...groups.values()];
  if (names.length) {
    const byName = [...groups.values()].filter((g) => names.includes(g.name));
    const unknown = names.filter((n) => !byName.some((g) => g.name === n));
    if (unknown.length) throw new Ec2Error('InvalidGroup.NotFound', `The security group '${unknown[0]}' does not exist in default VPC 'vpc-00000000'`);
    items = ids.length ? items.filter((g) => names.includes(g.name)) : byName;
  }
  items = applyFilters(items, filters(params), {
    'group-id': (g) => [g.id],
    'group-name': (g) => [g.name],
    'vpc-id': (g) => (g.vpcId ? [g.vpcId] : []),
    description: (g) => [g.description],
  }, (g) => g.tags);
  const p = page(items, params, GROUPS_PAGE, ctx.pageSize);
  return { securityGroupInfo: p.items.map((g) => renderGroup(g, ctx)), nextToken: p.nextToken };
};

// --- VPCs, subnets, volumes ----------------------------------------------------

const VPCS_PAGE: PageRule = { action: 'DescribeVpcs', idParam: 'VpcId', maxResultsExcludesIds: true, combinationMessage: 'The parameter VpcIds cannot be used with the parameter MaxResults' };

const describeVpcs: Handler = (params, ctx) => {
  const ids = listParam(params, 'VpcId');
  const vpcs = visible(ctx.state.vpcs, ctx);
  let items = ids.length ? lookup(ids, vpcs, ID_RULES.vpc, ctx) : [...vpcs.values()];
  items = applyFilters(items, filters(params), {
    'vpc-id': (v) => [v.id],
    'cidr-block': (v) => [v.cidrBlock],
    'is-default': (v) => [String(v.isDefault ?? false)],
    state: () => ['available'],
  }, (v) => v.tags);
  const p = page(items, params, VPCS_PAGE, ctx.pageSize);
  return {
    vpcSet: p.items.map((v) => ({
      vpcId: v.id,
      ownerId: ctx.state.ownerId,
      state: 'available',
      cidrBlock: v.cidrBlock,
      cidrBlockAssociationSet: [{ cidrBlock: v.cidrBlock, associationId: `vpc-cidr-assoc-${v.id.slice(4)}`, cidrBlockState: { state: 'associated' } }],
      dhcpOptionsId: 'dopt-0a1b2c3d',
      instanceTenancy: v.instanceTenancy ?? 'default',
      isDefault: v.isDefault ?? false,
      ipv6CidrBlockAssociationSet: v.ipv6CidrBlock ? [{ ipv6CidrBlock: v.ipv6CidrBlock, associationId: `vpc-cidr-assoc-6${v.id.slice(5)}`, ipv6CidrBlockState: { state: 'associated' }, networkBorderGroup: 'us-east-1', ipv6Pool: 'Amazon' }] : undefined,
      tagSet: tagSet(v.tags),
    })),
    nextToken: p.nextToken,
  };
};

const VPC_ATTRIBUTES = new Set(['enableDnsSupport', 'enableDnsHostnames', 'enableNetworkAddressUsageMetrics']);

const describeVpcAttribute: Handler = (params, ctx) => {
  const id = required(params, 'VpcId');
  const attribute = required(params, 'Attribute');
  if (!VPC_ATTRIBUTES.has(attribute)) throw new Ec2Error('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
  const [v] = lookup([id], visible(ctx.state.vpcs, ctx), ID_RULES.vpc, { ...ctx, ignoreIds: false });
  const value = attribute === 'enableDnsSupport' ? (v.enableDnsSupport ?? true) : attribute === 'enableDnsHostnames' ? (v.enableDnsHostnames ?? v.isDefault ?? false) : (v.enableNetworkAddressUsageMetrics ?? false);
  return { vpcId: v.id, [attribute]: { value } };
};

const SUBNETS_PAGE: PageRule = { action: 'DescribeSubnets', idParam: 'SubnetId', maxResultsExcludesIds: true, combinationMessage: 'The parameter SubnetIds cannot be used with the parameter MaxResults' };

const describeSubnets: Handler = (params, ctx) => {
  const ids = listParam(params, 'SubnetId');
  const subnets = visible(ctx.state.subnets, ctx);
  let items = ids.length ? lookup(ids, subnets, ID_RULES.subnet, ctx) : [...subnets.values()];
  items = applyFilters(items, filters(params), {
    'subnet-id': (s) => [s.id],
    'vpc-id': (s) => [s.vpcId],
    'availability-zone': (s) => [s.availabilityZone],
    'cidr-block': (s) => [s.cidrBlock],
    'default-for-az': (s) => [String(s.defaultForAz ?? false)],
  }, (s) => s.tags);
  const p = page(items, params, SUBNETS_PAGE, ctx.pageSize);
  return {
    subnetSet: p.items.map((s) => ({
      subnetId: s.id,
      subnetArn: `arn:aws:ec2:us-east-1:${ctx.state.ownerId}:subnet/${s.id}`,
      state: 'available',
      ownerId: ctx.state.ownerId,
      vpcId: s.vpcId,
      cidrBlock: s.cidrBlock,
      ipv6CidrBlockAssociationSet: [],
      availableIpAddressCount: 251,
      availabilityZone: s.availabilityZone,
      availabilityZoneId: `use1-az${s.availabilityZone.slice(-1).charCodeAt(0) - 96}`,
      defaultForAz: s.defaultForAz ?? false,
      mapPublicIpOnLaunch: s.mapPublicIpOnLaunch ?? false,
      assignIpv6AddressOnCreation: false,
      ...subnetOptions(s),
      tagSet: tagSet(s.tags),
    })),
    nextToken: p.nextToken,
  };
};

const VOLUMES_PAGE: PageRule = { action: 'DescribeVolumes', idParam: 'VolumeId', maxResultsExcludesIds: true, combinationMessage: 'The parameter volumeIdsSet cannot be used with the parameter maxResults' };

const describeVolumes: Handler = (params, ctx) => {
  const ids = listParam(params, 'VolumeId');
  const attached = attachments(ctx.state.instances.values());
  const attachedTo = (volumeId: string) => attached.get(volumeId)?.instance;
  const volumes = visible(ctx.state.volumes, ctx);
  let items = ids.length ? lookup(ids, volumes, ID_RULES.volume, ctx) : [...volumes.values()];
  items = applyFilters(items, filters(params), {
    'volume-id': (v) => [v.id],
    'attachment.instance-id': (v) => {
      const i = attachedTo(v.id);
      return i ? [i.id] : [];
    },
    'volume-type': (v) => [v.type ?? 'gp3'],
  }, (v) => v.tags);
  const p = page(items, params, VOLUMES_PAGE, ctx.pageSize);
  return {
    volumeSet: p.items.map((v) => {
      const at = attached.get(v.id);
      return {
        volumeId: v.id,
        size: v.size,
        snapshotId: v.snapshotId ?? '',
        availabilityZone: v.availabilityZone ?? 'us-east-1a',
        status: at ? 'in-use' : 'available',
        createTime: LAUNCH_TIME,
        attachmentSet: at ? [{ volumeId: v.id, instanceId: at.instance.id, device: at.device, status: 'attached', attachTime: LAUNCH_TIME, deleteOnTermination: at.deleteOnTermination }] : [],
        volumeType: v.type ?? 'gp3',
        // Throughput is reported for gp3 only.
        iops: v.iops ?? volumeIops(v.type ?? 'gp3', v.size),
        throughput: (v.type ?? 'gp3') === 'gp3' ? (v.throughput ?? 125) : undefined,
        encrypted: v.encrypted ?? false,
        kmsKeyId: v.encrypted ? (v.kmsKeyId ?? `arn:aws:kms:us-east-1:${ctx.state.ownerId}:key/0a1b2c3d-0000-4000-8000-000000000001`) : undefined,
        tagSet: tagSet(v.tags),
      };
    }),
    nextToken: p.nextToken,
  };
};

export const HANDLERS: Record<string, Handler> = {
  DescribeInstances: describeInstances,
  DescribeInstanceAttribute: describeInstanceAttribute,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeVpcs: describeVpcs,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeSubnets: describeSubnets,
  DescribeVolumes: describeVolumes,
  DescribeInstanceCreditSpecifications: (params, ctx) => describeInstanceCreditSpecifications(params, ctx, visible(ctx.state.instances, ctx)),
  ...networkHandlers(),
};

/** The VPC family of network.ts, over the same state. */
function networkHandlers(): Record<string, Handler> {
  return Object.fromEntries(
    Object.entries(NETWORK_HANDLERS).map(([action, h]) => [
      action,
      (params: Params, ctx: HandlerContext) =>
        h(params, { network: ctx.state.network, securityGroups: visible(ctx.state.securityGroups, ctx), ownerId: ctx.state.ownerId, vpcCidr: (id) => ctx.state.vpcs.get(id)?.cidrBlock, pageSize: ctx.pageSize }),
    ]),
  );
}
