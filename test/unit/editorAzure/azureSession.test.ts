// VS Code's Microsoft session as a TokenCredential (the vscode-free half of src/editor/azureSignIn.ts):
// which auth provider, which token and expiry, and that @azure/identity's own chain moves past it
// when nobody signed in — checked with the real ChainedTokenCredential, not a copy of its rule.
import { strict as assert } from 'node:assert';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ChainedTokenCredential } from '@azure/identity';
import { authProviderFor, CredentialUnavailableError, SessionCredential, tokenExpiry, type AuthProviderId } from '../../../src/editor/azureSession';

const PUBLIC = 'https://management.azure.com/.default';
const CHINA = 'https://management.chinacloudapi.cn/.default';
const USGOV = 'https://management.usgovcloudapi.net/.default';
const NOW = Date.UTC(2026, 10, 26, 6, 0, 0);

/** A JWT-shaped token (header.payload.signature) with the given claims; the signature is never checked by us. */
function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

function lookupOf(sessions: Partial<Record<string, string>>) {
  const calls: [AuthProviderId, string[]][] = [];
  const lookup = async (providerId: AuthProviderId, scopes: string[]) => {
    calls.push([providerId, scopes]);
    const token = sessions[`${providerId} ${scopes.join(' ')}`];
    return token === undefined ? undefined : { accessToken: token };
  };
  return { calls, lookup };
}

describe('editor Azure sign-in: session credential', () => {
  it('picks the auth provider from the scope: public → microsoft, China and US Government → microsoft-sovereign-cloud', () => {
    assert.equal(authProviderFor([PUBLIC]), 'microsoft');
    assert.equal(authProviderFor([CHINA]), 'microsoft-sovereign-cloud');
    assert.equal(authProviderFor([USGOV]), 'microsoft-sovereign-cloud');
    assert.equal(authProviderFor(['https://127.0.0.1:8443/.default']), 'microsoft', 'a custom endpoint');
    assert.equal(authProviderFor(['https://evilchinacloudapi.cn.example.com/.default']), 'microsoft', 'a look-alike host is not sovereign');
  });

  it('reads the expiry from the JWT exp claim, and assumes a short life for an opaque token', () => {
    assert.equal(tokenExpiry(jwt({ exp: 1_800_000_000, aud: 'https://management.azure.com' }), NOW), 1_800_000_000_000);
    assert.equal(tokenExpiry('opaque-token', NOW), NOW + 5 * 60_000);
    assert.equal(tokenExpiry('a.not-base64-json.c', NOW), NOW + 5 * 60_000);
  });

  it('returns the session token for the scopes the SDK asks for, with its expiry', async () => {
    const token = jwt({ exp: NOW / 1000 + 3600 });
    const { calls, lookup } = lookupOf({ [`microsoft ${PUBLIC}`]: token });
    const credential = new SessionCredential(lookup, () => NOW);
    const got = await credential.getToken(PUBLIC);
    assert.deepEqual(got, { token, expiresOnTimestamp: NOW + 3600_000, tokenType: 'Bearer' });
    assert.deepEqual(calls, [['microsoft', [PUBLIC]]]);
    assert.deepEqual(credential.signInRequests(), [{ providerId: 'microsoft', scopes: [PUBLIC], renew: true }], 'served, so a later refusal asks for a new session');
  });

  it('no session, a missing provider or an expired token: CredentialUnavailableError, and "Sign in" knows what to ask for', async () => {
    const expired = jwt({ exp: NOW / 1000 - 60 });
    const credential = new SessionCredential(async (providerId, scopes) => {
      if (providerId === 'microsoft-sovereign-cloud') throw new Error('Timed out waiting for authentication provider to register');
      return scopes[0] === USGOV ? undefined : { accessToken: expired };
    }, () => NOW);
    for (const scope of [PUBLIC, CHINA]) {
      await assert.rejects(credential.getToken(scope), (e: Error) => e instanceof CredentialUnavailableError && e.name === 'CredentialUnavailableError');
    }
    await assert.rejects(credential.getToken(PUBLIC), /expired/);
    await assert.rejects(credential.getToken(CHINA), /not available: Timed out/);
    assert.deepEqual(credential.signInRequests(), [
      { providerId: 'microsoft', scopes: [PUBLIC], renew: false },
      { providerId: 'microsoft-sovereign-cloud', scopes: [CHINA], renew: false },
    ]);
  });

  it('in @azure/identity\'s ChainedTokenCredential: the session first, the next credential only when nobody signed in', async () => {
    const fallbackCalls: string[] = [];
    const fallback: TokenCredential = {
      async getToken(scopes): Promise<AccessToken> {
        fallbackCalls.push(String(scopes));
        return { token: 'from-default-chain', expiresOnTimestamp: NOW + 3600_000 };
      },
    };
    const signedIn = new ChainedTokenCredential(new SessionCredential(lookupOf({ [`microsoft ${PUBLIC}`]: 'from-vscode' }).lookup, () => NOW), fallback);
    assert.equal((await signedIn.getToken(PUBLIC))?.token, 'from-vscode');
    assert.deepEqual(fallbackCalls, []);
    const nobody = new ChainedTokenCredential(new SessionCredential(lookupOf({}).lookup, () => NOW), fallback);
    assert.equal((await nobody.getToken(PUBLIC))?.token, 'from-default-chain');
    assert.deepEqual(fallbackCalls, [PUBLIC]);
  });
});
