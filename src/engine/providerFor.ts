// Which live-state provider answers for a Terraform provider name: the one named so, else one that
// serves it too (the Azure provider reads `azapi` resources from the same Resource Manager).
import type { LiveStateProvider } from '../model';

export function providerFor<P extends LiveStateProvider>(providers: readonly P[], name: string): P | undefined {
  return providers.find((p) => p.name === name) ?? providers.find((p) => p.serves?.includes(name));
}

/** True when `provider` answers for resources of the Terraform provider `name`. */
export function answersFor(provider: LiveStateProvider, name: string): boolean {
  return provider.name === name || !!provider.serves?.includes(name);
}
