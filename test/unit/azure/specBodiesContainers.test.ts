// AKS node pool against the REST spec's own GET example (resourceKubernetesClusterNodePoolRead: mode "User",
// os_disk_type "Managed", priority "Regular" when absent): in sync as a user writes it, a scale-out a
// warning, node public IPs turned on an error, nothing else.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { agentPoolSpecBody } from '../../fakes/arm/specExamples4';
import { driftsOf, scanTf } from './tfScan';

const clusterId = `${rgPath('aks')}/providers/Microsoft.ContainerService/managedClusters/clustername1`;
const poolId = `${clusterId}/agentPools/agentpool1`;

const workspace = `
resource "azurerm_kubernetes_cluster_node_pool" "np" {
  name                   = "agentpool1"
  kubernetes_cluster_id  = "${clusterId}"
  vm_size                = "Standard_DS1_v2"
  node_count             = 3
  max_pods               = 110
  os_type                = "Linux"
  orchestrator_version   = "1.9.6"
  mode                   = "User"
  os_disk_type           = "Managed"
  priority               = "Regular"
  node_public_ip_enabled = false
}
`;

describe('container mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('aks'));
    fake.put({ id: clusterId, name: 'clustername1', type: 'Microsoft.ContainerService/managedClusters', location: 'westus', properties: {} });
    fake.put(agentPoolSpecBody('aks', 'clustername1', 'agentpool1'));
  });
  afterEach(() => fake.close());

  it('reads the node pool example in sync as the code writes it (absent mode, disk type, priority as azurerm reads them)', async () => {
    const np = (await scanTf(fake, workspace)).get('azurerm_kubernetes_cluster_node_pool.np');
    assert.equal(np.status, 'in-sync', `${np.reason ?? ''} ${JSON.stringify(np.drifts)}`);
    assert.deepEqual(np.unverifiedAttributes, []);
  });

  it('a scale-out is a warning, node public IPs an error; nothing else', async () => {
    fake.patch(poolId, (a) => Object.assign(a.properties as object, { count: 5, enableNodePublicIP: true }));
    assert.deepEqual(driftsOf((await scanTf(fake, workspace)).get('azurerm_kubernetes_cluster_node_pool.np')), [
      'node_count: 3 → 5 (warning)',
      'node_public_ip_enabled: false → true (error)',
    ]);
  });
});
