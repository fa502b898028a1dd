// Monitoring workspaces: azurerm_log_analytics_workspace ↔ Microsoft.OperationalInsights/workspaces
// (resourceLogAnalyticsWorkspaceRead: internet ingestion/query true unless "Disabled", daily_quota_gb -1
// without a cap, local authentication from features.disableLocalAuth) and azurerm_application_insights ↔
// Microsoft.Insights/components at azurerm's api-version 2020-02-02 (resourceApplicationInsightsRead:
// ingestion/query true only when "Enabled", nil retention 0). azurerm 4.x loganalytics/, applicationinsights/.
// Opening ingestion or query to the Internet, or turning local (key) authentication on, is an error.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, exposedWhen, num, str, trackedAttributes, trackedShape } from './common';

const isTrue = (v: Value) => v === true;
const isFalse = (v: Value) => v === false;
const open = { severity: exposedWhen(isTrue) };

export const logAnalyticsWorkspace: AzureMapper = {
  type: 'azurerm_log_analytics_workspace',
  armType: 'Microsoft.OperationalInsights/workspaces',
  attributes: {
    ...trackedAttributes,
    sku: { caseInsensitive: true },
    retention_in_days: {},
    daily_quota_gb: {},
    internet_ingestion_enabled: open,
    internet_query_enabled: open,
    local_authentication_enabled: open,
    local_authentication_disabled: { severity: exposedWhen(isFalse) },
    allow_resource_only_permissions: {},
    cmk_for_query_forced: {},
    reservation_capacity_in_gb_per_day: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const disabled = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'disabled';
    const localDisabled = bool(at(p, 'features.disableLocalAuth'), false) as boolean;
    const quota = num(at(p, 'workspaceCapping.dailyQuotaGb'));
    return {
      ...trackedShape(arm),
      sku: str(at(p, 'sku.name')) ?? '',
      retention_in_days: num(p.retentionInDays) ?? 0,
      daily_quota_gb: quota ?? -1,
      internet_ingestion_enabled: !disabled(p.publicNetworkAccessForIngestion),
      internet_query_enabled: !disabled(p.publicNetworkAccessForQuery),
      local_authentication_enabled: !localDisabled,
      local_authentication_disabled: localDisabled,
      allow_resource_only_permissions: bool(at(p, 'features.enableLogAccessUsingOnlyResourcePermissions'), true),
      cmk_for_query_forced: bool(p.forceCmkForQuery, false),
      reservation_capacity_in_gb_per_day: num(at(p, 'sku.capacityReservationLevel')) ?? 0,
    };
  },
  deriveId: deriveTracked('Microsoft.OperationalInsights/workspaces'),
};

export const applicationInsights: AzureMapper = {
  type: 'azurerm_application_insights',
  armType: 'Microsoft.Insights/components',
  apiVersion: '2020-02-02',
  attributes: {
    ...trackedAttributes,
    application_type: { caseInsensitive: true },
    workspace_id: armIdPolicy,
    retention_in_days: {},
    sampling_percentage: {},
    // daily_data_cap_in_gb is not here: resourceApplicationInsightsRead takes it from the billing features
    // API (…/currentbillingfeatures), not from the component body, so it stays unverified, never drift.
    internet_ingestion_enabled: open,
    internet_query_enabled: open,
    local_authentication_enabled: open,
    local_authentication_disabled: { severity: exposedWhen(isFalse) },
    ip_masking_enabled: {},
    disable_ip_masking: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const enabled = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'enabled';
    const localDisabled = bool(p.DisableLocalAuth, false) as boolean;
    const noMasking = bool(p.DisableIpMasking, false) as boolean;
    return {
      ...trackedShape(arm),
      // The read maps "other" back to the lower-case schema value; the enum is case-insensitive anyway.
      application_type: str(p.Application_Type) ?? '',
      workspace_id: str(p.WorkspaceResourceId) ?? '',
      retention_in_days: num(p.RetentionInDays) ?? 0,
      sampling_percentage: num(p.SamplingPercentage) ?? 0,
      internet_ingestion_enabled: enabled(p.publicNetworkAccessForIngestion),
      internet_query_enabled: enabled(p.publicNetworkAccessForQuery),
      local_authentication_enabled: !localDisabled,
      local_authentication_disabled: localDisabled,
      ip_masking_enabled: !noMasking,
      disable_ip_masking: noMasking,
    };
  },
  deriveId: deriveTracked('Microsoft.Insights/components'),
};
