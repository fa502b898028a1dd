// aws_route53_record in depth, read as resourceRecordRead / findResourceRecordSetByFourPartKey do
// (internal/service/route53/record.go): GetHostedZone once per zone (its name completes a relative record
// name, expandRecordName), then ListResourceRecordSets from StartRecordName/StartRecordType (MaxItems 1, or
// 100 with a set identifier), following pages while the next record is still the same name and type, and
// the set whose name (lower case, `\052` as `*`), type and set identifier match — or, when a zone holds more
// declared records than pages of sets, the zone listed whole once (route53Zone.ts). No zone, or no such set,
// is missing. Attributes as the read function sets them: records a set (TXT/SPF without their surrounding
// quotes), ttl, alias (name lower case without the trailing dot), set_identifier, health_check_id, and the
// weighted/latency/failover/geolocation/cidr policies as one-element lists (empty when the set has none).
import type { Binding, LiveResult, TypeSchema, Value } from '../../../../model';
import { terraformOnly } from '../../bindingValues';
import { serviceErrorCode, type Output, type ReadFailure, type ServiceCall, type ServiceType } from '../serviceType';
import { cleanZoneId } from './route53Client';
import { listZone, listZoneWhole, recordSetKey } from './route53Zone';

const RR_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'HTTPS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT'];

/** Route 53 stores some characters as octal escapes (`\052` for `*`): cleanRecordName turns them back. */
export const cleanRecordName = (name: string): string => name.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** A record or alias name as the provider compares it: `\052` → `*`, lower case, no trailing dot. */
export const normalizeDnsName = (name: string): string => cleanRecordName(name).toLowerCase().replace(/\.$/, '');

interface RecordKey {
  zoneId: string;
  name: string;
  type: string;
  setIdentifier: string;
}

/** recordParseResourceID: `ZONEID_NAME_TYPE[_SETIDENTIFIER]`, the type being the first part that is an RR type. */
export function parseRecordId(id: string): RecordKey | undefined {
  const parts = id.split('_');
  if (parts.length < 3 || !parts[0]) return undefined;
  const i = parts.findIndex((p, n) => n > 0 && RR_TYPES.includes(p));
  if (i < 2) return undefined;
  return { zoneId: parts[0], name: parts.slice(1, i).join('_').replace(/\.$/, ''), type: parts[i], setIdentifier: parts.slice(i + 1).join('_') };
}

/** State first (what Terraform last read), then the ID. */
function keyOf(b: Binding): RecordKey | undefined {
  const s = b.stateAttributes ?? {};
  const parsed = parseRecordId(b.liveId);
  const zoneId = s.zone_id || parsed?.zoneId;
  const type = s.type || parsed?.type;
  const name = s.name ?? parsed?.name;
  if (!zoneId || !type || name === undefined) return undefined;
  return { zoneId: cleanZoneId(zoneId), name, type: type.toUpperCase(), setIdentifier: s.set_identifier ?? parsed?.setIdentifier ?? '' };
}

/** expandRecordName: a name not ending in the zone's name gets it appended (an empty one is the apex). */
function expandRecordName(name: string, zone: string): string {
  const rn = normalizeDnsName(name);
  const z = normalizeDnsName(zone);
  if (rn.endsWith(z)) return rn;
  return name === '' ? z : `${rn}.${z}`;
}

/** expandTxtEntry: the surrounding quotes of a TXT/SPF value are Terraform's, not part of the value. */
const txtValue = (v: string): string => (v.length > 1 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

function attributesOf(r: Output, key: RecordKey, b: Binding): Record<string, Value> {
  const type = String(r.Type ?? key.type);
  const alias = r.AliasTarget as { DNSName?: string; HostedZoneId?: string; EvaluateTargetHealth?: boolean } | undefined;
  const geo = r.GeoLocation as { ContinentCode?: string; CountryCode?: string; SubdivisionCode?: string } | undefined;
  const cidr = r.CidrRoutingConfig as { CollectionId?: string; LocationName?: string } | undefined;
  const values = ((r.ResourceRecords ?? []) as { Value?: string }[]).filter((x) => x.Value !== undefined).map((x) => (type === 'TXT' || type === 'SPF' ? txtValue(x.Value!) : x.Value!));
  return {
    ...terraformOnly(b, ['allow_overwrite']),
    zone_id: key.zoneId,
    name: key.name,
    type,
    records: values,
    // d.Set("ttl", record.TTL): an alias record has none.
    ttl: typeof r.TTL === 'number' ? r.TTL : 0,
    alias: alias ? [{ name: normalizeDnsName(alias.DNSName ?? ''), zone_id: alias.HostedZoneId ?? '', evaluate_target_health: alias.EvaluateTargetHealth ?? false }] : [],
    set_identifier: String(r.SetIdentifier ?? ''),
    health_check_id: String(r.HealthCheckId ?? ''),
    multivalue_answer_routing_policy: r.MultiValueAnswer === true,
    weighted_routing_policy: typeof r.Weight === 'number' ? [{ weight: r.Weight }] : [],
    latency_routing_policy: r.Region ? [{ region: String(r.Region) }] : [],
    failover_routing_policy: r.Failover ? [{ type: String(r.Failover) }] : [],
    geolocation_routing_policy: geo ? [{ continent: geo.ContinentCode ?? '', country: geo.CountryCode ?? '', subdivision: geo.SubdivisionCode ?? '' }] : [],
    cidr_routing_policy: cidr ? [{ collection_id: cidr.CollectionId ?? '', location_name: cidr.LocationName ?? '' }] : [],
  };
}

async function findRecord(key: RecordKey, zoneName: string, call: ServiceCall): Promise<Output | undefined> {
  const fqdn = `${expandRecordName(key.name, zoneName)}.`;
  const want = normalizeDnsName(fqdn);
  let start: { name: string; type: string; id?: string } | undefined = { name: fqdn, type: key.type };
  while (start) {
    const page = await call('ListResourceRecordSets', {
      HostedZoneId: key.zoneId, StartRecordName: start.name, StartRecordType: start.type, ...(start.id ? { StartRecordIdentifier: start.id } : {}), MaxItems: key.setIdentifier ? 100 : 1,
    });
    const hit = ((page.ResourceRecordSets ?? []) as Output[]).find((r) => normalizeDnsName(String(r.Name ?? '')) === want && String(r.Type ?? '').toUpperCase() === key.type && String(r.SetIdentifier ?? '') === key.setIdentifier);
    if (hit) return hit;
    // resourceRecordsFor: go on only while the next page still starts at this name and type.
    const next = page.IsTruncated && normalizeDnsName(String(page.NextRecordName ?? '')) === want && page.NextRecordType === key.type;
    start = next ? { name: String(page.NextRecordName), type: String(page.NextRecordType), id: page.NextRecordIdentifier as string | undefined } : undefined;
  }
  return undefined;
}

interface ZoneInfo {
  name: string;
  /** GetHostedZone's ResourceRecordSetCount. */
  setCount?: number;
}

type FindSet = (key: RecordKey, zone: ZoneInfo) => Promise<Output | undefined>;

/** One record: its zone (asked once per zone), then the set itself. */
async function readOne(b: Binding, key: RecordKey | undefined, zoneOf: (id: string) => Promise<ZoneInfo | undefined>, find: FindSet): Promise<LiveResult> {
  if (!key) return { status: 'error', kind: 'other', reason: 'cannot tell the zone, name and type: state and the ID (ZONEID_NAME_TYPE) give none' };
  const noZone: LiveResult = { status: 'not-found', reason: `hosted zone ${key.zoneId} does not exist` };
  const zone = await zoneOf(key.zoneId);
  if (zone === undefined) return noZone;
  let r: Output | undefined;
  try {
    r = await find(key, zone);
  } catch (e) {
    if (serviceErrorCode(e) === 'NoSuchHostedZone') return noZone;
    throw e;
  }
  if (!r) return { status: 'not-found', reason: `no ${key.type} record ${expandRecordName(key.name, zone.name)}${key.setIdentifier ? ` (set ${key.setIdentifier})` : ''} in zone ${key.zoneId}` };
  return { status: 'found', attributes: attributesOf(r, key, b) };
}

/** One promise per key, made on first ask. */
function once<T>(make: (k: string) => Promise<T>): (k: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (k) => {
    let v = cache.get(k);
    if (!v) cache.set(k, (v = make(k)));
    return v;
  };
}

async function readMany(bindings: Binding[], call: ServiceCall): Promise<Map<Binding, LiveResult | ReadFailure>> {
  const out = new Map<Binding, LiveResult | ReadFailure>();
  const keys = new Map(bindings.map((b) => [b, keyOf(b)]));
  const declared = new Map<string, number>();
  for (const k of keys.values()) if (k) declared.set(k.zoneId, (declared.get(k.zoneId) ?? 0) + 1);
  const zoneOf = once((id): Promise<ZoneInfo | undefined> =>
    call('GetHostedZone', { Id: id }).then(
      (o) => {
        const z = o.HostedZone as { Name?: string; ResourceRecordSetCount?: number } | undefined;
        return { name: String(z?.Name ?? ''), setCount: z?.ResourceRecordSetCount };
      },
      (e) => {
        if (serviceErrorCode(e) === 'NoSuchHostedZone') return undefined;
        throw e;
      },
    ),
  );
  const wholeZone = once((id) => zoneOf(id).then((z) => listZone(id, z?.setCount ?? 0, normalizeDnsName, call)));
  const find: FindSet = async (key, zone) => {
    if (!listZoneWhole(zone.setCount, declared.get(key.zoneId) ?? 0)) return findRecord(key, zone.name, call);
    return (await wholeZone(key.zoneId)).get(recordSetKey(normalizeDnsName(expandRecordName(key.name, zone.name)), key.type, key.setIdentifier));
  };
  // A failed call (access denied, throttling) leaves that record unverified; the others keep their answers.
  await Promise.all(bindings.map((b) => readOne(b, keys.get(b), zoneOf, find).then((r) => out.set(b, r), (e: unknown) => out.set(b, { failed: e }))));
  return out;
}

const dnsName = { normalize: (v: Value) => (typeof v === 'string' ? normalizeDnsName(v) : v) };

function schema(): TypeSchema {
  return {
    attributes: {
      name: dnsName,
      type: { caseInsensitive: true },
      records: { set: true },
      alias: { block: 'list', attributes: { name: dnsName, zone_id: {}, evaluate_target_health: {} } },
      weighted_routing_policy: { block: 'list', attributes: { weight: {} } },
      latency_routing_policy: { block: 'list', attributes: { region: {} } },
      failover_routing_policy: { block: 'list', attributes: { type: {} } },
      geolocation_routing_policy: { block: 'list', attributes: { continent: {}, country: {}, subdivision: {} } },
      cidr_routing_policy: { block: 'list', attributes: { collection_id: {}, location_name: {} } },
    },
  };
}

export const route53RecordType: ServiceType = {
  type: 'aws_route53_record',
  service: 'route53',
  depth: 'deep',
  reads: 'route53:ListResourceRecordSets',
  permissions: ['route53:GetHostedZone', 'route53:ListResourceRecordSets'],
  readMany,
  schema,
};
