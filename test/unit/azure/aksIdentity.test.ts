// azurerm_kubernetes_cluster `identity` read as flattenClusterIdentity (identity.FlattenSystemOrUserAssignedMap)
// does, instead of "not read by DriftLens"; default_node_pool.temporary_name_for_rotation is carried from
// the configuration by FlattenDefaultNodePool, so it is neither drift nor unverified.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, aksBody, resourceGroupBody } from '../../fakes/arm/examples';
import { driftsOf, scanTf } from './tfScan';

const id = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.ContainerService/managedClusters/aks`;
const uai = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks-control`;

const tf = (identity: string) => `resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "app"
  dns_prefix          = "aks-dns"

  default_node_pool {
    name                        = "system"
    node_count                  = 2
    temporary_name_for_rotation = "systemtmp"
  }

  identity {
${identity}
  }
}
`;

describe('azurerm_kubernetes_cluster identity and temporary_name_for_rotation', () => {
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('app'));
  });
  afterEach(() => fake.close());

  const put = (identity: unknown) => fake.put({ ...aksBody('app', 'aks'), ...(identity ? { identity } : {}) });

  it('a system-assigned identity is verified in sync; nothing is left "not read"', async () => {
    put({ type: 'SystemAssigned', principalId: '7d3e1a2b-5c4d-4e6f-8a9b-0c1d2e3f4a5b', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    const r = (await scanTf(fake, tf('    type = "SystemAssigned"'), [['azurerm_kubernetes_cluster.aks', id]])).get('azurerm_kubernetes_cluster.aks');
    assert.equal(r.status, 'in-sync', JSON.stringify(r));
    assert.deepEqual(r.unverifiedAttributes.map((u) => u.attribute), []);
  });

  it('a user-assigned identity compares its IDs as a set, case-insensitively; a switch to system-assigned is drift', async () => {
    put({ type: 'UserAssigned', userAssignedIdentities: { [uai.toLowerCase()]: { principalId: 'p', clientId: 'c' } } });
    const code = tf(`    type         = "UserAssigned"\n    identity_ids = ["${uai}"]`);
    let r = (await scanTf(fake, code, [['azurerm_kubernetes_cluster.aks', id]])).get('azurerm_kubernetes_cluster.aks');
    assert.equal(r.status, 'in-sync', JSON.stringify(r.drifts));
    put({ type: 'SystemAssigned', principalId: 'p', tenantId: 't' });
    r = (await scanTf(fake, code, [['azurerm_kubernetes_cluster.aks', id]])).get('azurerm_kubernetes_cluster.aks');
    assert.deepEqual(driftsOf(r).map((d) => d.split(':')[0]).sort(), ['identity.identity_ids', 'identity.type']);
  });

  it('no identity in the GET reads as no block (azurerm sets an empty list): the declared identity is drift', async () => {
    put(undefined);
    const r = (await scanTf(fake, tf('    type = "SystemAssigned"'), [['azurerm_kubernetes_cluster.aks', id]])).get('azurerm_kubernetes_cluster.aks');
    assert.equal(r.status, 'drifted');
    assert.deepEqual(r.unverifiedAttributes.map((u) => u.attribute), []);
  });
});
