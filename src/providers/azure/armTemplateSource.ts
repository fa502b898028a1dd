// ARM templates as an IaC source the engine runs beside Terraform: scan (index, fetch at each
// template's api-version, compare) and recompare from cached live results with unsaved text.
import type { FetchContext, LiveResult, LiveStateProvider, ProviderIacSource, ResourceResult, ScanError } from '../../engine/model';
import { readFromDisk, type ReadText } from '../../iac/arm/files';
import type { ArmTarget } from '../../iac/arm/scope';
import { scanArmTemplates } from './armTemplateScan';

export interface ArmTemplateSourceScan {
  resources: ResourceResult[];
  errors: ScanError[];
  declaredIds: string[];
}

/** Live results keyed by `id@apiVersion`, so a recompare never calls the API. */
function cacheKey(liveId: string, apiVersion: unknown): string {
  return `${liveId.toLowerCase()}@${String(apiVersion)}`;
}

export function armTemplateSource(provider: LiveStateProvider, target: ArmTarget = {}): ProviderIacSource {
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
      return scanArmTemplates({ dir, provider: recording, target, read: readFromDisk }, ctx);
    },
    async recompare(dir: string, cache: ReadonlyMap<string, LiveResult>, read: ReadText): Promise<ArmTemplateSourceScan> {
      const cached: LiveStateProvider = {
        ...provider,
        fetch: async (bindings) =>
          new Map(bindings.map((b) => [b, cache.get(cacheKey(b.liveId, b.providerConfig.settings.apiVersion)) ?? { status: 'error', kind: 'other', reason: 'not fetched by the last scan: scan again' }])),
      };
      const silent = { signal: new AbortController().signal, logger: { debug() {}, info() {}, warn() {}, error() {} } };
      return scanArmTemplates({ dir, provider: cached, target, read }, silent);
    },
  };
}
