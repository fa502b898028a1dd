// azurerm_key_vault_secret ↔ Microsoft.KeyVault/vaults/secrets and azurerm_key_vault_key ↔
// Microsoft.KeyVault/vaults/keys: metadata only, read through Resource Manager (Secrets_Get / Keys_Get
// never return a secret's value nor key material). azurerm keeps the data-plane URL as the ID
// (`https://<vault>.vault.azure.net/secrets/<name>/<version>`); the ARM resource is `key_vault_id` +
// `/secrets/<name>`. Reads as resourceKeyVaultSecretRead / resourceKeyVaultKeyRead (azurerm 4.x,
// keyvault/key_vault_{secret,key}_resource.go): dates RFC 3339 or "" when unset, content_type "".
// Certificates have no Resource Manager resource: `driftlens types` says they are not read.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, num, str, strings, tagsPolicy } from './common';
import { nameAfter, parentId, rfc3339 } from './parentIds';

/** The ARM ID of a vault object from its data-plane ID and the declared `key_vault_id`, or why not. */
function vaultObjectId(kind: 'secrets' | 'keys') {
  return (stateId: string, declared?: Record<string, Value>): string | { unreadable: string } => {
    if (stateId.startsWith('/subscriptions/')) return stateId;
    const m = /^https:\/\/([^./]+)\.[^/]+\/(secrets|keys)\/([^/]+)/i.exec(stateId);
    if (!m || m[2].toLowerCase() !== kind) return { unreadable: `"${stateId}" is not a Key Vault ${kind.slice(0, -1)} ID` };
    const vault = declared?.key_vault_id;
    if (typeof vault !== 'string' || !vault) return { unreadable: `the vault's resource ID (key_vault_id) is not known statically, and the ${kind.slice(0, -1)} is read through Resource Manager` };
    if (nameAfter(vault, 'vaults')?.toLowerCase() !== m[1].toLowerCase()) return { unreadable: `key_vault_id names another vault than the ID in state (${m[1]})` };
    return `${vault.replace(/\/+$/, '')}/${kind}/${m[3]}`;
  };
}

const vaultOf = (id: string) => parentId(id);
const childDerive = (kind: string) => (attrs: Record<string, Value | undefined>) =>
  typeof attrs.key_vault_id === 'string' && attrs.key_vault_id && typeof attrs.name === 'string' && attrs.name ? `${attrs.key_vault_id.replace(/\/+$/, '')}/${kind}/${attrs.name}` : undefined;

export const keyVaultSecret: AzureMapper = {
  type: 'azurerm_key_vault_secret',
  armType: 'Microsoft.KeyVault/vaults/secrets',
  attributes: {
    name: { caseInsensitive: true },
    key_vault_id: armIdPolicy,
    content_type: {},
    not_before_date: {},
    expiration_date: {},
    tags: tagsPolicy,
  },
  armId: vaultObjectId('secrets'),
  coverageNote: 'read through Resource Manager at key_vault_id + /secrets/<name> (Secrets_Get): content type, dates, tags; never the value',
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      key_vault_id: vaultOf(arm.id),
      content_type: str(p.contentType) ?? '',
      not_before_date: rfc3339(at(p, 'attributes.nbf')),
      expiration_date: rfc3339(at(p, 'attributes.exp')),
      tags: { ...(arm.tags ?? {}) },
    };
  },
  deriveId: childDerive('secrets'),
};

export const keyVaultKey: AzureMapper = {
  type: 'azurerm_key_vault_key',
  armType: 'Microsoft.KeyVault/vaults/keys',
  attributes: {
    name: { caseInsensitive: true },
    key_vault_id: armIdPolicy,
    key_type: { caseInsensitive: true },
    key_size: {},
    curve: { caseInsensitive: true },
    // TypeList in the schema; Keys_Get answers the operations in the service's own order.
    key_opts: { set: true, normalize: (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.toLowerCase() : x)) : v) },
    not_before_date: {},
    expiration_date: {},
    tags: tagsPolicy,
  },
  armId: vaultObjectId('keys'),
  coverageNote: 'read through Resource Manager at key_vault_id + /keys/<name> (Keys_Get): type, size, curve, operations, dates, tags; never key material',
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      key_vault_id: vaultOf(arm.id),
      key_type: str(p.kty) ?? '',
      key_size: num(p.keySize) ?? 0,
      curve: str(p.curveName) ?? '',
      key_opts: strings(p.keyOps),
      not_before_date: rfc3339(at(p, 'attributes.nbf')),
      expiration_date: rfc3339(at(p, 'attributes.exp')),
      tags: { ...(arm.tags ?? {}) },
    };
  },
  deriveId: childDerive('keys'),
};
