// Shared by the S3, IAM, SSM and Cloud Control fakes: a loopback HTTP server, the request body, and
// SigV4 verification as AWS does it (the service in the credential scope, a known access key, the
// signature over the signed headers, the body hash) so the real SDKs must sign every call correctly.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, createHmac } from 'node:crypto';

const SIGV4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/** The dummy keys of the tests (awsTestEnv.ts) and of the sandbox (scripts/editor/fakeCloud.ts, AWS's documented example key). */
export const FAKE_KEYS: Record<string, string> = { AKIAFAKEFAKEFAKE0001: 'fake-secret-key-for-tests', AKIAIOSFODNN7EXAMPLE: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export interface SignedRequest {
  accessKeyId: string;
  region: string;
}

export type SigV4Failure = { code: 'MissingAuthenticationToken' | 'InvalidClientTokenId' | 'SignatureDoesNotMatch' | 'IncompleteSignature'; message: string; status: number };

export function verifySigV4(req: IncomingMessage, body: Buffer, service: string, keys: Record<string, string> = FAKE_KEYS): SignedRequest | SigV4Failure {
  const auth = SIGV4.exec(String(req.headers.authorization ?? ''));
  if (!auth) return { code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token', status: 403 };
  const [, key, date, region, scopeService, signedHeaders, sig] = auth;
  if (scopeService !== service) return { code: 'IncompleteSignature', message: `Credential should be scoped to correct service: '${service}'.`, status: 403 };
  const secret = keys[key];
  if (secret === undefined) return { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 };
  const sha256 = (d: string | Buffer) => createHash('sha256').update(d).digest('hex');
  const hmac = (k: string | Buffer, d: string) => createHmac('sha256', k).update(d).digest();
  const url = new URL(req.url ?? '/', 'http://fake');
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const query = [...url.searchParams].map(([k, v]) => [enc(k), enc(v)]).sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const headers = signedHeaders.split(';').map((h) => `${h}:${String(req.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payload = String(req.headers['x-amz-content-sha256'] ?? sha256(body));
  const canonical = [req.method, url.pathname, query, headers, signedHeaders, payload].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date'] ?? ''), `${date}/${region}/${service}/aws4_request`, sha256(canonical)].join('\n');
  const k = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  if (createHmac('sha256', k).update(toSign).digest('hex') !== sig) return { code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.', status: 403 };
  return { accessKeyId: key, region };
}

export const isFailure = (x: SignedRequest | SigV4Failure): x is SigV4Failure => 'code' in x;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

export async function listen(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<LoopbackServer> {
  const server = createServer((req, res) => void handle(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JSON-protocol service (SSM: JSON 1.1, Cloud Control: JSON 1.0): POST /, X-Amz-Target `<prefix>.<Operation>`, `__type` errors. */
export class JsonError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
  }
}

export interface JsonCall {
  operation: string;
  input: Record<string, unknown>;
  region: string;
}

export async function startJsonService(service: string, targetPrefix: string, contentType: string, handlers: Record<string, (input: Record<string, unknown>) => unknown>, calls: JsonCall[]): Promise<LoopbackServer> {
  return listen(async (req, res) => {
    const body = await readBody(req);
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': 'fake' });
      res.end(JSON.stringify(value));
    };
    const signed = verifySigV4(req, body, service);
    if (isFailure(signed)) return send(signed.status, { __type: signed.code, message: signed.message });
    const target = String(req.headers['x-amz-target'] ?? '');
    if (req.method !== 'POST' || !target.startsWith(`${targetPrefix}.`)) return send(400, { __type: 'UnknownOperationException', message: `unknown target ${target}` });
    const operation = target.slice(targetPrefix.length + 1);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return send(400, { __type: 'SerializationException', message: 'invalid JSON' });
    }
    calls.push({ operation, input, region: signed.region });
    const handler = handlers[operation];
    if (!handler) return send(400, { __type: 'UnknownOperationException', message: `${operation} is not served by this fake` });
    try {
      send(200, handler(input));
    } catch (e) {
      const err = e instanceof JsonError ? e : new JsonError('InternalServerError', String(e), 500);
      send(err.status, { __type: err.type, message: err.message });
    }
  });
}
