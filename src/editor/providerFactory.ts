// Builds the cloud providers for one scan. The providers (and, through them, the SDKs) are imported
// here, on the first scan, so activation never pays for them. In an untrusted workspace no provider is built.
// No vscode import: the scan worker (scanWorkerService.ts) builds its providers with this same code.
import type { LiveStateProvider } from '../model';
import type { TokenCredential } from '@azure/core-auth';
import type { DriftLensSettings } from './settings';

/** One scan's Azure sign-in: VS Code's session first, and a watch for "no credentials" answers. */
export interface AzureAuth {
  readonly credential: TokenCredential;
  watch<P extends LiveStateProvider>(provider: P): P;
  /** A "no credentials" answer seen elsewhere (by the scan worker's own watch). */
  noteFailure(reason: string): void;
}

/** The settings the providers are built from: plain data, so they can be sent to the scan worker. */
export type ProviderSettings = Pick<DriftLensSettings, 'awsProfile' | 'awsRegion' | 'azureSubscriptionId' | 'azureCloud' | 'azureEndpoint' | 'azureArmTarget'>;

/** Only the provider settings of `settings` (the rest holds nothing the worker needs). */
export function providerSettings(s: ProviderSettings): ProviderSettings {
  return { awsProfile: s.awsProfile, awsRegion: s.awsRegion, azureSubscriptionId: s.azureSubscriptionId, azureCloud: s.azureCloud, azureEndpoint: s.azureEndpoint, azureArmTarget: s.azureArmTarget };
}

export async function createProviders(settings: ProviderSettings, trusted: boolean, azureAuth?: AzureAuth): Promise<LiveStateProvider[]> {
  if (!trusted) return [];
  const [{ createAwsProvider }, { createAzureProvider }] = await Promise.all([import('../providers/aws'), import('../providers/azure/provider')]);
  // AWS endpoints come only from the environment (AWS_ENDPOINT_URL(_EC2)). The Azure endpoint comes from a
  // machine-scoped setting (workspace values ignored: settings.ts), else DRIFTLENS_AZURE_ENDPOINT as in the CLI.
  const azure = createAzureProvider({
    credentialsAllowed: true,
    preferredCredential: azureAuth?.credential,
    endpoint: settings.azureEndpoint ?? (process.env.DRIFTLENS_AZURE_ENDPOINT || undefined),
    defaultCloud: settings.azureCloud,
    subscriptionId: settings.azureSubscriptionId,
    armTarget: settings.azureArmTarget,
  });
  return [
    createAwsProvider({ profile: settings.awsProfile, region: settings.awsRegion, credentialsAllowed: true }),
    azureAuth ? azureAuth.watch(azure) : azure,
  ];
}

/** The engine's entry points, loaded on first use (parser, evaluator and comparison are not needed to activate). */
export function loadEngine(): Promise<typeof import('../engine/scan')> {
  return import('../engine/scan');
}
