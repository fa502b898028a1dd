// Issue 11 item 12: resources Azure services create and own (AKS node resource groups and the resources
// AKS tags as its own, Network Watcher's group and watchers, anything with `managedBy`) are not
// "unmanaged"; with includeServiceManaged they are listed with the owner that proves it.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, osDiskBody, publicIpBody, resourceGroupBody, storageBody } from '../../fakes/arm/examples';
import { networkWatcherBody } from '../../fakes/arm/moreExamples';
import { scanTf } from './tfScan';

const node = 'MC_app_aks_westeurope';
const aksId = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.ContainerService/managedClusters/aks`;

describe('Azure: service-managed resources are not unmanaged noise', () => {
  let fake: FakeArm;
  const tf = `resource "azurerm_storage_account" "st" {
  name                     = "stapp"
  resource_group_name      = "app"
  location                 = "westeurope"
}
resource "azurerm_public_ip" "ingress" {
  name                = "ingress-ip"
  resource_group_name = "${node}"
  location            = "westeurope"
}
resource "azurerm_public_ip" "custom" {
  name                = "custom-ip"
  resource_group_name = "aks-nodes"
  location            = "westeurope"
}
resource "azurerm_public_ip" "watched" {
  name                = "watched-ip"
  resource_group_name = "NetworkWatcherRG"
  location            = "westeurope"
}
`;
  beforeEach(async () => {
    fake = await FakeArm.start();
    for (const g of ['app', node, 'NetworkWatcherRG']) fake.put(resourceGroupBody(g));
    // An AKS node resource group with a custom name: only its managedBy says whose it is.
    fake.put({ ...resourceGroupBody('aks-nodes'), managedBy: aksId });
    fake.put(publicIpBody('aks-nodes', 'custom-ip'));
    fake.put(publicIpBody('aks-nodes', 'lb-frontend'));
    fake.put(storageBody('app', 'stapp'));
    fake.put(storageBody('app', 'stray'));
    fake.put(storageBody('app', 'aksdiag', { tags: { 'aks-managed-cluster-name': 'aks' } }));
    fake.put(osDiskBody('app', 'vm1'));
    fake.put(publicIpBody(node, 'ingress-ip'));
    fake.put({ ...publicIpBody(node, 'kubernetes-outbound'), tags: {} });
    fake.put(publicIpBody('NetworkWatcherRG', 'watched-ip'));
    fake.put(networkWatcherBody('westeurope'));
  });
  afterEach(() => fake.close());

  it('lists only what nobody owns by default', async () => {
    const r = await scanTf(fake, tf);
    assert.deepEqual(
      r.unmanaged.map((u) => u.name),
      ['stray'],
    );
  });

  it('with includeServiceManaged, lists them grouped with the owner or tag that proves it', async () => {
    const r = await scanTf(fake, tf, undefined, { includeServiceManaged: true });
    const owners = Object.fromEntries(r.unmanaged.map((u) => [u.name, u.managedBy ?? null]));
    assert.deepEqual(owners, {
      stray: null,
      aksdiag: 'AKS (tag aks-managed-cluster-name)',
      vm1_OsDisk_1: `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Compute/virtualMachines/vm1`,
      'kubernetes-outbound': `AKS node resource group ${node}`,
      NetworkWatcher_westeurope: 'Network Watcher (NetworkWatcherRG)',
      'lb-frontend': `resource group aks-nodes is managed by ${aksId}`,
    });
  });
});
