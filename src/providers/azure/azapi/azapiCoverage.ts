// The `driftlens types` rows that are not azurerm mappers: the azapi resources (their ARM type and
// api-version come from each block) and the Key Vault objects Resource Manager does not serve.
import type { TypeCoverage } from '../../../model';

export function azapiCoverage(): TypeCoverage[] {
  const azapi = (type: string, what: string): TypeCoverage => ({
    type,
    provider: 'azapi',
    depth: 'deep',
    reads: '<type>@<api-version> as the block names it (one GET at exactly that version)',
    permissions: ['<namespace>/<type>/read'],
    note: `${what}; properties the GET does not return (secrets) are unverified, as azapi ignores them; sensitive_body is never read`,
  });
  return [
    azapi('azapi_resource', 'every path `body` declares, by Resource Manager rules (case, sets, named arrays); name, parent_id, location, tags'),
    azapi('azapi_update_resource', 'only the paths its `body` sets'),
    {
      type: 'azurerm_key_vault_certificate',
      provider: 'azurerm',
      depth: 'existence+location+tags',
      reads: 'nothing: certificates have no Resource Manager resource',
      permissions: [],
      note: 'not read: DriftLens does not call the Key Vault data plane; reported unverified, never missing',
    },
  ];
}
