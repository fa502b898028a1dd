// lifecycle.ignore_changes = [default_node_pool[0].node_count] on AKS, through the real
// @azure/arm-resources SDK against the HTTPS fake Resource Manager: the autoscaled count is never
// drift, while a changed VM size in the same block still is.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { aksBody, resourceGroupBody } from '../../fakes/arm/examples';
import { driftsOf, scanTf } from '../azure/tfScan';

const cluster = (ignore: string) => `resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  resource_group_name = "app"
  location            = "westeurope"
  dns_prefix          = "aks-dns"
  default_node_pool {
    name       = "main"
    vm_size    = "Standard_D2s_v5"
    node_count = 2
  }
  lifecycle {
    ignore_changes = [${ignore}]
  }
}
`;

describe('engine: ignore_changes on an AKS default node pool (real SDK, fake ARM)', () => {
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('app'));
    const aks = aksBody('app', 'aks');
    // The cluster autoscaler moved the count; someone also resized the pool.
    (aks.properties as { agentPoolProfiles: unknown[] }).agentPoolProfiles = [
      { name: 'main', count: 5, vmSize: 'Standard_D4s_v5', osDiskSizeGB: 64, type: 'VirtualMachineScaleSets', mode: 'System', osType: 'Linux', enableAutoScaling: false },
    ];
    fake.put(aks);
  });
  afterEach(() => fake.close());

  it('default_node_pool[0].node_count hides the count, not the size', async () => {
    const r = await scanTf(fake, cluster('default_node_pool[0].node_count'));
    assert.deepEqual(driftsOf(r.get('azurerm_kubernetes_cluster.aks')), ['default_node_pool.vm_size: "Standard_D2s_v5" → "Standard_D4s_v5" (warning)']);
  });

  it('default_node_pool[0] (the parent) hides both', async () => {
    const r = await scanTf(fake, cluster('default_node_pool[0]'));
    assert.equal(r.get('azurerm_kubernetes_cluster.aks').status, 'in-sync', JSON.stringify(driftsOf(r.get('azurerm_kubernetes_cluster.aks'))));
  });
});
