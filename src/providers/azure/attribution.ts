// Who last changed an Azure resource: the Activity Log (Microsoft.Insights/eventtypes/management/values, api-version
// 2015-04-01) filtered by the resource's URI over the last 90 days (what the log keeps), read only. The newest
// succeeded write or delete wins; reads and the Started/Accepted halves of an operation are skipped. The log has no
// user agent, so "via" comes from the token's app ID: the portal, the Azure CLI / PowerShell, or another app
// (a service principal: an SDK, Terraform…). Any failure is a note for that resource, never an error.
import type { AttributionAnswer, AttributionTarget, ChangedBy } from '../../model';

export const ACTIVITY_LOG_API_VERSION = '2015-04-01';
const HISTORY_DAYS = 90;

// First-party application IDs (Microsoft's published list of well-known app IDs).
const PORTAL_APPS = new Set(['c44b4083-3bb0-49c1-b47d-974e53cbdf3c']);
const CLI_APPS = new Set(['04b07795-8ddb-461a-bbee-02f9e1bf7b46', '1950a258-227b-4e31-a9cf-717495945fc2']);

/** One Activity Log event (EventData of the REST spec), the fields read here. */
export interface ActivityEventData {
  caller?: string;
  claims?: Record<string, unknown>;
  eventTimestamp?: string;
  operationName?: { value?: string };
  status?: { value?: string };
  category?: { value?: string };
}

export function viaOfAzure(e: ActivityEventData): ChangedBy['via'] {
  const app = String(e.claims?.appid ?? e.claims?.azp ?? '').toLowerCase();
  if (PORTAL_APPS.has(app)) return 'console';
  if (CLI_APPS.has(app)) return 'cli';
  return app ? 'sdk' : 'other';
}

/** The newest succeeded write / delete / action, as a change; undefined when there is none. */
export function newestChange(events: readonly ActivityEventData[]): ChangedBy | undefined {
  const writes = events.filter((e) => {
    const op = (e.operationName?.value ?? '').toLowerCase();
    return e.status?.value === 'Succeeded' && e.caller && e.eventTimestamp && !op.endsWith('/read') && (e.category?.value ?? 'Administrative') === 'Administrative';
  });
  writes.sort((a, b) => Date.parse(b.eventTimestamp!) - Date.parse(a.eventTimestamp!));
  const e = writes[0];
  return e ? { principal: e.caller!, via: viaOfAzure(e), at: new Date(e.eventTimestamp!).toISOString(), ...(e.operationName?.value ? { action: e.operationName.value } : {}) } : undefined;
}

/** The `$filter` the Activity Log requires: a bounded time range and the resource. */
export function activityFilter(resourceId: string, now: Date): string {
  const from = new Date(now.getTime() - HISTORY_DAYS * 86_400_000).toISOString();
  return `eventTimestamp ge '${from}' and eventTimestamp le '${now.toISOString()}' and resourceUri eq '${resourceId.replace(/'/g, "''")}'`;
}

export type ListEvents = (path: string, query: Record<string, string>, signal: AbortSignal) => Promise<ActivityEventData[]>;

export async function azureLastChanges(targets: AttributionTarget[], list: ListEvents, signal: AbortSignal, now: Date = new Date()): Promise<Map<AttributionTarget, AttributionAnswer>> {
  const out = new Map<AttributionTarget, AttributionAnswer>();
  for (const t of targets) {
    const sub = /^\/subscriptions\/([^/]+)/i.exec(t.liveId)?.[1];
    if (!sub) {
      out.set(t, { note: 'not an Azure resource ID' });
      continue;
    }
    try {
      const events = await list(`/subscriptions/${sub}/providers/Microsoft.Insights/eventtypes/management/values`, { $filter: activityFilter(t.liveId, now) }, signal);
      const change = newestChange(events);
      out.set(t, change ? { changedBy: change } : { note: `no change event in the Activity Log's last ${HISTORY_DAYS} days` });
    } catch (e) {
      out.set(t, { note: noteFor(e) });
    }
  }
  return out;
}

function noteFor(e: unknown): string {
  const x = (e ?? {}) as { code?: string; statusCode?: number; message?: string };
  if (x.statusCode === 403 || x.code === 'AuthorizationFailed') return 'no permission: Microsoft.Insights/eventtypes/values/read is not allowed';
  if (x.statusCode === 429) return 'the Activity Log throttled the lookups; try again later';
  return `lookup failed (${x.code ?? x.statusCode ?? (e instanceof Error ? e.message.slice(0, 160) : 'error')})`;
}
