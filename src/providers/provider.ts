// The live-state providers the engine can use. Each loads its SDK lazily on first fetch.
import type { LiveStateProvider } from '../model';
import { createAwsProvider, type AwsProviderOptions } from './aws/awsProvider';

export interface ProviderOptions {
  /** False in an untrusted workspace: providers use no credentials and call nothing. */
  credentialsAllowed: boolean;
  aws?: Omit<AwsProviderOptions, 'credentialsAllowed'>;
}

export function createProviders(options: ProviderOptions): LiveStateProvider[] {
  return [createAwsProvider({ ...options.aws, credentialsAllowed: options.credentialsAllowed })];
}
