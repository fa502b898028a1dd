// More bodies shaped like the azure-rest-api-specs examples: extension resources (DiagnosticSettings_Get
// 2021-05-01-preview, RoleAssignments_Get 2022-04-01, ManagementLocks_GetByScope 2020-05-01), subnets and
// NICs carrying an association, route tables, NAT gateways, application security groups, network watchers.
import type { ArmJson } from './server';
import { SUB } from './examples';

const rgPath = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;
const etag = 'W/"00000000-0000-0000-0000-000000000000"';

export function diagnosticSettingBody(targetId: string, name: string, o: { workspaceId?: string; logs?: { category?: string; categoryGroup?: string; enabled: boolean }[] } = {}): ArmJson {
  return {
    // The service answers with the target in its own (lower) casing.
    id: `${targetId.replace('/resourceGroups/', '/resourcegroups/')}/providers/microsoft.insights/diagnosticSettings/${name}`,
    name,
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: {
      ...(o.workspaceId ? { workspaceId: o.workspaceId } : {}),
      logs: (o.logs ?? [{ categoryGroup: 'allLogs', enabled: true }]).map((l) => ({ category: l.category ?? null, categoryGroup: l.categoryGroup ?? null, enabled: l.enabled, retentionPolicy: { enabled: false, days: 0 } })),
      metrics: [{ category: 'AllMetrics', enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
      logAnalyticsDestinationType: null,
    },
  };
}

export function roleAssignmentBody(scope: string, name: string, o: { roleDefinitionGuid?: string; principalId?: string } = {}): ArmJson {
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${o.roleDefinitionGuid ?? 'acdd72a7-3385-48ef-bd42-f606fba81ae7'}`,
      principalId: o.principalId ?? 'ce2ce14e-85d7-4629-bdbc-454d0519d987',
      principalType: 'User',
      scope,
      condition: null,
      conditionVersion: null,
      createdOn: '2024-01-10T10:00:00.0000000Z',
      updatedOn: '2024-01-10T10:00:00.0000000Z',
    },
  };
}

export function lockBody(scope: string, name: string, level = 'CanNotDelete'): ArmJson {
  return { id: `${scope}/providers/Microsoft.Authorization/locks/${name}`, name, type: 'Microsoft.Authorization/locks', properties: { level, owners: [] } };
}

export function routeTableBody(rg: string, name: string): ArmJson {
  return { id: `${rgPath(rg)}/providers/Microsoft.Network/routeTables/${name}`, name, type: 'Microsoft.Network/routeTables', etag, location: 'westeurope', properties: { provisioningState: 'Succeeded', disableBgpRoutePropagation: false, routes: [] } };
}

export function asgBody(rg: string, name: string): ArmJson {
  return { id: `${rgPath(rg)}/providers/Microsoft.Network/applicationSecurityGroups/${name}`, name, type: 'Microsoft.Network/applicationSecurityGroups', etag, location: 'westeurope', properties: { provisioningState: 'Succeeded', resourceGuid: '00000000-0000-0000-0000-00000000a5a5' } };
}

export function networkWatcherBody(region: string): ArmJson {
  const name = `NetworkWatcher_${region}`;
  return { id: `${rgPath('NetworkWatcherRG')}/providers/Microsoft.Network/networkWatchers/${name}`, name, type: 'Microsoft.Network/networkWatchers', etag, location: region, properties: { provisioningState: 'Succeeded' } };
}
