// ACR scope maps and tokens, and a data collection rule association on a VM, with bodies in the shapes the REST
// specs define (ScopeMap, Token, DataCollectionRuleAssociationProxyOnlyResource; the index here has no GET example
// of them): in sync as written; a scope map granting more or a token turned back on is an error; the association's
// rule swapped is drift.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const rg = rgPath('acr');
const registryId = `${rg}/providers/Microsoft.ContainerRegistry/registries/myregistry`;
const vmId = `${rg}/providers/Microsoft.Compute/virtualMachines/vm1`;
const dcrId = `${rg}/providers/Microsoft.Insights/dataCollectionRules/dcr1`;
const assocId = `${vmId}/providers/Microsoft.Insights/dataCollectionRuleAssociations/vm1-dcr`;

const tf = `
resource "azurerm_container_registry_scope_map" "pull" {
  name                    = "MyScopeMap"
  resource_group_name     = "acr"
  container_registry_name = "myregistry"
  description             = "Sample scope map."
  actions                 = ["repositories/samples/hello-world/content/read", "repositories/samples/nginx/content/read"]
}
resource "azurerm_container_registry_token" "ci" {
  name                    = "MyToken"
  resource_group_name     = "acr"
  container_registry_name = "myregistry"
  scope_map_id            = "${registryId}/scopeMaps/MyScopeMap"
  enabled                 = false
}
resource "azurerm_monitor_data_collection_rule_association" "vm" {
  name                    = "vm1-dcr"
  target_resource_id      = "${vmId}"
  data_collection_rule_id = "${dcrId}"
  description             = "VM logs"
}
`;

describe('ACR scope maps and tokens, data collection rule associations', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('acr'));
    fake.put({ id: registryId, name: 'myregistry', type: 'Microsoft.ContainerRegistry/registries', location: 'westus', properties: {} });
    fake.put({
      id: `${registryId}/scopeMaps/MyScopeMap`,
      name: 'MyScopeMap',
      type: 'Microsoft.ContainerRegistry/registries/scopeMaps',
      properties: { description: 'Sample scope map.', type: 'UserDefined', creationDate: '2019-10-22T05:07:35.194413+00:00', provisioningState: 'Succeeded', actions: ['repositories/samples/hello-world/content/read', 'repositories/samples/nginx/content/read'] },
    });
    fake.put({
      id: `${registryId}/tokens/MyToken`,
      name: 'MyToken',
      type: 'Microsoft.ContainerRegistry/registries/tokens',
      properties: { creationDate: '2019-10-22T05:07:35.194413+00:00', provisioningState: 'Succeeded', scopeMapId: `${registryId}/scopeMaps/MyScopeMap`, status: 'disabled', credentials: { certificates: [], passwords: [] } },
    });
    fake.put({ id: vmId, name: 'vm1', type: 'Microsoft.Compute/virtualMachines', location: 'westus', properties: {} });
    fake.put({ id: assocId, name: 'vm1-dcr', type: 'Microsoft.Insights/dataCollectionRuleAssociations', properties: { description: 'VM logs', dataCollectionRuleId: dcrId, provisioningState: 'Succeeded' } });
  });
  afterEach(() => fake.close());

  it('in sync as written', async () => {
    const r = await scanTf(fake, tf);
    assertAllInSync(r, 3);
  });

  it('a wider scope map and a re-enabled token are errors; a swapped rule is drift', async () => {
    fake.patch(`${registryId}/scopeMaps/MyScopeMap`, (m) => (m.properties as { actions: string[] }).actions.push('repositories/samples/nginx/content/write'));
    fake.patch(`${registryId}/tokens/MyToken`, (t) => ((t.properties as { status: string }).status = 'enabled'));
    fake.patch(assocId, (a) => ((a.properties as { dataCollectionRuleId: string }).dataCollectionRuleId = dcrId.replace('dcr1', 'dcr2')));
    const r = await scanTf(fake, tf);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, [
      'azurerm_container_registry_scope_map.pull actions: ["repositories/samples/hello-world/content/read","repositories/samples/nginx/content/read"] → ["repositories/samples/hello-world/content/read","repositories/samples/nginx/content/read","repositories/samples/nginx/content/write"] (error)',
      'azurerm_container_registry_token.ci enabled: false → true (error)',
      `azurerm_monitor_data_collection_rule_association.vm data_collection_rule_id: "${dcrId}" → "${dcrId.replace('dcr1', 'dcr2')}" (warning)`,
    ]);
  });
});
