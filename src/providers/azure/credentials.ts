// Credentials are @azure/identity's business: an injected TokenCredential (the editor passes VS
// Code's Microsoft sign-in) or DefaultAzureCredential, loaded only when first needed.
import type { TokenCredential } from '@azure/core-auth';
import type { AzureCloud } from './clouds';

export type { TokenCredential };

/**
 * `injected` is used alone. `preferred` (the editor's sign-in) goes first, and DefaultAzureCredential
 * takes over when it throws CredentialUnavailableError (nobody signed in there).
 */
export async function resolveCredential(injected: TokenCredential | undefined, cloud: AzureCloud, preferred?: TokenCredential): Promise<TokenCredential> {
  if (injected) return injected;
  const { ChainedTokenCredential, DefaultAzureCredential } = await import('@azure/identity');
  // A custom endpoint's authority comes from AZURE_AUTHORITY_HOST, which the SDK reads itself.
  const fallback = new DefaultAzureCredential(cloud.name === 'custom' ? {} : { authorityHost: cloud.authorityHost });
  return preferred ? new ChainedTokenCredential(preferred, fallback) : fallback;
}
