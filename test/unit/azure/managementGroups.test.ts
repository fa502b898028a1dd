// Management-group scope (issue 13: the ALZ modules' most used type): a management group, a subscription's
// membership and a policy assignment on a group are read at tenant scope at a pinned api-version (no subscription
// providers list is asked), against the specs' own GET examples. A group moved under another parent is drift; a
// subscription moved out is missing; turning enforcement off on a group's assignment is an error.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB } from '../../fakes/arm/examples';
import { policyAssignmentBody } from '../../fakes/arm/specExamples2';
import { managementGroupSpecBody, managementGroupSubscriptionSpecBody } from '../../fakes/arm/managementGroups';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const MG = '/providers/Microsoft.Management/managementGroups';

const tf = `
resource "azurerm_management_group" "platform" {
  name                       = "platform"
  display_name               = "Platform"
  parent_management_group_id = "${MG}/RootGroup"
}
resource "azurerm_management_group_subscription_association" "sub" {
  management_group_id = "${MG}/platform"
  subscription_id     = "/subscriptions/${SUB}"
}
resource "azurerm_management_group_policy_assignment" "audit" {
  name                 = "audit-vms"
  management_group_id  = "${MG}/platform"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/06a78e20-9358-41c9-923c-fb736d382a4d"
  enforce              = true
}
`;

describe('management-group scope', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(managementGroupSpecBody('platform', 'Platform'));
    fake.put(managementGroupSubscriptionSpecBody('platform', SUB));
    const pa = policyAssignmentBody(`${MG}/platform`, 'audit-vms');
    (pa.properties as Record<string, unknown>).policyDefinitionId = '/providers/Microsoft.Authorization/policyDefinitions/06a78e20-9358-41c9-923c-fb736d382a4d';
    fake.put(pa);
  });
  afterEach(() => fake.close());

  it('reads each at tenant scope, in sync, at the pinned api-versions, with no provider discovery', async () => {
    const r = await scanTf(fake, tf);
    assertAllInSync(r);
    assert.deepEqual(fake.requestsTo(`${MG}/platform`).map((q) => q.query['api-version']), ['2020-05-01']);
    assert.deepEqual(fake.requestsTo(`${MG}/platform/subscriptions/${SUB}`).map((q) => q.query['api-version']), ['2021-04-01']);
    assert.equal(fake.requests.filter((q) => /\/providers\/Microsoft\.(Management|Authorization)$/i.test(q.path)).length, 0);
  });

  it('a group under another parent is drift, a subscription moved out is missing, enforcement off is an error', async () => {
    fake.patch(`${MG}/platform`, (g) => ((g.properties as { details: { parent: { id: string } } }).details.parent.id = `${MG}/sandbox`));
    fake.delete(`${MG}/platform/subscriptions/${SUB}`);
    fake.patch(`${MG}/platform/providers/Microsoft.Authorization/policyAssignments/audit-vms`, (a) => ((a.properties as { enforcementMode: string }).enforcementMode = 'DoNotEnforce'));
    const r = await scanTf(fake, tf);
    assert.deepEqual(driftsOf(r.get('azurerm_management_group.platform')), [`parent_management_group_id: "${MG}/RootGroup" → "${MG}/sandbox" (warning)`]);
    assert.equal(r.get('azurerm_management_group_subscription_association.sub').status, 'missing');
    assert.deepEqual(driftsOf(r.get('azurerm_management_group_policy_assignment.audit')), ['enforce: true → false (error)']);
  });
});
