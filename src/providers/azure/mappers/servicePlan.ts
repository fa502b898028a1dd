// azurerm_service_plan ↔ Microsoft.Web/serverfarms. os_type is spread over `kind`, `reserved`
// (Linux) and `hyperV` (Windows containers).
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
    const osType = bool(p.hyperV, false) ? 'WindowsContainer' : bool(p.reserved, false) || /linux/i.test(arm.kind ?? '') ? 'Linux' : 'Windows';
    return {
      ...trackedShape(arm),
      os_type: osType,
      sku_name: str(arm.sku?.name),
      worker_count: num(arm.sku?.capacity),
      zone_balancing_enabled: bool(p.zoneRedundant, false),
      per_site_scaling_enabled: bool(p.perSiteScaling, false),
    };
  },
  deriveId: deriveTracked('Microsoft.Web/serverfarms'),
};
