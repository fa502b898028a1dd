// What some providers add to a scan beyond fetching bound instances (all optional hooks of
// LiveStateProvider): IDs derived from the code when state has none (Azure: name + resource group
// + subscription), IaC they read themselves (ARM templates), and unmanaged resources.
import type { FetchContext, LiveResult, LiveStateProvider, ResourceResult, ScanError, UnmanagedResource, Value } from '../model';
import type { InstanceRoot } from './resolve';
import { toValue } from '../iac/terraform/evalValue';
import { armTemplateSource } from './armTemplates/armTemplateSource';
import { answersFor, providerFor } from './providerFor';

/** Kept in the scan snapshot: what a recompare reuses without calling any API. */
export interface ProviderExtrasSnapshot {
  /** Per provider name: live results of the IaC it reads itself. */
  caches: Map<string, Map<string, LiveResult>>;
  unmanaged: UnmanagedResource[];
}

export interface ProviderExtrasResult {
  resources: ResourceResult[];
  errors: ScanError[];
  unmanaged: UnmanagedResource[];
}

/** Gives instances that state does not know the ID their provider derives from the declared attributes. */
export function deriveLiveIds(roots: InstanceRoot[], providers: readonly LiveStateProvider[]): void {
  for (const root of roots) {
    for (const inst of root.instances) {
      if (inst.liveId) continue;
      // An unexpanded count / for_each stands for several instances: no single ID.
      if ((inst.resource.count || inst.resource.forEach) && inst.address === inst.resource.address) continue;
      const provider = providerFor(providers, inst.providerConfig.provider);
      if (!provider?.deriveId || !provider.supports(inst.resource.type)) continue;
      const attributes: Record<string, Value | undefined> = {};
      for (const [name, entry] of inst.desired.entries) {
        if (entry.kind === 'attribute') attributes[name] = toValue(entry.value);
      }
      const id = provider.deriveId(inst.resource.type, attributes, inst.providerConfig);
      if (id) {
        inst.liveId = id;
        delete inst.unverifiedReason;
      }
    }
  }
}

/**
 * Runs each provider's own IaC source, then lists what no code declares near what the code declares.
 * `templates: false` (a scan of some roots only): no IaC source is read; the listing is scoped to `roots`.
 */
export async function scanProviderExtras(dir: string, roots: InstanceRoot[], providers: readonly LiveStateProvider[], ctx: FetchContext, options: { templates?: boolean } = {}): Promise<{ result: ProviderExtrasResult; snapshot: ProviderExtrasSnapshot }> {
  const result: ProviderExtrasResult = { resources: [], errors: [], unmanaged: [] };
  const snapshot: ProviderExtrasSnapshot = { caches: new Map(), unmanaged: [] };
  for (const provider of providers) {
    const declared = roots.flatMap((r) => r.instances.filter((i) => i.liveId && answersFor(provider, i.providerConfig.provider)).map((i) => i.liveId as string));
    const templates = options.templates === false ? undefined : armTemplateSource(provider);
    if (templates) {
      const cache = new Map<string, LiveResult>();
      const scanned = await templates.scan(dir, ctx, cache);
      snapshot.caches.set(provider.name, cache);
      result.resources.push(...scanned.resources);
      result.errors.push(...scanned.errors);
      declared.push(...scanned.declaredIds);
    }
    if (provider.listUnmanaged && declared.length > 0) {
      const listing = await provider.listUnmanaged(declared, ctx);
      result.unmanaged.push(...listing.unmanaged);
      result.errors.push(...listing.errors.map((message) => ({ kind: 'provider' as const, message: `${provider.name}: unmanaged resources not listed: ${message}`, severity: 'warning' as const })));
    }
  }
  snapshot.unmanaged = result.unmanaged;
  return { result, snapshot };
}

/** The same, from the snapshot only (edited files, no API call). */
export async function recompareProviderExtras(dir: string, providers: readonly LiveStateProvider[], snapshot: ProviderExtrasSnapshot | undefined, read: (absPath: string) => Promise<string | undefined>): Promise<ProviderExtrasResult> {
  const result: ProviderExtrasResult = { resources: [], errors: [], unmanaged: snapshot?.unmanaged ?? [] };
  for (const provider of providers) {
    const templates = armTemplateSource(provider);
    if (!templates) continue;
    const again = await templates.recompare(dir, snapshot?.caches.get(provider.name) ?? new Map(), read);
    result.resources.push(...again.resources);
    result.errors.push(...again.errors);
  }
  return result;
}
