// `readUnmanaged` of the AWS provider: unmanaged items read through the same batched Describe calls and
// mappers as `fetch` (a scope and notes of their own, so the scan's listing stays as it was), turned
// into the arguments a `resource` block writes (importSpecs.ts).
import type { Binding, FetchContext, ImportRead, LiveResult, ProviderConfig, UnmanagedResource } from '../../model';
import { AWS_IMPORT_SPECS, importArguments } from './importSpecs';

export async function readUnmanaged(
  items: UnmanagedResource[],
  ctx: FetchContext,
  fetch: (bindings: Binding[]) => Promise<Map<Binding, LiveResult>>,
  listedUnder: ReadonlyMap<string, ProviderConfig> = new Map(),
): Promise<Map<UnmanagedResource, ImportRead>> {
  const out = new Map<UnmanagedResource, ImportRead>();
  const bindings = new Map<Binding, UnmanagedResource>();
  for (const u of items) {
    const spec = AWS_IMPORT_SPECS[u.type];
    if (!spec) out.set(u, { status: 'not-importable', reason: `no import arguments known for ${u.type} yet` });
    // Read as the listing found it: the provider block it was listed under (profile, assumed roles) and its region
    // (a listing from another scan than this provider's: the region alone). Declaring every argument makes the
    // mapper read the on-demand ones too.
    else {
      const listed = listedUnder.get(u.liveId);
      const providerConfig: ProviderConfig = { ...(listed ?? { provider: 'aws', settings: {} }), region: u.region ?? listed?.region };
      bindings.set({ address: `${u.type}.${u.liveId}`, type: u.type, liveId: u.liveId, providerConfig, declaredAttributes: spec.arguments }, u);
    }
  }
  if (ctx.signal.aborted || bindings.size === 0) {
    for (const u of bindings.values()) out.set(u, { status: 'error', kind: 'cancelled', reason: 'cancelled' });
    return out;
  }
  const results = await fetch([...bindings.keys()]);
  for (const [b, u] of bindings) {
    const r: LiveResult = results.get(b) ?? { status: 'error', kind: 'other', reason: `no answer for ${u.liveId}` };
    if (r.status !== 'found') {
      out.set(u, r);
      continue;
    }
    const spec = AWS_IMPORT_SPECS[u.type];
    out.set(u, { status: 'importable', arguments: importArguments(u.type, r.attributes) ?? {}, ...(spec.blocks ? { blocks: spec.blocks } : {}), ...(spec.references ? { references: spec.references } : {}) });
  }
  return out;
}
