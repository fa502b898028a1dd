// azurerm_key_vault_access_policy: one entry of a vault's `accessPolicies`, read through the vault
// (resourceKeyVaultAccessPolicyRead, azurerm 4.x keyvault/key_vault_access_policy_resource.go). Its ID is
// `<vault id>/objectId/<object id>[/applicationId/<application id>]`; when the vault no longer holds that
// entry azurerm drops it from state, so that is "missing". Permissions compare as sets, any case.
// Live permissions the code does not grant widen access: an error.
import type { Value } from '../../../model';
import type { ArmResource, AttributePolicy, AzureMapper } from './types';
import { armIdPolicy, str, strings } from './common';

const lower = (v: Value): Value => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.toLowerCase() : x)) : v);
const permissions: AttributePolicy = { set: true, normalize: lower, severity: (_e, _a, extraLive) => (extraLive?.length ? 'error' : 'warning') };

interface PolicyKey {
  objectId: string;
  applicationId: string;
}

function keyOf(stateId: string): PolicyKey | undefined {
  const m = /\/objectId\/([^/]+)(?:\/applicationId\/([^/]+))?\/?$/i.exec(stateId);
  return m ? { objectId: m[1], applicationId: m[2] ?? '' } : undefined;
}

type Entry = { tenantId?: string; objectId?: string; applicationId?: string; permissions?: Record<string, unknown> };

function find(arm: ArmResource, key: PolicyKey | undefined): Entry | undefined {
  if (!key) return undefined;
  const entries = (arm.properties?.accessPolicies as Entry[] | undefined) ?? [];
  return entries.find((e) => (e.objectId ?? '').toLowerCase() === key.objectId.toLowerCase() && (e.applicationId ?? '').toLowerCase() === key.applicationId.toLowerCase());
}

export const keyVaultAccessPolicy: AzureMapper = {
  type: 'azurerm_key_vault_access_policy',
  armType: 'Microsoft.KeyVault/vaults',
  coverageNote: 'read through its vault: the accessPolicies entry of its object (and application) ID',
  attributes: {
    key_vault_id: armIdPolicy,
    tenant_id: { caseInsensitive: true },
    object_id: { caseInsensitive: true },
    application_id: { caseInsensitive: true },
    key_permissions: permissions,
    secret_permissions: permissions,
    certificate_permissions: permissions,
    storage_permissions: permissions,
  },
  armId(stateId) {
    const i = stateId.toLowerCase().indexOf('/objectid/');
    return i > 0 ? stateId.slice(0, i) : { unreadable: `"${stateId}" is not "<key vault id>/objectId/<object id>"` };
  },
  absentReason: (arm, stateId) => (find(arm, keyOf(stateId)) ? undefined : `key vault ${arm.name} has no access policy for object ${keyOf(stateId)?.objectId ?? '?'}`),
  map(arm, _extras, _declared, stateId) {
    const e = find(arm, keyOf(stateId ?? ''));
    const perms = (name: string) => strings(e?.permissions?.[name]);
    return {
      key_vault_id: arm.id,
      tenant_id: str(e?.tenantId) ?? '',
      object_id: str(e?.objectId) ?? '',
      application_id: str(e?.applicationId) ?? '',
      key_permissions: perms('keys'),
      secret_permissions: perms('secrets'),
      certificate_permissions: perms('certificates'),
      storage_permissions: perms('storage'),
    };
  },
  deriveId(attrs) {
    const { key_vault_id: vault, object_id: oid, application_id: app } = attrs;
    if (typeof vault !== 'string' || !vault || typeof oid !== 'string' || !oid) return undefined;
    return `${vault.replace(/\/+$/, '')}/objectId/${oid}${typeof app === 'string' && app ? `/applicationId/${app}` : ''}`;
  },
};
