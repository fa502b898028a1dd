// Issue 11 items 8, 9, 10: lists follow the azurerm schema (TypeList keeps order, TypeSet does not),
// NSG rules name application security groups by ID (case-insensitive, as sets), and AKS
// `default_node_pool` is the agent pool the code names.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, aksBody, nsgBody, resourceGroupBody, securityRule, subnetBody, vmBody, vnetBody } from '../../fakes/arm/examples';
import { driftsOf, scanTf } from './tfScan';

const rg = `/subscriptions/${SUB}/resourceGroups/app`;
const nic = (n: string) => `${rg}/providers/Microsoft.Network/networkInterfaces/${n}`;
const asg = (n: string) => `${rg}/providers/Microsoft.Network/applicationSecurityGroups/${n}`;

describe('Azure: lists, sets, application security groups and the default node pool', () => {
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('app'));
  });
  afterEach(() => fake.close());

  it('TypeList attributes keep their order (subnet address_prefixes, VM network_interface_ids, VNet dns_servers); TypeSets do not', async () => {
    const subnet = subnetBody('app', 'vnet', 'multi', '');
    delete (subnet.properties as Record<string, unknown>).addressPrefix;
    (subnet.properties as Record<string, unknown>).addressPrefixes = ['10.0.2.0/24', '10.0.3.0/24'];
    fake.put(vnetBody('app', 'vnet', { addressSpace: ['10.0.0.0/16', '10.1.0.0/16'], dns: ['10.0.0.4', '10.0.0.5'] }));
    fake.put(subnet);
    // The service answers IDs in its own casing.
    fake.put(vmBody('app', 'vm', { nicId: nic('nic-a').toLowerCase() }));
    fake.patch(`${rg}/providers/Microsoft.Compute/virtualMachines/vm`, (r) => {
      (r.properties as { networkProfile: unknown }).networkProfile = { networkInterfaces: [{ id: nic('nic-a').toLowerCase() }, { id: nic('nic-b').toLowerCase() }] };
    });
    const r = await scanTf(
      fake,
      `resource "azurerm_virtual_network" "vnet" {
  name                = "vnet"
  resource_group_name = "app"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16", "10.0.0.0/16"]
  dns_servers         = ["10.0.0.5", "10.0.0.4"]
}
resource "azurerm_subnet" "multi" {
  name                 = "multi"
  resource_group_name  = "app"
  virtual_network_name = "vnet"
  address_prefixes     = ["10.0.3.0/24", "10.0.2.0/24"]
}
resource "azurerm_linux_virtual_machine" "vm" {
  name                  = "vm"
  resource_group_name   = "app"
  location              = "westeurope"
  network_interface_ids = ["${nic('nic-b')}", "${nic('nic-a')}"]
}
resource "azurerm_linux_virtual_machine" "same" {
  name                  = "vm"
  resource_group_name   = "app"
  location              = "westeurope"
  network_interface_ids = ["${nic('nic-a')}", "${nic('nic-b')}"]
}
`,
    );
    assert.deepEqual(driftsOf(r.get('azurerm_virtual_network.vnet')).map((d) => d.split(':')[0]), ['dns_servers'], 'address_space is a set, dns_servers a list');
    assert.deepEqual(driftsOf(r.get('azurerm_subnet.multi')).map((d) => d.split(':')[0]), ['address_prefixes']);
    assert.deepEqual(driftsOf(r.get('azurerm_linux_virtual_machine.vm')).map((d) => d.split(':')[0]), ['network_interface_ids'], 'the primary NIC changed places');
    assert.equal(r.get('azurerm_linux_virtual_machine.same').status, 'in-sync', 'same order, other casing');
  });

  it('NSG rules compare application security group IDs case-insensitively, as sets', async () => {
    const nsgId = `${rg}/providers/Microsoft.Network/networkSecurityGroups/nsg`;
    const withGroups = (rule: ReturnType<typeof securityRule>, src: string[], dst: string[]) => {
      const p = rule.properties as Record<string, unknown>;
      delete p.sourceAddressPrefix;
      p.sourceApplicationSecurityGroups = src.map((id) => ({ id: id.toLowerCase() }));
      p.destinationApplicationSecurityGroups = dst.map((id) => ({ id }));
      return rule;
    };
    const nsg = nsgBody('app', 'nsg', []);
    (nsg.properties as Record<string, unknown>).securityRules = [withGroups(securityRule(nsgId, { name: 'web-to-db', priority: 100, port: '5432' }), [asg('web'), asg('jump')], [asg('db')])];
    fake.put(nsg);
    fake.put(withGroups(securityRule(nsgId, { name: 'standalone', priority: 200, port: '22' }), [asg('jump')], [asg('db')]));
    const rule = (src: string) => `
    name                                       = "web-to-db"
    priority                                   = 100
    direction                                  = "Inbound"
    access                                     = "Allow"
    protocol                                   = "Tcp"
    source_port_range                          = "*"
    destination_port_range                     = "5432"
    source_application_security_group_ids      = [${src}]
    destination_application_security_group_ids = ["${asg('db')}"]
    destination_address_prefix                 = "*"`;
    const r = await scanTf(
      fake,
      `resource "azurerm_network_security_group" "nsg" {
  name                = "nsg"
  resource_group_name = "app"
  location            = "westeurope"
  security_rule {${rule(`"${asg('jump')}", "${asg('web')}"`)}
  }
}
resource "azurerm_network_security_group" "other" {
  name                = "nsg"
  resource_group_name = "app"
  location            = "westeurope"
  security_rule {${rule(`"${asg('web')}"`)}
  }
}
resource "azurerm_network_security_rule" "standalone" {
  name                                       = "standalone"
  resource_group_name                        = "app"
  network_security_group_name                = "nsg"
  source_application_security_group_ids      = ["${asg('jump').toUpperCase()}"]
  destination_application_security_group_ids = ["${asg('db')}"]
}
`,
    );
    assert.equal(r.get('azurerm_network_security_group.nsg').status, 'in-sync', JSON.stringify(driftsOf(r.get('azurerm_network_security_group.nsg'))));
    assert.deepEqual(driftsOf(r.get('azurerm_network_security_group.other')).map((d) => d.split(':')[0]), ['security_rule'], 'the live rule also lets the jump hosts in');
    assert.equal(r.get('azurerm_network_security_rule.standalone').status, 'in-sync', JSON.stringify(driftsOf(r.get('azurerm_network_security_rule.standalone'))));
  });

  it('AKS default_node_pool is the agent pool with the declared name, not the first System pool', async () => {
    const aks = aksBody('app', 'aks');
    (aks.properties as { agentPoolProfiles: unknown[] }).agentPoolProfiles = [
      { name: 'sysold', count: 3, vmSize: 'Standard_D2s_v5', osDiskSizeGB: 128, type: 'VirtualMachineScaleSets', mode: 'System', osType: 'Linux', enableAutoScaling: false },
      { name: 'main', count: 2, vmSize: 'Standard_D4s_v5', osDiskSizeGB: 64, type: 'VirtualMachineScaleSets', mode: 'System', osType: 'Linux', enableAutoScaling: false },
    ];
    fake.put(aks);
    const cluster = (name: string, size: string, count: number) => `resource "azurerm_kubernetes_cluster" "${name}" {
  name                = "aks"
  resource_group_name = "app"
  location            = "westeurope"
  dns_prefix          = "aks-dns"
  default_node_pool {
    name       = "main"
    vm_size    = "${size}"
    node_count = ${count}
  }
}
`;
    const r = await scanTf(fake, cluster('aks', 'Standard_D4s_v5', 2) + cluster('scaled', 'Standard_D4s_v5', 5));
    assert.equal(r.get('azurerm_kubernetes_cluster.aks').status, 'in-sync', JSON.stringify(driftsOf(r.get('azurerm_kubernetes_cluster.aks'))));
    assert.deepEqual(driftsOf(r.get('azurerm_kubernetes_cluster.scaled')), ['default_node_pool.node_count: 5 → 2 (warning)']);
  });
});
