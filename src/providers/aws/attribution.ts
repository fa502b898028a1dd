// Who last changed an AWS resource: CloudTrail LookupEvents by resource name (the live ID), read only, in the
// resource's account and region, over CloudTrail's 90-day event history. The newest write event wins (read-only
// events such as Describe* are skipped). LookupEvents allows 2 calls a second per account and region, so calls
// run one at a time per place under the SDK's adaptive retry, and a scan looks up at most `maxLookups` resources.
// Any failure is a note for that resource (no permission names cloudtrail:LookupEvents), never an error.
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { AttributionAnswer, AttributionTarget, ChangedBy, FetchContext } from '../../model';
import { accessOf, type AwsAccess } from './access';
import { credentialsFor, loadCredentialProviders, type CredentialProvidersSdk } from './credentials';
import { awsRequestHandler, awsTimeouts } from './httpHandler';

export type CloudTrailSdk = typeof import('@aws-sdk/client-cloudtrail');

export const loadCloudTrailSdk = (): Promise<CloudTrailSdk> => import('@aws-sdk/client-cloudtrail');

export interface AwsAttributionOptions {
  profile?: string;
  region?: string;
  maxAttempts?: number;
  /** Resources looked up per scan at most (the API's 2 calls a second make each one cost). Default 50. */
  maxLookups?: number;
  now?: () => Date;
  loadSdk?: () => Promise<CloudTrailSdk>;
  loadCredentialProviders?: () => Promise<CredentialProvidersSdk>;
}

const HISTORY_DAYS = 90;
const PAGES = 3;

/** How the change was made, from the event's user agent and console flag. Terraform's agent also names the Go SDK: it is read first. */
export function viaOf(userAgent: string | undefined, fromConsole: boolean): ChangedBy['via'] {
  const ua = userAgent ?? '';
  if (fromConsole || /(^|\s|\/)console\.([a-z0-9-]+\.)*amazonaws\.com/i.test(ua) || /^signin\.amazonaws\.com$/i.test(ua)) return 'console';
  if (/terraform/i.test(ua)) return 'terraform';
  if (/^aws-cli\//i.test(ua) || /\baws-cli\//i.test(ua)) return 'cli';
  if (/aws-sdk|boto3|botocore|aws-sdk-go|aws-cdk|cloudformation\.amazonaws\.com/i.test(ua)) return 'sdk';
  return 'other';
}

interface LookupEvent {
  EventName?: string;
  EventTime?: Date;
  Username?: string;
  ReadOnly?: string;
  CloudTrailEvent?: string;
}

/** The change an event stands for; the principal is the identity's ARN (role sessions name the person), else the user name. */
export function changeOf(e: LookupEvent): ChangedBy | undefined {
  if (!e.EventTime) return undefined;
  let record: { userIdentity?: { arn?: string }; userAgent?: string; sessionCredentialFromConsole?: string } = {};
  try {
    record = e.CloudTrailEvent ? JSON.parse(e.CloudTrailEvent) : {};
  } catch {
    // an unreadable record still has the lookup's own fields
  }
  const principal = record.userIdentity?.arn ?? e.Username;
  if (!principal) return undefined;
  return { principal, via: viaOf(record.userAgent, record.sessionCredentialFromConsole === 'true'), at: e.EventTime.toISOString(), ...(e.EventName ? { action: e.EventName } : {}) };
}

export async function awsLastChanges(targets: AttributionTarget[], ctx: FetchContext, options: AwsAttributionOptions = {}): Promise<Map<AttributionTarget, AttributionAnswer>> {
  const out = new Map<AttributionTarget, AttributionAnswer>();
  const max = options.maxLookups ?? 50;
  const groups = new Map<string, { access: AwsAccess; region?: string; targets: AttributionTarget[] }>();
  for (const [i, t] of targets.entries()) {
    if (i >= max) {
      out.set(t, { note: `not looked up: at most ${max} resources per scan (CloudTrail allows 2 lookups a second)` });
      continue;
    }
    const access = accessOf(t.config, options.profile);
    if ('reason' in access) {
      out.set(t, { note: access.reason });
      continue;
    }
    const region = t.config.region ?? options.region;
    const key = `${access.key}\u0000${region ?? ''}`;
    const g = groups.get(key) ?? groups.set(key, { access, region, targets: [] }).get(key)!;
    g.targets.push(t);
  }
  if (groups.size === 0) return out;
  const sdk = await (options.loadSdk ?? loadCloudTrailSdk)();
  const now = (options.now ?? (() => new Date()))();
  const clients: CloudTrailClient[] = [];
  try {
    await Promise.all(
      [...groups.values()].map(async (g) => {
        let client: CloudTrailClient;
        try {
          const credentials = await credentialsFor(g.access, g.region, options.loadCredentialProviders ?? loadCredentialProviders);
          client = new sdk.CloudTrailClient({
            ...(credentials ? { credentials } : g.access.profile ? { profile: g.access.profile } : {}),
            ...(g.region ? { region: g.region } : {}),
            retryMode: 'adaptive',
            maxAttempts: options.maxAttempts ?? 5,
            requestHandler: awsRequestHandler(awsTimeouts()),
          });
          clients.push(client);
        } catch (e) {
          for (const t of g.targets) out.set(t, { note: noteFor(e) });
          return;
        }
        // One at a time: LookupEvents is throttled per account and region.
        for (const t of g.targets) {
          if (ctx.signal.aborted) {
            out.set(t, { note: 'cancelled' });
            continue;
          }
          try {
            out.set(t, await newestChange(sdk, client, t.liveId, now, ctx.signal));
          } catch (e) {
            out.set(t, { note: noteFor(e) });
          }
        }
      }),
    );
  } finally {
    for (const c of clients) c.destroy();
  }
  return out;
}

async function newestChange(sdk: CloudTrailSdk, client: CloudTrailClient, liveId: string, now: Date, signal: AbortSignal): Promise<AttributionAnswer> {
  let token: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const res = await client.send(
      new sdk.LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: liveId }],
        StartTime: new Date(now.getTime() - HISTORY_DAYS * 86_400_000),
        EndTime: now,
        MaxResults: 50,
        ...(token ? { NextToken: token } : {}),
      }),
      { abortSignal: signal },
    );
    // Newest first: the first write event is the last change.
    for (const e of res.Events ?? []) {
      if (e.ReadOnly === 'true') continue;
      const change = changeOf(e);
      if (change) return { changedBy: change };
    }
    token = res.NextToken;
    if (!token) break;
  }
  return { note: `no change event for ${liveId} in CloudTrail's last ${HISTORY_DAYS} days` };
}

/** A quiet, actionable note; the error's message is the service's (never a credential). */
function noteFor(e: unknown): string {
  const x = (e ?? {}) as { name?: string; message?: string };
  const code = x.name ?? 'Error';
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(code)) return 'no permission: cloudtrail:LookupEvents is not allowed';
  if (/Throttl|TooManyRequests/i.test(code)) return 'CloudTrail throttled the lookups; try again later';
  if (/CredentialsProviderError|AssumeRoleFailed|UnrecognizedClient|InvalidSignature|ExpiredToken/i.test(code)) return `cannot sign in to CloudTrail (${code})`;
  return `lookup failed (${code}${x.message && x.message !== code ? `: ${x.message.slice(0, 160)}` : ''})`;
}
