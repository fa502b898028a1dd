// azurerm types whose read sets nothing but name, resource_group_name, location and tags (their other
// attributes are computed): azurerm_network_ddos_protection_plan (resourceNetworkDDoSProtectionPlanFlatten:
// virtual_network_ids is computed), azurerm_application_security_group (resourceApplicationSecurityGroupRead)
// and azurerm_network_watcher (resourceNetworkWatcherRead), azurerm 4.x network/. Deep: every argument they
// accept is compared.
import type { AzureMapper } from './types';
import { deriveTracked, trackedAttributes, trackedShape } from './common';

function trackedOnly(type: string, armType: string): AzureMapper {
  return { type, armType, attributes: { ...trackedAttributes }, map: (arm) => trackedShape(arm), deriveId: deriveTracked(armType) };
}

export const ddosProtectionPlan = trackedOnly('azurerm_network_ddos_protection_plan', 'Microsoft.Network/ddosProtectionPlans');
export const applicationSecurityGroup = trackedOnly('azurerm_application_security_group', 'Microsoft.Network/applicationSecurityGroups');
export const networkWatcher = trackedOnly('azurerm_network_watcher', 'Microsoft.Network/networkWatchers');
