// The one place that says how every AWS SDK client talks HTTP: a connection timeout and a request
// timeout that *throws*. Without them a call the server accepts and never answers hangs the scan
// forever; and in @smithy/node-http-handler 4.x a `requestTimeout` alone only logs a warning unless
// `throwOnRequestTimeout` is also set; and the request timeout stops at the answer's headers, so a body
// that stops halfway needs the socket's idle timeout as well. Every client (EC2, STS, S3, IAM, SSM, Cloud Control…) passes
// `requestHandler: awsRequestHandler(timeouts)` to its constructor.

/** Milliseconds; 0 disables one. */
export interface AwsTimeouts {
  /** Time to open the TCP (and TLS) connection. */
  connectionTimeoutMs: number;
  /** Time from sending the request to the last byte of the answer, per attempt. */
  requestTimeoutMs: number;
}

/**
 * Defaults: a healthy EC2 Describe page answers in well under a second, a large one in a few; 30 s per
 * attempt leaves room for a slow region without letting a dead one hold the scan. With the SDK's
 * retries (maxAttempts, default 5) a call that never answers gives up after about 5 × 30 s + backoff.
 */
export const DEFAULT_AWS_TIMEOUTS: AwsTimeouts = { connectionTimeoutMs: 5_000, requestTimeoutMs: 30_000 };

/** The environment variable the CLI's `--timeout SECONDS` and the editor's setting map to. */
export const TIMEOUT_ENV = 'DRIFTLENS_TIMEOUT';

/**
 * The timeouts to use: `seconds` (a flag or setting) wins, then DRIFTLENS_TIMEOUT, then the defaults.
 * The value is the request timeout; the connection timeout never exceeds it.
 */
export function awsTimeouts(seconds?: number, env: NodeJS.ProcessEnv = process.env): AwsTimeouts {
  const fromEnv = env[TIMEOUT_ENV] !== undefined && env[TIMEOUT_ENV] !== '' ? Number(env[TIMEOUT_ENV]) : undefined;
  const chosen = [seconds, fromEnv].find((s) => s !== undefined && Number.isFinite(s) && s > 0);
  if (chosen === undefined) return DEFAULT_AWS_TIMEOUTS;
  const requestTimeoutMs = Math.round(chosen * 1000);
  return { requestTimeoutMs, connectionTimeoutMs: Math.min(DEFAULT_AWS_TIMEOUTS.connectionTimeoutMs, requestTimeoutMs) };
}

/** NodeHttpHandler options (the SDK builds its handler from them); pass as a client's `requestHandler`. */
export interface AwsRequestHandlerOptions {
  connectionTimeout: number;
  requestTimeout: number;
  throwOnRequestTimeout: true;
  /** Idle time allowed on the socket, which also covers an answer whose body stops halfway. */
  socketTimeout: number;
}

export function awsRequestHandler(timeouts: AwsTimeouts = awsTimeouts()): AwsRequestHandlerOptions {
  return { connectionTimeout: timeouts.connectionTimeoutMs, requestTimeout: timeouts.requestTimeoutMs, throwOnRequestTimeout: true, socketTimeout: timeouts.requestTimeoutMs };
}

const REQUEST_TIMEOUT = /exceeded the configured (\d+) ms requestTimeout/;
const IDLE_TIMEOUT = /request socket timed out after (\d+) ms of inactivity \(configured/;
const CONNECTION_TIMEOUT = /did not establish a connection with the server within the configured timeout of (\d+) ms/;

const seconds = (ms: string) => `${Number(ms) / 1000} s`;

/**
 * What a timeout from this handler means, for a person: "no answer from EC2 within 30 s (request
 * timeout)". Undefined for any other error.
 */
export function timeoutReason(e: unknown, service = 'EC2'): string | undefined {
  const message = String((e as { message?: unknown })?.message ?? '');
  const request = REQUEST_TIMEOUT.exec(message);
  if (request) return `no answer from ${service} within ${seconds(request[1])} (request timeout; raise it with --timeout or ${TIMEOUT_ENV})`;
  const idle = IDLE_TIMEOUT.exec(message);
  if (idle) return `the answer from ${service} stopped for ${seconds(idle[1])} (idle timeout; raise it with --timeout or ${TIMEOUT_ENV})`;
  const connect = CONNECTION_TIMEOUT.exec(message);
  if (connect) return `could not connect to ${service} within ${seconds(connect[1])} (connection timeout): check the network, proxy or endpoint`;
  return undefined;
}

/**
 * Collects an answer's body into one buffer sized by its Content-Length, each chunk copied in as it
 * arrives and let go. The SDK's own collector keeps every chunk until the end and then copies them all:
 * twice the answer's bytes, and the chunks outlive the young generation while other answers decode, so
 * they wait for a full collection (~60 MB of dead buffers at the peak of a 10,000-resource scan, issue 15).
 * Pass as a client's `streamCollector`.
 */
export function collectAnswer(stream: unknown): Promise<Uint8Array> {
  if (stream instanceof Uint8Array) return Promise.resolve(stream);
  const body = stream as NodeJS.ReadableStream & { headers?: Record<string, string | string[] | undefined> };
  const declared = Number(body.headers?.['content-length']);
  return new Promise((resolve, reject) => {
    let out = Number.isSafeInteger(declared) && declared > 0 && declared <= MAX_PRESIZED ? Buffer.allocUnsafeSlow(declared) : undefined;
    const spill: Buffer[] = [];
    let length = 0;
    let ended = false;
    body.on('data', (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (out && length + bytes.length <= out.length) bytes.copy(out, length);
      else {
        // More than Content-Length said (or none given): keep the chunks, join them at the end.
        if (out) spill.push(out.subarray(0, length));
        out = undefined;
        spill.push(bytes);
      }
      length += bytes.length;
    });
    body.on('end', () => {
      ended = true;
      resolve(out ? out.subarray(0, length) : Buffer.concat(spill, length));
    });
    body.on('error', reject);
    body.on('close', () => {
      if (!ended) reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    });
  });
}

/** Larger answers (none of EC2's come close) are collected chunk by chunk rather than trusted to their header. */
const MAX_PRESIZED = 64 * 2 ** 20;
