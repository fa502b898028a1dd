// The live side of test/fixtures/azure/azurerm: what the fake Resource Manager holds when the code is
// in sync, and the console drift of issue 6's "Must show". Shared by the CLI and extension-host tests.
import { SUB, keyVaultBody, nicBody, nsgBody, osDiskBody, publicIpBody, resourceGroupBody, storageBody, subnetBody, vmBody, vnetBody } from './examples';
import type { ArmJson, FakeArm } from './server';

const rg = `/subscriptions/${SUB}/resourceGroups/tf-rg`;

export const azurermIds = {
  storage: `${rg}/providers/Microsoft.Storage/storageAccounts/tflogs01`,
  nsg: `${rg}/providers/Microsoft.Network/networkSecurityGroups/tf-web-nsg`,
  vnet: `${rg}/providers/Microsoft.Network/virtualNetworks/tf-vnet`,
  subnet: `${rg}/providers/Microsoft.Network/virtualNetworks/tf-vnet/subnets/web`,
  pip: `${rg}/providers/Microsoft.Network/publicIPAddresses/tf-pip`,
  nic: `${rg}/providers/Microsoft.Network/networkInterfaces/tf-nic`,
  vm: `${rg}/providers/Microsoft.Compute/virtualMachines/tf-vm`,
  kv: `${rg}/providers/Microsoft.KeyVault/vaults/tf-kv-01`,
  /** Created in the console; no code declares it. */
  stray: `${rg}/providers/Microsoft.Storage/storageAccounts/handmade01`,
};

/** The fixture's resources as live, in sync with the code. */
export function seedAzurermWorkspace(fake: FakeArm): void {
  fake.put(resourceGroupBody('tf-rg', 'westeurope', { env: 'prod', owner: 'platform' }));
  fake.put(storageBody('tf-rg', 'tflogs01', { tags: { env: 'prod', owner: 'platform' } }));
  fake.put(nsgBody('tf-rg', 'tf-web-nsg', [{ name: 'allow-https', priority: 100, port: '443', source: '10.0.0.0/8' }]));
  fake.put(vnetBody('tf-rg', 'tf-vnet', { addressSpace: ['10.0.0.0/16'] }));
  fake.put(subnetBody('tf-rg', 'tf-vnet', 'web', '10.0.1.0/24', ['Microsoft.Storage']));
  fake.put(publicIpBody('tf-rg', 'tf-pip'));
  fake.put(nicBody('tf-rg', 'tf-nic', azurermIds.subnet));
  fake.put(vmBody('tf-rg', 'tf-vm', { size: 'Standard_B2s', nicId: azurermIds.nic }));
  fake.put(osDiskBody('tf-rg', 'tf-vm'));
  fake.put(keyVaultBody('tf-rg', 'tf-kv-01'));
}

/**
 * Console drift: storage TLS lowered and a tag edited, an NSG rule opened to the Internet, the VM
 * resized, the public IP deleted, the key vault refusing us (403), and an unmanaged storage account.
 */
export function applyAzurermConsoleDrift(fake: FakeArm): void {
  const id = azurermIds;
  fake.patch(id.storage, (r) => {
    (r.properties as Record<string, unknown>).minimumTlsVersion = 'TLS1_0';
    r.tags = { env: 'dev', owner: 'platform' };
  });
  fake.patch(id.nsg, (r) => {
    const rule = (r.properties as { securityRules: ArmJson[] }).securityRules[0];
    (rule.properties as Record<string, unknown>).sourceAddressPrefix = 'Internet';
  });
  fake.patch(id.vm, (r) => {
    (r.properties as { hardwareProfile: { vmSize: string } }).hardwareProfile.vmSize = 'Standard_D4s_v5';
  });
  fake.delete(id.pip);
  fake.fault(id.kv, { status: 403 });
  fake.put(storageBody('tf-rg', 'handmade01'));
}
