// VS Code's Microsoft sign-in as an @azure/core-auth TokenCredential, and a watch over the Azure
// provider's answers for "no credentials". No vscode import: the editor hands in the session lookup
// (vscode.authentication.getSession), the unit tests a fake one.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { LiveResult, LiveStateProvider } from '../model';

/** The built-in auth providers: `microsoft` for public Azure, `microsoft-sovereign-cloud` for China and US Government. */
export type AuthProviderId = 'microsoft' | 'microsoft-sovereign-cloud';

export interface SessionLike {
  readonly accessToken: string;
}

/** A silent session lookup: resolves undefined when nobody signed in, may reject when the provider is absent. */
export type SessionLookup = (providerId: AuthProviderId, scopes: string[]) => PromiseLike<SessionLike | undefined>;

/** What "Sign in" has to ask VS Code for. */
export interface SignInRequest {
  providerId: AuthProviderId;
  scopes: string[];
  /** A session existed but Resource Manager rejected its token: ask for a new one. */
  renew: boolean;
}

/** The name @azure/identity's ChainedTokenCredential looks for to try the next credential. */
export class CredentialUnavailableError extends Error {
  override readonly name = 'CredentialUnavailableError';
}

/** When a token's lifetime is unknown, ask again soon rather than send an expired token. */
const UNKNOWN_LIFETIME_MS = 5 * 60_000;

const SOVEREIGN_HOST = /(^|\.)(chinacloudapi\.cn|usgovcloudapi\.net)$/i;

/** The auth provider that issues tokens for these scopes (`https://management.chinacloudapi.cn/.default` → sovereign). */
export function authProviderFor(scopes: readonly string[]): AuthProviderId {
  return scopes.some((s) => SOVEREIGN_HOST.test(hostOf(s))) ? 'microsoft-sovereign-cloud' : 'microsoft';
}

/**
 * When the token expires, from the JWT's `exp` claim (VS Code's session carries no expiry). Only read to
 * know when to ask again, never trusted for anything else; an opaque token gets a short assumed lifetime.
 */
export function tokenExpiry(accessToken: string, now: number): number {
  const payload = accessToken.split('.')[1];
  if (payload) {
    try {
      const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
      if (typeof exp === 'number' && Number.isFinite(exp)) return exp * 1000;
    } catch {
      // Not a JWT: fall through.
    }
  }
  return now + UNKNOWN_LIFETIME_MS;
}

/**
 * A TokenCredential backed by a VS Code authentication session, looked up silently for the scopes the
 * SDK asks for. No session → CredentialUnavailableError, so DefaultAzureCredential takes over.
 */
export class SessionCredential implements TokenCredential {
  private readonly missing = new Map<string, string[]>();
  private readonly served = new Map<string, string[]>();

  constructor(
    private readonly lookup: SessionLookup,
    private readonly now: () => number = Date.now,
  ) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    const list = Array.isArray(scopes) ? [...scopes] : [scopes];
    const providerId = authProviderFor(list);
    const key = list.join(' ');
    let session: SessionLike | undefined;
    try {
      session = await this.lookup(providerId, list);
    } catch (e) {
      this.missing.set(key, list);
      throw new CredentialUnavailableError(`VS Code's ${providerId} sign-in is not available: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!session?.accessToken) {
      this.missing.set(key, list);
      throw new CredentialUnavailableError(`no account signed in to VS Code (${providerId}) for ${key}`);
    }
    const expiresOnTimestamp = tokenExpiry(session.accessToken, this.now());
    if (expiresOnTimestamp <= this.now()) {
      this.missing.set(key, list);
      throw new CredentialUnavailableError(`the VS Code ${providerId} session's token has expired`);
    }
    this.served.set(key, list);
    return { token: session.accessToken, expiresOnTimestamp, tokenType: 'Bearer' };
  }

  /** Sessions to create (scopes no session served), else to renew (served, yet Azure refused the token). */
  signInRequests(): SignInRequest[] {
    if (this.missing.size > 0) return [...this.missing.values()].map((scopes) => ({ providerId: authProviderFor(scopes), scopes, renew: false }));
    return [...this.served.values()].map((scopes) => ({ providerId: authProviderFor(scopes), scopes, renew: true }));
  }
}

/**
 * The provider as it is, but every answer of kind `credentials` (no sign-in anywhere, or a token
 * Resource Manager rejected) is reported to `onFailure` — for Terraform resources and ARM templates alike.
 */
export function watchCredentials<P extends LiveStateProvider>(provider: P, onFailure: (reason: string) => void): P {
  const note = (answers: Iterable<LiveResult>) => {
    for (const r of answers) if (r.status === 'error' && r.kind === 'credentials') onFailure(r.reason);
  };
  const fetch: LiveStateProvider['fetch'] = async (bindings, ctx) => {
    const answers = await provider.fetch(bindings, ctx);
    note(answers.values());
    return answers;
  };
  // A proxy, not a copy: everything else (getters such as the call counts) stays the provider's own.
  return new Proxy(provider, {
    get: (target, prop, receiver) => (prop === 'fetch' ? fetch : Reflect.get(target, prop, receiver)),
  });
}

function hostOf(scope: string): string {
  try {
    return new URL(scope).hostname;
  } catch {
    return '';
  }
}
