// Scoped resources that live at any scope (subscription, resource group, resource) as extension
// resources: azurerm_role_assignment ↔ Microsoft.Authorization/roleAssignments (resourceArmRoleAssignmentRead,
// authorization/role_assignment_resource.go: state ID `<id>` or `<id>|<tenant id>`, DestructRoleAssignmentId)
// and azurerm_management_lock ↔ Microsoft.Authorization/locks (resourceManagementLockRead,
// resource/management_lock_resource.go: scope from the ID). azurerm 4.x; absent strings read "".
import type { AzureMapper } from './types';
import { armIdPolicy, str } from './common';

/** The scope an extension resource hangs on: its ID before the last `/providers/Microsoft.Authorization/`. */
function scopeOf(id: string): string {
  const i = id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/');
  return i > 0 ? id.slice(0, i) : id;
}

const ROLE_DEFINITION = 'roleDefinition';
/** Built-in roles that grant write on everything or on access itself. */
const PRIVILEGED = new Set(['owner', 'contributor', 'user access administrator']);

export const roleAssignment: AzureMapper = {
  type: 'azurerm_role_assignment',
  armType: 'Microsoft.Authorization/roleAssignments',
  attributes: {
    name: { caseInsensitive: true },
    scope: armIdPolicy,
    role_definition_id: armIdPolicy,
    principal_id: { caseInsensitive: true },
    principal_type: { caseInsensitive: true },
    description: {},
    condition: {},
    condition_version: {},
    // Role names are matched as azurerm stores them (properties.roleName); a role that became one granting
    // full or access-management rights is an escalation.
    role_definition_name: { severity: (_e, actual) => (typeof actual === 'string' && PRIVILEGED.has(actual.toLowerCase()) ? 'error' : 'warning') },
  },
  // resourceArmRoleAssignmentRead GETs the role definition by roleDefinitionId (api-version 2022-04-01) for its roleName.
  related: [{ key: ROLE_DEFINITION, when: ['role_definition_name'], id: (arm) => str(arm.properties?.roleDefinitionId) ?? undefined, apiVersion: '2022-04-01', permission: 'Microsoft.Authorization/roleDefinitions/read' }],
  // `|<tenant id>` marks a cross-tenant assignment; the ARM resource is the part before it.
  armId: (stateId) => stateId.split('|')[0],
  map(arm, extras) {
    const p = arm.properties ?? {};
    const role = extras[ROLE_DEFINITION];
    return {
      ...(role ? { role_definition_name: str(role.properties?.roleName) ?? '' } : {}),
      name: arm.name,
      scope: str(p.scope) ?? scopeOf(arm.id),
      role_definition_id: str(p.roleDefinitionId) ?? '',
      principal_id: str(p.principalId) ?? '',
      principal_type: str(p.principalType) ?? '',
      description: str(p.description) ?? '',
      condition: str(p.condition) ?? '',
      condition_version: str(p.conditionVersion) ?? '',
    };
  },
  deriveId(attrs) {
    const { scope, name } = attrs;
    return typeof scope === 'string' && typeof name === 'string' && scope && name ? `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/roleAssignments/${name}` : undefined;
  },
};

export const managementLock: AzureMapper = {
  type: 'azurerm_management_lock',
  armType: 'Microsoft.Authorization/locks',
  attributes: { name: { caseInsensitive: true }, scope: armIdPolicy, lock_level: { caseInsensitive: true }, notes: {} },
  map(arm) {
    const p = arm.properties ?? {};
    return { name: arm.name, scope: scopeOf(arm.id), lock_level: str(p.level) ?? '', notes: str(p.notes) ?? '' };
  },
  deriveId(attrs) {
    const { scope, name } = attrs;
    return typeof scope === 'string' && typeof name === 'string' && scope && name ? `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/locks/${name}` : undefined;
  },
};
