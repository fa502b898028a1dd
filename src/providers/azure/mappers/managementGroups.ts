// Management groups, read at tenant scope with a pinned api-version (no subscription to discover one in):
// azurerm_management_group ↔ Microsoft.Management/managementGroups (resourceManagementGroupRead, azurerm 4.x
// managementgroup/, 2020-05-01: display_name, parent_management_group_id "" without a parent; subscription_ids needs
// the children expansion, which a plain GET does not return, so it is not read) and
// azurerm_management_group_subscription_association — a subscription's membership, read as
// ManagementGroupSubscriptions_GetSubscription (2021-04-01, the first version with that GET): 404 when the subscription
// is not under that group, as azurerm's read (the group's children) drops it from state.
import type { AzureMapper } from './types';
import { armIdPolicy, str } from './common';

const MG = '/providers/Microsoft.Management/managementGroups/';

export const managementGroup: AzureMapper = {
  type: 'azurerm_management_group',
  armType: 'Microsoft.Management/managementGroups',
  apiVersion: '2020-05-01',
  idFromAttributes: true,
  coverageNote: 'read at tenant scope (management groups); subscription_ids is not read (it needs the children expansion)',
  attributes: { name: { caseInsensitive: true }, display_name: {}, parent_management_group_id: armIdPolicy },
  map(arm) {
    const p = arm.properties ?? {};
    return { name: arm.name, display_name: str(p.displayName) ?? '', parent_management_group_id: str((p.details as { parent?: { id?: string } } | undefined)?.parent?.id) ?? '' };
  },
  deriveId: (attrs) => (typeof attrs.name === 'string' && attrs.name ? `${MG}${attrs.name}` : undefined),
};

/** `/managementGroup/<mg>/subscription/<sub>` (azurerm 3.x) or `…/managementGroups/<mg>/subscriptions/<sub>` → the ARM path. */
function membershipPath(stateId: string): string | { unreadable: string } {
  const old = /^\/managementGroup\/([^/]+)\/subscription\/([^/]+)\/?$/i.exec(stateId);
  if (old) return `${MG}${old[1]}/subscriptions/${old[2]}`;
  const now = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\/subscriptions\/([^/]+)\/?$/i.exec(stateId);
  if (now) return `${MG}${now[1]}/subscriptions/${now[2]}`;
  return { unreadable: `"${stateId}" is not a management group subscription association ID` };
}

export const managementGroupSubscriptionAssociation: AzureMapper = {
  type: 'azurerm_management_group_subscription_association',
  armType: 'Microsoft.Management/managementGroups/subscriptions',
  apiVersion: '2021-04-01',
  idFromAttributes: true,
  coverageNote: 'read at tenant scope: the subscription under its management group (404 when it is not there)',
  attributes: { management_group_id: armIdPolicy, subscription_id: armIdPolicy },
  armId: membershipPath,
  map(arm) {
    // The group it sits under is properties.parent; the ID says the same (the spec's own example pads it with a space).
    const id = arm.id.trim();
    const i = id.toLowerCase().lastIndexOf('/subscriptions/');
    const parent = str((arm.properties?.parent as { id?: string } | undefined)?.id) ?? (i > 0 ? id.slice(0, i) : '');
    return { management_group_id: parent, subscription_id: `/subscriptions/${arm.name}` };
  },
  deriveId(attrs) {
    const { management_group_id: mg, subscription_id: sub } = attrs;
    if (typeof mg !== 'string' || !mg || typeof sub !== 'string' || !sub) return undefined;
    return `${MG}${mg.replace(/\/+$/, '').split('/').pop()}/subscriptions/${sub.replace(/\/+$/, '').split('/').pop()}`;
  },
};
