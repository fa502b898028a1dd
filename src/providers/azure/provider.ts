// The Azure plug-in of the engine: azurerm resources (and ARM-template resources) against Azure
// Resource Manager. SDKs load on the first fetch; credentials come from the front-end or @azure/identity.
import type { AttributionAnswer, AttributionTarget } from '../../model';
import { ACTIVITY_LOG_API_VERSION, azureLastChanges, type ActivityEventData } from './attribution';
import { setMaxListeners } from 'node:events';
import type { Binding, FetchContext, LiveResult, LiveStateProvider, ArmSeverity, ArmTarget, ProviderConfig, TypeSchema, Value } from '../../model';
import { ApiVersionCache } from './apiVersions';
import { ArmClient, type ArmCallCounts, type ArmRetryOptions } from './client';
import { cloudByName, customCloud, type AzureCloud, type AzureCloudName } from './clouds';
import { resolveCredential, type TokenCredential } from './credentials';
import { classifyArmError } from './errors';
import { fetchBindings, isArmTemplateBinding } from './fetchBindings';
import { mapperFor } from './mappers/registry';
import type { AzureMapper } from './mappers/types';
import { subscriptionFor } from './subscription';
import { listUnmanaged, managedResourceGroups, type UnmanagedListing } from './unmanaged';
import { armSeverity } from './armSeverity';
import { azureCoverage } from './coverage';

export interface AzureProviderOptions {
  /** A credential used alone (tests, a caller that has its own); else DefaultAzureCredential. */
  credential?: TokenCredential;
  /** Tried before DefaultAzureCredential (VS Code's Microsoft sign-in); it throws CredentialUnavailableError when nobody signed in. */
  preferredCredential?: TokenCredential;
  /** False in an untrusted workspace: no credential is read and no SDK is loaded. Default true. */
  credentialsAllowed?: boolean;
  /** Subscription for IDs derived from names, after the provider block's `subscription_id`. */
  subscriptionId?: string;
  cloud?: AzureCloudName;
  /** Cloud when the provider block sets no `environment` (a setting); before ARM_ENVIRONMENT. */
  defaultCloud?: AzureCloudName;
  /** Custom Resource Manager endpoint (`--azure-endpoint`, DRIFTLENS_AZURE_ENDPOINT); wins over `cloud`. */
  endpoint?: string;
  /** Token audience for a custom endpoint (default: the endpoint). */
  audience?: string;
  /** Extra trusted CA certificates (PEM) for a private endpoint. */
  ca?: string | string[];
  /** Calls in flight at once (default 8). */
  concurrency?: number;
  retry?: ArmRetryOptions;
  /** Per-call timeout in seconds (`--timeout`); default DRIFTLENS_TIMEOUT, else 30 (client.ts). */
  timeoutSeconds?: number;
  /** A collection with at least this many bindings is listed in one call (default 2). */
  listThreshold?: number;
  /** Environment (ARM_SUBSCRIPTION_ID, ARM_ENVIRONMENT); default process.env. */
  env?: Record<string, string | undefined>;
  /** List resources Azure services own (AKS node groups, Network Watcher, `managedBy`) as unmanaged, with their owner. Default false. */
  includeServiceManaged?: boolean;
  /** Deployment target of ARM templates without a `.driftlens.json` beside them (a setting). */
  armTarget?: ArmTarget;
}

export interface AzureProvider extends LiveStateProvider {
  /** Calls made so far, by kind, over all clouds. */
  readonly calls: ArmCallCounts;
  /** The comparison policy of an azurerm type (normalizations, sets, severities). */
  mapper(type: string): AzureMapper | undefined;
  /** The ARM ID of a resource the state does not know, from its name, resource group and subscription. */
  deriveId(type: string, attributes: Record<string, Value | undefined>, config?: ProviderConfig): string | undefined;
  /** Resources in the resource groups of `declaredIds` (or the given ones) that no code declares. */
  listUnmanaged(declaredIds: string[], ctx: FetchContext, resourceGroupIds?: string[]): Promise<UnmanagedListing>;
  /** ARM templates: their default deployment target and severity policy (the engine indexes and compares them). */
  readonly armTemplates: { target: ArmTarget; severity: ArmSeverity };
}

export function createAzureProvider(options: AzureProviderOptions = {}): AzureProvider {
  const env = options.env ?? process.env;
  // A bad endpoint is the user's input: say so now, not once per resource.
  if (options.endpoint) customCloud({ endpoint: options.endpoint, audience: options.audience });
  const calls: ArmCallCounts = { providers: 0, getById: 0, listCollection: 0, listByResourceGroup: 0 };
  // One client (and one api-version cache) per cloud, built on first use.
  const sessions = new Map<string, Promise<{ client: ArmClient; versions: ApiVersionCache }>>();

  const cloudOf = (config: ProviderConfig | undefined): AzureCloud => {
    if (options.endpoint) return customCloud({ endpoint: options.endpoint, audience: options.audience });
    const name = options.cloud ?? stringSetting(config, 'environment') ?? options.defaultCloud ?? env.ARM_ENVIRONMENT;
    const cloud = cloudByName(name);
    if (!cloud) throw new Error(`unknown Azure environment "${name}" (expected public, china or usgovernment)`);
    return cloud;
  };

  const session = (cloud: AzureCloud) => {
    let s = sessions.get(cloud.resourceManager);
    if (!s) {
      s = (async () => {
        const credential = await resolveCredential(options.credential, cloud, options.preferredCredential);
        // One token up front: a missing sign-in fails once, not once per resource.
        await credential.getToken(cloud.scope);
        const client = await ArmClient.create({ credential, cloud, ca: options.ca, retry: options.retry, timeoutMs: options.timeoutSeconds ? options.timeoutSeconds * 1000 : undefined });
        return { client, versions: new ApiVersionCache(client) };
      })();
      sessions.set(cloud.resourceManager, s);
      s.catch(() => sessions.delete(cloud.resourceManager));
    }
    return s;
  };

  const provider: AzureProvider = {
    name: 'azurerm',
    // azapi resources are Resource Manager resources too, read with the same credentials and client.
    serves: ['azapi'],
    get calls() {
      return { ...calls };
    },
    supports: (type) => mapperFor(type) !== undefined || type.includes('/'),
    coverage: azureCoverage,
    async lastChanges(targets, ctx) {
      if (options.credentialsAllowed === false) return new Map(targets.map((t) => [t, { note: 'credentials are not used in an untrusted workspace' }]));
      const out = new Map<AttributionTarget, AttributionAnswer>();
      for (const t of targets) {
        try {
          const { client } = await session(cloudOf(t.config));
          for (const [k, v] of await azureLastChanges([t], (path, query, signal) => client.listCollection(path, ACTIVITY_LOG_API_VERSION, signal, query) as Promise<ActivityEventData[]>, ctx.signal)) out.set(k, v);
        } catch (e) {
          out.set(t, { note: `cannot sign in to Azure (${e instanceof Error ? e.message.slice(0, 160) : String(e)})` });
        }
      }
      return out;
    },
    mapper: (type) => mapperFor(type),
    schema: (type): TypeSchema | undefined => {
      const m = mapperFor(type);
      return m ? { attributes: m.attributes } : undefined;
    },
    deriveId(type, attributes, config) {
      const subscription = subscriptionFor(config, options.subscriptionId, env);
      const mapper = mapperFor(type);
      if (!mapper?.deriveId || (!subscription && !mapper.idFromAttributes)) return undefined;
      return mapper.deriveId(attributes, subscription ?? '');
    },
    async fetch(bindings: Binding[], ctx: FetchContext): Promise<Map<Binding, LiveResult>> {
      const results = new Map<Binding, LiveResult>();
      if (options.credentialsAllowed === false) {
        for (const b of bindings) results.set(b, { status: 'error', kind: 'credentials', reason: 'credentials are not used in an untrusted workspace' });
        return results;
      }
      // Each request in flight listens on the scan's signal; the default cap of 10 would warn.
      setMaxListeners(Math.max(50, (options.concurrency ?? 8) * 4), ctx.signal);
      const byCloud = new Map<string, { cloud: AzureCloud; bindings: Binding[] }>();
      for (const b of bindings) {
        try {
          const cloud = cloudOf(isArmTemplateBinding(b) ? undefined : b.providerConfig);
          const entry = byCloud.get(cloud.resourceManager) ?? { cloud, bindings: [] };
          entry.bindings.push(b);
          byCloud.set(cloud.resourceManager, entry);
        } catch (err) {
          results.set(b, { status: 'error', kind: 'other', reason: (err as Error).message });
        }
      }
      for (const { cloud, bindings: group } of byCloud.values()) {
        let s: { client: ArmClient; versions: ApiVersionCache };
        try {
          s = await session(cloud);
        } catch (err) {
          const failure = classifyArmError(err, '');
          const detail = failure.status === 'error' && failure.kind === 'credentials' ? failure.reason : `no Azure credentials: ${failure.reason ?? 'sign-in failed'}`;
          const reason = `${detail} — sign in with "az login" (or azd, PowerShell), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET`;
          ctx.logger.warn(`azure: ${reason}`);
          for (const b of group) results.set(b, { status: 'error', kind: 'credentials', reason });
          continue;
        }
        const before = { ...s.client.calls };
        const fetched = await fetchBindings(s.client, s.versions, group, ctx, { concurrency: options.concurrency ?? 8, listThreshold: options.listThreshold ?? 2 });
        addCalls(calls, before, s.client.calls);
        for (const [b, r] of fetched) results.set(b, r);
      }
      return results;
    },
    async listUnmanaged(declaredIds, ctx, resourceGroupIds = managedResourceGroups(declaredIds)) {
      // Untrusted workspace: every resource already says why it is unverified; nothing to add.
      if (options.credentialsAllowed === false) return { unmanaged: [], errors: [] };
      let s: { client: ArmClient; versions: ApiVersionCache };
      try {
        s = await session(cloudOf(undefined));
      } catch (err) {
        return { unmanaged: [], errors: [`no Azure credentials: ${classifyArmError(err, '').reason ?? ''}`] };
      }
      setMaxListeners(50, ctx.signal);
      const before = { ...s.client.calls };
      const listing = await listUnmanaged(s.client, resourceGroupIds, declaredIds, ctx, options.includeServiceManaged ?? false, s.versions);
      addCalls(calls, before, s.client.calls);
      return listing;
    },
    armTemplates: { target: options.armTarget ?? {}, severity: armSeverity },
  };
  return provider;
}

function stringSetting(config: ProviderConfig | undefined, name: string): string | undefined {
  const v = config?.settings[name];
  return typeof v === 'string' ? v : undefined;
}

function addCalls(into: ArmCallCounts, before: ArmCallCounts, after: ArmCallCounts): void {
  for (const k of Object.keys(into) as (keyof ArmCallCounts)[]) into[k] += after[k] - before[k];
}
