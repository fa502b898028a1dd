// Repository-scoped access to a container registry: azurerm_container_registry_scope_map ↔ registries/scopeMaps
// (resourceContainerRegistryScopeMapRead: description "" when nil, actions a TypeList) and
// azurerm_container_registry_token ↔ registries/tokens (resourceContainerRegistryTokenRead: enabled unless the
// status is "disabled"). azurerm 4.x containers/. Wider actions or a re-enabled token widen access: an error.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, deriveTracked, str, strings, trackedShape } from './common';
import { nameAfter } from './parentIds';

/** A live action the code does not grant. */
const widens = (e: Value, a: Value): boolean => Array.isArray(a) && a.some((x) => typeof x === 'string' && !(Array.isArray(e) ? e : []).some((y) => typeof y === 'string' && y.toLowerCase() === x.toLowerCase()));
const lower = (v: Value): Value => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.toLowerCase() : x)) : v);

export const containerRegistryScopeMap: AzureMapper = {
  type: 'azurerm_container_registry_scope_map',
  armType: 'Microsoft.ContainerRegistry/registries/scopeMaps',
  attributes: {
    name: { caseInsensitive: true },
    resource_group_name: { caseInsensitive: true },
    container_registry_name: { caseInsensitive: true },
    description: {},
    // Live actions the code lacks grant more: an error.
    actions: { normalize: lower, ordered: true, severity: (e: Value, a: Value) => (widens(e, a) ? 'error' : 'warning') },
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      resource_group_name: trackedShape(arm).resource_group_name ?? null,
      container_registry_name: nameAfter(arm.id, 'registries'),
      description: str(p.description) ?? '',
      actions: strings(p.actions),
    };
  },
  deriveId: deriveTracked('Microsoft.ContainerRegistry/registries/scopeMaps', ['container_registry_name']),
};

export const containerRegistryToken: AzureMapper = {
  type: 'azurerm_container_registry_token',
  armType: 'Microsoft.ContainerRegistry/registries/tokens',
  attributes: {
    name: { caseInsensitive: true },
    resource_group_name: { caseInsensitive: true },
    container_registry_name: { caseInsensitive: true },
    scope_map_id: armIdPolicy,
    enabled: { severity: (_e: Value, a: Value) => (a === true ? 'error' : 'warning') },
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      resource_group_name: trackedShape(arm).resource_group_name ?? null,
      container_registry_name: nameAfter(arm.id, 'registries'),
      scope_map_id: str(p.scopeMapId) ?? '',
      enabled: (str(p.status) ?? '').toLowerCase() !== 'disabled',
    };
  },
  deriveId: deriveTracked('Microsoft.ContainerRegistry/registries/tokens', ['container_registry_name']),
};

