// A local STS endpoint speaking the Query protocol (form-encoded POST, Version 2011-06-15, XML
// answers, `<ErrorResponse><Error>` errors with STS's codes and statuses), so the real
// `@aws-sdk/client-sts` and `@aws-sdk/credential-providers` run end to end. Point the SDK at it
// with AWS_ENDPOINT_URL_STS=url. As strict as STS where DriftLens could go wrong: SigV4 with the
// `sts` scope, a known access key, the session token of temporary keys, the role's trust and
// external ID, RoleSessionName's pattern.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { escapeXml } from '../ec2/xml';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const SIGV4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/sts\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

export interface StsPrincipal {
  account: string;
  /** `arn:aws:iam::111111111111:user/ci`. */
  arn: string;
  /** Temporary keys only: the session token every request must carry. */
  sessionToken?: string;
  /** When known, the signature is verified with it (SigV4), as STS does. */
  secretAccessKey?: string;
}

export interface StsRole {
  /** Accounts whose principals the trust policy lets assume the role. */
  trustedAccounts: string[];
  /** The trust policy's `sts:ExternalId` condition. */
  externalId?: string;
}

export interface StsCall {
  action: string;
  params: Record<string, string>;
  accessKeyId?: string;
  region?: string;
}

export interface FakeSts {
  url: string;
  calls: StsCall[];
  /** Long-term and issued temporary keys by access key ID. */
  principals: Map<string, StsPrincipal>;
  /** Roles by ARN (`arn:aws:iam::222222222222:role/reader`). */
  roles: Map<string, StsRole>;
  close(): Promise<void>;
}

class StsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export async function startFakeSts(principals: Record<string, StsPrincipal>, roles: Record<string, StsRole> = {}): Promise<FakeSts> {
  const keys = new Map(Object.entries(principals));
  const roleMap = new Map(Object.entries(roles));
  const calls: StsCall[] = [];

  const handlers: Record<string, (p: Record<string, string>, who: StsPrincipal) => string> = {
    GetCallerIdentity: (_p, who) => `<Arn>${escapeXml(who.arn)}</Arn><UserId>${escapeXml(who.arn.split('/').pop() ?? '')}</UserId><Account>${who.account}</Account>`,
    AssumeRole: (p, who) => {
      const arn = p.RoleArn ?? '';
      const session = p.RoleSessionName;
      if (!arn) throw new StsError('MissingParameter', 'The request must contain the parameter RoleArn');
      if (!session) throw new StsError('MissingParameter', 'The request must contain the parameter RoleSessionName');
      if (!/^[\w+=,.@-]{2,64}$/.test(session)) throw new StsError('ValidationError', `1 validation error detected: Value '${session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
      const m = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(arn);
      const role = roleMap.get(arn);
      const denied = new StsError('AccessDenied', `User: ${who.arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`, 403);
      if (!m || !role || !role.trustedAccounts.includes(who.account)) throw denied;
      if (role.externalId !== undefined && p.ExternalId !== role.externalId) throw denied;
      const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
      const sessionToken = randomBytes(24).toString('base64');
      const assumedArn = `arn:aws:sts::${m[1]}:assumed-role/${m[2]}/${session}`;
      const secretAccessKey = randomBytes(20).toString('base64');
      keys.set(accessKeyId, { account: m[1], arn: assumedArn, sessionToken, secretAccessKey });
      const expiration = new Date(Date.now() + Number(p.DurationSeconds ?? 3600) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return (
        `<AssumedRoleUser><Arn>${escapeXml(assumedArn)}</Arn><AssumedRoleId>AROA${m[1]}:${escapeXml(session)}</AssumedRoleId></AssumedRoleUser>` +
        `<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${secretAccessKey}</SecretAccessKey>` +
        `<SessionToken>${sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials>`
      );
    },
  };

  const send = (res: ServerResponse, status: number, body: string) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.method !== 'POST') throw new StsError('InvalidAction', 'Could not find operation for GET', 400);
      const body = Buffer.concat(chunks);
      const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
      const auth = SIGV4.exec(String(req.headers.authorization ?? ''));
      calls.push({ action: params.Action ?? '', params, accessKeyId: auth?.[1], region: auth?.[3] });
      if (!auth) throw new StsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
      const who = keys.get(auth[1]);
      if (!who) throw new StsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      if (who.secretAccessKey !== undefined && signature(req, body, auth, who.secretAccessKey) !== auth[5]) {
        throw new StsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 403);
      }
      const token = req.headers['x-amz-security-token'];
      if (who.sessionToken !== undefined && (token !== who.sessionToken || !auth[4].split(';').includes('x-amz-security-token'))) {
        throw new StsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      }
      if (params.Version !== '2011-06-15') throw new StsError('InvalidAction', `Could not find operation ${params.Action} for version ${params.Version ?? 'NO_VERSION_SPECIFIED'}`);
      const handler = handlers[params.Action ?? ''];
      if (!handler) throw new StsError('InvalidAction', `Could not find operation ${params.Action} for version 2011-06-15`);
      const result = handler(params, who);
      send(res, 200, `<${params.Action}Response xmlns="${XMLNS}"><${params.Action}Result>${result}</${params.Action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${params.Action}Response>`);
    } catch (e) {
      const err = e instanceof StsError ? e : new StsError('InternalFailure', 'An internal error occurred', 500);
      const type = err.status >= 500 ? 'Receiver' : 'Sender';
      send(res, err.status, `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${err.code}</Code><Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    principals: keys,
    roles: roleMap,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The SigV4 signature of a request, computed from the signed headers and the body (Signature Version 4 spec). */
function signature(req: IncomingMessage, body: Buffer, auth: RegExpExecArray, secret: string): string {
  const [, , date, region, signedHeaders] = auth;
  const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const url = new URL(req.url ?? '/', 'http://fake');
  const query = [...url.searchParams].map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const headers = signedHeaders.split(';').map((h) => `${h}:${String(req.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payload = String(req.headers['x-amz-content-sha256'] ?? sha256(body));
  const canonical = [req.method, url.pathname, query, headers, signedHeaders, payload].join('\n');
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const scope = `${date}/${region}/sts/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 'sts'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}
