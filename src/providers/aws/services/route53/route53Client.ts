// A Route 53 client shaped like the AWS SDK's (`new Route53Client(config)`, `send(new XCommand(input))`),
// because the npm registry these machines reach does not serve @aws-sdk/client-route53: when it does, the
// service pool can load the real package instead and nothing else changes. Only the two read operations
// DriftLens sends: GetHostedZone and ListResourceRecordSets, REST-XML over HTTPS, signed with SigV4 by the
// SDK's own signer (@smithy/signature-v4) and sent through the SDK's HTTP handler with the shared timeouts
// (httpHandler.ts). Endpoint: AWS_ENDPOINT_URL_ROUTE_53 (the SDK's variable for "Route 53"), then
// AWS_ENDPOINT_URL, then the partition's global endpoint. Throttling and 5xx are retried with backoff.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsRequestHandlerOptions } from '../../httpHandler';
import type { CredentialProvider } from '../../credentials';
import { hostedZoneFromXml, recordSetsFromXml, xmlErrorOf } from './route53Xml';

const API = '/2013-04-01';

/** The partition's global endpoint and the region Route 53 signs in there. */
export function route53Endpoint(region: string, env: Record<string, string | undefined> = process.env): { url: string; signingRegion: string } {
  const signingRegion = region.startsWith('cn-') ? 'cn-northwest-1' : region.startsWith('us-gov-') ? 'us-gov-west-1' : 'us-east-1';
  const fromEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true' ? undefined : env.AWS_ENDPOINT_URL_ROUTE_53 || env.AWS_ENDPOINT_URL;
  if (fromEnv) return { url: fromEnv.replace(/\/+$/, ''), signingRegion };
  const host = signingRegion === 'cn-northwest-1' ? 'route53.amazonaws.com.cn' : signingRegion === 'us-gov-west-1' ? 'route53.us-gov.amazonaws.com' : 'route53.amazonaws.com';
  return { url: `https://${host}`, signingRegion };
}

/** Node's SHA-256 in the shape the signer takes (what @smithy/hash-node does). */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData): Buffer => (typeof d === 'string' ? Buffer.from(d, 'utf8') : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d));
class Sha256 {
  private h;
  constructor(private readonly secret?: SourceData) {
    this.h = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: SourceData): void {
    this.h.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
  reset(): void {
    this.h = this.fresh();
  }
}

/** The error the SDK would throw: `name` is the service's code, `$metadata` says the status and attempts. */
export class Route53ServiceError extends Error {
  readonly $metadata: { httpStatusCode?: number; attempts: number };
  constructor(code: string, message: string, status: number | undefined, attempts: number) {
    super(message || code);
    this.name = code;
    this.$metadata = { httpStatusCode: status, attempts };
  }
}

const RETRYABLE = new Set(['Throttling', 'ThrottlingException', 'PriorRequestNotComplete', 'RequestLimitExceeded', 'ServiceUnavailable', 'InternalError']);

abstract class Route53Command<I> {
  constructor(readonly input: I) {}
  abstract request(): { path: string; query: Record<string, string> };
  abstract parse(xml: string): Record<string, unknown>;
}

export class GetHostedZoneCommand extends Route53Command<{ Id: string }> {
  request() {
    return { path: `${API}/hostedzone/${encodeURIComponent(cleanZoneId(this.input.Id))}`, query: {} };
  }
  parse(xml: string) {
    return { HostedZone: hostedZoneFromXml(xml) };
  }
}

export class ListResourceRecordSetsCommand extends Route53Command<{ HostedZoneId: string; StartRecordName?: string; StartRecordType?: string; StartRecordIdentifier?: string; MaxItems?: number }> {
  request() {
    const i = this.input;
    const query: Record<string, string> = {};
    if (i.StartRecordName !== undefined) query.name = i.StartRecordName;
    if (i.StartRecordType !== undefined) query.type = i.StartRecordType;
    if (i.StartRecordIdentifier !== undefined) query.identifier = i.StartRecordIdentifier;
    if (i.MaxItems !== undefined) query.maxitems = String(i.MaxItems);
    return { path: `${API}/hostedzone/${encodeURIComponent(cleanZoneId(i.HostedZoneId))}/rrset`, query };
  }
  parse(xml: string) {
    return recordSetsFromXml(xml);
  }
}

/** `/hostedzone/Z123` → `Z123`, as the SDK's Route 53 middleware strips it. */
export const cleanZoneId = (id: string): string => id.replace(/^\/?hostedzone\//, '');

export interface Route53ClientConfig {
  region: string;
  credentials?: CredentialProvider;
  profile?: string;
  maxAttempts?: number;
  requestHandler?: AwsRequestHandlerOptions;
}

export class Route53Client {
  private readonly handler: NodeHttpHandler;
  private signer?: Promise<SignatureV4>;
  constructor(private readonly config: Route53ClientConfig) {
    this.handler = new NodeHttpHandler(config.requestHandler ?? {});
  }

  private signerFor(signingRegion: string): Promise<SignatureV4> {
    this.signer ??= (async () => {
      const credentials = this.config.credentials ?? (await import('@aws-sdk/credential-providers')).fromNodeProviderChain(this.config.profile ? { profile: this.config.profile } : {});
      return new SignatureV4({ credentials, region: signingRegion, service: 'route53', sha256: Sha256, uriEscapePath: true, applyChecksum: true });
    })();
    return this.signer;
  }

  async send(command: Route53Command<unknown>, options: { abortSignal?: AbortSignal } = {}): Promise<Record<string, unknown>> {
    const { url, signingRegion } = route53Endpoint(this.config.region);
    const endpoint = new URL(url);
    const { path, query } = command.request();
    const max = Math.max(1, this.config.maxAttempts ?? 3);
    for (let attempt = 1; ; attempt++) {
      const signer = await this.signerFor(signingRegion);
      const request = {
        method: 'GET', protocol: endpoint.protocol, hostname: endpoint.hostname, port: endpoint.port ? Number(endpoint.port) : undefined,
        path: `${endpoint.pathname.replace(/\/+$/, '')}${path}`, query, headers: { host: endpoint.host }, body: undefined,
      };
      let status: number | undefined;
      let body: string;
      try {
        const signed = await signer.sign(request as Parameters<SignatureV4['sign']>[0]);
        const { response } = await this.handler.handle(signed as Parameters<NodeHttpHandler['handle']>[0], { abortSignal: options.abortSignal });
        status = response.statusCode;
        body = await readAll(response.body as IncomingMessage);
      } catch (e) {
        const code = (e as { code?: string; name?: string }).code ?? (e as { name?: string }).name ?? '';
        const transient = /^(ECONNRESET|EPIPE|ETIMEDOUT|ECONNREFUSED|EAI_AGAIN|TimeoutError)$/.test(code) && !options.abortSignal?.aborted;
        if (transient && attempt < max) {
          await backoff(attempt, options.abortSignal);
          continue;
        }
        if (e && typeof e === 'object') Object.assign(e, { $metadata: { attempts: attempt } });
        throw e;
      }
      if (status >= 200 && status < 300) return { ...command.parse(body), $metadata: { httpStatusCode: status, attempts: attempt } };
      const err = xmlErrorOf(body);
      const code = err.code ?? (status === 403 ? 'AccessDenied' : status === 404 ? 'NotFound' : `Http${status}`);
      if ((RETRYABLE.has(code) || status >= 500) && attempt < max) {
        await backoff(attempt, options.abortSignal);
        continue;
      }
      throw new Route53ServiceError(code, err.message ?? '', status, attempt);
    }
  }

  destroy(): void {
    this.handler.destroy();
  }
}

async function readAll(stream: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Full-jitter exponential backoff (the SDK's standard mode: base 100 ms, cap 20 s); cancellation ends the wait. */
function backoff(attempt: number, signal?: AbortSignal): Promise<void> {
  const ms = Math.random() * Math.min(20_000, 100 * 2 ** attempt);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
