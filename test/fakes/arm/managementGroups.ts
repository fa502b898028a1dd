// Tenant-scope bodies from the azure-rest-api-specs examples (managementgroups/…/Microsoft.Management/stable/2021-04-01):
// a management group (GetManagementGroup.json) and a subscription under one (AddManagementGroupSubscription.json,
// the body ManagementGroupSubscriptions_GetSubscription answers too; its ID's leading space, a typo of the example,
// left out so the fake can file it). Names replaced by the test's.
import type { ArmJson } from './server';

const MG = '/providers/Microsoft.Management/managementGroups';

export function managementGroupSpecBody(name: string, displayName: string, parent = 'RootGroup'): ArmJson {
  return {
    id: `${MG}/${name}`,
    type: 'Microsoft.Management/managementGroups',
    name,
    properties: {
      tenantId: '20000000-0000-0000-0000-000000000000',
      displayName,
      details: { version: 1, updatedTime: '2018-01-01T00:00:00.00Z', updatedBy: '16b8ef21-5c9f-420c-bcc9-e4f8c9f30b4b', parent: { id: `${MG}/${parent}`, name: parent, displayName: parent } },
    },
  };
}

export function managementGroupSubscriptionSpecBody(group: string, subscriptionId: string): ArmJson {
  return {
    name: subscriptionId,
    id: `${MG}/${group}/subscriptions/${subscriptionId}`,
    type: 'Microsoft.Management/managementGroups/subscriptions',
    properties: { displayName: group, parent: { id: `${MG}/${group}`, name: 'name', displayName: 'displayName' }, state: 'Active', tenant: 'e751ac82-623b-4913-8d74-22637c832373' },
  };
}
