// A local Route 53 (REST-XML, API 2013-04-01, global endpoint signed in us-east-1): GetHostedZone and
// ListResourceRecordSets as Route 53 answers them — names stored lower case with the trailing dot and `*` as
// `\052`; sets ordered by name with the labels reversed, then type, then set identifier; StartRecordName/Type/
// Identifier start the listing there; MaxItems pages with IsTruncated/NextRecordName/NextRecordType/
// NextRecordIdentifier; each zone has its NS and SOA sets; `<ErrorResponse>` errors (NoSuchHostedZone 404,
// AccessDenied 403, InvalidInput 400). Only GETs of these two paths are served; anything else is refused.
import { escapeXml } from '../ec2/xml';
import { isFailure, listen, readBody, verifySigV4 } from '../awsHttp';

const XMLNS = 'https://route53.amazonaws.com/doc/2013-04-01/';

export interface FakeRecord {
  name: string;
  type: string;
  ttl?: number;
  values?: string[];
  setIdentifier?: string;
  weight?: number;
  region?: string;
  failover?: 'PRIMARY' | 'SECONDARY';
  multiValue?: boolean;
  healthCheckId?: string;
  alias?: { dnsName: string; zoneId: string; evaluateTargetHealth: boolean };
}

export interface FakeZone {
  name: string;
  records: FakeRecord[];
}

export interface FakeRoute53 {
  url: string;
  /** Zone ID (without `/hostedzone/`) → zone; tests change records in place (console drift). */
  zones: Record<string, FakeZone>;
  calls: { operation: 'GetHostedZone' | 'ListResourceRecordSets'; zoneId: string; query: Record<string, string>; region: string }[];
  /** Operations the caller may not call (AccessDenied). */
  deny: Set<string>;
  close(): Promise<void>;
}

/** How Route 53 stores a name: lower case, trailing dot, `*` as `\052`. */
export const storedName = (n: string): string => `${n.toLowerCase().replace(/\.$/, '')}.`.replace(/\*/g, '\\052');
const reversed = (n: string) => storedName(n).replace(/\.$/, '').split('.').reverse().join('.');

function order(a: FakeRecord, b: FakeRecord): number {
  const [x, y] = [reversed(a.name), reversed(b.name)];
  if (x !== y) return x < y ? -1 : 1;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const [i, j] = [a.setIdentifier ?? '', b.setIdentifier ?? ''];
  return i === j ? 0 : i < j ? -1 : 1;
}

function recordXml(r: FakeRecord): string {
  const el = (tag: string, v: unknown) => (v === undefined ? '' : `<${tag}>${escapeXml(String(v))}</${tag}>`);
  const alias = r.alias ? `<AliasTarget>${el('HostedZoneId', r.alias.zoneId)}${el('DNSName', r.alias.dnsName)}${el('EvaluateTargetHealth', r.alias.evaluateTargetHealth)}</AliasTarget>` : '';
  const records = r.values ? `<ResourceRecords>${r.values.map((v) => `<ResourceRecord>${el('Value', v)}</ResourceRecord>`).join('')}</ResourceRecords>` : '';
  return `<ResourceRecordSet>${el('Name', storedName(r.name))}${el('Type', r.type)}${el('SetIdentifier', r.setIdentifier)}${el('Weight', r.weight)}${el('Region', r.region)}${el('Failover', r.failover)}${el('MultiValueAnswer', r.multiValue)}${el('TTL', r.alias ? undefined : r.ttl)}${records}${alias}${el('HealthCheckId', r.healthCheckId)}</ResourceRecordSet>`;
}

class Route53Error extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

export async function startFakeRoute53(zones: Record<string, FakeZone> = {}): Promise<FakeRoute53> {
  for (const z of Object.values(zones)) {
    if (!z.records.some((r) => r.type === 'NS' && storedName(r.name) === storedName(z.name))) z.records.push({ name: z.name, type: 'NS', ttl: 172800, values: ['ns-1.awsdns-01.org.', 'ns-2.awsdns-02.co.uk.'] });
    if (!z.records.some((r) => r.type === 'SOA')) z.records.push({ name: z.name, type: 'SOA', ttl: 900, values: ['ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400'] });
  }
  const calls: FakeRoute53['calls'] = [];
  const deny = new Set<string>();
  const zoneOf = (id: string) => {
    const z = zones[id];
    if (!z) throw new Route53Error('NoSuchHostedZone', `No hosted zone found with ID: ${id}`, 404);
    return z;
  };
  const getHostedZone = (id: string) =>
    `<HostedZone><Id>/hostedzone/${escapeXml(id)}</Id><Name>${escapeXml(storedName(zoneOf(id).name))}</Name><CallerReference>fake</CallerReference><Config><PrivateZone>false</PrivateZone></Config><ResourceRecordSetCount>${zoneOf(id).records.length}</ResourceRecordSetCount></HostedZone><DelegationSet><NameServers><NameServer>ns-1.awsdns-01.org</NameServer></NameServers></DelegationSet>`;
  const listRecordSets = (id: string, q: Record<string, string>) => {
    const z = zoneOf(id);
    if (q.type !== undefined && q.name === undefined) throw new Route53Error('InvalidInput', 'The input is not valid: a type requires a name', 400);
    if (q.identifier !== undefined && q.type === undefined) throw new Route53Error('InvalidInput', 'The input is not valid: an identifier requires a type', 400);
    const max = q.maxitems === undefined ? 300 : Number(q.maxitems);
    if (!Number.isInteger(max) || max < 1 || max > 300) throw new Route53Error('InvalidInput', `1 validation error detected: Value '${q.maxitems}' at 'maxItems' failed to satisfy constraint`, 400);
    const sorted = [...z.records].sort(order);
    const start: FakeRecord | undefined = q.name === undefined ? undefined : { name: q.name, type: q.type ?? '', setIdentifier: q.identifier };
    const from = start ? sorted.filter((r) => order(r, start) >= 0 || (q.type === undefined && reversed(r.name) === reversed(start.name))) : sorted;
    const page = from.slice(0, max);
    const next = from[max];
    const nextXml = next ? `<NextRecordName>${escapeXml(storedName(next.name))}</NextRecordName><NextRecordType>${next.type}</NextRecordType>${next.setIdentifier ? `<NextRecordIdentifier>${escapeXml(next.setIdentifier)}</NextRecordIdentifier>` : ''}` : '';
    return `<ResourceRecordSets>${page.map(recordXml).join('')}</ResourceRecordSets><IsTruncated>${next !== undefined}</IsTruncated>${nextXml}<MaxItems>${max}</MaxItems>`;
  };
  const server = await listen(async (req, res) => {
    const body = await readBody(req);
    const send = (status: number, xml: string) => {
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': 'fake' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
    };
    const fail = (code: string, message: string, status: number) =>
      send(status, `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`);
    const signed = verifySigV4(req, body, 'route53');
    if (isFailure(signed)) return fail(signed.code, signed.message, signed.status);
    // The global endpoint signs in us-east-1.
    if (signed.region !== 'us-east-1') return fail('SignatureDoesNotMatch', `Credential should be scoped to a valid region, not '${signed.region}'.`, 403);
    const url = new URL(req.url ?? '/', 'http://fake');
    const m = /^\/2013-04-01\/hostedzone\/([A-Z0-9]+)(\/rrset)?$/.exec(url.pathname);
    if (req.method !== 'GET' || !m) return fail('InvalidAction', `${req.method} ${url.pathname} is not served by this fake (read-only)`, 400);
    const operation = m[2] ? 'ListResourceRecordSets' : 'GetHostedZone';
    const query = Object.fromEntries(url.searchParams);
    calls.push({ operation, zoneId: m[1], query, region: signed.region });
    if (deny.has(operation)) return fail('AccessDenied', `User: arn:aws:iam::123456789012:user/driftlens is not authorized to perform: route53:${operation} on resource: arn:aws:route53:::hostedzone/${m[1]}`, 403);
    try {
      const result = operation === 'GetHostedZone' ? getHostedZone(m[1]) : listRecordSets(m[1], query);
      send(200, `<${operation}Response xmlns="${XMLNS}">${result}</${operation}Response>`);
    } catch (e) {
      const err = e instanceof Route53Error ? e : new Route53Error('InternalError', String(e), 500);
      fail(err.code, err.message, err.status);
    }
  });
  return { url: server.url, zones, calls, deny, close: server.close };
}
