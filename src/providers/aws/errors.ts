// Turns an SDK failure into a LiveResult error. "Can't see" is never "missing": only the
// batching code decides not-found, and only from a per-ID NotFound code.
import type { LiveErrorKind, LiveResult } from '../../model';
import { timeoutReason } from './httpHandler';

export type LiveError = Extract<LiveResult, { status: 'error' }>;

export const UNTRUSTED: LiveError = { status: 'error', kind: 'credentials', reason: 'untrusted workspace: no credentials used' };
export const NO_CREDENTIALS_REASON = 'no AWS credentials found: set AWS_PROFILE or run `aws sso login`';

const ACCESS_DENIED = new Set(['UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException', 'Client.UnauthorizedOperation']);
const BAD_CREDENTIALS = new Set(['AuthFailure', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'UnrecognizedClientException', 'OptInRequired']);
// The request's timestamp was refused (EC2 says RequestExpired, S3-style services RequestTimeTooSkewed). The SDK
// corrects its clock from the answer's Date header and retries; still refused after that, the clock is the cause.
const CLOCK_SKEW = new Set(['RequestExpired', 'RequestTimeTooSkewed', 'RequestInTheFuture']);
const THROTTLING = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottled', 'RequestThrottledException', 'TooManyRequestsException', 'SlowDown', 'BandwidthLimitExceeded', 'EC2ThrottledException', 'PriorRequestNotComplete']);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'NetworkingError']);

interface SdkErrorLike {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** The service or SDK error code (`InvalidInstanceID.NotFound`, `CredentialsProviderError`, `ECONNREFUSED`…). */
export function errorCode(e: unknown): string {
  const x = (e ?? {}) as SdkErrorLike;
  return x.Code ?? (x.name && x.name !== 'Error' ? x.name : undefined) ?? x.code ?? 'Error';
}

export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return errorCode(e) === 'AbortError' || (signal?.aborted ?? false);
}

const err = (kind: LiveErrorKind, reason: string, action?: string): LiveError => (action ? { status: 'error', kind, reason, action } : { status: 'error', kind, reason });

/** Classifies an error thrown by `client.send` for `operation` (e.g. `DescribeInstances`). */
export function classifyError(e: unknown, operation: string, signal?: AbortSignal): LiveError {
  const code = errorCode(e);
  const x = (e ?? {}) as SdkErrorLike;
  const nested = (e as { cause?: SdkErrorLike })?.cause;
  const message = (x.message ?? '').slice(0, 300);
  const attempts = x.$metadata?.attempts;
  const after = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
  if (isAbort(e, signal)) return err('cancelled', 'cancelled');
  // An assume_role of the provider block failed (credentials.ts): the role and the reason, never an EC2 permission.
  if (code === 'AssumeRoleFailed') return err('credentials', message);
  if (code === 'CredentialsProviderError' || /could not load credentials/i.test(message)) return err('credentials', NO_CREDENTIALS_REASON);
  if (code === 'TokenProviderError' || /sso.*(expired|token)/i.test(message)) return err('credentials', 'the AWS SSO session has expired or is missing: run `aws sso login`');
  if (ACCESS_DENIED.has(code)) return err('access-denied', `access denied: the credentials lack ec2:${operation}`, `ec2:${operation}`);
  if (CLOCK_SKEW.has(code)) return err('credentials', `AWS refused the request's time (${code})${after}: this computer's clock is more than 15 minutes off; sync it (NTP) and scan again`);
  if (BAD_CREDENTIALS.has(code)) return err('credentials', `AWS rejected the credentials (${code}): check AWS_PROFILE or run \`aws sso login\``);
  if (THROTTLING.has(code)) return err('throttled', `throttled by AWS (${code})${after}`);
  if (/region is missing/i.test(message)) return err('other', 'no AWS region: set `region` in the provider block, AWS_REGION, or --region');
  // The HTTP handler renames a reset connection to TimeoutError; its `code` (ECONNRESET) says what happened.
  const net = [x.code && NETWORK.has(x.code) ? x.code : undefined, code, x.code, nested?.code].find((c) => c && (TIMEOUTS.has(c) || NETWORK.has(c)));
  // Our handler's own timeouts (httpHandler.ts) say how long was waited and what to change.
  const waited = net && TIMEOUTS.has(net) ? timeoutReason(e) : undefined;
  if (waited) return err('timeout', `${operation}: ${waited}${after}`);
  if (net && TIMEOUTS.has(net)) return err('timeout', `${operation} timed out (${net})${after}`);
  if (net) return err('network', `cannot reach the EC2 endpoint (${net})${after}`);
  const status = x.$metadata?.httpStatusCode;
  return err('other', `${operation} failed${status ? ` with HTTP ${status}` : ''}${after}: ${code}${message && message !== code ? `: ${message}` : ''}`);
}
