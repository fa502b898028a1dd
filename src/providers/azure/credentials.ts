// Credentials are @azure/identity's business: an injected TokenCredential (the editor passes VS
// Code's Microsoft sign-in) or DefaultAzureCredential, loaded only when first needed.
import type { TokenCredential } from '@azure/core-auth';
import type { AzureCloud } from './clouds';

export type { TokenCredential };

export async function resolveCredential(injected: TokenCredential | undefined, cloud: AzureCloud): Promise<TokenCredential> {
  if (injected) return injected;
  const { DefaultAzureCredential } = await import('@azure/identity');
  // A custom endpoint's authority comes from AZURE_AUTHORITY_HOST, which the SDK reads itself.
  return new DefaultAzureCredential(cloud.name === 'custom' ? {} : { authorityHost: cloud.authorityHost });
}
