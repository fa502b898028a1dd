// azurerm_storage_encryption_scope ↔ Microsoft.Storage/storageAccounts/encryptionScopes. Read as
// resourceStorageEncryptionScopeRead (azurerm 4.x storage/): a scope in state "Disabled" is dropped from state (so
// it is missing here too), source as returned, key_vault_key_id "" without Key Vault properties, the
// infrastructure-encryption flag as returned (false when absent).
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, str } from './common';
import { childOf, parentId } from './parentIds';

export const storageEncryptionScope: AzureMapper = {
  type: 'azurerm_storage_encryption_scope',
  armType: 'Microsoft.Storage/storageAccounts/encryptionScopes',
  attributes: {
    name: { caseInsensitive: true },
    storage_account_id: armIdPolicy,
    source: { caseInsensitive: true },
    key_vault_key_id: {},
    infrastructure_encryption_required: {},
  },
  absentReason: (arm) => ((str(arm.properties?.state) ?? '').toLowerCase() === 'disabled' ? `encryption scope ${arm.name} is disabled (azurerm drops it from state)` : undefined),
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      storage_account_id: parentId(arm.id),
      source: str(p.source) ?? '',
      key_vault_key_id: str(at(p, 'keyVaultProperties.keyUri')) ?? '',
      infrastructure_encryption_required: bool(p.requireInfrastructureEncryption, false),
    };
  },
  deriveId: childOf('storage_account_id', 'encryptionScopes'),
};
