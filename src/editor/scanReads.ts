// On-demand reads about one finished scan, in the editor: "Who changed it?" for one resource and the
// import blocks for one unmanaged resource, with the scan's own providers (no new credentials) and the
// resource's placement (account, region) as the scan resolved it. No vscode: plain-Node tests run it
// against the fakes.
import type { LiveSnapshot } from '../engine/scan';
import type { ImportFilter, ImportPlan } from '../engine/importBlocks/planImports';
import type { VariableInputs } from '../iac/terraform/variableInputs';
import type { ChangedBy, FetchContext, LiveStateProvider, ProviderConfig, ResourceResult, ScanResult } from '../model';

export type Attribution = { changedBy: ChangedBy } | { attributionNote: string };

/** What a lookup needs of the scan: its providers, and where a resource instance was asked for. */
export interface ScanReads {
  readonly providers: readonly LiveStateProvider[];
  placement(root: string, address: string): Promise<ProviderConfig | undefined>;
}

/** A snapshot kept in this thread (the engine's LiveSnapshot) knows both; a worker's handle knows neither. */
export function isLiveSnapshot(s: unknown): s is LiveSnapshot {
  return typeof s === 'object' && s !== null && 'providers' in s && 'live' in s && (s as LiveSnapshot).live instanceof Map;
}

export function snapshotReads(snapshot: LiveSnapshot): ScanReads {
  return { providers: snapshot.providers, placement: async (root, address) => snapshot.live.get(root)?.get(address)?.config };
}

/**
 * "Who changed it?" for one resource: the engine's attributeChanges over that resource alone, so one
 * lookup is one audit-log query. The answer is returned; the results every surface shows are not touched.
 */
export async function attributeOne(result: ResourceResult, reads: ScanReads, ctx: FetchContext): Promise<Attribution> {
  if ((result.status !== 'drifted' && result.status !== 'missing') || !result.liveId) {
    return { attributionNote: 'only drifted or missing resources with a cloud ID are looked up' };
  }
  const { attributeChanges } = await import('../engine/attribution');
  const one: ResourceResult = { ...result, changedBy: undefined, attributionNote: undefined };
  const config = await reads.placement(result.resource.root, result.address);
  // attributeChanges reads only `providers` and the entry's `config` of a snapshot.
  const snapshot = { providers: reads.providers, live: new Map(config ? [[result.resource.root, new Map([[result.address, { config }]])]] : []) } as unknown as LiveSnapshot;
  const only = { resources: [one] } as unknown as ScanResult;
  await attributeChanges({ result: only, snapshot }, ctx);
  return one.changedBy ? { changedBy: one.changedBy } : { attributionNote: one.attributionNote ?? 'no answer' };
}

/** The import + resource blocks for the unmanaged resources `filter` names, for a file in the folder `root`. */
export async function planImport(result: ScanResult, reads: ScanReads, root: string, filter: ImportFilter, ctx: FetchContext): Promise<ImportPlan> {
  const { planImports } = await import('../engine/importBlocks/planImports');
  return planImports(result, reads.providers, root, ctx, filter);
}

/**
 * For a scan whose snapshot stayed in the scan worker: the providers this thread built for that scan, and
 * placements from resolving the folder again (local files only, no cloud call), once per lookup session.
 */
export function resolvedReads(providers: readonly LiveStateProvider[], folder: string, variables: VariableInputs | undefined): ScanReads {
  let placements: Promise<Map<string, ProviderConfig>> | undefined;
  const load = async () => {
    const { resolveWorkspace } = await import('../engine/scan');
    const { roots } = await resolveWorkspace(folder, undefined, variables);
    return new Map(roots.flatMap((r) => r.instances.map((i) => [`${r.dir}\u0000${i.address}`, i.providerConfig] as const)));
  };
  return { providers, placement: async (root, address) => (await (placements ??= load())).get(`${root}\u0000${address}`) };
}
