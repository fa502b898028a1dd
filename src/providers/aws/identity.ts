// Which account the credentials of a provider block are for: one STS GetCallerIdentity per fetch
// and identity (profile + role chain), as the Terraform AWS provider does at configure time
// (aws-sdk-go-base GetAwsAccountIDAndPartition). `@aws-sdk/client-sts` is loaded lazily, like EC2.
import type { AwsAccess } from './access';
import { ASSUME_ROLE_FAILED, type CredentialProvider } from './credentials';
import { classifyError, errorCode, isAbort, type LiveError } from './errors';
import { awsRequestHandler, awsTimeouts } from './httpHandler';

export type StsSdk = typeof import('@aws-sdk/client-sts');

export const loadStsSdk = (): Promise<StsSdk> => import('@aws-sdk/client-sts');

/**
 * `unsigned`: no request could be signed at all (no credentials, a role that cannot be assumed): every call
 * of this identity fails the same way, so its resources get that answer instead of a note.
 */
export type Identity = { account: string; arn?: string } | { error: string; unsigned?: LiveError };

const UNSIGNED = new Set(['CredentialsProviderError', 'TokenProviderError', ASSUME_ROLE_FAILED]);

export interface IdentityCache {
  /** The account `access` signs in to; asked once, whatever the number of regions and types. */
  get(access: AwsAccess, region: string | undefined, credentials: CredentialProvider | undefined, signal: AbortSignal): Promise<Identity>;
  destroy(): void;
}

export function createIdentityCache(load: () => Promise<StsSdk>, maxAttempts: number): IdentityCache {
  const asked = new Map<string, Promise<Identity>>();
  const clients: { destroy(): void }[] = [];
  const ask = async (access: AwsAccess, region: string | undefined, credentials: CredentialProvider | undefined, signal: AbortSignal): Promise<Identity> => {
    try {
      const sdk = await load();
      const client = new sdk.STSClient({
        ...(access.profile && !credentials ? { profile: access.profile } : {}),
        ...(credentials ? { credentials } : {}),
        // STS is in every region; when none is configured anywhere, ask the global endpoint's region.
        region: region ?? 'us-east-1',
        retryMode: 'adaptive',
        maxAttempts,
        // Connection, request and idle timeouts (DRIFTLENS_TIMEOUT): a call never hangs the scan.
        requestHandler: awsRequestHandler(awsTimeouts()),
      });
      clients.push(client);
      const out = await client.send(new sdk.GetCallerIdentityCommand({}), { abortSignal: signal });
      return out.Account ? { account: out.Account, ...(out.Arn ? { arn: out.Arn } : {}) } : { error: 'GetCallerIdentity answered without an account' };
    } catch (e) {
      if (isAbort(e, signal)) return { error: 'cancelled' };
      const x = (e ?? {}) as { message?: string; $metadata?: { httpStatusCode?: number } };
      const code = errorCode(e);
      const message = (x.message ?? '').slice(0, 200);
      const status = x.$metadata?.httpStatusCode;
      if (UNSIGNED.has(code) || /could not load credentials/i.test(message)) return { error: code, unsigned: classifyError(e, 'GetCallerIdentity', signal) };
      return { error: `${code}${status ? ` (HTTP ${status})` : ''}${message && message !== code ? `: ${message}` : ''}` };
    }
  };
  return {
    get(access, region, credentials, signal) {
      let p = asked.get(access.key);
      if (!p) {
        p = ask(access, region, credentials, signal);
        asked.set(access.key, p);
      }
      return p;
    },
    destroy() {
      for (const c of clients) c.destroy();
      clients.length = 0;
    },
  };
}
