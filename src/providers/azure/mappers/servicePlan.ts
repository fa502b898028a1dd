// azurerm_service_plan ↔ Microsoft.Web/serverfarms. os_type is spread over `reserved` (Linux) and
// `hyperV` (Windows containers), read as the ServicePlanResource Read does (azurerm 4.x,
// appservice/service_plan_resource.go): Windows unless hyperV, and `reserved` wins; `kind` is not
// consulted. Absent sku name / capacity / flags read "" / 0 / false (pointer.From).
import type { AzureMapper } from './types';
import { bool, deriveTracked, num, str, trackedAttributes, trackedShape } from './common';

export const servicePlan: AzureMapper = {
  type: 'azurerm_service_plan',
  armType: 'Microsoft.Web/serverfarms',
  attributes: {
    ...trackedAttributes,
    os_type: { caseInsensitive: true },
    sku_name: { caseInsensitive: true },
    worker_count: {},
    zone_balancing_enabled: {},
    per_site_scaling_enabled: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const osType = bool(p.reserved, false) ? 'Linux' : bool(p.hyperV, false) ? 'WindowsContainer' : 'Windows';
    return {
      ...trackedShape(arm),
      os_type: osType,
      sku_name: str(arm.sku?.name) ?? '',
      worker_count: num(arm.sku?.capacity) ?? 0,
      zone_balancing_enabled: bool(p.zoneRedundant, false),
      per_site_scaling_enabled: bool(p.perSiteScaling, false),
    };
  },
  deriveId: deriveTracked('Microsoft.Web/serverfarms'),
};
