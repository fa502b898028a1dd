// ARM-template properties that the resource's own GET does not serve: Resource Manager keeps them
// in a sub-resource, so they are read there (at the template's api-version) and put where the
// template declares them. When that read fails, the property is unreadable with the reason —
// never compared with what the resource's GET happened to hold.
import type { Binding, LiveResult, Value } from '../../model';
import { classifyArmError } from './errors';
import type { ArmResource } from './mappers/types';

interface ServedElsewhere {
  /** Lower-cased ARM type of the templated resource. */
  type: string;
  /** The property under `properties` that the sub-resource holds. */
  property: string;
  /** Sub-resource path under the resource ID; its `properties` is the value. */
  path: string;
  /** Its ARM type, for permissions in messages. */
  subType: string;
}

/**
 * WebApps_Get returns `siteConfig` with most fields null; WebApps_GetConfiguration
 * (GET …/sites/{name}/config/web, example GetSiteConfig.json) holds it. azurerm reads it the same
 * way: resourceLinuxWebAppRead / resourceWindowsWebAppRead call `client.GetConfiguration`.
 */
const SERVED_ELSEWHERE: readonly ServedElsewhere[] = [
  { type: 'microsoft.web/sites', property: 'siteConfig', path: 'config/web', subType: 'Microsoft.Web/sites/config' },
  { type: 'microsoft.web/sites/slots', property: 'siteConfig', path: 'config/web', subType: 'Microsoft.Web/sites/slots/config' },
];

/** GETs a sub-resource of the bound resource by its path (`config/web`). */
export type GetSubResource = (path: string) => Promise<ArmResource>;

/** The template binding's live answer, with each declared property served elsewhere read from its endpoint. */
export async function withTemplateSubResources(arm: ArmResource, binding: Binding, get: GetSubResource): Promise<LiveResult> {
  const type = binding.type.toLowerCase();
  const wanted = SERVED_ELSEWHERE.filter((s) => s.type === type && binding.declaredAttributes.some((a) => a.toLowerCase() === `properties.${s.property.toLowerCase()}`));
  if (wanted.length === 0) return { status: 'found', attributes: arm as unknown as Record<string, Value> };
  const properties: Record<string, unknown> = { ...(arm.properties ?? {}) };
  const unreadable: Record<string, string> = {};
  for (const s of wanted) {
    const key = `properties.${s.property}`;
    try {
      const sub = await get(s.path);
      if (sub?.properties && typeof sub.properties === 'object') properties[s.property] = sub.properties;
      else unreadable[key] = `served by …/${s.path}, which returned no properties`;
    } catch (err) {
      const r = classifyArmError(err, s.subType);
      unreadable[key] = `served by …/${s.path}: ${r.status === 'error' ? r.reason : (r.reason ?? 'not found')}`;
      // What the resource's GET held there is not the configuration: never compare it.
      delete properties[s.property];
    }
  }
  const attributes = { ...arm, properties } as unknown as Record<string, Value>;
  return Object.keys(unreadable).length ? { status: 'found', attributes, unreadable } : { status: 'found', attributes };
}
