// A local CloudTrail endpoint for LookupEvents, as the real service speaks it: the AWS JSON 1.1 protocol
// (POST /, Content-Type application/x-amz-json-1.1, X-Amz-Target CloudTrail_20131101.LookupEvents, SigV4 for
// the `cloudtrail` service, checked against the principal's secret), timestamps as epoch seconds, events
// newest first, one lookup attribute per request, MaxResults 1..50, NextToken paging, and errors as
// `{"__type", "message"}` bodies. Point the SDK at it with AWS_ENDPOINT_URL_CLOUDTRAIL=url.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One management event, as a test writes it down. */
export interface TrailEvent {
  eventName: string;
  /** ISO-8601. */
  eventTime: string;
  eventSource: string;
  /** Where it happened; absent: every region sees it (single-region tests). */
  region?: string;
  /** `Username` of the lookup answer: an IAM user name or a role session name. */
  username: string;
  /** userIdentity.arn of the event record. */
  arn: string;
  userAgent: string;
  readOnly?: boolean;
  /** The record's sessionCredentialFromConsole. */
  fromConsole?: boolean;
  resources: { type: string; name: string }[];
}

export interface TrailPrincipal {
  secretAccessKey: string;
  arn: string;
  /** False: AccessDeniedException for cloudtrail:LookupEvents. */
  allowed?: boolean;
}

export interface FakeCloudTrail {
  url: string;
  events: TrailEvent[];
  calls: { target: string; body: Record<string, unknown>; region?: string; accessKeyId?: string }[];
  close(): Promise<void>;
}

const TARGETS = new Set(['CloudTrail_20131101.LookupEvents', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents']);
const KEYS = new Set(['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId']);
const SIGV4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/cloudtrail\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

class TrailError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export async function startFakeCloudTrail(events: TrailEvent[], principals: Record<string, TrailPrincipal>, options: { pageSize?: number } = {}): Promise<FakeCloudTrail> {
  const calls: FakeCloudTrail['calls'] = [];
  const pageSize = options.pageSize ?? 50;
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks);
      const target = String(req.headers['x-amz-target'] ?? '');
      const auth = SIGV4.exec(String(req.headers.authorization ?? ''));
      let body: Record<string, unknown> = {};
      try {
        body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        throw new TrailError('SerializationException', 'Start of structure or map found where not expected');
      }
      calls.push({ target, body, region: auth?.[3], accessKeyId: auth?.[1] });
      if (req.method !== 'POST' || (req.url ?? '/') !== '/') throw new TrailError('UnknownOperationException', 'Unknown operation');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) throw new TrailError('UnknownOperationException', 'Unknown operation');
      if (!TARGETS.has(target)) throw new TrailError('UnknownOperationException', `Unknown operation ${target}`);
      if (!auth) throw new TrailError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
      const who = principals[auth[1]];
      if (!who) throw new TrailError('UnrecognizedClientException', 'The security token included in the request is invalid.');
      if (signature(req, raw, auth, who.secretAccessKey) !== auth[5]) throw new TrailError('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided.', 403);
      if (who.allowed === false) throw new TrailError('AccessDeniedException', `User: ${who.arn} is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action`);
      send(res, 200, lookup(events, body, auth[3], pageSize));
    } catch (e) {
      const err = e instanceof TrailError ? e : new TrailError('InternalFailure', 'An internal error occurred', 500);
      send(res, err.status, { __type: err.type, message: err.message });
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    calls,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function lookup(events: TrailEvent[], body: Record<string, unknown>, region: string, pageSize: number): Record<string, unknown> {
  const attrs = (body.LookupAttributes ?? []) as { AttributeKey?: string; AttributeValue?: string }[];
  if (!Array.isArray(attrs) || attrs.length > 1) throw new TrailError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
  const [attr] = attrs;
  if (attr && (!KEYS.has(attr.AttributeKey ?? '') || !attr.AttributeValue)) throw new TrailError('InvalidLookupAttributesException', `Invalid lookup attribute ${attr.AttributeKey}`);
  const max = body.MaxResults === undefined ? 50 : Number(body.MaxResults);
  if (!Number.isInteger(max) || max < 1 || max > 50) throw new TrailError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  for (const t of ['StartTime', 'EndTime']) if (body[t] !== undefined && typeof body[t] !== 'number') throw new TrailError('SerializationException', `${t} must be a timestamp (epoch seconds)`);
  const start = typeof body.StartTime === 'number' ? body.StartTime * 1000 : -Infinity;
  const end = typeof body.EndTime === 'number' ? body.EndTime * 1000 : Infinity;
  if (start > end) throw new TrailError('InvalidTimeRangeException', 'Start time must be before end time.');
  const matches = (e: TrailEvent) => {
    if (!attr) return true;
    const v = attr.AttributeValue;
    switch (attr.AttributeKey) {
      case 'ResourceName': return e.resources.some((r) => r.name === v);
      case 'ResourceType': return e.resources.some((r) => r.type === v);
      case 'EventName': return e.eventName === v;
      case 'Username': return e.username === v;
      case 'EventSource': return e.eventSource === v;
      case 'ReadOnly': return String(!!e.readOnly) === v;
      default: return false;
    }
  };
  const found = events
    .filter((e) => (!e.region || e.region === region) && Date.parse(e.eventTime) >= start && Date.parse(e.eventTime) <= end && matches(e))
    .sort((a, b) => Date.parse(b.eventTime) - Date.parse(a.eventTime));
  const from = body.NextToken === undefined ? 0 : Number(Buffer.from(String(body.NextToken), 'base64').toString('utf8'));
  if (!Number.isInteger(from) || from < 0) throw new TrailError('InvalidNextTokenException', 'Invalid NextToken');
  const size = Math.min(max, pageSize);
  const page = found.slice(from, from + size);
  return {
    Events: page.map((e) => ({
      EventId: createHash('sha1').update(`${e.eventTime}${e.eventName}${e.username}`).digest('hex').slice(0, 36),
      EventName: e.eventName,
      ReadOnly: String(!!e.readOnly),
      AccessKeyId: 'ASIAFAKEFAKEFAKE0009',
      EventTime: Date.parse(e.eventTime) / 1000,
      EventSource: e.eventSource,
      Username: e.username,
      Resources: e.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
      CloudTrailEvent: JSON.stringify({
        eventVersion: '1.09',
        userIdentity: { type: e.arn.includes(':assumed-role/') ? 'AssumedRole' : 'IAMUser', arn: e.arn, accountId: e.arn.split(':')[4] },
        eventTime: e.eventTime.replace(/\.\d{3}Z$/, 'Z'),
        eventSource: e.eventSource,
        eventName: e.eventName,
        awsRegion: e.region ?? region,
        sourceIPAddress: '198.51.100.7',
        userAgent: e.userAgent,
        requestParameters: null,
        responseElements: null,
        readOnly: !!e.readOnly,
        eventType: 'AwsApiCall',
        managementEvent: true,
        ...(e.fromConsole ? { sessionCredentialFromConsole: 'true' } : {}),
      }),
    })),
    ...(from + size < found.length ? { NextToken: Buffer.from(String(from + size)).toString('base64') } : {}),
  };
}

/** The SigV4 signature (Signature Version 4 spec) for the `cloudtrail` service. */
function signature(req: IncomingMessage, body: Buffer, auth: RegExpExecArray, secret: string): string {
  const [, , date, region, signedHeaders] = auth;
  const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const url = new URL(req.url ?? '/', 'http://fake');
  const headers = signedHeaders.split(';').map((h) => `${h}:${String(req.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payload = String(req.headers['x-amz-content-sha256'] ?? sha256(body));
  const canonical = [req.method, url.pathname, '', headers, signedHeaders, payload].join('\n');
  const scope = `${date}/${region}/cloudtrail/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date'] ?? ''), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 'cloudtrail'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}
