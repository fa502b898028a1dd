// The Azure rows of `driftlens types`: one per in-depth mapper (its ARM type, read at the newest stable
// api-version of its namespace), and one for every other azurerm type (existence, location and tags).
import type { TypeCoverage } from '../../model';
import { azureMappers } from './mappers/registry';
import { azapiCoverage } from './azapi/azapiCoverage';

export function azureCoverage(): TypeCoverage[] {
  const rows: TypeCoverage[] = azureMappers.map((m) => ({
    type: m.type,
    provider: 'azurerm',
    depth: 'deep',
    reads: m.apiVersion ? `${m.armType}@${m.apiVersion}` : m.armType,
    permissions: [`${m.armType}/read`, ...(m.extras ?? []).map((e) => `${m.armType}/${e.path.split('/')[0]}/read`), ...(m.related ?? []).map((r) => r.permission)],
    note: m.coverageNote ?? (m.armId ? 'ID in state is not a plain resource path: read through its parent' : undefined),
  }));
  rows.push({
    type: 'azurerm_*',
    provider: 'azurerm',
    depth: 'existence+location+tags',
    reads: 'the resource ID from state (or name + resource group), at the newest stable api-version of its namespace',
    permissions: ['<namespace>/<type>/read', 'Microsoft.Resources/subscriptions/providers/read'],
    note: 'any other azurerm type whose ID is a Resource Manager path',
  });
  rows.push(...azapiCoverage());
  return rows;
}
