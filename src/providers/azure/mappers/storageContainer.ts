// azurerm_storage_container ↔ Microsoft.Storage/storageAccounts/blobServices/containers. With
// `storage_account_id` azurerm 4.x keeps the Resource Manager ID and reads it there (resourceStorageContainerRead,
// storage/storage_container_resource.go: publicAccess None/Blob/Container → private/blob/container, metadata a
// map). With `storage_account_name` it keeps the data-plane URL: read through Resource Manager only when
// `storage_account_id` is declared too, otherwise not read (never the data plane). Anonymous access is an error.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, bool, exposedWhen, str } from './common';
import { nameAfter } from './parentIds';

const ACCESS: Record<string, string> = { none: 'private', blob: 'blob', container: 'container' };

export const storageContainer: AzureMapper = {
  type: 'azurerm_storage_container',
  armType: 'Microsoft.Storage/storageAccounts/blobServices/containers',
  coverageNote: 'through Resource Manager; a data-plane ID (storage_account_name) only when storage_account_id is declared too',
  attributes: {
    name: {},
    storage_account_id: armIdPolicy,
    storage_account_name: {},
    container_access_type: { caseInsensitive: true, severity: exposedWhen((v: Value) => typeof v === 'string' && v !== 'private') },
    metadata: {},
    default_encryption_scope: {},
    encryption_scope_override_enabled: {},
  },
  armId(stateId, declared) {
    if (stateId.startsWith('/subscriptions/')) return stateId;
    const m = /^https:\/\/([^.]+)\.blob\.[^/]+\/([^/]+)\/?$/i.exec(stateId);
    if (!m) return { unreadable: `"${stateId}" is not a blob container URL` };
    const account = declared?.storage_account_id;
    if (typeof account === 'string' && account && nameAfter(account, 'storageAccounts')?.toLowerCase() === m[1].toLowerCase()) {
      return `${account.replace(/\/+$/, '')}/blobServices/default/containers/${m[2]}`;
    }
    return { unreadable: 'a container addressed by storage_account_name is read from the blob data plane, which DriftLens does not call (declare storage_account_id to read it through Resource Manager)' };
  },
  map(arm) {
    const p = arm.properties ?? {};
    const accountId = arm.id.replace(/\/blobServices\/.*$/i, '');
    return {
      name: arm.name,
      storage_account_id: accountId,
      storage_account_name: nameAfter(arm.id, 'storageAccounts'),
      container_access_type: ACCESS[(str(p.publicAccess) ?? 'None').toLowerCase()] ?? str(p.publicAccess) ?? 'private',
      metadata: { ...((p.metadata as Record<string, string> | undefined) ?? {}) },
      default_encryption_scope: str(p.defaultEncryptionScope) ?? '',
      encryption_scope_override_enabled: !bool(p.denyEncryptionScopeOverride, false),
    };
  },
  deriveId(attrs) {
    const { storage_account_id: account, name } = attrs;
    return typeof account === 'string' && account && typeof name === 'string' && name ? `${account.replace(/\/+$/, '')}/blobServices/default/containers/${name}` : undefined;
  },
};
