// Fetches the S3, IAM, SSM and Cloud Control types: grouped by (identity, region, type), the same
// account and region cross-check as EC2 (crossCheck.ts), bounded concurrency across every call, and
// every binding answered — an API error is never drift or missing.
import type { Binding, FetchContext, LiveResult, ScanError } from '../../../model';
import type { AwsAccess } from '../access';
import { bindingAccess } from '../profileErrors';
import { credentialsFor, loadCredentialProviders, type CredentialProvider, type CredentialProvidersSdk } from '../credentials';
import { crossCheck, identityName } from '../crossCheck';
import { createIdentityCache, loadStsSdk, type StsSdk } from '../identity';
import { classifyError, type LiveError } from '../errors';
import { createLimiter } from '../../limiter';
import { createServicePool, type ServiceSdk } from './serviceClients';
import { ServiceCallError, serviceErrorCode, type AwsService, type ServiceCall, type ServiceType } from './serviceType';
import { serviceTypeFor } from './serviceTypes';
import { s3Action } from './s3/s3Read';
import { serviceEndpointMismatch } from './serviceEndpoints';

export interface ServiceFetchOptions {
  profile?: string;
  region?: string;
  maxAttempts?: number;
  concurrency?: number;
  loadServiceSdk?: (service: AwsService) => Promise<ServiceSdk>;
  loadSts?: () => Promise<StsSdk>;
  loadCredentialProviders?: () => Promise<CredentialProvidersSdk>;
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AllAccessDisabled']);

/** IAM's action prefix where it is not the client's service name. */
const IAM_PREFIX: Partial<Record<AwsService, string>> = { elbv2: 'elasticloadbalancing' };

/** An error of `service:operation` as a LiveResult: access denied names the action; never missing. */
export function classifyServiceError(e: unknown, fallback: string, signal?: AbortSignal): LiveError {
  const at = e instanceof ServiceCallError ? (e.service === 's3' ? s3Action(e.operation) : `${IAM_PREFIX[e.service] ?? e.service}:${e.operation}`) : fallback;
  const cause = e instanceof ServiceCallError ? e.cause : e;
  if (ACCESS_DENIED.has(serviceErrorCode(e))) return { status: 'error', kind: 'access-denied', reason: `access denied: the credentials lack ${at}`, action: at };
  const r = classifyError(cause, at, signal);
  return r.kind === 'network' ? { ...r, reason: r.reason.replace('the EC2 endpoint', `the ${at.split(':')[0]} endpoint`) } : r;
}

/** IAM is global: its endpoint is in us-east-1 whatever region the provider block names. */
const clientRegion = (t: ServiceType, region: string) => (t.service === 'iam' ? 'us-east-1' : region);

export async function fetchServiceBindings(bindings: Binding[], ctx: FetchContext, options: ServiceFetchOptions, results: Map<Binding, LiveResult>, notes: ScanError[]): Promise<void> {
  const groups = new Map<string, { access: AwsAccess; region: string; type: ServiceType; bindings: Binding[] }>();
  const profileChecks = new Map<string, string | undefined>();
  for (const b of bindings) {
    const type = serviceTypeFor(b.type)!;
    const elsewhere = serviceEndpointMismatch(type, b.providerConfig.settings ?? {}, process.env);
    if (elsewhere) {
      results.set(b, { status: 'error', kind: 'other', reason: elsewhere });
      continue;
    }
    const access = bindingAccess(b.providerConfig, options.profile, profileChecks);
    if ('status' in access) {
      results.set(b, access);
      continue;
    }
    const region = b.providerConfig.region ?? options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region) {
      results.set(b, { status: 'error', kind: 'other', reason: 'no AWS region: set `region` in the provider block, AWS_REGION, or --region' });
      continue;
    }
    const key = `${access.key}\u0000${region}\u0000${b.type}`;
    (groups.get(key) ?? groups.set(key, { access, region, type, bindings: [] }).get(key)!).bindings.push(b);
  }
  if (groups.size === 0) return;
  const maxAttempts = options.maxAttempts ?? 5;
  const limit = createLimiter(options.concurrency ?? 8);
  const pool = createServicePool({ maxAttempts, signal: ctx.signal, loadSdk: options.loadServiceSdk, onCall: (s, op) => ctx.logger.debug(`aws: ${s}:${op}`) });
  const identities = createIdentityCache(options.loadSts ?? loadStsSdk, maxAttempts);
  const credentials = new Map<string, Promise<CredentialProvider | undefined>>();
  const noted = new Set<string>();
  const note = (access: AwsAccess, message: string) => {
    if (noted.has(access.key) || notes.some((n) => n.message === `${identityName(access)}: ${message}`)) return;
    noted.add(access.key);
    notes.push({ kind: 'credentials', message: `${identityName(access)}: ${message}`, severity: 'warning' });
  };
  try {
    await Promise.all(
      [...groups.values()].map(async (g) => {
        try {
          const creds = await (credentials.get(g.access.key) ?? credentials.set(g.access.key, credentialsFor(g.access, g.region, options.loadCredentialProviders ?? loadCredentialProviders)).get(g.access.key)!);
          const asked = await crossCheck(g, g.region, creds, { identities, signal: ctx.signal, note }, results);
          const raw = pool.caller(g.type.service, clientRegion(g.type, g.region), { key: g.access.key, profile: g.access.profile, credentials: creds });
          const call: ServiceCall = (op, input) => limit(() => raw(op, input));
          await readGroup(g.type, asked, call, results, ctx.signal);
        } catch (e) {
          for (const b of g.bindings) if (!results.has(b)) results.set(b, classifyServiceError(e, `${g.type.service}:${g.type.reads}`, ctx.signal));
        }
      }),
    );
  } finally {
    pool.destroy();
    identities.destroy();
  }
}

async function readGroup(type: ServiceType, bindings: Binding[], call: ServiceCall, results: Map<Binding, LiveResult>, signal: AbortSignal): Promise<void> {
  const fallback = type.reads;
  if (type.readMany) {
    try {
      for (const [b, r] of await type.readMany(bindings, call)) results.set(b, 'failed' in r ? classifyServiceError(r.failed, fallback, signal) : r);
    } catch (e) {
      bindings.forEach((b) => results.set(b, classifyServiceError(e, fallback, signal)));
    }
    return;
  }
  await Promise.all(
    bindings.map(async (b) => {
      try {
        results.set(b, await type.read!(b, call));
      } catch (e) {
        results.set(b, classifyServiceError(e, fallback, signal));
      }
    }),
  );
}
