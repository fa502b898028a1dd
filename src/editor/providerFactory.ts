// Builds the cloud providers for one scan. The AWS provider (and, through it, the SDK) is imported
// here, on the first scan, so activation never pays for it. In an untrusted workspace no provider is built.
import type { LiveStateProvider } from '../engine/model';
import type { DriftLensSettings } from './settings';

export async function createProviders(settings: DriftLensSettings, trusted: boolean): Promise<LiveStateProvider[]> {
  if (!trusted) return [];
  const [{ createAwsProvider }, { createAzureProvider }] = await Promise.all([import('../providers/aws'), import('../providers/azure/provider')]);
  // Endpoints come only from the environment (AWS_ENDPOINT_URL(_EC2), DRIFTLENS_AZURE_ENDPOINT, as the CLI reads them),
  // never from settings a workspace could set.
  return [
    createAwsProvider({ profile: settings.awsProfile, region: settings.awsRegion, credentialsAllowed: true }),
    createAzureProvider({ credentialsAllowed: true, endpoint: process.env.DRIFTLENS_AZURE_ENDPOINT || undefined }),
  ];
}

/** The engine's entry points, loaded on first use (parser, evaluator and comparison are not needed to activate). */
export function loadEngine(): Promise<typeof import('../engine/scan')> {
  return import('../engine/scan');
}
