// aws_instance: DescribeInstances, plus DescribeInstanceAttribute (disable_api_termination
// is not in DescribeInstances) and DescribeVolumes (root volume size/type/encryption) —
// each only when the code declares that attribute. A failed extra call makes only the
// attribute that needed it unreadable, never the whole instance.
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';
import { describeByIds, type DescribeSpec } from './describe';
import { classifyError, type LiveError } from './errors';
import type { AwsMapper, EnrichContext, Enrichment } from './mapper';
import { ebsBlockDevice, ebsVolumeIds, INSTANCE_ATTRIBUTE_CALLS, INSTANCE_BLOCKS, readInstanceBlocks, readInstanceScalars, rootBlockDevice } from './instanceBlocks';
import { instanceOwner } from './serviceManaged';
import { nameTag, tagsToMap } from './tags';
import { enumValue, lacking, token } from './wireValues';
import { CREDIT_SPECIFICATION, creditSpecification, creditSpecifications, notBurstable } from './instanceCredits';

export interface InstanceExtra {
  /** Attributes read through DescribeInstanceAttribute (INSTANCE_ATTRIBUTE_CALLS), when declared. */
  attributes?: Record<string, Value>;
  /** Present when root_block_device was declared; null when the instance has no EBS root volume. */
  rootVolume?: Volume | null;
  /** Present when ebs_block_device was declared: the instance's EBS volumes other than the root one. */
  ebsVolumes?: Volume[];
  /** Present when credit_specification was declared and DescribeInstanceCreditSpecifications answered. */
  credits?: Value;
  /** Declared attributes whose extra call failed or answered inconsistently: attribute → why (naming the denied action). */
  unreadable?: Record<string, string>;
}

const volumes: DescribeSpec<Volume> = {
  operation: 'DescribeVolumes',
  idsParam: 'VolumeIds',
  items: (o) => o.Volumes ?? [],
  idOf: (v) => v.VolumeId,
  notFoundCodes: ['InvalidVolume.NotFound', 'InvalidVolumeID.Malformed'],
  chunkSize: 200,
};

/** `arn:aws:iam::123:instance-profile/path/web` → `web`, as the AWS provider stores it. */
export function instanceProfileName(arn: string | undefined): string | null {
  if (!arn) return null;
  const resource = arn.split(':').slice(5).join(':');
  const parts = resource.split('/');
  return parts.length > 1 ? parts[parts.length - 1] : null;
}

/**
 * The root EBS volume, as the AWS provider finds it: the mapping whose device name is the
 * instance's root device name. Some AMIs name the root `/dev/sda1` and map `sda1` (or the
 * reverse), so a match without the `/dev/` prefix counts too.
 */
export function rootDevice(i: Instance): { volumeId: string } | 'instance-store' | 'unknown' {
  if (enumValue(i.RootDeviceType) === 'instance-store') return 'instance-store';
  const root = token(i.RootDeviceName);
  if (!root) return 'unknown';
  const bare = (d: string) => d.replace(/^\/dev\//, '');
  const mappings = i.BlockDeviceMappings ?? [];
  const hit = mappings.find((m) => token(m.DeviceName) === root) ?? mappings.find((m) => bare(token(m.DeviceName) ?? '') === bare(root));
  const volumeId = token(hit?.Ebs?.VolumeId);
  return volumeId ? { volumeId } : 'unknown';
}

async function enrich(items: Map<string, Instance>, declared: Map<string, Set<string>>, ctx: EnrichContext): Promise<Enrichment<InstanceExtra>> {
  const extra = new Map<string, InstanceExtra>();
  const errors = new Map<string, LiveError>();
  const get = (id: string) => extra.get(id) ?? extra.set(id, {}).get(id)!;
  const cannotRead = (id: string, attribute: string, reason: string) => (get(id).unreadable ??= {})[attribute] = reason;
  // A failed sub-call spoils only the attribute that needs it; a cancelled scan stays cancelled.
  const failed = (id: string, attribute: string, error: LiveError) => (error.kind === 'cancelled' ? errors.set(id, error) : cannotRead(id, attribute, error.reason));
  const tasks: Promise<void>[] = [];

  // No batch form exists for these attributes: one call per instance and attribute, and only when declared.
  for (const [id] of items) {
    for (const c of INSTANCE_ATTRIBUTE_CALLS) {
      if (!declared.get(id)?.has(c.attribute)) continue;
      tasks.push(
        ctx.limit(async () => {
          try {
            ctx.onCall?.('DescribeInstanceAttribute');
            const out = await ctx.caller.call('DescribeInstanceAttribute', { InstanceId: id, Attribute: c.api }, ctx.signal);
            (get(id).attributes ??= {})[c.attribute] = c.read(out);
          } catch (e) {
            failed(id, c.attribute, classifyError(e, 'DescribeInstanceAttribute', ctx.signal));
          }
        }),
      );
    }
  }

  // One DescribeVolumes batch for every root and other EBS volume a declared block needs.
  const rootOf = new Map<string, string>();
  const othersOf = new Map<string, string[]>();
  for (const [id, inst] of items) {
    const wantsRoot = declared.get(id)?.has('root_block_device');
    const wantsEbs = declared.get(id)?.has('ebs_block_device');
    if (!wantsRoot && !wantsEbs) continue;
    const root = rootDevice(inst);
    if (typeof root === 'object' && wantsRoot) rootOf.set(id, root.volumeId);
    else if (root === 'instance-store' && wantsRoot) get(id).rootVolume = null;
    const unknownRoot = `the root device ${token(inst.RootDeviceName) ?? '(unnamed)'} is not among the instance's EBS block device mappings`;
    if (root === 'unknown') for (const a of ['root_block_device', 'ebs_block_device']) if (declared.get(id)?.has(a)) cannotRead(id, a, unknownRoot);
    if (wantsEbs && root !== 'unknown') othersOf.set(id, ebsVolumeIds(inst).filter((v) => typeof root !== 'object' || v !== root.volumeId));
  }
  const wanted = [...rootOf.values(), ...[...othersOf.values()].flat()];
  if (wanted.length > 0) {
    tasks.push(
      describeByIds(volumes, wanted, ctx).then((found) => {
        // The instance names a volume DescribeVolumes does not know: an inconsistent answer, not a missing disk.
        const take = (id: string, attribute: string, vol: string): Volume | undefined => {
          const o = found.get(vol);
          if (o?.kind === 'found') return o.item;
          if (o?.kind === 'not-found') cannotRead(id, attribute, `the volume ${vol} was not found (${o.reason})`);
          else failed(id, attribute, o?.error ?? { status: 'error', kind: 'other', reason: `no answer for volume ${vol}` });
          return undefined;
        };
        for (const [id, vol] of rootOf) {
          const v = take(id, 'root_block_device', vol);
          if (v) get(id).rootVolume = v;
        }
        for (const [id, vols] of othersOf) {
          const got = vols.map((vol) => take(id, 'ebs_block_device', vol));
          if (got.every((v): v is Volume => v !== undefined)) get(id).ebsVolumes = got;
        }
      }),
    );
  }
  // One DescribeInstanceCreditSpecifications batch for the burstable instances that declare credit_specification.
  const burstable: string[] = [];
  for (const [id, inst] of items) {
    if (!declared.get(id)?.has(CREDIT_SPECIFICATION)) continue;
    const why = notBurstable(token(inst.InstanceType));
    if (why) cannotRead(id, CREDIT_SPECIFICATION, why);
    else burstable.push(id);
  }
  if (burstable.length > 0) {
    tasks.push(
      describeByIds(creditSpecifications, burstable, ctx).then((found) => {
        for (const id of burstable) {
          const o = found.get(id);
          if (o?.kind === 'found') get(id).credits = creditSpecification(o.item);
          else if (o?.kind === 'not-found') cannotRead(id, CREDIT_SPECIFICATION, `DescribeInstanceCreditSpecifications does not know the instance (${o.reason})`);
          else failed(id, CREDIT_SPECIFICATION, o?.error ?? { status: 'error', kind: 'other', reason: `no credit specification answer for ${id}` });
        }
      }),
    );
  }
  await Promise.all(tasks);
  return new Map<string, InstanceExtra | LiveError>([...extra, ...errors]);
}

const STOPPED = new Set(['stopped', 'stopping', 'pending']);

function toAttributes(i: Instance, extra: InstanceExtra | undefined, unreadable: Record<string, string>): Record<string, Value> {
  // The primary interface is the one at device index 0 (the provider's read does the same).
  const primary = i.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0);
  const state = enumValue(i.State?.Name);
  const attrs: Record<string, Value> = {
    ami: token(i.ImageId),
    instance_type: token(i.InstanceType),
    subnet_id: token(primary?.SubnetId) ?? token(i.SubnetId),
    // An emulator that leaves out the instance's groupSet may still list them on the primary interface.
    vpc_security_group_ids: [...new Set((i.SecurityGroups ?? primary?.Groups ?? []).map((g) => token(g.GroupId)).filter((g): g is string => !!g))].sort(),
    key_name: token(i.KeyName),
    private_ip: token(i.PrivateIpAddress),
    ebs_optimized: i.EbsOptimized ?? false,
    iam_instance_profile: instanceProfileName(token(i.IamInstanceProfile?.Arn) ?? undefined),
    tags: tagsToMap(i.Tags),
  };

  const zone = token(i.Placement?.AvailabilityZone);
  if (zone) attrs.availability_zone = zone;
  else unreadable.availability_zone = lacking('placement.availabilityZone');

  // Only a real association (with an address) counts; a stopped instance has released its
  // auto-assigned public IP, so the setting cannot be seen until it runs again.
  const association = primary ? primary.Association : i.PublicIpAddress !== undefined ? { PublicIp: i.PublicIpAddress } : undefined;
  if (token(association?.PublicIp)) attrs.associate_public_ip_address = true;
  else if (state && STOPPED.has(state)) unreadable.associate_public_ip_address = `the instance is ${state}: a public IP is only visible while it runs`;
  else attrs.associate_public_ip_address = false;

  const monitoring = enumValue(i.Monitoring?.State);
  if (monitoring) attrs.monitoring = monitoring === 'enabled' || monitoring === 'pending';
  else unreadable.monitoring = lacking('monitoring state');

  const sourceDestCheck = primary?.SourceDestCheck ?? i.SourceDestCheck;
  if (sourceDestCheck !== undefined) attrs.source_dest_check = sourceDestCheck;
  else unreadable.source_dest_check = lacking('sourceDestCheck');

  readInstanceBlocks(i, attrs, unreadable);

  readInstanceScalars(i, attrs, unreadable);
  Object.assign(attrs, extra?.attributes);
  if (extra && 'rootVolume' in extra) attrs.root_block_device = extra.rootVolume ? [rootBlockDevice(i, extra.rootVolume)] : [];
  if (extra?.ebsVolumes) attrs.ebs_block_device = extra.ebsVolumes.map((v) => ebsBlockDevice(i, v));
  if (extra?.credits) attrs[CREDIT_SPECIFICATION] = extra.credits;
  Object.assign(unreadable, extra?.unreadable);
  return attrs;
}

export const ec2InstanceMapper: AwsMapper<Instance, InstanceExtra> = {
  type: 'aws_instance',
  describe: {
    operation: 'DescribeInstances',
    idsParam: 'InstanceIds',
    items: (o) => (o.Reservations ?? []).flatMap((r: { Instances?: Instance[] }) => r.Instances ?? []),
    idOf: (i) => i.InstanceId,
    notFoundCodes: ['InvalidInstanceID.NotFound', 'InvalidInstanceID.Malformed'],
    chunkSize: 200,
  },
  normalization: {
    type: 'aws_instance',
    // TypeSet in the provider's schema; ipv6_addresses is a TypeList and keeps its order.
    scalarSets: ['vpc_security_group_ids', 'secondary_private_ips'],
    singleBlocks: [],
    blocks: INSTANCE_BLOCKS,
    ruleBlocks: [],
    tagMaps: ['tags'],
    onDemand: {
      ...Object.fromEntries(INSTANCE_ATTRIBUTE_CALLS.map((c) => [c.attribute, 'ec2:DescribeInstanceAttribute'])),
      root_block_device: 'ec2:DescribeVolumes',
      ebs_block_device: 'ec2:DescribeVolumes',
      [CREDIT_SPECIFICATION]: 'ec2:DescribeInstanceCreditSpecifications',
    },
  },
  // Stopped, stopping and pending instances exist; only these two are on their way out.
  gone: (i) => {
    const state = enumValue(i.State?.Name);
    return state === 'terminated' || state === 'shutting-down' ? 'terminated' : undefined;
  },
  vpcOf: (i) => token(i.VpcId) ?? token(i.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0)?.VpcId) ?? undefined,
  listInVpcs: {
    filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }],
    managedBy: (i) => instanceOwner(i.Tags),
    nameOf: (i) => nameTag(i.Tags),
  },
  enrich,
  toAttributes,
};
