// azurerm_monitor_diagnostic_setting ↔ Microsoft.Insights/diagnosticSettings, an extension resource on
// its target. State holds `<target resource id>|<name>` (ParseMonitorDiagnosticId); the ARM resource is
// `<target>/providers/Microsoft.Insights/diagnosticSettings/<name>`, read at azurerm's own api-version
// (go-azure-sdk insights/2021-05-01-preview: the newest stable one, 2016-09-01, serves another shape).
// Absent properties read as resourceMonitorDiagnosticSettingRead (azurerm 4.x,
// internal/services/monitor/monitor_diagnostic_setting_resource.go): absent IDs and names are "".
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, str } from './common';

const dropEmpty = (v: Value): Value =>
  Array.isArray(v)
    ? v.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).filter(([, y]) => y !== '' && y !== null)) : x))
    : v;

export const diagnosticSetting: AzureMapper = {
  type: 'azurerm_monitor_diagnostic_setting',
  armType: 'Microsoft.Insights/diagnosticSettings',
  apiVersion: '2021-05-01-preview',
  attributes: {
    name: {},
    target_resource_id: armIdPolicy,
    log_analytics_workspace_id: armIdPolicy,
    storage_account_id: armIdPolicy,
    eventhub_authorization_rule_id: armIdPolicy,
    eventhub_name: {},
    log_analytics_destination_type: { caseInsensitive: true },
    // TypeSet blocks: only enabled categories are listed, as flattenMonitorDiagnosticEnabledLogs does.
    enabled_log: { block: 'set', normalize: dropEmpty },
    enabled_metric: { block: 'set', normalize: dropEmpty },
  },
  armId(stateId) {
    const parts = stateId.split('|');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return { unreadable: `diagnostic setting ID "${stateId}" is not "<target resource id>|<name>"` };
    return `${parts[0].replace(/\/+$/, '')}/providers/Microsoft.Insights/diagnosticSettings/${parts[1]}`;
  },
  deriveId(attrs) {
    const { target_resource_id: target, name } = attrs;
    return typeof target === 'string' && typeof name === 'string' && target && name ? `${target}|${name}` : undefined;
  },
  map(arm) {
    const p = arm.properties ?? {};
    const target = arm.id.replace(/\/providers\/microsoft\.insights\/diagnosticSettings\/[^/]+$/i, '');
    const entries = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []).filter((x) => x?.enabled === true);
    return {
      name: arm.name,
      target_resource_id: target,
      log_analytics_workspace_id: str(p.workspaceId) ?? '',
      storage_account_id: str(p.storageAccountId) ?? '',
      eventhub_authorization_rule_id: str(p.eventHubAuthorizationRuleId) ?? '',
      eventhub_name: str(p.eventHubName) ?? '',
      log_analytics_destination_type: str(p.logAnalyticsDestinationType) ?? '',
      enabled_log: entries(p.logs).map((l) => ({ category: str(l.category) ?? '', category_group: str(l.categoryGroup) ?? '' })),
      enabled_metric: entries(p.metrics).map((m) => ({ category: str(m.category) ?? '' })),
    };
  },
};
