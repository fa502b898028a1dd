// Credentials for one provider block, through the SDK's own providers (no STS code of ours): the
// default chain for the profile, then `fromTemporaryCredentials` for each `assume_role` in order.
// Loaded lazily with the first role; without roles the clients keep the SDK's default chain.
import type { EC2ClientConfig } from '@aws-sdk/client-ec2';
import type { AssumeRole, AwsAccess } from './access';

export type CredentialProvider = Exclude<NonNullable<EC2ClientConfig['credentials']>, { accessKeyId: string }>;

export type CredentialProvidersSdk = typeof import('@aws-sdk/credential-providers');

export const loadCredentialProviders = (): Promise<CredentialProvidersSdk> => import('@aws-sdk/credential-providers');

/** Name of the error an assume-role failure is rethrown as, so it reads as a credentials problem, not an EC2 one. */
export const ASSUME_ROLE_FAILED = 'AssumeRoleFailed';

/** The credential provider for `access` (undefined: the SDK's default chain with `access.profile` is enough). */
export async function credentialsFor(access: AwsAccess, region: string | undefined, load: () => Promise<CredentialProvidersSdk> = loadCredentialProviders): Promise<CredentialProvider | undefined> {
  if (access.roles.length === 0) return undefined;
  const sdk = await load();
  let current: CredentialProvider = sdk.fromNodeProviderChain(access.profile ? { profile: access.profile } : {});
  for (const role of access.roles) current = explain(role, assume(sdk, role, current, access.stsRegion ?? region));
  // One AssumeRole per expiry, however many clients share it.
  return memoize(current);
}

function assume(sdk: CredentialProvidersSdk, role: AssumeRole, source: CredentialProvider, region: string | undefined): CredentialProvider {
  return sdk.fromTemporaryCredentials({
    masterCredentials: source,
    params: { RoleArn: role.roleArn, ...(role.sessionName ? { RoleSessionName: role.sessionName } : {}), ...(role.externalId ? { ExternalId: role.externalId } : {}) },
    // STS in the region called (the SDK's regional endpoints); AWS_ENDPOINT_URL_STS is honoured by the SDK.
    ...(region ? { clientConfig: { region } } : {}),
  });
}

/** An assume-role failure says which role and why (the external ID never appears in it). */
function explain(role: AssumeRole, provider: CredentialProvider): CredentialProvider {
  return async (options) => {
    try {
      return await provider(options);
    } catch (e) {
      const x = (e ?? {}) as { name?: string; Code?: string; message?: string };
      const code = x.Code ?? x.name ?? 'Error';
      if (code === ASSUME_ROLE_FAILED) throw e;
      const err = new Error(`cannot assume role ${role.roleArn} (${code}${x.message && x.message !== code ? `: ${x.message.slice(0, 200)}` : ''})`);
      err.name = ASSUME_ROLE_FAILED;
      throw err;
    }
  };
}

function memoize(provider: CredentialProvider): CredentialProvider {
  let pending: ReturnType<CredentialProvider> | undefined;
  return (options) => {
    if (pending) {
      const p = pending;
      // Refresh when the temporary credentials are about to expire (5 minutes early, as the SDK does).
      return p.then((c) => (c.expiration && c.expiration.getTime() - Date.now() < 300_000 ? (pending = provider(options)) : c));
    }
    pending = provider(options);
    pending.catch(() => (pending = undefined));
    return pending;
  };
}
