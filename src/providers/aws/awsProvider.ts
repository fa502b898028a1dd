// The AWS LiveStateProvider: groups bindings by (profile, region, type), describes each
// group in batches with bounded concurrency, and answers every binding — found, not-found
// (only on a per-ID NotFound or a terminated instance) or an error that says why.
import type { Binding, FetchContext, LiveResult, LiveStateProvider, ProviderConfig, ScanError } from '../../model';
import type { AwsAccess } from './access';
import { credentialsFor, loadCredentialProviders, type CredentialProvider, type CredentialProvidersSdk } from './credentials';
import { createIdentityCache, loadStsSdk, type StsSdk } from './identity';
import { crossCheck, identityName } from './crossCheck';
import { createClientPool, loadEc2Sdk, type Ec2Sdk } from './client';
import { awsTimeouts } from './httpHandler';
import { describeByIds, describeSlices } from './describe';
import { effectiveEc2Endpoint, endpointMismatch } from './endpoints';
import { classifyError, UNTRUSTED, type LiveError } from './errors';
import { createLimiter } from '../limiter';
import { isLiveError } from './mapper';
import { internStrings, type StringTable } from './internStrings';
import { awsMapperFor, type AnyAwsMapper } from './mappers';
import { awsTypeSchema } from './schema';
import { awsCoverage } from './coverage';
import { quietNodeSupportNotice } from './sdkNotice';
import { setMaxListeners } from 'node:events';
import { bindingAccess } from './profileErrors';
import { AWS_IMPORT_SPECS } from './importSpecs';
import { readUnmanaged } from './readUnmanaged';
import { awsLastChanges } from './attribution';
import { ownershipOf, type Ownership } from './ownership';
import { createVpcScope, listUnmanagedInVpcs, recordVpcs, type VpcScope } from './unmanaged';
import { fetchServiceBindings, roleAttachmentsOf, serviceTypeFor, serviceTypeSchema, type ServiceFetchOptions } from './services';

export interface AwsProviderOptions {
  /** Named profile (from --profile); a provider block's `profile` wins for its resources. */
  profile?: string;
  /** Fallback region (from --region) when the provider block names none; else the SDK resolves it. */
  region?: string;
  /** False in an untrusted workspace: no credentials are touched and no call is made. */
  credentialsAllowed: boolean;
  /** Explicit endpoint; AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_EC2 work without it. */
  endpoint?: string;
  /** Attempts per call, including the first (SDK adaptive retry). Default 5. */
  maxAttempts?: number;
  /** Per-attempt request timeout in seconds (`--timeout`); default DRIFTLENS_TIMEOUT, else 30 (httpHandler.ts). */
  timeoutSeconds?: number;
  /** Calls in flight at once across all groups. Default 8. */
  concurrency?: number;
  /** List what AWS services own (default groups, EKS and load balancer groups, ASG instances) as unmanaged, with their owner. Default false. */
  includeServiceManaged?: boolean;
  /** For tests and benchmarks: how the SDK is loaded. */
  loadSdk?: () => Promise<Ec2Sdk>;
  /** For tests: how `@aws-sdk/client-sts` and `@aws-sdk/credential-providers` are loaded. */
  loadSts?: () => Promise<StsSdk>;
  loadCredentialProviders?: () => Promise<CredentialProvidersSdk>;
}

interface Group {
  access: AwsAccess;
  region?: string;
  mapper: AnyAwsMapper;
  bindings: Binding[];
}

export function createAwsProvider(options: AwsProviderOptions): LiveStateProvider {
  quietNodeSupportNotice();
  // The VPCs the last fetch saw: the unmanaged listing that follows it in a scan stays inside them.
  let scope: VpcScope = createVpcScope();
  let notes: ScanError[] = [];
  let ownership: Ownership = new Map();
  // Which managed policies the code's role policy attachments attach, per role (services/iam/roleAttachments.ts).
  let attachments: ReadonlyMap<string, ReadonlySet<string>> = new Map();
  // The provider block each unmanaged resource was listed under, by live ID: import reads it as the same identity.
  let listedUnder = new Map<string, ProviderConfig>();
  return {
    name: 'aws',
    supports: (type) => awsMapperFor(type) !== undefined || serviceTypeFor(type) !== undefined,
    schema: (type, liveId) => awsTypeSchema(type, liveId, ownership) ?? serviceTypeSchema(type, liveId, attachments),
    coverage: awsCoverage,
    fetch: (bindings, ctx) => {
      allowListeners(ctx.signal, options);
      scope = createVpcScope();
      notes = [];
      attachments = roleAttachmentsOf(bindings);
      // S3, IAM, SSM and Cloud Control types have their own clients and fetcher (services/).
      const viaServices = bindings.filter((b) => serviceTypeFor(b.type) !== undefined);
      const services = viaServices.length === 0 ? Promise.resolve(new Map<Binding, LiveResult>()) : fetchServices(viaServices, ctx, options, notes);
      // Which rules, routes and NACL entries the code's standalone resources own (ownership.ts), for the parents' schemas.
      const ec2 = fetchAll(bindings.filter((b) => serviceTypeFor(b.type) === undefined), ctx, options, scope, notes).then((results) => ((ownership = ownershipOf(results)), results));
      return Promise.all([ec2, services]).then(([a, b]) => new Map([...a, ...b]));
    },
    fetchNotes: () => notes,
    readUnmanaged: (items, ctx) => (allowListeners(ctx.signal, options), readUnmanaged(items, ctx, (bindings) => fetchAll(bindings, ctx, options, createVpcScope(), []), listedUnder)),
    forcesReplacement: (type) => AWS_IMPORT_SPECS[type]?.forceNew ?? [],
    lastChanges: (targets, ctx) => (options.credentialsAllowed ? (allowListeners(ctx.signal, options), awsLastChanges(targets, ctx, { profile: options.profile, region: options.region, maxAttempts: options.maxAttempts })) : Promise.resolve(new Map(targets.map((t) => [t, { note: 'untrusted workspace: no credentials used' }])))),
    listUnmanaged: async (declaredIds, ctx) => {
      // Untrusted workspace, or nothing fetched: every resource already says why; nothing to list.
      if (!options.credentialsAllowed || scope.groups.length === 0 || ctx.signal.aborted) return { unmanaged: [], errors: [] };
      allowListeners(ctx.signal, options);
      const sdk = await (options.loadSdk ?? loadEc2Sdk)();
      const listed = await listUnmanagedInVpcs(scope, declaredIds, ctx, { sdk, maxAttempts: options.maxAttempts ?? 5, endpoint: options.endpoint, timeouts: awsTimeouts(options.timeoutSeconds), concurrency: options.concurrency ?? 8, includeServiceManaged: options.includeServiceManaged });
      listedUnder = listed.listedUnder;
      return { unmanaged: listed.unmanaged, errors: listed.errors };
    },
  };
}

/**
 * Each SDK call in flight (and each of its retries' waits) listens on the scan's signal: past Node's default
 * cap of 10, a scan with an unreachable endpoint printed a "possible memory leak" warning on stderr.
 */
function allowListeners(signal: AbortSignal, options: AwsProviderOptions): void {
  setMaxListeners(Math.max(50, (options.concurrency ?? 8) * 4), signal);
}

export async function fetchAll(bindings: Binding[], ctx: FetchContext, options: AwsProviderOptions, scope: VpcScope, notes: ScanError[]): Promise<Map<Binding, LiveResult>> {
  const results = new Map<Binding, LiveResult>();
  const profileChecks = new Map<string, string | undefined>();
  const answerAll = (list: Binding[], r: LiveResult) => list.forEach((b) => results.set(b, r));
  if (!options.credentialsAllowed) {
    answerAll(bindings, UNTRUSTED);
    return results;
  }
  const groups = new Map<string, Group>();
  const endpoint = effectiveEc2Endpoint(options.endpoint, process.env);
  for (const b of bindings) {
    const mapper = awsMapperFor(b.type);
    if (!mapper) {
      results.set(b, { status: 'error', kind: 'unsupported', reason: 'unsupported type' });
      continue;
    }
    if (!b.liveId) {
      results.set(b, { status: 'error', kind: 'other', reason: 'no live ID in state' });
      continue;
    }
    const elsewhere = endpointMismatch(b.providerConfig.settings ?? {}, endpoint);
    if (elsewhere) {
      results.set(b, { status: 'error', kind: 'other', reason: elsewhere });
      continue;
    }
    // Region, profile, roles and account guards as the Terraform provider resolves them; an unknown one is not guessed.
    // An unknown setting of the provider block, or a profile no shared file defines (named, not "no credentials").
    const access = bindingAccess(b.providerConfig, options.profile, profileChecks);
    if ('status' in access) {
      results.set(b, access);
      continue;
    }
    const region = b.providerConfig.region ?? options.region;
    const key = `${access.key}\u0000${region ?? ''}\u0000${b.type}`;
    const g = groups.get(key) ?? groups.set(key, { access, region, mapper, bindings: [] }).get(key)!;
    g.bindings.push(b);
  }
  if (groups.size === 0) return results;
  if (ctx.signal.aborted) {
    for (const g of groups.values()) answerAll(g.bindings, { status: 'error', kind: 'cancelled', reason: 'cancelled' });
    return results;
  }

  const sdk = await (options.loadSdk ?? loadEc2Sdk)();
  const pool = createClientPool(sdk, { maxAttempts: options.maxAttempts ?? 5, endpoint: options.endpoint, timeouts: awsTimeouts(options.timeoutSeconds) });
  const concurrency = options.concurrency ?? 8;
  const limit = createLimiter(concurrency);
  const identities = createIdentityCache(options.loadSts ?? loadStsSdk, options.maxAttempts ?? 5);
  const credentials = new Map<string, Promise<CredentialProvider | undefined>>();
  const credentialsOf = (g: Group) => credentials.get(g.access.key) ?? credentials.set(g.access.key, credentialsFor(g.access, g.region, options.loadCredentialProviders ?? loadCredentialProviders)).get(g.access.key)!;
  const noted = new Set<string>();
  const note = (access: AwsAccess, message: string) => {
    if (noted.has(access.key)) return;
    noted.add(access.key);
    notes.push({ kind: 'credentials', message: `${identityName(access)}: ${message}`, severity: 'warning' });
  };
  const total = bindings.length;
  let done = results.size;
  const strings: StringTable = new Map();
  try {
    await Promise.all(
      [...groups.values()].map(async (g) => {
        try {
          const creds = await credentialsOf(g);
          const caller = pool.get(g.access.profile, g.region, { key: g.access.key, credentials: creds });
          // The unmanaged listing of these VPCs signs in as this group did (unmanaged.ts).
          const identity = { key: g.access.key, credentials: creds, config: g.bindings[0].providerConfig };
          const gctx = { caller, limit, signal: ctx.signal, onCall: (op: string) => ctx.logger.debug(`aws: ${op} ${g.region ?? '(default region)'}`) };
          const asked = await crossCheck(g, await caller.resolvedRegion(), creds, { identities, signal: ctx.signal, note }, results);
          // One slice of describe batches at a time: its API objects are mapped and dropped before the next is asked.
          const idOf = (b: Binding) => (g.mapper.describeIdOf ? g.mapper.describeIdOf(b) : b.liveId);
          for (const slice of describeSlices(asked, idOf, g.mapper.describe.chunkSize * concurrency)) {
            recordVpcs(scope, g.mapper, g.access.profile, g.region, (await fetchGroup({ ...g, bindings: slice }, gctx, results, strings)).values(), identity);
          }
        } catch (e) {
          // A bug or an unexpected SDK failure still answers every binding of the group.
          answerAll(g.bindings.filter((b) => !results.has(b)), classifyError(e, g.mapper.describe.operation, ctx.signal));
        }
        done += g.bindings.length;
        ctx.progress?.({ done, total, message: `${g.mapper.type} in ${g.region ?? 'default region'}` });
      }),
    );
  } finally {
    pool.destroy();
    identities.destroy();
  }
  return results;
}

async function fetchServices(bindings: Binding[], ctx: FetchContext, options: AwsProviderOptions, notes: ScanError[]): Promise<Map<Binding, LiveResult>> {
  const results = new Map<Binding, LiveResult>();
  if (!options.credentialsAllowed) {
    bindings.forEach((b) => results.set(b, UNTRUSTED));
    return results;
  }
  const asked = bindings.filter((b) => b.liveId || (results.set(b, { status: 'error', kind: 'other', reason: 'no live ID in state' }), false));
  const serviceOptions: ServiceFetchOptions = { profile: options.profile, region: options.region, maxAttempts: options.maxAttempts, concurrency: options.concurrency, loadSts: options.loadSts, loadCredentialProviders: options.loadCredentialProviders };
  await fetchServiceBindings(asked, ctx, serviceOptions, results, notes);
  return results;
}

/** Answers the group's bindings; returns the objects that exist (by ID). */
async function fetchGroup(g: Group, ctx: Parameters<typeof describeByIds>[2], results: Map<Binding, LiveResult>, strings: StringTable): Promise<Map<string, unknown>> {
  const { mapper } = g;
  // A rule or route is described through its group or table (describeIdOf); everything else by its own ID.
  const idOf = (b: Binding) => (mapper.describeIdOf ? mapper.describeIdOf(b) : b.liveId);
  const asked = g.bindings.filter((b) => idOf(b) !== undefined);
  for (const b of g.bindings) if (idOf(b) === undefined) results.set(b, { status: 'error', kind: 'other', reason: `cannot tell which object holds ${b.liveId}: neither state nor code names it` });
  const outcomes = await describeByIds(mapper.describe, asked.map((b) => idOf(b)!), ctx);
  const present = new Map<string, unknown>();
  for (const [id, o] of outcomes) if (o.kind === 'found' && !mapper.gone?.(o.item)) present.set(id, o.item);

  const declared = new Map<string, Set<string>>();
  for (const b of asked) {
    const s = declared.get(idOf(b)!) ?? declared.set(idOf(b)!, new Set()).get(idOf(b)!)!;
    b.declaredAttributes.forEach((a) => s.add(a));
  }
  const extras = mapper.enrich && present.size > 0 ? await mapper.enrich(present, declared, ctx) : new Map<string, unknown>();

  for (const b of asked) {
    const o = outcomes.get(idOf(b)!);
    if (!o) {
      results.set(b, { status: 'error', kind: 'other', reason: `${mapper.describe.operation} gave no answer for ${b.liveId}` });
    } else if (o.kind === 'error') {
      results.set(b, o.error);
    } else if (o.kind === 'not-found') {
      results.set(b, { status: 'not-found', reason: o.reason });
    } else {
      const gone = mapper.gone?.(o.item) ?? mapper.goneFrom?.(o.item, b);
      const extra = extras.get(idOf(b)!);
      if (gone) results.set(b, { status: 'not-found', reason: gone });
      else if (isLiveError(extra)) results.set(b, extra as LiveError);
      else {
        const unreadable: Record<string, string> = {};
        const attributes = internStrings(mapper.toAttributes(o.item, extra, unreadable, b), strings);
        results.set(b, Object.keys(unreadable).length > 0 ? { status: 'found', attributes, unreadable } : { status: 'found', attributes });
      }
    }
  }
  return present;
}
