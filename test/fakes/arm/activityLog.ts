// The Azure Activity Log on the fake Resource Manager, as Microsoft.Insights serves it:
// GET /subscriptions/{sub}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01
// &$filter=eventTimestamp ge '…' and eventTimestamp le '…' and resourceUri eq '…' — the filter is required, must
// bound the time (at most 90 days back), the resource URI compares case-insensitively; events come newest first
// in `value` pages with `nextLink`; a caller without Microsoft.Insights/eventtypes/values/read gets 403.
// Event bodies follow the REST spec's EventData (authorization, caller, claims, operationName, status…).
import type { FakeArm } from './server';

export interface ActivityEvent {
  resourceId: string;
  /** `Microsoft.Compute/virtualMachines/write`. */
  operation: string;
  /** ISO-8601. */
  at: string;
  /** UPN, or a service principal's object/app ID. */
  caller: string;
  /** The token's `appid` claim (Azure portal, Azure CLI, a service principal). */
  appId: string;
  status?: 'Started' | 'Accepted' | 'Succeeded' | 'Failed';
}

export interface ActivityLogOptions {
  pageSize?: number;
  /** 403 AuthorizationFailed, as for a caller without Reader on the subscription. */
  denied?: boolean;
}

const PATH = /^\/subscriptions\/([^/]+)\/providers\/microsoft\.insights\/eventtypes\/management\/values\/?$/i;
const FILTER = /^eventTimestamp ge '([^']+)' and eventTimestamp le '([^']+)' and resourceUri eq '([^']+)'$/;

export function serveActivityLog(fake: FakeArm, events: ActivityEvent[], options: ActivityLogOptions = {}): void {
  const pageSize = options.pageSize ?? 200;
  fake.extraRoutes.push((url) => {
    const m = PATH.exec(url.pathname);
    if (!m) return undefined;
    const subscription = m[1];
    if (url.searchParams.get('api-version') !== '2015-04-01') return { status: 400, code: 'NoRegisteredProviderFound', message: `No registered resource provider found for location 'global' and API version '${url.searchParams.get('api-version')}' for type 'eventtypes'. The supported api-versions are '2015-04-01'.` };
    if (options.denied) return { status: 403, code: 'AuthorizationFailed', message: `The client 'driftlens-tests' with object id '00000000-0000-0000-0000-000000000001' does not have authorization to perform action 'Microsoft.Insights/eventtypes/values/read' over scope '/subscriptions/${subscription}/providers/Microsoft.Insights' or the scope is invalid.` };
    const filter = FILTER.exec(url.searchParams.get('$filter') ?? '');
    if (!filter) return { status: 400, code: 'BadRequest', message: "The $filter query parameter is required and must give eventTimestamp ge / le and may give resourceUri eq: eventTimestamp ge '<start>' and eventTimestamp le '<end>' and resourceUri eq '<id>'" };
    const [from, to] = [Date.parse(filter[1]), Date.parse(filter[2])];
    if (Number.isNaN(from) || Number.isNaN(to) || from > to) return { status: 400, code: 'BadRequest', message: 'The time range of the filter is invalid.' };
    if (to - from > 90 * 86_400_000 + 60_000) return { status: 400, code: 'BadRequest', message: 'The time range cannot exceed 90 days.' };
    const uri = filter[3].toLowerCase();
    const matching = events
      .filter((e) => e.resourceId.toLowerCase() === uri && e.resourceId.toLowerCase().startsWith(`/subscriptions/${subscription.toLowerCase()}/`) && Date.parse(e.at) >= from && Date.parse(e.at) <= to)
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    const skip = Number(url.searchParams.get('$skipToken') ?? 0);
    const page = matching.slice(skip, skip + pageSize);
    const next = new URL(url);
    next.searchParams.set('$skipToken', String(skip + pageSize));
    return { status: 200, body: { value: page.map((e, i) => eventData(subscription, e, skip + i)), ...(skip + pageSize < matching.length ? { nextLink: next.toString() } : {}) } };
  });
}

function eventData(subscription: string, e: ActivityEvent, n: number): Record<string, unknown> {
  const status = e.status ?? 'Succeeded';
  const parts = e.resourceId.split('/');
  const provider = parts[parts.findIndex((p) => p.toLowerCase() === 'providers') + 1] ?? '';
  return {
    authorization: { action: e.operation, scope: e.resourceId },
    caller: e.caller,
    channels: 'Operation',
    claims: { aud: 'https://management.core.windows.net/', iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', appid: e.appId, appidacr: '0' },
    correlationId: `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`,
    description: '',
    eventDataId: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    eventName: { value: status === 'Started' ? 'BeginRequest' : 'EndRequest', localizedValue: status === 'Started' ? 'Begin request' : 'End request' },
    category: { value: 'Administrative', localizedValue: 'Administrative' },
    httpRequest: { clientRequestId: `r-${n}`, clientIpAddress: '198.51.100.7', method: e.operation.endsWith('/delete') ? 'DELETE' : 'PUT' },
    id: `${e.resourceId}/events/${n}/ticks/${Date.parse(e.at)}`,
    level: 'Informational',
    resourceGroupName: parts[4] ?? '',
    resourceProviderName: { value: provider, localizedValue: provider },
    resourceId: e.resourceId,
    operationId: `o-${n}`,
    operationName: { value: e.operation, localizedValue: e.operation },
    properties: {},
    status: { value: status, localizedValue: status },
    subStatus: { value: status === 'Succeeded' ? 'OK' : '', localizedValue: '' },
    eventTimestamp: e.at,
    submissionTimestamp: new Date(Date.parse(e.at) + 15_000).toISOString(),
    subscriptionId: subscription,
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  };
}
