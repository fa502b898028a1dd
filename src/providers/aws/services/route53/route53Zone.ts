// A hosted zone listed whole: when a zone holds more declared records than it has pages of 300 sets
// (GetHostedZone's ResourceRecordSetCount says how many), one paged ListResourceRecordSets over the zone
// answers all of them in fewer calls than one StartRecordName lookup per record — Route 53 allows five
// requests per second per account, so a zone of 500 declared records is 2 calls instead of 500.
// A set absent from a complete listing is missing; a listing that fails or loops answers nothing.
import type { Output, ServiceCall } from '../serviceType';

/** Route 53's largest page. */
export const ZONE_PAGE = 300;

/** The key a record set is found by: its name as the provider compares it, its type and set identifier. */
export const recordSetKey = (name: string, type: string, setIdentifier: string): string => `${name}\0${type.toUpperCase()}\0${setIdentifier}`;

/** Listing the zone takes fewer calls than looking up `declared` records one by one. */
export const listZoneWhole = (setCount: number | undefined, declared: number): boolean =>
  typeof setCount === 'number' && declared > 1 && Math.max(1, Math.ceil(setCount / ZONE_PAGE)) < declared;

/** Every set of the zone by recordSetKey (names through `normalize`), across pages; a page that repeats is an error. */
export async function listZone(zoneId: string, setCount: number, normalize: (name: string) => string, call: ServiceCall): Promise<Map<string, Output>> {
  const sets = new Map<string, Output>();
  const seen = new Set<string>();
  // The count may have grown since GetHostedZone: a few pages of slack, then it is a loop.
  const maxPages = Math.ceil(setCount / ZONE_PAGE) + 10;
  let start: Record<string, unknown> = {};
  for (let page = 0; ; page++) {
    const out = await call('ListResourceRecordSets', { HostedZoneId: zoneId, ...start, MaxItems: ZONE_PAGE });
    for (const r of (out.ResourceRecordSets ?? []) as Output[]) sets.set(recordSetKey(normalize(String(r.Name ?? '')), String(r.Type ?? ''), String(r.SetIdentifier ?? '')), r);
    if (!out.IsTruncated) return sets;
    const next = { StartRecordName: out.NextRecordName, StartRecordType: out.NextRecordType, ...(out.NextRecordIdentifier !== undefined ? { StartRecordIdentifier: out.NextRecordIdentifier } : {}) };
    const token = JSON.stringify(next);
    if (seen.has(token) || page + 1 >= maxPages) throw Object.assign(new Error(`ListResourceRecordSets of zone ${zoneId} kept paging (${token})`), { name: 'PagingLoop' });
    seen.add(token);
    start = next;
  }
}
