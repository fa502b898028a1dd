// Route 53's REST-XML answers as the SDK's output shapes (API 2013-04-01): ListResourceRecordSetsResponse,
// GetHostedZoneResponse and ErrorResponse. Route 53 never nests an element inside one of the same name, so
// matching the first or every `<Name>…</Name>` of an element's text is exact here.

const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** Every `<tag>…</tag>` body (raw) directly or deeply inside `xml`; `<tag/>` gives "". */
function all(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ?? '');
  return out;
}

const first = (xml: string, tag: string): string | undefined => all(xml, tag)[0];
const text = (xml: string, tag: string): string | undefined => {
  const v = first(xml, tag);
  return v === undefined ? undefined : decode(v);
};
const num = (xml: string, tag: string): number | undefined => {
  const v = text(xml, tag);
  return v === undefined || v.trim() === '' ? undefined : Number(v);
};
const bool = (xml: string, tag: string): boolean | undefined => {
  const v = text(xml, tag);
  return v === undefined ? undefined : v.trim() === 'true';
};

/** Drops undefined fields, as the SDK leaves absent members out. */
const defined = <T extends Record<string, unknown>>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function recordSet(x: string): Record<string, unknown> {
  const alias = first(x, 'AliasTarget');
  const geo = first(x, 'GeoLocation');
  const cidr = first(x, 'CidrRoutingConfig');
  const records = first(x, 'ResourceRecords');
  return defined({
    Name: text(x, 'Name'),
    Type: text(x, 'Type'),
    SetIdentifier: text(x, 'SetIdentifier'),
    Weight: num(x, 'Weight'),
    Region: text(x, 'Region'),
    Failover: text(x, 'Failover'),
    MultiValueAnswer: bool(x, 'MultiValueAnswer'),
    TTL: num(x, 'TTL'),
    HealthCheckId: text(x, 'HealthCheckId'),
    ResourceRecords: records === undefined ? undefined : all(records, 'ResourceRecord').map((r) => ({ Value: text(r, 'Value') ?? '' })),
    AliasTarget: alias === undefined ? undefined : { HostedZoneId: text(alias, 'HostedZoneId') ?? '', DNSName: text(alias, 'DNSName') ?? '', EvaluateTargetHealth: bool(alias, 'EvaluateTargetHealth') ?? false },
    GeoLocation: geo === undefined ? undefined : defined({ ContinentCode: text(geo, 'ContinentCode'), CountryCode: text(geo, 'CountryCode'), SubdivisionCode: text(geo, 'SubdivisionCode') }),
    CidrRoutingConfig: cidr === undefined ? undefined : { CollectionId: text(cidr, 'CollectionId') ?? '', LocationName: text(cidr, 'LocationName') ?? '' },
  });
}

export function recordSetsFromXml(xml: string): Record<string, unknown> {
  const sets = first(xml, 'ResourceRecordSets') ?? '';
  return defined({
    ResourceRecordSets: all(sets, 'ResourceRecordSet').map(recordSet),
    IsTruncated: bool(xml, 'IsTruncated') ?? false,
    NextRecordName: text(xml, 'NextRecordName'),
    NextRecordType: text(xml, 'NextRecordType'),
    NextRecordIdentifier: text(xml, 'NextRecordIdentifier'),
    MaxItems: num(xml, 'MaxItems'),
  });
}

export function hostedZoneFromXml(xml: string): Record<string, unknown> {
  const zone = first(xml, 'HostedZone') ?? '';
  return defined({ Id: text(zone, 'Id'), Name: text(zone, 'Name'), ResourceRecordSetCount: num(zone, 'ResourceRecordSetCount') });
}

/** `<ErrorResponse><Error><Code>…</Code><Message>…</Message></Error></ErrorResponse>`. */
export function xmlErrorOf(xml: string): { code?: string; message?: string } {
  const e = first(xml, 'Error') ?? '';
  return defined({ code: text(e, 'Code'), message: text(e, 'Message') });
}
