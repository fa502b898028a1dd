// aws_launch_template: DescribeLaunchTemplates for the template (name, default and latest version, tags),
// then the latest version's data, as resourceLaunchTemplateRead reads it (latest_version, not the default).
// The versions come from one batched DescribeLaunchTemplateVersions per region and page (Versions=$Latest,
// no template ID), only when the code declares an attribute of the data. ebs_optimized is a string in the
// provider's schema ("true" / "false" / "" when unset). Nested blocks: launchTemplateBlocks.ts.
// default_version as the API answers; update_default_version is Terraform-only (the provider never reads it back):
// a console version left as non-default shows as the latest version's data drifting, once, not twice.
import type { LaunchTemplate, LaunchTemplateVersion } from '@aws-sdk/client-ec2';
import type { Binding, Value } from '../../model';
import { terraformOnly } from './bindingValues';
import { allPagesOf } from './describe';
import { classifyError } from './errors';
import type { AwsMapper, EnrichContext, Enrichment } from './mapper';
import { tagsToMap } from './tags';
import { token } from './wireValues';
import { LAUNCH_TEMPLATE_BLOCKS, launchTemplateBlocks, userDataDigest } from './launchTemplateBlocks';

const DATA_ATTRIBUTES = [
  'description', 'image_id', 'instance_type', 'key_name', 'vpc_security_group_ids', 'security_group_names', 'ebs_optimized', 'disable_api_termination', 'disable_api_stop',
  'instance_initiated_shutdown_behavior', 'kernel_id', 'ram_disk_id', 'user_data', ...Object.keys(LAUNCH_TEMPLATE_BLOCKS),
];

type Extra = LaunchTemplateVersion | { unreadable: string };

async function enrich(items: Map<string, LaunchTemplate>, declared: Map<string, Set<string>>, ctx: EnrichContext): Promise<Enrichment<Extra>> {
  const wanted = [...items.keys()].filter((id) => DATA_ATTRIBUTES.some((a) => declared.get(id)?.has(a)));
  const out = new Map<string, Extra>();
  if (wanted.length === 0) return out;
  try {
    const pages = await allPagesOf('DescribeLaunchTemplateVersions', { Versions: ['$Latest'], MaxResults: 200 }, ctx);
    for (const v of pages.flatMap((p) => (p.LaunchTemplateVersions ?? []) as LaunchTemplateVersion[])) {
      const id = token(v.LaunchTemplateId);
      if (id && items.has(id) && v.VersionNumber === items.get(id)!.LatestVersionNumber) out.set(id, v);
    }
    for (const id of wanted) if (!out.has(id)) out.set(id, { unreadable: `DescribeLaunchTemplateVersions did not return version ${items.get(id)!.LatestVersionNumber}` });
  } catch (e) {
    const error = classifyError(e, 'DescribeLaunchTemplateVersions', ctx.signal);
    if (error.kind === 'cancelled') return new Map(wanted.map((id) => [id, error]));
    for (const id of wanted) out.set(id, { unreadable: error.reason });
  }
  return out;
}

const optionalBool = (b: boolean | undefined): string => (b === undefined ? '' : String(b));

function toAttributes(t: LaunchTemplate, extra: Extra | undefined, unreadable: Record<string, string>, b?: Binding): Record<string, Value> {
  const base: Record<string, Value> = {
    ...terraformOnly(b, ['update_default_version']),
    name: token(t.LaunchTemplateName),
    default_version: t.DefaultVersionNumber ?? null,
    latest_version: t.LatestVersionNumber ?? null,
    tags: tagsToMap(t.Tags),
  };
  if (!extra) return base;
  if ('unreadable' in extra) {
    for (const a of DATA_ATTRIBUTES) unreadable[a] = extra.unreadable;
    return base;
  }
  const d = extra.LaunchTemplateData ?? {};
  return {
    ...base,
    description: extra.VersionDescription ?? null,
    image_id: token(d.ImageId),
    instance_type: token(d.InstanceType),
    key_name: token(d.KeyName),
    vpc_security_group_ids: (d.SecurityGroupIds ?? []).map((s) => s.trim()),
    security_group_names: (d.SecurityGroups ?? []).map((s) => s.trim()),
    ebs_optimized: optionalBool(d.EbsOptimized),
    disable_api_termination: d.DisableApiTermination ?? false,
    disable_api_stop: d.DisableApiStop ?? false,
    instance_initiated_shutdown_behavior: token(d.InstanceInitiatedShutdownBehavior),
    kernel_id: token(d.KernelId),
    ram_disk_id: token(d.RamDiskId),
    ...launchTemplateBlocks(d, unreadable),
  };
}

export const launchTemplateMapper: AwsMapper<LaunchTemplate, Extra> = {
  type: 'aws_launch_template',
  describe: {
    operation: 'DescribeLaunchTemplates',
    idsParam: 'LaunchTemplateIds',
    items: (o) => o.LaunchTemplates ?? [],
    idOf: (t) => t.LaunchTemplateId,
    notFoundCodes: ['InvalidLaunchTemplateId.NotFound', 'InvalidLaunchTemplateId.Malformed'],
    chunkSize: 200,
  },
  normalization: {
    type: 'aws_launch_template',
    scalarSets: ['vpc_security_group_ids', 'security_group_names'],
    singleBlocks: [],
    blocks: LAUNCH_TEMPLATE_BLOCKS,
    ruleBlocks: [],
    tagMaps: ['tags'],
    onDemand: Object.fromEntries(DATA_ATTRIBUTES.map((a) => [a, 'ec2:DescribeLaunchTemplateVersions'])),
    normalizers: { user_data: { normalize: userDataDigest } },
  },
  enrich,
  toAttributes,
};
