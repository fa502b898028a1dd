// Role definitions as RoleDefinitions_Get answers them (azure-rest-api-specs, Microsoft.Authorization
// stable 2022-04-01, examples/GetRoleDefinitionById.json): at subscription scope, roleName in properties.
import type { ArmJson } from './server';
import { SUB } from './examples';

/** Built-in role GUIDs, the same in every tenant. */
export const BUILT_IN_ROLES = {
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
} as const;

export function roleDefinitionBody(roleName: keyof typeof BUILT_IN_ROLES): ArmJson {
  const guid = BUILT_IN_ROLES[roleName];
  return {
    id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    name: guid,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName,
      type: 'BuiltInRole',
      description: `${roleName} built-in role`,
      assignableScopes: ['/'],
      permissions: [{ actions: roleName === 'Reader' ? ['*/read'] : ['*'], notActions: [], dataActions: [], notDataActions: [] }],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2021-11-11T20:13:47.8628684Z',
      createdBy: null,
      updatedBy: null,
    },
  };
}
