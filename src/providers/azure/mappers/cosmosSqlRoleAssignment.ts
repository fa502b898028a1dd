// azurerm_cosmosdb_sql_role_assignment ↔ Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments (data-plane RBAC
// kept in Resource Manager). Read as resourceCosmosDbSQLRoleAssignmentRead (azurerm 4.x cosmos/, 2024-08-15):
// name, account from the ID; principal, role definition and scope as returned. A scope the live assignment holds
// above the declared one (a prefix of it: the whole account instead of one database) widens access: an error.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, deriveTracked, str, trackedShape } from './common';
import { nameAfter } from './parentIds';

const trim = (v: Value) => (typeof v === 'string' ? v.replace(/\/+$/, '').toLowerCase() : '');
const broader = (e: Value, a: Value) => trim(a) !== trim(e) && trim(e).startsWith(`${trim(a)}/`);

export const cosmosSqlRoleAssignment: AzureMapper = {
  type: 'azurerm_cosmosdb_sql_role_assignment',
  armType: 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
  attributes: {
    name: { caseInsensitive: true },
    resource_group_name: { caseInsensitive: true },
    account_name: { caseInsensitive: true },
    principal_id: { caseInsensitive: true },
    role_definition_id: armIdPolicy,
    scope: { caseInsensitive: true, severity: (e: Value, a: Value) => (broader(e, a) ? 'error' : 'warning') },
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      resource_group_name: trackedShape(arm).resource_group_name ?? null,
      account_name: nameAfter(arm.id, 'databaseAccounts'),
      principal_id: str(p.principalId) ?? '',
      role_definition_id: str(p.roleDefinitionId) ?? '',
      scope: str(p.scope) ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments', ['account_name']),
};
