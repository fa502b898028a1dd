// Shared pieces of the Azure tests: a static-token credential (the credential chain itself is the
// SDK's concern; the fake cannot be Entra ID), bindings, and a quiet fetch context.
import type { TokenCredential } from '@azure/core-auth';
import type { Binding, FetchContext, Logger } from '../../../src/model';

export function staticCredential(token = 'test-token'): TokenCredential & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async getToken(scopes: string | string[]) {
      calls.push(Array.isArray(scopes) ? scopes : [scopes]);
      return { token, expiresOnTimestamp: Date.now() + 3600_000 };
    },
  };
}

export const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export function context(signal: AbortSignal = new AbortController().signal): FetchContext {
  return { signal, logger: quietLogger };
}

export function binding(type: string, liveId: string, declaredAttributes: string[] = [], settings: Record<string, string> = {}): Binding {
  return { address: `${type}.${liveId.split('/').pop()}`, type, liveId, providerConfig: { provider: 'azurerm', settings }, declaredAttributes };
}
