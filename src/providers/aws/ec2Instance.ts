// aws_instance: DescribeInstances, plus DescribeInstanceAttribute (disable_api_termination
// is not in DescribeInstances) and DescribeVolumes (root volume size/type/encryption) —
// each only when the code declares that attribute.
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { Value } from '../../engine/model';
import { describeByIds, type DescribeSpec } from './describe';
import { classifyError, type LiveError } from './errors';
import type { AwsMapper, EnrichContext, Enrichment } from './mapper';
import { tagsToMap } from './tags';

export interface InstanceExtra {
  disableApiTermination?: boolean;
  /** Present when root_block_device was declared; null when the instance has no EBS root volume. */
  rootVolume?: Volume | null;
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

function rootVolumeId(i: Instance): string | undefined {
  return i.BlockDeviceMappings?.find((m) => m.DeviceName === i.RootDeviceName)?.Ebs?.VolumeId;
}

async function enrich(items: Map<string, Instance>, declared: Map<string, Set<string>>, ctx: EnrichContext): Promise<Enrichment<InstanceExtra>> {
  const extra = new Map<string, InstanceExtra>();
  const errors = new Map<string, LiveError>();
  const get = (id: string) => extra.get(id) ?? extra.set(id, {}).get(id)!;
  const tasks: Promise<void>[] = [];

  // No batch form exists for this attribute: one call per instance, and only when declared.
  for (const [id] of items) {
    if (!declared.get(id)?.has('disable_api_termination')) continue;
    tasks.push(
      ctx.limit(async () => {
        try {
          ctx.onCall?.('DescribeInstanceAttribute');
          const out = await ctx.caller.call('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'disableApiTermination' }, ctx.signal);
          get(id).disableApiTermination = out.DisableApiTermination?.Value ?? false;
        } catch (e) {
          errors.set(id, classifyError(e, 'DescribeInstanceAttribute', ctx.signal));
        }
      }),
    );
  }

  const rootOf = new Map<string, string>();
  for (const [id, inst] of items) {
    if (!declared.get(id)?.has('root_block_device')) continue;
    const vol = rootVolumeId(inst);
    if (vol) rootOf.set(id, vol);
    else get(id).rootVolume = null;
  }
  if (rootOf.size > 0) {
    tasks.push(
      describeByIds(volumes, [...rootOf.values()], ctx).then((found) => {
        for (const [id, vol] of rootOf) {
          const o = found.get(vol);
          if (o?.kind === 'found') get(id).rootVolume = o.item;
          else if (o?.kind === 'not-found') get(id).rootVolume = null;
          else errors.set(id, o?.error ?? { status: 'error', kind: 'other', reason: `no answer for root volume ${vol}` });
        }
      }),
    );
  }
  await Promise.all(tasks);
  return new Map<string, InstanceExtra | LiveError>([...extra, ...errors]);
}

function toAttributes(i: Instance, extra: InstanceExtra | undefined): Record<string, Value> {
  const primary = i.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0);
  const monitoring = i.Monitoring?.State;
  const attrs: Record<string, Value> = {
    ami: i.ImageId ?? null,
    instance_type: i.InstanceType ?? null,
    subnet_id: primary?.SubnetId ?? i.SubnetId ?? null,
    vpc_security_group_ids: [...new Set((i.SecurityGroups ?? []).map((g) => g.GroupId).filter((g): g is string => !!g))].sort(),
    key_name: i.KeyName ?? null,
    availability_zone: i.Placement?.AvailabilityZone ?? null,
    private_ip: i.PrivateIpAddress ?? null,
    // The provider reads it from the primary interface's public association.
    associate_public_ip_address: primary ? primary.Association !== undefined : i.PublicIpAddress !== undefined,
    monitoring: monitoring === 'enabled' || monitoring === 'pending',
    ebs_optimized: i.EbsOptimized ?? false,
    source_dest_check: primary?.SourceDestCheck ?? i.SourceDestCheck ?? true,
    iam_instance_profile: instanceProfileName(i.IamInstanceProfile?.Arn),
    tags: tagsToMap(i.Tags),
    metadata_options: i.MetadataOptions ? [{ http_tokens: i.MetadataOptions.HttpTokens ?? null }] : [],
  };
  if (extra?.disableApiTermination !== undefined) attrs.disable_api_termination = extra.disableApiTermination;
  if (extra && 'rootVolume' in extra) {
    const v = extra.rootVolume;
    attrs.root_block_device = v ? [{ volume_size: v.Size ?? null, volume_type: v.VolumeType ?? null, encrypted: v.Encrypted ?? false }] : [];
  }
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
    scalarSets: ['vpc_security_group_ids'],
    singleBlocks: ['root_block_device', 'metadata_options'],
    ruleBlocks: [],
    tagMaps: ['tags'],
    onDemand: { disable_api_termination: 'ec2:DescribeInstanceAttribute', root_block_device: 'ec2:DescribeVolumes' },
  },
  gone: (i) => (i.State?.Name === 'terminated' || i.State?.Name === 'shutting-down' ? 'terminated' : undefined),
  enrich,
  toAttributes,
};
