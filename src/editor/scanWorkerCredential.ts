// The scan worker's Azure credential: VS Code's Microsoft sign-in lives on the extension host's
// thread and cannot cross, so each getToken asks the host over the port and waits for its answer.
// The host answers from the same SessionCredential an in-thread scan would use (azureSession.ts).
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { CredentialUnavailableError } from './azureSession';
import type { ErrorData } from './scanWorkerProtocol';

export interface TokenAnswer {
  token?: { token: string; expiresOnTimestamp: number };
  error?: ErrorData;
}

/** Rebuilds the host's error: CredentialUnavailableError keeps its name, so DefaultAzureCredential's chain moves on. */
export function tokenError(error: ErrorData): Error {
  if (error.name === 'CredentialUnavailableError') return new CredentialUnavailableError(error.message);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

export class BridgedCredential implements TokenCredential {
  constructor(private readonly ask: (scopes: string[]) => Promise<TokenAnswer>) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    const answer = await this.ask(Array.isArray(scopes) ? [...scopes] : [scopes]);
    if (answer.token) return { token: answer.token.token, expiresOnTimestamp: answer.token.expiresOnTimestamp, tokenType: 'Bearer' };
    throw tokenError(answer.error ?? { name: 'CredentialUnavailableError', message: "the editor's sign-in gave no token" });
  }
}
