// A local EC2 endpoint that speaks the Query protocol (form-encoded POST, XML answers,
// `<Response><Errors>` errors), so the real `@aws-sdk/client-ec2` runs end to end.
// Point the SDK at it with AWS_ENDPOINT_URL_EC2=url.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults, LOOP_TOKEN } from './faults';
import { HANDLERS } from './handlers';
import type { Params } from './query';
import type { Ec2Seed } from './seed';
import { FakeEc2State } from './state';
import { Ec2Error, errorXml, newRequestId, responseXml } from './xml';
import { DIALECTS, type DialectName } from './dialect';

export type { Ec2Seed } from './seed';
export { FakeEc2State } from './state';
export { Faults, LOOP_TOKEN, type Gate, type WireFault } from './faults';
export { Ec2Error } from './xml';
export { DIALECTS, type Dialect, type DialectName } from './dialect';

export interface FakeCall {
  action: string;
  params: Params;
  /** From the SigV4 credential scope. */
  region?: string;
  /** The access key ID that signed the request (an ID, not a secret). */
  accessKeyId?: string;
  /** How many other requests were received and not yet answered when this one arrived: what a client sends together. */
  othersInFlight: number;
}

export interface FakeEc2Options {
  /** Page size imposed even when IDs are given, as some emulators do. */
  pageSize?: number;
  /** Whose wire quirks to imitate: EC2 itself (default) or moto / LocalStack (dialect.ts). */
  dialect?: DialectName;
  /** Answer every Describe* with all resources, whatever IDs were asked. */
  ignoreIds?: boolean;
  /** Root element of error answers: EC2's `Response` (default) or older moto's `ErrorResponse`. */
  errorRoot?: 'Response' | 'ErrorResponse';
}

export interface FakeEc2 {
  url: string;
  state: FakeEc2State;
  faults: Faults;
  /** Every request that reached the endpoint, in arrival order. */
  calls: FakeCall[];
  /** Changes the emulator-style page size (undefined: page only on MaxResults). */
  setPageSize(size: number | undefined): void;
  close(): Promise<void>;
}

const SIGV4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([a-z0-9-]+)\/ec2\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/;

export async function startFakeEc2(seed: Ec2Seed = {}, options: FakeEc2Options = {}): Promise<FakeEc2> {
  const state = new FakeEc2State(seed);
  const faults = new Faults();
  const calls: FakeCall[] = [];
  let pageSize = options.pageSize;
  const dialect = DIALECTS[options.dialect ?? 'aws'];

  const send = (res: ServerResponse, status: number, body: string) => {
    if (res.destroyed || res.writableEnded) return; // the client gave up (cancellation)
    res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': newRequestId(), date: fakeNow().toUTCString() });
    res.end(body);
  };
  // The fake's clock (faults.clockSkew): what its Date header says and what X-Amz-Date is checked against.
  const fakeNow = () => new Date(Date.now() + faults.clockOffsetMs);

  /** Half the answer, then the wire fault; true when it took over the response. */
  const wireFault = (res: ServerResponse, action: string, xml: string): boolean => {
    const fault = faults.takeWire(action);
    if (!fault) return false;
    if (fault === 'hang') return true; // accepted, never answered
    const half = xml.slice(0, Math.floor(xml.length / 2));
    if (fault === 'truncated') {
      send(res, 200, half);
      return true;
    }
    res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8', 'content-length': Buffer.byteLength(xml), date: fakeNow().toUTCString() });
    res.write(half);
    if (fault === 'reset-mid-body') setTimeout(() => res.socket?.resetAndDestroy(), 20);
    return true;
  };

  let inFlight = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    res.once('close', () => inFlight--);
    const requestId = newRequestId();
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.method !== 'POST') throw new Ec2Error('InvalidHttpRequest', 'The EC2 Query API expects a form-encoded POST', 400);
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const auth = SIGV4.exec(String(req.headers.authorization ?? ''));
      calls.push({ action: params.Action ?? '', params, region: auth?.[2], accessKeyId: auth?.[1], othersInFlight: inFlight - 1 });
      if (!auth) throw new Ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
      if (faults.isUnreachable(auth[2])) {
        req.socket.resetAndDestroy();
        return;
      }
      checkClock(req.headers['x-amz-date'], fakeNow(), faults.skewError);
      if (!params.Action) throw new Ec2Error('MissingAction', 'The request must contain the parameter Action', 400);
      if (!params.Version) throw new Ec2Error('MissingParameter', 'The request must contain the parameter Version', 400);
      const handler = HANDLERS[params.Action];
      if (!handler) throw new Ec2Error('InvalidAction', `The action ${params.Action} is not valid for this web service.`, 400);
      await faults.apply(params.Action, params);
      const loop = faults.pagesForever(params.Action);
      const asked = loop && params.NextToken === LOOP_TOKEN ? Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'NextToken')) : params;
      const body = handler(asked, { state, pageSize, dialect, ignoreIds: options.ignoreIds, region: auth[2] });
      if (loop) body.nextToken = LOOP_TOKEN;
      const xml = responseXml(params.Action, requestId, body, dialect.pretty);
      if (wireFault(res, params.Action, xml)) return;
      send(res, 200, xml);
    } catch (e) {
      const err = e instanceof Ec2Error ? e : new Ec2Error('InternalError', 'An internal error has occurred', 500);
      send(res, err.status, errorXml(err.code, err.message, requestId, options.errorRoot));
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    faults,
    calls,
    setPageSize: (size) => (pageSize = size),
    close: async () => {
      faults.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** EC2 refuses a request whose X-Amz-Date is more than 15 minutes from its own clock (RequestExpired). */
function checkClock(header: string | string[] | undefined, now: Date, code: 'RequestExpired' | 'RequestTimeTooSkewed'): void {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(header ?? ''));
  if (!m) return; // SigV4 without X-Amz-Date (a Date header instead): not checked here
  const sent = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  if (Math.abs(sent - now.getTime()) <= 15 * 60_000) return;
  const message = code === 'RequestExpired' ? `Request has expired. Timestamp date is ${m[0]}` : 'The difference between the request time and the current time is too large.';
  throw new Ec2Error(code, message, code === 'RequestExpired' ? 400 : 403);
}
