// azurerm_storage_account ↔ Microsoft.Storage/storageAccounts. account_tier + account_replication_type
// are the two halves of `sku.name` (Standard_LRS). Weaker TLS, plain HTTP and public access are errors.
// Absent properties read as resourceStorageAccountRead / resourceStorageAccountFlatten (azurerm 4.x,
// internal/services/storage/storage_account_resource.go) sets them: the API leaves out fields newer than
// the account, and several of those defaults are the *open* value.
import type { AttributePolicy, AzureMapper } from './types';
import type { Value } from '../../../model';
import { armIdSetPolicy, bool, deriveTracked, exposedWhen, notDisabled, str, tlsBelow12, trackedAttributes, trackedShape } from './common';

const isTrue = (v: Value) => v === true;
const isFalse = (v: Value) => v === false;
const isAllow = (v: Value) => typeof v === 'string' && v.toLowerCase() === 'allow';

/**
 * `network_rules` as flattenAccountNetworkRules reads `networkAcls` (storage_account_helpers_network.go),
 * except that an absent rule set is the service's default, `Allow` for AzureServices: azurerm then leaves
 * the block empty, which would read a firewall removed in the console as "nothing to compare".
 */
export function networkRules(acls: Record<string, unknown> | undefined): Value {
  const bypass = str(acls?.bypass) ?? 'AzureServices';
  return [
    {
      default_action: str(acls?.defaultAction) ?? 'Allow',
      // A CSV ("Logging, Metrics") that azurerm holds as a set.
      bypass: bypass.split(',').map((s) => s.trim()).filter((s) => s && s.toLowerCase() !== 'none'),
      ip_rules: ((acls?.ipRules as { value?: unknown }[] | undefined) ?? []).map((r) => str(r.value)).filter((x): x is string => !!x),
      virtual_network_subnet_ids: ((acls?.virtualNetworkRules as { id?: unknown }[] | undefined) ?? []).map((r) => str(r.id)).filter((x): x is string => !!x),
    },
  ];
}

const bypassCasing: Record<string, string> = { azureservices: 'AzureServices', logging: 'Logging', metrics: 'Metrics', none: 'None' };

/** The fields of a storage network rule set (the `network_rules` block, azurerm_storage_account_network_rules). */
export const networkRulePolicies: Record<string, AttributePolicy> = {
  default_action: { caseInsensitive: true, severity: exposedWhen(isAllow) },
  // A set of enums, re-cased as flattenAccountNetworkRuleBypass does (the API answers a CSV in any case).
  bypass: { set: true, normalize: (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? (bypassCasing[x.toLowerCase()] ?? x) : x)) : v) },
  ip_rules: { set: true },
  virtual_network_subnet_ids: armIdSetPolicy,
};

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
    // TypeList MaxItems 1 whose inner lists are all TypeSet in the provider's schema.
    network_rules: { block: 'list', attributes: networkRulePolicies },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const [tier, replication] = (str(arm.sku?.name) ?? '_').split('_');
    // pointer.From(props.SupportsHTTPSTrafficOnly): absent reads false (the exposed value).
    const https = bool(p.supportsHttpsTrafficOnly, false);
    // Absent reads true in azurerm 3.x and 4.x (accounts older than the property allow public blobs);
    // azurerm 5.0 changed the read to false. We keep the 4.x reading: it never hides exposure.
    const blobPublic = bool(p.allowBlobPublicAccess, true);
    return {
      ...trackedShape(arm),
      account_tier: tier || null,
      account_replication_type: replication ?? null,
      account_kind: str(arm.kind) ?? '',
      access_tier: str(p.accessTier) ?? '',
      // Absent means the service default, TLS 1.0 (the read sets MinimumTlsVersionTLSOneZero).
      min_tls_version: str(p.minimumTlsVersion) ?? 'TLS1_0',
      https_traffic_only_enabled: https,
      enable_https_traffic_only: https,
      allow_nested_items_to_be_public: blobPublic,
      allow_blob_public_access: blobPublic,
      // `true` unless the API says Disabled, as the read does (SecuredByPerimeter counts as open).
      public_network_access_enabled: notDisabled(p.publicNetworkAccess),
      shared_access_key_enabled: bool(p.allowSharedKeyAccess, true),
      is_hns_enabled: bool(p.isHnsEnabled, false),
      network_rules: networkRules(p.networkAcls as Record<string, unknown> | undefined),
    };
  },
  deriveId: deriveTracked('Microsoft.Storage/storageAccounts'),
};
