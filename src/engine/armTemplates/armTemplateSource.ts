// ARM templates as an IaC source the engine runs beside Terraform: scan (index, fetch at each
// template's api-version, compare) and recompare from cached live results with unsaved text.
import type { FetchContext, LiveResult, LiveStateProvider, ResourceResult, ScanError } from '../../model';
import { readFromDisk, type ReadText } from '../../iac/arm/files';
import { scanArmTemplates } from './armTemplateScan';

/** What the templates under a folder contribute to a scan. */
export interface ArmTemplateSourceScan {
  resources: ResourceResult[];
  errors: ScanError[];
  /** Live IDs of what the templates declare (for the unmanaged listing). */
  declaredIds: string[];
}

export interface ArmTemplateSource {
  /** Index the templates under `dir`, fetch and compare; live results go into `cache` for `recompare`. */
  scan(dir: string, ctx: FetchContext, cache: Map<string, LiveResult>): Promise<ArmTemplateSourceScan>;
  /** Compare again from `cache` only (no API call), reading files through `read` (unsaved editor text). */
  recompare(dir: string, cache: ReadonlyMap<string, LiveResult>, read: ReadText): Promise<ArmTemplateSourceScan>;
}

/** Live results keyed by `id@apiVersion`, so a recompare never calls the API. */
function cacheKey(liveId: string, apiVersion: unknown): string {
  return `${liveId.toLowerCase()}@${String(apiVersion)}`;
}

/** The ARM templates of a provider that reads them (`provider.armTemplates`), else undefined. */
export function armTemplateSource(provider: LiveStateProvider): ArmTemplateSource | undefined {
  if (!provider.armTemplates) return undefined;
  const { target, severity } = provider.armTemplates;
  return {
    async scan(dir: string, ctx: FetchContext, cache: Map<string, LiveResult>): Promise<ArmTemplateSourceScan> {
      const recording: LiveStateProvider = {
        ...provider,
        fetch: async (bindings, c) => {
          const answers = await provider.fetch(bindings, c);
          for (const [b, r] of answers) cache.set(cacheKey(b.liveId, b.providerConfig.settings.apiVersion), r);
          return answers;
        },
      };
      return scanArmTemplates({ dir, provider: recording, target, severity, read: readFromDisk }, ctx);
    },
    async recompare(dir: string, cache: ReadonlyMap<string, LiveResult>, read: ReadText): Promise<ArmTemplateSourceScan> {
      const cached: LiveStateProvider = {
        ...provider,
        fetch: async (bindings) =>
          new Map(bindings.map((b) => [b, cache.get(cacheKey(b.liveId, b.providerConfig.settings.apiVersion)) ?? { status: 'error', kind: 'other', reason: 'not fetched by the last scan: scan again' }])),
      };
      const silent = { signal: new AbortController().signal, logger: { debug() {}, info() {}, warn() {}, error() {} } };
      return scanArmTemplates({ dir, provider: cached, target, severity, read }, silent);
    },
  };
}
