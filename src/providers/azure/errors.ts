// What an ARM error means for a binding. Only a 404 for the very ID is "not found"; everything
// else is "could not see it", with the reason and, for 403, the permission that is missing.
import type { LiveResult } from '../../model';

/** The fields of @azure/core-rest-pipeline's RestError we read (duck-typed: the SDK loads lazily). */
interface RestErrorLike {
  name?: string;
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get(name: string): string | undefined } };
}

export type ArmFailure = Extract<LiveResult, { status: 'error' | 'not-found' }>;

/** The `…/read` permission for a resource type: `Microsoft.Storage/storageAccounts/read`. */
export function readPermission(fullType: string): string {
  return `${fullType}/read`;
}

/**
 * Classifies an error thrown by the SDK for a GET of one resource of `fullType`.
 * `notFoundMeansMissing` is false for list/discovery calls, where a 404 is about something else.
 */
export function classifyArmError(err: unknown, fullType: string, notFoundMeansMissing = true): ArmFailure {
  const e = (err ?? {}) as RestErrorLike;
  const status = e.statusCode;
  const code = e.code ?? '';
  const message = oneLine(e.message ?? String(err));
  if (e.name === 'AbortError') return { status: 'error', kind: 'cancelled', reason: 'cancelled' };
  if (status === 404 && notFoundMeansMissing && (code === 'ResourceNotFound' || code === 'NotFound' || code === 'ResourceGroupNotFound' || /not ?found/i.test(code) || code === '')) {
    return { status: 'not-found', reason: code ? `${code}: ${message}` : message };
  }
  if (status === 401) return { status: 'error', kind: 'credentials', reason: `Azure rejected the credentials (${code || '401'}): ${message}` };
  if (status === 403) {
    const action = actionFromMessage(message) ?? readPermission(fullType);
    return { status: 'error', kind: 'access-denied', action, reason: `no permission: ${action} is missing (${code || '403'})` };
  }
  if (status === 429) return { status: 'error', kind: 'throttled', reason: `throttled by Azure Resource Manager after retries (${code || '429'})` };
  if (isCredentialError(e)) return { status: 'error', kind: 'credentials', reason: `no Azure credentials: ${message}` };
  if (status === undefined) {
    if (/timed? ?out|ETIMEDOUT/i.test(message)) return { status: 'error', kind: 'timeout', reason: message };
    // The node client reads the body before it returns: a connection dropped mid-answer surfaces here.
    if (/^Error reading response as text: aborted/.test(message)) return { status: 'error', kind: 'network', reason: `the connection to Azure Resource Manager dropped in the middle of an answer (${message})` };
    if (/ECONN|ENOTFOUND|EAI_AGAIN|socket|network|certificate|self.signed/i.test(message) || e.code === 'REQUEST_SEND_ERROR') {
      return { status: 'error', kind: 'network', reason: message };
    }
    return { status: 'error', kind: 'other', reason: message };
  }
  return { status: 'error', kind: 'other', reason: `HTTP ${status}${code ? ` ${code}` : ''}: ${message}` };
}

/** ARM's AuthorizationFailed message names the action: "…to perform action 'Microsoft.X/y/read' over scope…". */
export function actionFromMessage(message: string): string | undefined {
  const m = /perform action '([^']+)'/i.exec(message);
  return m?.[1];
}

function isCredentialError(e: RestErrorLike): boolean {
  // @azure/identity's errors: CredentialUnavailableError (nothing configured), AuthenticationError (sign-in refused).
  return e.name === 'CredentialUnavailableError' || e.name === 'AuthenticationError' || e.name === 'AggregateAuthenticationError';
}

function oneLine(s: string): string {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
