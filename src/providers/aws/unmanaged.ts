// Unmanaged resources: what lives in the VPCs the code manages that no code declares. The scope
// is the VPCs the last fetch saw (declared VPCs, and the VPCs of declared subnets, groups and
// instances), per (profile, region). Each listable type is described once per region and page,
// filtered by those VPC IDs; a failure is reported as not listed, never as anything else. Elastic IPs and
// EBS volumes have no VPC filter: they are found through the instances and interfaces listed here (unmanagedAttached.ts).
import type { FetchContext, ProviderConfig, UnmanagedResource } from '../../model';
import type { CredentialProvider } from './credentials';
import { createClientPool, type Ec2Sdk } from './client';
import type { AwsTimeouts } from './httpHandler';
import { eachPageOf } from './describe';
import { classifyError } from './errors';
import { createLimiter } from '../limiter';
import { AWS_MAPPERS, type AnyAwsMapper } from './mappers';
import { describeAddresses, keptForAttached, listAttached } from './unmanagedAttached';

/**
 * Who read a VPC's resources: the fetch's identity (profile and assumed roles, access.ts) with its credentials
 * and the provider block it came from. The listing signs in the same way: with the profile alone it would ask
 * another account, where the VPC IDs match nothing and "no unmanaged resources" would be a false answer.
 */
export interface ScopeIdentity {
  key: string;
  credentials?: CredentialProvider;
  config: ProviderConfig;
}

export interface ScopeGroup {
  profile?: string;
  region?: string;
  identity?: ScopeIdentity;
  vpcIds: ReadonlySet<string>;
}

/** VPC IDs per (identity, region), gathered while fetching. */
export interface VpcScope {
  add(profile: string | undefined, region: string | undefined, vpcId: string, identity?: ScopeIdentity): void;
  readonly groups: readonly ScopeGroup[];
}

export function createVpcScope(): VpcScope {
  const byKey = new Map<string, ScopeGroup & { vpcIds: Set<string> }>();
  return {
    add(profile, region, vpcId, identity) {
      const key = `${identity?.key ?? profile ?? ''}\u0000${region ?? ''}`;
      const g = byKey.get(key) ?? byKey.set(key, { profile, region, ...(identity ? { identity } : {}), vpcIds: new Set() }).get(key)!;
      g.vpcIds.add(vpcId);
    },
    get groups() {
      return [...byKey.values()];
    },
  };
}

/** Records the VPCs of what a fetch found for one (profile, region) group of `mapper`'s type. */
export function recordVpcs(scope: VpcScope, mapper: AnyAwsMapper, profile: string | undefined, region: string | undefined, items: Iterable<unknown>, identity?: ScopeIdentity): void {
  if (!mapper.vpcOf) return;
  for (const item of items) {
    const vpc = mapper.vpcOf(item);
    if (vpc) scope.add(profile, region, vpc, identity);
  }
}

export interface ListingOptions {
  sdk: Ec2Sdk;
  maxAttempts: number;
  endpoint?: string;
  /** httpHandler.ts; absent: DRIFTLENS_TIMEOUT, else the defaults. */
  timeouts?: AwsTimeouts;
  concurrency: number;
  /** List what AWS services own too, each with the owner that proves it (`managedBy`). */
  includeServiceManaged?: boolean;
}

// Values per filter in one request: EC2 accepts up to 200.
const VPCS_PER_CALL = 200;
const PAGE_SIZE = 1000;

/**
 * What is unmanaged in the scope's VPCs, and the provider block each was listed under (`listedUnder`, by live ID:
 * `driftlens import` reads them again as the same identity; never reported).
 */
export async function listUnmanagedInVpcs(scope: VpcScope, declaredIds: Iterable<string>, ctx: FetchContext, options: ListingOptions): Promise<{ unmanaged: UnmanagedResource[]; errors: string[]; listedUnder: Map<string, ProviderConfig> }> {
  const groups = scope.groups.filter((g) => g.vpcIds.size > 0);
  const listedUnder = new Map<string, ProviderConfig>();
  if (groups.length === 0) return { unmanaged: [], errors: [], listedUnder };
  const declared = new Set(declaredIds);
  const listable = AWS_MAPPERS.filter((m) => m.listInVpcs && m.vpcOf);
  const unmanaged = new Map<string, UnmanagedResource>();
  const errors = new Set<string>();
  const pool = createClientPool(options.sdk, { maxAttempts: options.maxAttempts, endpoint: options.endpoint, timeouts: options.timeouts });
  const limit = createLimiter(options.concurrency);
  try {
    await Promise.all(
      groups.map(async (g) => {
        const caller = pool.get(g.profile, g.region, g.identity && { key: g.identity.key, credentials: g.identity.credentials });
        const region = await caller.resolvedRegion();
        const vpcs = [...g.vpcIds].sort();
        const dctx = { caller, limit, signal: ctx.signal, onCall: (op: string) => ctx.logger.debug(`aws: ${op} (unmanaged) ${region ?? '(default region)'}`) };
        // Everything each type holds inside the managed VPCs (declared or not): what the attached listing starts from.
        const inVpcs = new Map<string, unknown[]>();
        const failed = new Set<string>();
        const tasks = listable.flatMap((mapper) => {
          const listing = mapper.listInVpcs!;
          // Actions without a VPC filter are listed once per region and kept by the VPC their items name.
          const requests = listing.vpcFilter === null ? [listing.filters] : chunk(vpcs, VPCS_PER_CALL).map((ids) => [{ Name: listing.vpcFilter ?? 'vpc-id', Values: ids }, ...listing.filters]);
          return requests.map(async (filters) => {
            const operation = mapper.describe.operation;
            try {
              // Each page reduced to what is kept (its SDK objects dropped before the next page, issue 15);
              // committed only once every page answered, so a failed page leaves the type "not listed" as before.
              const found: UnmanagedResource[] = [];
              const keep: unknown[] = [];
              await eachPageOf(operation, { ...(filters.length ? { [listing.filterParam ?? 'Filters']: filters } : {}), MaxResults: listing.pageSize ?? PAGE_SIZE }, dctx, (page) => {
                for (const item of mapper.describe.items(page)) {
                  const id = mapper.describe.idOf(item)?.trim();
                  // An emulator that ignores filters must not widen the scope: check the VPC and the state here too.
                  if (!id || !g.vpcIds.has(mapper.vpcOf!(item) ?? '') || mapper.gone?.(item)) continue;
                  const kept = keptForAttached(mapper.type, item);
                  if (kept !== undefined) keep.push(kept);
                  if (declared.has(id)) continue;
                  const owner = listing.managedBy?.(item);
                  if (owner && !options.includeServiceManaged) continue;
                  found.push({ type: mapper.type, liveId: id, ...(region ? { region } : {}), ...nameOf(listing.nameOf(item)), ...(owner ? { managedBy: owner } : {}) });
                }
              });
              for (const u of found) unmanaged.set(u.liveId, u);
              if (g.identity) for (const u of found) listedUnder.set(u.liveId, g.identity.config);
              // Appended in place: a copy per item was quadratic (39,500 instances: ~780 million copies).
              const kept = inVpcs.get(mapper.type) ?? inVpcs.set(mapper.type, []).get(mapper.type)!;
              for (const k of keep) kept.push(k);
            } catch (e) {
              failed.add(mapper.type);
              errors.add(`${mapper.type} in ${region ?? 'the default region'}: ${classifyError(e, operation, ctx.signal).reason}`);
            }
          });
        });
        // Asked with the listing, filtered after it (unmanagedAttached.ts); its failure is reported there.
        const addresses = describeAddresses(dctx);
        addresses.catch(() => undefined);
        await Promise.all(tasks);
        const attached = await listAttached({ dctx, region, vpcIds: g.vpcIds, inVpcs, failed, declared, includeServiceManaged: options.includeServiceManaged, addresses });
        for (const u of attached.unmanaged) unmanaged.set(u.liveId, u);
        if (g.identity) for (const u of attached.unmanaged) listedUnder.set(u.liveId, g.identity.config);
        for (const e of attached.errors) errors.add(e);
      }),
    );
  } finally {
    pool.destroy();
  }
  const sorted = [...unmanaged.values()].sort((a, b) => a.type.localeCompare(b.type) || a.liveId.localeCompare(b.liveId));
  return { unmanaged: sorted, errors: [...errors], listedUnder };
}

const nameOf = (name: string | undefined) => (name ? { name } : {});

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
