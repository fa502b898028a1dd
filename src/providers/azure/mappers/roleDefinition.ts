// azurerm_role_definition ↔ Microsoft.Authorization/roleDefinitions. Its state ID is `<role definition id>|<scope>`;
// the definition is read at its own ID (RoleDefinitionResource.Read, azurerm 4.x authorization/, 2022-05-01-preview):
// name is the roleName, permissions a list of blocks whose actions/not_actions are lists and data actions sets,
// assignable_scopes a list. A live action the code does not grant (a wider role) is an error.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { str, strings } from './common';

const lowerList = (v: Value): Value => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.toLowerCase() : x)) : v);
const grantsMore = (e: Value, a: Value): boolean => Array.isArray(a) && a.some((x) => typeof x === 'string' && !(Array.isArray(e) ? e : []).some((y) => typeof y === 'string' && y.toLowerCase() === x.toLowerCase()));
const wider = { normalize: lowerList, ordered: true, severity: (e: Value, a: Value) => (grantsMore(e, a) ? ('error' as const) : ('warning' as const)) };
const widerSet = { normalize: lowerList, set: true, severity: wider.severity };

export const roleDefinition: AzureMapper = {
  type: 'azurerm_role_definition',
  armType: 'Microsoft.Authorization/roleDefinitions',
  coverageNote: 'state ID "<role definition id>|<scope>": read at the role definition ID',
  attributes: {
    name: {},
    scope: { caseInsensitive: true },
    role_definition_id: { caseInsensitive: true },
    description: {},
    assignable_scopes: { normalize: lowerList, ordered: true },
    permissions: { block: 'list', attributes: { actions: wider, not_actions: { normalize: lowerList, ordered: true }, data_actions: widerSet, not_data_actions: { normalize: lowerList, set: true } } },
  },
  armId(stateId) {
    const [id, scope] = stateId.split('|');
    return id && scope !== undefined ? id : { unreadable: `azurerm_role_definition ID "${stateId}" is not "<role definition id>|<scope>"` };
  },
  map(arm, _extras, _declared, stateId) {
    const p = arm.properties ?? {};
    const perms = (Array.isArray(p.permissions) ? p.permissions : []) as Record<string, unknown>[];
    return {
      name: str(p.roleName) ?? '',
      // The scope it was created at is the state ID's second half (RoleDefinitionResource.Read keeps it from the ID).
      scope: (stateId ?? '').split('|')[1] ?? '',
      role_definition_id: arm.name,
      description: str(p.description) ?? '',
      assignable_scopes: strings(p.assignableScopes),
      permissions: perms.map((x) => ({ actions: strings(x.actions), not_actions: strings(x.notActions), data_actions: strings(x.dataActions), not_data_actions: strings(x.notDataActions) })),
    };
  },
  deriveId(attrs) {
    const { role_definition_id: guid, scope } = attrs;
    return typeof guid === 'string' && guid && typeof scope === 'string' && scope ? `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/roleDefinitions/${guid}|${scope}` : undefined;
  },
};
