// Policy assignments at every scope ↔ Microsoft.Authorization/policyAssignments (an extension resource on
// its scope): azurerm_resource_group_policy_assignment, _subscription_, _resource_ and _management_group_
// (read at management-group scope at azurerm's pinned api-version). Read as
// AssignmentBaseResource.readFunc (azurerm 4.x, policy/assignment_base_resource.go): enforce is
// enforcementMode "Default", parameters and metadata JSON strings, nil strings "".
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, str, strings } from './common';
import { jsonStringPolicy } from './parentIds';

function scopeOf(id: string): string {
  const i = id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/policyassignments/');
  return i >= 0 ? id.slice(0, i) : id;
}

function assignment(type: string, scopeAttr: string): AzureMapper {
  return {
    type,
    armType: 'Microsoft.Authorization/policyAssignments',
    attributes: {
      name: { caseInsensitive: true },
      [scopeAttr]: armIdPolicy,
      policy_definition_id: armIdPolicy,
      display_name: {},
      description: {},
      // Turning enforcement off lets non-compliant resources in: an error.
      enforce: { severity: (_e: Value, a: Value) => (a === false ? 'error' : 'warning') },
      not_scopes: { set: true, normalize: (v: Value) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.toLowerCase() : x)) : v) },
      parameters: jsonStringPolicy,
      location: { normalize: (v: Value) => (typeof v === 'string' ? v.replace(/\s+/g, '').toLowerCase() : v) },
    },
    map(arm) {
      const p = arm.properties ?? {};
      const params = p.parameters && typeof p.parameters === 'object' && Object.keys(p.parameters).length ? JSON.stringify(p.parameters) : '';
      return {
        name: arm.name,
        [scopeAttr]: str(p.scope) ?? scopeOf(arm.id),
        policy_definition_id: str(p.policyDefinitionId) ?? '',
        display_name: str(p.displayName) ?? '',
        description: str(p.description) ?? '',
        enforce: (str(p.enforcementMode) ?? 'Default').toLowerCase() === 'default',
        not_scopes: strings(p.notScopes),
        parameters: params,
        location: str(arm.location) ?? '',
      };
    },
    deriveId(attrs) {
      const scope = attrs[scopeAttr];
      const name = attrs.name;
      return typeof scope === 'string' && scope && typeof name === 'string' && name ? `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/policyAssignments/${name}` : undefined;
    },
  };
}

export const resourceGroupPolicyAssignment = assignment('azurerm_resource_group_policy_assignment', 'resource_group_id');
export const subscriptionPolicyAssignment = assignment('azurerm_subscription_policy_assignment', 'subscription_id');
export const resourcePolicyAssignment = assignment('azurerm_resource_policy_assignment', 'resource_id');
// At management-group scope there is no subscription to discover an api-version in: azurerm's own (policyassignments 2022-06-01).
export const managementGroupPolicyAssignment: AzureMapper = { ...assignment('azurerm_management_group_policy_assignment', 'management_group_id'), apiVersion: '2022-06-01', idFromAttributes: true };
