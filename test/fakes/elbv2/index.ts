// A local Elastic Load Balancing v2 (Query protocol: form-encoded POST, Version 2015-12-01, XML answers with
// `<member>` lists, `<ErrorResponse>` errors, SigV4 for `elasticloadbalancing` in the client's region).
// DescribeTargetHealth as the service answers it: the named targets (Targets.member.N.Id/Port/AvailabilityZone)
// or every registered one; a known target that is not registered is `unused` / Target.NotRegistered; an unknown
// target ID fails the whole call with InvalidTarget; an unknown group is TargetGroupNotFound. Read-only.
import { escapeXml } from '../ec2/xml';
import { isFailure, listen, readBody, verifySigV4 } from '../awsHttp';

const XMLNS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

export interface FakeTarget {
  id: string;
  port?: number;
  availabilityZone?: string;
  state?: 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';
  reason?: string;
}

export interface FakeElbv2 {
  url: string;
  /** Target group ARN → its port and registered targets (console drift: change in place). */
  groups: Record<string, { port: number; targets: FakeTarget[] }>;
  /** IDs the account knows besides registered ones (instances, IPs): asking about them is not InvalidTarget. */
  known: Set<string>;
  /** Listener ARN → its certificates (the default one first, IsDefault true), paged by PageSize/Marker. */
  listeners: Record<string, { arn: string; isDefault?: boolean }[]>;
  calls: { action: string; params: Record<string, string>; region: string }[];
  deny: Set<string>;
  close(): Promise<void>;
}

class ElbError extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

function requested(p: Record<string, string>): { id: string; port?: number; az?: string }[] {
  const out: { id: string; port?: number; az?: string }[] = [];
  for (let n = 1; p[`Targets.member.${n}.Id`] !== undefined; n++) {
    const port = p[`Targets.member.${n}.Port`];
    out.push({ id: p[`Targets.member.${n}.Id`], ...(port !== undefined ? { port: Number(port) } : {}), ...(p[`Targets.member.${n}.AvailabilityZone`] ? { az: p[`Targets.member.${n}.AvailabilityZone`] } : {}) });
  }
  return out;
}

export async function startFakeElbv2(groups: FakeElbv2['groups'] = {}): Promise<FakeElbv2> {
  const calls: FakeElbv2['calls'] = [];
  const deny = new Set<string>();
  const known = new Set<string>();
  const listeners: FakeElbv2['listeners'] = {};
  const description = (t: FakeTarget, groupPort: number) => {
    const state = t.state ?? 'healthy';
    const health = `<TargetHealth><State>${state}</State>${t.reason ? `<Reason>${escapeXml(t.reason)}</Reason>` : ''}</TargetHealth>`;
    const target = `<Target><Id>${escapeXml(t.id)}</Id><Port>${t.port ?? groupPort}</Port>${t.availabilityZone ? `<AvailabilityZone>${escapeXml(t.availabilityZone)}</AvailabilityZone>` : ''}</Target>`;
    return `<member><HealthCheckPort>${t.port ?? groupPort}</HealthCheckPort>${health}${target}</member>`;
  };
  const handlers: Record<string, (p: Record<string, string>) => string> = {
    DescribeListenerCertificates: (p) => {
      const certs = listeners[p.ListenerArn ?? ''];
      if (!certs) throw new ElbError('ListenerNotFound', `One or more listeners not found`);
      const size = p.PageSize === undefined ? 400 : Number(p.PageSize);
      if (!Number.isInteger(size) || size < 1 || size > 400) throw new ElbError('ValidationError', `1 validation error detected: Value '${p.PageSize}' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400`);
      const start = p.Marker ? Number(Buffer.from(p.Marker, 'base64').toString('utf8')) : 0;
      const page = certs.slice(start, start + size);
      const next = start + size < certs.length ? `<NextMarker>${Buffer.from(String(start + size)).toString('base64')}</NextMarker>` : '';
      return `<Certificates>${page.map((c) => `<member><CertificateArn>${escapeXml(c.arn)}</CertificateArn><IsDefault>${c.isDefault === true}</IsDefault></member>`).join('')}</Certificates>${next}`;
    },
    DescribeTargetHealth: (p) => {
      const g = groups[p.TargetGroupArn ?? ''];
      if (!g) throw new ElbError('TargetGroupNotFound', `Target groups '${p.TargetGroupArn}' not found`);
      const asked = requested(p);
      if (asked.length === 0) return `<TargetHealthDescriptions>${g.targets.map((t) => description(t, g.port)).join('')}</TargetHealthDescriptions>`;
      const registeredIds = new Set(Object.values(groups).flatMap((x) => x.targets.map((t) => t.id)));
      const invalid = asked.filter((a) => !registeredIds.has(a.id) && !known.has(a.id));
      if (invalid.length) throw new ElbError('InvalidTarget', `The following targets are not valid: ${invalid.map((a) => a.id).join(', ')}`);
      const members = asked.flatMap((a) => {
        const hits = g.targets.filter((t) => t.id === a.id && (a.port === undefined || (t.port ?? g.port) === a.port));
        return hits.length ? hits.map((t) => description(t, g.port)) : [description({ id: a.id, port: a.port, state: 'unused', reason: 'Target.NotRegistered' }, g.port)];
      });
      return `<TargetHealthDescriptions>${members.join('')}</TargetHealthDescriptions>`;
    },
  };
  const server = await listen(async (req, res) => {
    const body = await readBody(req);
    const send = (status: number, xml: string) => {
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(xml);
    };
    const fail = (code: string, message: string, status: number) =>
      send(status, `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`);
    const signed = verifySigV4(req, body, 'elasticloadbalancing');
    if (isFailure(signed)) return fail(signed.code, signed.message, signed.status);
    const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    calls.push({ action: params.Action ?? '', params, region: signed.region });
    if (req.method !== 'POST' || params.Version !== '2015-12-01') return fail('InvalidAction', `Could not find operation ${params.Action} for version ${params.Version ?? 'NO_VERSION_SPECIFIED'}`, 400);
    if (deny.has(params.Action ?? '')) return fail('AccessDenied', `User: arn:aws:iam::123456789012:user/driftlens is not authorized to perform: elasticloadbalancing:${params.Action}`, 403);
    const h = handlers[params.Action ?? ''];
    if (!h) return fail('InvalidAction', `${params.Action} is not served by this fake (read-only)`, 400);
    try {
      send(200, `<${params.Action}Response xmlns="${XMLNS}"><${params.Action}Result>${h(params)}</${params.Action}Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></${params.Action}Response>`);
    } catch (e) {
      const err = e instanceof ElbError ? e : new ElbError('InternalFailure', String(e), 500);
      fail(err.code, err.message, err.status);
    }
  });
  return { url: server.url, groups, known, listeners, calls, deny, close: server.close };
}
