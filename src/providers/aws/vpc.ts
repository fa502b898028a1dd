// aws_vpc: DescribeVpcs, plus DescribeVpcAttribute for the DNS flags, which DescribeVpcs
// does not return — one call per VPC and flag, only when the code declares the flag. A
// failed call makes only that flag unreadable (its reason names the denied action).
import type { Vpc } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';
import { classifyError, type LiveError } from './errors';
import type { AwsMapper, EnrichContext, Enrichment } from './mapper';
import { tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

export interface VpcExtra {
  enable_dns_support?: boolean;
  enable_dns_hostnames?: boolean;
  enable_network_address_usage_metrics?: boolean;
  /** Flags whose DescribeVpcAttribute call failed: attribute → why. */
  unreadable?: Record<string, string>;
}

const FLAGS = [
  { attribute: 'enable_dns_support', api: 'enableDnsSupport', output: 'EnableDnsSupport' },
  { attribute: 'enable_dns_hostnames', api: 'enableDnsHostnames', output: 'EnableDnsHostnames' },
  { attribute: 'enable_network_address_usage_metrics', api: 'enableNetworkAddressUsageMetrics', output: 'EnableNetworkAddressUsageMetrics' },
] as const;

// The pool AWS's own IPv6 blocks come from (the provider's amazonIPv6PoolID).
const AMAZON_IPV6_POOL = 'Amazon';

async function enrich(items: Map<string, Vpc>, declared: Map<string, Set<string>>, ctx: EnrichContext): Promise<Enrichment<VpcExtra>> {
  const extra = new Map<string, VpcExtra>();
  const errors = new Map<string, LiveError>();
  const tasks: Promise<void>[] = [];
  for (const [id] of items) {
    for (const f of FLAGS) {
      if (!declared.get(id)?.has(f.attribute)) continue;
      tasks.push(
        ctx.limit(async () => {
          try {
            ctx.onCall?.('DescribeVpcAttribute');
            const out = await ctx.caller.call('DescribeVpcAttribute', { VpcId: id, Attribute: f.api }, ctx.signal);
            const e = extra.get(id) ?? extra.set(id, {}).get(id)!;
            e[f.attribute] = out[f.output]?.Value ?? false;
          } catch (err) {
            const error = classifyError(err, 'DescribeVpcAttribute', ctx.signal);
            if (error.kind === 'cancelled') errors.set(id, error);
            else ((extra.get(id) ?? extra.set(id, {}).get(id)!).unreadable ??= {})[f.attribute] = error.reason;
          }
        }),
      );
    }
  }
  await Promise.all(tasks);
  return new Map<string, VpcExtra | LiveError>([...extra, ...errors]);
}

function toAttributes(v: Vpc, extra: VpcExtra | undefined, unreadable: Record<string, string>): Record<string, Value> {
  Object.assign(unreadable, extra?.unreadable);
  // resourceVPCRead: the first associated IPv6 block; without one, every IPv6 attribute is empty.
  const ipv6 = (v.Ipv6CidrBlockAssociationSet ?? []).find((a) => enumValue(a.Ipv6CidrBlockState?.State) === 'associated');
  const pool = token(ipv6?.Ipv6Pool);
  const flags: Record<string, Value> = {};
  for (const f of FLAGS) if (extra?.[f.attribute] !== undefined) flags[f.attribute] = extra[f.attribute]!;
  return {
    cidr_block: token(v.CidrBlock),
    instance_tenancy: enumValue(v.InstanceTenancy),
    assign_generated_ipv6_cidr_block: pool === AMAZON_IPV6_POOL,
    ipv6_cidr_block: token(ipv6?.Ipv6CidrBlock),
    ipv6_cidr_block_network_border_group: token(ipv6?.NetworkBorderGroup),
    ipv6_ipam_pool_id: pool && pool !== AMAZON_IPV6_POOL ? pool : null,
    tags: tagsToMap(v.Tags),
    ...flags,
  };
}

export const vpcMapper: AwsMapper<Vpc, VpcExtra> = {
  type: 'aws_vpc',
  describe: {
    operation: 'DescribeVpcs',
    idsParam: 'VpcIds',
    items: (o) => o.Vpcs ?? [],
    idOf: (v) => v.VpcId,
    notFoundCodes: ['InvalidVpcID.NotFound', 'InvalidVpcID.Malformed'],
    chunkSize: 200,
  },
  normalization: {
    type: 'aws_vpc',
    scalarSets: [],
    singleBlocks: [],
    ruleBlocks: [],
    tagMaps: ['tags'],
    onDemand: { enable_dns_support: 'ec2:DescribeVpcAttribute', enable_dns_hostnames: 'ec2:DescribeVpcAttribute', enable_network_address_usage_metrics: 'ec2:DescribeVpcAttribute' },
  },
  vpcOf: (v) => token(v.VpcId) ?? undefined,
  enrich,
  toAttributes,
};
