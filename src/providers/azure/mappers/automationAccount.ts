// azurerm_automation_account ↔ Microsoft.Automation/automationAccounts. Read as resourceAutomationAccountFlatten
// (azurerm 4.x automation/automation_account_resource.go, automation 2024-10-23): public network access true
// unless publicNetworkAccess is false, local authentication true unless disableLocalAuth, sku_name "" without
// a sku, encryption only for a customer-managed (Microsoft.Keyvault) key. The DSC keys come from another API
// and are secrets: not read. Opening public access or turning local (key) authentication on is an error.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { at, bool, deriveTracked, exposedWhen, str, trackedAttributes, trackedShape } from './common';

const isTrue = (v: Value) => v === true;

export const automationAccount: AzureMapper = {
  type: 'azurerm_automation_account',
  armType: 'Microsoft.Automation/automationAccounts',
  attributes: {
    ...trackedAttributes,
    sku_name: { caseInsensitive: true },
    public_network_access_enabled: { severity: exposedWhen(isTrue) },
    local_authentication_enabled: { severity: exposedWhen(isTrue) },
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      // The 2024-10-23 body keeps sku under properties; older answers at the top.
      sku_name: str(at(p, 'sku.name')) ?? str(at(arm.sku, 'name')) ?? '',
      public_network_access_enabled: bool(p.publicNetworkAccess, true),
      local_authentication_enabled: !bool(p.disableLocalAuth, false),
    };
  },
  deriveId: deriveTracked('Microsoft.Automation/automationAccounts'),
};
