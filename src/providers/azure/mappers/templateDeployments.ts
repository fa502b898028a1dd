// ARM template deployments: azurerm_resource_group_template_deployment and azurerm_subscription_template_deployment
// ↔ Microsoft.Resources/deployments (azurerm 4.x resource/*_template_deployment_resource.go, read through the
// 2020-06-01 deployments client). As those reads set them: debug_level "" when absent or "none",
// deployment_mode the mode as returned, template_spec_version_id "" without a template link, and
// parameters_content the returned parameters without their `type` (filterOutTemplateDeploymentParameters).
// template_content comes from a POST (exportTemplate), which DriftLens never calls: it stays unverified.
// parameters_content compares as a payload: only the parameters the code passes, and a secureString
// value — which the GET never returns — unverified, never drift.
import type { Value } from '../../../model';
import type { ArmResource, AttributePolicy, AzureMapper } from './types';
import { deriveTracked, locationPolicy, str, tagsPolicy, trackedShape } from './common';

const DEBUG_LEVELS = ['none', 'requestContent', 'responseContent', 'requestContent, responseContent'];

/** flattenTemplateDeploymentDebugSetting: "" for none or absent, else the schema's spelling. */
function debugLevel(v: unknown): string {
  const s = str(v);
  if (!s || s.toLowerCase() === 'none') return '';
  return DEBUG_LEVELS.find((k) => k.toLowerCase() === s.replace(/\s*,\s*/g, ', ').toLowerCase()) ?? '';
}

/** The parameters as azurerm keeps them: each without `type`, so a secure one is `{}` (its value is never returned). */
function parameters(v: unknown): Record<string, Value> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  const out: Record<string, Value> = {};
  for (const [name, p] of Object.entries(v as Record<string, unknown>)) {
    if (p === null || p === undefined) continue;
    out[name] = p && typeof p === 'object' && !Array.isArray(p) ? (Object.fromEntries(Object.entries(p).filter(([k]) => k.toLowerCase() !== 'type')) as Value) : (p as Value);
  }
  return out;
}

const parametersPolicy: AttributePolicy = {
  armPayload: { severity: () => 'warning', absent: 'not returned by the GET (Resource Manager never returns a secureString parameter)' },
};

const deploymentAttributes: Record<string, AttributePolicy> = {
  name: { caseInsensitive: true },
  deployment_mode: { caseInsensitive: true },
  debug_level: { caseInsensitive: true },
  template_spec_version_id: { caseInsensitive: true },
  parameters_content: parametersPolicy,
  tags: tagsPolicy,
};

function deploymentShape(arm: ArmResource): Record<string, Value> {
  const p = arm.properties ?? {};
  const link = p.templateLink as { id?: string } | undefined;
  return {
    name: arm.name,
    deployment_mode: str(p.mode) ?? '',
    debug_level: debugLevel((p.debugSetting as { detailLevel?: string } | undefined)?.detailLevel),
    template_spec_version_id: str(link?.id) ?? '',
    parameters_content: parameters(p.parameters),
    tags: { ...(arm.tags ?? {}) },
  };
}

const note = 'template_content is not read (azurerm reads it with exportTemplate, a POST); secureString parameters are never returned';

export const resourceGroupTemplateDeployment: AzureMapper = {
  type: 'azurerm_resource_group_template_deployment',
  armType: 'Microsoft.Resources/deployments',
  coverageNote: note,
  attributes: { ...deploymentAttributes, resource_group_name: { caseInsensitive: true } },
  map: (arm) => ({ ...deploymentShape(arm), resource_group_name: trackedShape(arm).resource_group_name ?? null }),
  deriveId: deriveTracked('Microsoft.Resources/deployments'),
};

export const subscriptionTemplateDeployment: AzureMapper = {
  type: 'azurerm_subscription_template_deployment',
  armType: 'Microsoft.Resources/deployments',
  coverageNote: note,
  // A subscription deployment has a location (where its metadata is kept); NormalizeNilable as the read does.
  attributes: { ...deploymentAttributes, location: locationPolicy },
  map: (arm) => ({ ...deploymentShape(arm), location: arm.location ?? '' }),
  deriveId(attrs, subscriptionId) {
    const name = attrs.name;
    return typeof name === 'string' && name ? `/subscriptions/${subscriptionId}/providers/Microsoft.Resources/deployments/${name}` : undefined;
  },
};
