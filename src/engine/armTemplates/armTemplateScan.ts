// ARM templates in a workspace against Azure: index the templates, fetch each resource by its ID
// at the template's own api-version, compare property by property. Results use the engine's
// ResourceResult, so reports, diagnostics and the tree show them like Terraform resources.
import { dirname } from 'node:path';
import type { ArmTarget, Binding, DeclaredResource, FetchContext, LiveStateProvider, ResourceResult, ScanError, Value } from '../../model';
import { compareArmResource, defaultArmSeverity, type ArmSeverity } from '../../iac/arm/compareTemplate';
import { loadArmTemplates, readFromDisk, type ReadText } from '../../iac/arm/files';
import type { ArmDeclaredResource } from '../../iac/arm/template';
import { maskedValue, maskLike, maskSensitiveValue } from '../../iac/sensitive';

export interface ArmTemplateScanOptions {
  dir: string;
  /** The provider that reads templates (its `fetch` answers template bindings at their api-version). */
  provider: LiveStateProvider;
  /** The deployment target when no `.driftlens.json` sits beside a template (a setting). */
  target?: ArmTarget;
  read?: ReadText;
  severity?: ArmSeverity;
}

export interface ArmTemplateScan {
  resources: ResourceResult[];
  errors: ScanError[];
  /** IDs of every template resource with a known ID (for the unmanaged listing). */
  declaredIds: string[];
}

/** The `provider` of template resources in results and reports. */
export const ARM_TEMPLATE_PROVIDER = 'arm';

export async function scanArmTemplates(options: ArmTemplateScanOptions, ctx: FetchContext): Promise<ArmTemplateScan> {
  const loaded = await loadArmTemplates(options.dir, options.target ?? {}, options.read ?? readFromDisk);
  const errors: ScanError[] = loaded.errors.map((e) => ({ kind: 'syntax', file: e.file, message: e.message, severity: 'warning' }));
  const planned: { resource: ArmDeclaredResource; binding?: Binding }[] = [];
  for (const template of loaded.templates) {
    for (const d of template.diagnostics) errors.push({ kind: 'syntax', file: template.file, range: d.range, message: d.message, severity: d.severity });
    for (const resource of template.resources) {
      if (resource.skipped) continue;
      const binding: Binding | undefined =
        resource.id && !resource.unverifiedReason && resource.apiVersion
          ? {
              address: addressOf(resource),
              type: resource.type,
              liveId: resource.id,
              providerConfig: { provider: ARM_TEMPLATE_PROVIDER, settings: { apiVersion: resource.apiVersion } },
              declaredAttributes: declaredPaths(resource),
            }
          : undefined;
      planned.push({ resource, binding });
    }
  }
  const bindings = planned.flatMap((p) => (p.binding ? [p.binding] : []));
  const live = bindings.length ? await options.provider.fetch(bindings, ctx) : new Map();
  const severity = options.severity ?? options.provider.armTemplates?.severity ?? defaultArmSeverity;
  const resources = planned.map(({ resource, binding }) => {
    const base = baseResult(resource, binding?.liveId ?? resource.id ?? null);
    if (!binding) return { ...base, status: 'unverified' as const, reason: resource.unverifiedReason ?? 'no resource ID' };
    const r = live.get(binding);
    if (!r) return { ...base, status: 'unverified' as const, reason: 'the Azure provider gave no answer' };
    if (r.status === 'not-found') return { ...base, status: 'missing' as const, reason: r.reason ?? 'not found' };
    if (r.status === 'error') return { ...base, status: 'unverified' as const, reason: r.reason };
    const { drifts, unverified } = compareArmResource(resource, r.attributes, severity, r.unreadable);
    return {
      ...base,
      status: drifts.length ? ('drifted' as const) : ('in-sync' as const),
      drifts,
      unverifiedAttributes: unverified,
      desired: desiredOf(resource),
      // Masked as the template's side is (secure parameters), and by name.
      live: Object.fromEntries([...resource.desired].filter(([k]) => k in r.attributes).map(([k, e]) => [k, maskSensitiveValue(resource.type, k, maskLike(e.value, r.attributes[k]))])),
    };
  });
  return { resources, errors, declaredIds: planned.flatMap((p) => (p.resource.id ? [p.resource.id] : [])) };
}

/**
 * The compared sections and each declared `properties.<key>`: the provider reads a property that
 * another endpoint serves (`properties.siteConfig` from `…/config/web`) only when it is declared.
 */
function declaredPaths(r: ArmDeclaredResource): string[] {
  const props = r.desired.get('properties')?.value;
  const nested = props?.kind === 'map' ? [...props.entries.keys()].map((k) => `properties.${k}`) : [];
  return [...r.desired.keys(), ...nested];
}

function addressOf(r: ArmDeclaredResource): string {
  const name = r.name.kind === 'scalar' && typeof r.name.value === 'string' ? r.name.value : r.nameText;
  return `${r.type}/${name}`;
}

function baseResult(r: ArmDeclaredResource, liveId: string | null): ResourceResult {
  const address = addressOf(r);
  const declared: DeclaredResource = {
    address,
    mode: 'managed',
    type: r.type,
    name: r.name.kind === 'scalar' ? String(r.name.value) : r.nameText,
    provider: ARM_TEMPLATE_PROVIDER,
    root: dirname(r.file),
    file: r.file,
    range: r.range,
    headerRange: r.headerRange,
    body: { attributes: {}, blocks: [] },
  };
  return { address, type: r.type, provider: ARM_TEMPLATE_PROVIDER, resource: declared, liveId, status: 'unverified', drifts: [], unverifiedAttributes: [] };
}

function desiredOf(r: ArmDeclaredResource): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, e] of r.desired) {
    // Sensitive parts (a secure parameter deep inside `properties`) masked, not only a sensitive top level.
    const v = maskedValue(e.value);
    if (v !== undefined) out[k] = maskSensitiveValue(r.type, k, v);
  }
  return out;
}
