// azurerm_disk_encryption_set ↔ Microsoft.Compute/diskEncryptionSets, read as resourceDiskEncryptionSetRead
// (azurerm compute/disk_encryption_set_resource.go): encryption_type "EncryptionAtRestWithCustomerKey" when
// absent, auto_key_rotation_enabled false when absent, key_vault_key_id the active key URL without its version
// when rotation to the latest version is on, federated_client_id "" when absent.
import type { AzureMapper } from './types';
import { at, bool, deriveTracked, str, trackedAttributes, trackedShape } from './common';

/** `https://vault/keys/name[/version]` → without the version, as the read does when auto-rotation is on. */
function versionless(url: string): string {
  const m = /^(https:\/\/[^/]+\/keys\/[^/]+)(\/[^/]*)?\/?$/i.exec(url);
  return m ? m[1] : url;
}

export const diskEncryptionSet: AzureMapper = {
  type: 'azurerm_disk_encryption_set',
  armType: 'Microsoft.Compute/diskEncryptionSets',
  attributes: {
    ...trackedAttributes,
    // Key Vault host and key names are case-insensitive.
    key_vault_key_id: { caseInsensitive: true },
    auto_key_rotation_enabled: {},
    encryption_type: { caseInsensitive: true },
    federated_client_id: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const rotation = bool(p.rotationToLatestKeyVersionEnabled, false) as boolean;
    const keyUrl = str(at(p, 'activeKey.keyUrl')) ?? '';
    return {
      ...trackedShape(arm),
      key_vault_key_id: rotation && keyUrl ? versionless(keyUrl) : keyUrl,
      auto_key_rotation_enabled: rotation,
      encryption_type: str(p.encryptionType) ?? 'EncryptionAtRestWithCustomerKey',
      federated_client_id: str(p.federatedClientId) ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.Compute/diskEncryptionSets'),
};
