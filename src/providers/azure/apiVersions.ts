// Which api-version to GET a type at: discovered once per (subscription, namespace) from
// `providers.get`, newest stable version the type offers (preview only when nothing else exists).
import type { ArmClient, ProviderResourceType } from './client';

const stable = /^\d{4}-\d{2}-\d{2}$/;

/** Newest stable api-version of `resourceType` (`virtualNetworks/subnets`) in a provider's type list. */
export function pickApiVersion(types: ProviderResourceType[], resourceType: string): string | undefined {
  const t = types.find((x) => x.resourceType.toLowerCase() === resourceType.toLowerCase());
  if (!t || t.apiVersions.length === 0) return undefined;
  const sorted = [...t.apiVersions].sort().reverse();
  return sorted.find((v) => stable.test(v)) ?? sorted[0];
}

/** Caches one `providers.get` per subscription and namespace for the life of a provider. */
export class ApiVersionCache {
  private readonly byNamespace = new Map<string, Promise<ProviderResourceType[]>>();

  constructor(private readonly client: ArmClient) {}

  async versionFor(subscriptionId: string, namespace: string, resourceType: string, signal?: AbortSignal): Promise<string> {
    const key = `${subscriptionId}/${namespace}`.toLowerCase();
    let types = this.byNamespace.get(key);
    if (!types) {
      types = this.client.providerTypes(subscriptionId, namespace, signal);
      this.byNamespace.set(key, types);
      // A failed discovery is retried by the next scan, not remembered.
      types.catch(() => this.byNamespace.delete(key));
    }
    const version = pickApiVersion(await types, resourceType);
    if (!version) throw new UnknownTypeError(`${namespace}/${resourceType}`);
    return version;
  }
}

export class UnknownTypeError extends Error {
  constructor(readonly fullType: string) {
    super(`resource provider offers no api-version for ${fullType}`);
    this.name = 'UnknownTypeError';
  }
}
