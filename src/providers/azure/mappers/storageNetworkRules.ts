// azurerm_storage_account_network_rules ↔ the storage account's `networkAcls` (its state ID is the
// account's ID). resourceStorageAccountNetworkRulesRead (azurerm 4.x, storage/storage_account_network_rules_resource.go)
// reads the same fields as the account's `network_rules` block; an absent rule set is the service's
// open default (Allow for AzureServices), never "nothing to compare".
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy } from './common';
import { networkRulePolicies, networkRules } from './storageAccount';

export const storageNetworkRules: AzureMapper = {
  type: 'azurerm_storage_account_network_rules',
  armType: 'Microsoft.Storage/storageAccounts',
  attributes: { storage_account_id: armIdPolicy, ...networkRulePolicies },
  deriveId: (attrs) => (typeof attrs.storage_account_id === 'string' && attrs.storage_account_id ? attrs.storage_account_id : undefined),
  map(arm) {
    const [rules] = networkRules(arm.properties?.networkAcls as Record<string, unknown> | undefined) as Record<string, Value>[];
    return { storage_account_id: arm.id, ...rules };
  },
};
