// azurerm_key_vault ↔ Microsoft.KeyVault/vaults. Opening the firewall (default_action Allow) or
// public network access is an error. Absent properties read as resourceKeyVaultFlatten (azurerm 4.x,
// internal/services/keyvault/key_vault_resource.go) sets them: bools from nil pointers are false, an
// absent `networkAcls` is flattenKeyVaultNetworkAcls' open default (Allow, AzureServices).
import type { AzureMapper } from './types';
import type { Value } from '../../../model';
import { armIdSetPolicy, at, bool, deriveTracked, enabled, exposedWhen, num, str, trackedAttributes, trackedShape } from './common';

/** azurerm accepts `1.2.3.4`; the API answers `1.2.3.4/32`. */
function normalizeIpRules(v: Value): Value {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' && !x.includes('/') ? `${x}/32` : x)) : v;
}

export const keyVault: AzureMapper = {
  type: 'azurerm_key_vault',
  armType: 'Microsoft.KeyVault/vaults',
  attributes: {
    ...trackedAttributes,
    tenant_id: { caseInsensitive: true },
    sku_name: { caseInsensitive: true },
    soft_delete_retention_days: {},
    purge_protection_enabled: { severity: exposedWhen((a) => a === false) },
    public_network_access_enabled: { severity: exposedWhen((a) => a === true) },
    enable_rbac_authorization: {},
    rbac_authorization_enabled: {},
    enabled_for_deployment: {},
    enabled_for_disk_encryption: {},
    enabled_for_template_deployment: {},
    network_acls: {
      block: 'list',
      attributes: {
        default_action: { caseInsensitive: true, severity: exposedWhen((a) => typeof a === 'string' && a.toLowerCase() === 'allow') },
        bypass: { caseInsensitive: true },
        ip_rules: { set: true, normalize: normalizeIpRules },
        virtual_network_subnet_ids: armIdSetPolicy,
      },
    },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const acls = p.networkAcls as Record<string, unknown> | undefined;
    const rbac = bool(p.enableRbacAuthorization, false);
    return {
      ...trackedShape(arm),
      tenant_id: str(p.tenantId) ?? '',
      sku_name: str(at(p, 'sku.name')) ?? '',
      // The service applies 90 days when the property is absent (or 0), and the read says so.
      soft_delete_retention_days: num(p.softDeleteRetentionInDays) || 90,
      purge_protection_enabled: bool(p.enablePurgeProtection, false),
      public_network_access_enabled: enabled(p.publicNetworkAccess),
      enable_rbac_authorization: rbac,
      rbac_authorization_enabled: rbac,
      enabled_for_deployment: bool(p.enabledForDeployment, false),
      enabled_for_disk_encryption: bool(p.enabledForDiskEncryption, false),
      enabled_for_template_deployment: bool(p.enabledForTemplateDeployment, false),
      network_acls: [
        {
          bypass: str(acls?.bypass) ?? 'AzureServices',
          default_action: str(acls?.defaultAction) ?? 'Allow',
          ip_rules: ((acls?.ipRules as { value?: string }[] | undefined) ?? []).map((r) => str(r.value)).filter((x): x is string => !!x),
          virtual_network_subnet_ids: ((acls?.virtualNetworkRules as { id?: string }[] | undefined) ?? []).map((r) => str(r.id)).filter((x): x is string => !!x),
        },
      ],
    };
  },
  deriveId: deriveTracked('Microsoft.KeyVault/vaults'),
};
