// azurerm_storage_account ↔ Microsoft.Storage/storageAccounts. account_tier + account_replication_type
// are the two halves of `sku.name` (Standard_LRS). Weaker TLS, plain HTTP and public access are errors.
import type { AzureMapper } from './types';
import type { Value } from '../../../model';
import { bool, deriveTracked, enabled, exposedWhen, str, tlsBelow12, trackedAttributes, trackedShape } from './common';

const isTrue = (v: Value) => v === true;
const isFalse = (v: Value) => v === false;

export const storageAccount: AzureMapper = {
  type: 'azurerm_storage_account',
  armType: 'Microsoft.Storage/storageAccounts',
  attributes: {
    ...trackedAttributes,
    account_tier: { caseInsensitive: true },
    account_replication_type: { caseInsensitive: true },
    account_kind: { caseInsensitive: true },
    access_tier: { caseInsensitive: true },
    min_tls_version: { caseInsensitive: true, severity: exposedWhen(tlsBelow12) },
    https_traffic_only_enabled: { severity: exposedWhen(isFalse) },
    enable_https_traffic_only: { severity: exposedWhen(isFalse) },
    allow_nested_items_to_be_public: { severity: exposedWhen(isTrue) },
    allow_blob_public_access: { severity: exposedWhen(isTrue) },
    public_network_access_enabled: { severity: exposedWhen(isTrue) },
    shared_access_key_enabled: {},
    is_hns_enabled: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const [tier, replication] = (str(arm.sku?.name) ?? '_').split('_');
    const https = bool(p.supportsHttpsTrafficOnly, true);
    // The API omits allowBlobPublicAccess on accounts created before it existed; azurerm then reads false.
    const blobPublic = bool(p.allowBlobPublicAccess, false);
    return {
      ...trackedShape(arm),
      account_tier: tier || null,
      account_replication_type: replication ?? null,
      account_kind: str(arm.kind),
      access_tier: str(p.accessTier),
      // Absent means the service default, TLS 1.0 (documented on minimumTlsVersion).
      min_tls_version: str(p.minimumTlsVersion) ?? 'TLS1_0',
      https_traffic_only_enabled: https,
      enable_https_traffic_only: https,
      allow_nested_items_to_be_public: blobPublic,
      allow_blob_public_access: blobPublic,
      public_network_access_enabled: enabled(p.publicNetworkAccess),
      shared_access_key_enabled: bool(p.allowSharedKeyAccess, true),
      is_hns_enabled: bool(p.isHnsEnabled, false),
    };
  },
  deriveId: deriveTracked('Microsoft.Storage/storageAccounts'),
};
