// azurerm_role_assignment role_definition_name: resourceArmRoleAssignmentRead GETs the role definition the
// assignment names (roleDefinitionId, api-version 2022-04-01) and stores properties.roleName. DriftLens makes
// that GET only when the code declares role_definition_name; its failure leaves only that attribute unverified.
import assert from 'node:assert/strict';
import { FakeArm } from '../../fakes/arm/server';
import { SUB } from '../../fakes/arm/examples';
import { roleAssignmentBody } from '../../fakes/arm/moreExamples';
import { BUILT_IN_ROLES, roleDefinitionBody } from '../../fakes/arm/roleDefinitions';
import { scanTf } from './tfScan';

const scope = `/subscriptions/${SUB}/resourceGroups/rg-app`;
const name = '3f2b9c1e-6a7d-4e8f-9b0a-1c2d3e4f5a6b';
const assignmentId = `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
const definitionPath = (role: keyof typeof BUILT_IN_ROLES) => `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES[role]}`;

const tf = (extra = '  role_definition_name = "Reader"\n') =>
  `resource "azurerm_role_assignment" "ops" {\n  scope        = "${scope}"\n  principal_id = "ce2ce14e-85d7-4629-bdbc-454d0519d987"\n${extra}}\n`;

describe('azurerm_role_assignment role_definition_name', () => {
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put({ id: scope, name: 'rg-app', type: 'Microsoft.Resources/resourceGroups', location: 'westeurope', properties: { provisioningState: 'Succeeded' } });
    for (const role of ['Reader', 'Contributor', 'Owner'] as const) fake.put(roleDefinitionBody(role));
  });
  afterEach(() => fake.close());

  const scan = async (source = tf()) => (await scanTf(fake, source, [['azurerm_role_assignment.ops', assignmentId]])).get('azurerm_role_assignment.ops');

  it('in sync: the role definition the assignment names is read once, at 2022-04-01', async () => {
    fake.put(roleAssignmentBody(scope, name, { roleDefinitionGuid: BUILT_IN_ROLES.Reader }));
    const r = await scan();
    assert.equal(r.status, 'in-sync', JSON.stringify(r));
    assert.deepEqual(r.unverifiedAttributes, []);
    assert.deepEqual(fake.requestsTo(definitionPath('Reader')).map((q) => [q.query['api-version'], q.status]), [['2022-04-01', 200]]);
  });

  it('a role that became Owner is an error; another role a warning', async () => {
    fake.put(roleAssignmentBody(scope, name, { roleDefinitionGuid: BUILT_IN_ROLES.Owner }));
    const owner = await scan();
    assert.deepEqual(owner.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity]), [['role_definition_name', 'Reader', 'Owner', 'error']]);
    fake.put(roleAssignmentBody(scope, name, { roleDefinitionGuid: BUILT_IN_ROLES.Reader }));
    const reader = await scan(tf('  role_definition_name = "Contributor"\n'));
    assert.deepEqual(reader.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity]), [['role_definition_name', 'Contributor', 'Reader', 'warning']]);
  });

  it('403 on the role definition: only role_definition_name is unverified, naming the permission', async () => {
    fake.put(roleAssignmentBody(scope, name, { roleDefinitionGuid: BUILT_IN_ROLES.Reader, principalId: '00000000-0000-0000-0000-0000000000aa' }));
    fake.fault(definitionPath('Reader'), { status: 403 });
    const r = await scan();
    // principal_id drifted and is still found: the assignment itself was read.
    assert.deepEqual(r.drifts.map((d) => d.attribute), ['principal_id']);
    assert.deepEqual(r.unverifiedAttributes.map((u) => u.attribute), ['role_definition_name']);
    assert.match(r.unverifiedAttributes[0].reason, /Microsoft\.Authorization\/roleDefinitions\/read is missing/);
  });

  it('not declared: the role definition is not asked', async () => {
    fake.put(roleAssignmentBody(scope, name, { roleDefinitionGuid: BUILT_IN_ROLES.Reader }));
    const r = await scan(tf(`  role_definition_id = "${definitionPath('Reader')}"\n`));
    assert.equal(r.status, 'in-sync', JSON.stringify(r));
    assert.deepEqual(fake.requestsTo(definitionPath('Reader')), []);
  });
});
