// The `identity` block of azurerm resources with a system- or user-assigned identity, read as
// go-azure-helpers identity.FlattenSystemOrUserAssignedMap does for azurerm 4.x: no identity, or a type
// other than SystemAssigned / UserAssigned, is an empty block list; the type re-cased; identity_ids a set.
import type { Value } from '../../../model';
import type { AttributePolicy, ArmResource } from './types';
import { armIdPolicy, armIdSetPolicy, str } from './common';

const TYPES: Record<string, string> = { systemassigned: 'SystemAssigned', userassigned: 'UserAssigned' };

export const identityPolicy: AttributePolicy = {
  block: 'list',
  attributes: { type: {}, identity_ids: armIdSetPolicy, principal_id: armIdPolicy, tenant_id: armIdPolicy },
};

export function systemOrUserAssignedIdentity(arm: ArmResource): Value {
  const identity = arm.identity as { type?: unknown; principalId?: unknown; tenantId?: unknown; userAssignedIdentities?: Record<string, unknown> } | undefined;
  const type = TYPES[(str(identity?.type) ?? '').replace(/\s/g, '').toLowerCase()];
  if (!identity || !type) return [];
  return [{ type, identity_ids: Object.keys(identity.userAssignedIdentities ?? {}), principal_id: str(identity.principalId) ?? '', tenant_id: str(identity.tenantId) ?? '' }];
}
