// ARM templates end to end: the fixture template against the HTTPS fake, with drift applied.
import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { createAzureProvider } from '../../../src/providers/azure/provider';
import { scanArmTemplates } from '../../../src/engine/armTemplates/armTemplateScan';
import { FakeArm, type ArmJson } from '../../fakes/arm/server';
import { SUB, nsgBody, resourceGroupBody, storageBody, subnetBody, vmBody, vnetBody } from '../../fakes/arm/examples';
import { context, staticCredential } from './helpers';

const dir = resolve(__dirname, '../../fixtures/azure/arm');
const rg = `/subscriptions/${SUB}/resourceGroups/arm-rg`;
const ids = {
  storage: `${rg}/providers/Microsoft.Storage/storageAccounts/dlstore01`,
  nsg: `${rg}/providers/Microsoft.Network/networkSecurityGroups/dl-web-nsg`,
  vnet: `${rg}/providers/Microsoft.Network/virtualNetworks/dl-vnet`,
  subnet: `${rg}/providers/Microsoft.Network/virtualNetworks/dl-vnet/subnets/web`,
  vm: `${rg}/providers/Microsoft.Compute/virtualMachines/dl-vm`,
};

function seed(fake: FakeArm): void {
  fake.put(resourceGroupBody('arm-rg'));
  fake.put(storageBody('arm-rg', 'dlstore01', { tags: { env: 'prod', owner: 'platform' } }));
  fake.put(nsgBody('arm-rg', 'dl-web-nsg', [{ name: 'allow-https', priority: 100, port: '443', source: '10.0.0.0/8' }]));
  fake.put(vnetBody('arm-rg', 'dl-vnet', { addressSpace: ['10.20.0.0/16'] }));
  const subnet = subnetBody('arm-rg', 'dl-vnet', 'web', '10.20.1.0/24');
  (subnet.properties as Record<string, unknown>).networkSecurityGroup = { id: ids.nsg };
  fake.put(subnet);
  fake.put(vmBody('arm-rg', 'dl-vm', { size: 'Standard_B2s', tags: { env: 'prod' } }));
}

describe('ARM template scan against the fake Resource Manager', () => {
  let fake: FakeArm;
  const provider = () => createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: staticCredential(), retry: { maxRetries: 1, retryDelayInMs: 5 }, env: {} });
  beforeEach(async () => {
    fake = await FakeArm.start();
    seed(fake);
  });
  afterEach(() => fake.close());

  it('finds every resource in sync when nothing changed, at each template api-version', async () => {
    const scan = await scanArmTemplates({ dir, provider: provider() }, context());
    const status = Object.fromEntries(scan.resources.map((r) => [r.address, r.status]));
    assert.deepEqual(status, {
      'Microsoft.Storage/storageAccounts/dlstore01': 'in-sync',
      'Microsoft.Network/networkSecurityGroups/dl-web-nsg': 'in-sync',
      'Microsoft.Network/virtualNetworks/dl-vnet': 'in-sync',
      'Microsoft.Network/virtualNetworks/subnets/dl-vnet/web': 'in-sync',
      'Microsoft.Compute/virtualMachines/dl-vm': 'in-sync',
      "Microsoft.KeyVault/vaults/[concat(parameters('prefix'), '-kv-', uniqueString(resourceGroup().id))]": 'unverified',
    });
    const vm = scan.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachines')!;
    assert.deepEqual(vm.unverifiedAttributes.map((u) => u.attribute), ['properties.osProfile.adminPassword']);
    assert.equal(fake.requestsTo(ids.storage)[0].query['api-version'], '2023-01-01');
    assert.equal(fake.requestsTo(ids.vm)[0].query['api-version'], '2024-03-01');
    assert.ok(fake.requests.every((r) => r.method === 'GET'));
  });

  it('reports exactly the drift applied, with severities, and a deleted resource as missing', async () => {
    fake.patch(ids.storage, (r) => {
      (r.properties as Record<string, unknown>).minimumTlsVersion = 'TLS1_0';
      r.tags = { env: 'dev', owner: 'platform' };
    });
    fake.patch(ids.nsg, (r) => {
      const rule = (r.properties as { securityRules: ArmJson[] }).securityRules[0];
      (rule.properties as Record<string, unknown>).sourceAddressPrefix = '*';
    });
    fake.patch(ids.vm, (r) => {
      (r.properties as { hardwareProfile: { vmSize: string } }).hardwareProfile.vmSize = 'Standard_D4s_v5';
    });
    fake.delete(ids.subnet);
    const scan = await scanArmTemplates({ dir, provider: provider() }, context());
    const drifts = scan.resources.flatMap((r) => r.drifts.map((d) => [r.address, d.attribute, d.expected, d.actual, d.severity]));
    assert.deepEqual(drifts, [
      ['Microsoft.Storage/storageAccounts/dlstore01', 'properties.minimumTlsVersion', 'TLS1_2', 'TLS1_0', 'error'],
      ['Microsoft.Storage/storageAccounts/dlstore01', 'tags.env', 'prod', 'dev', 'info'],
      ['Microsoft.Network/networkSecurityGroups/dl-web-nsg', 'properties.securityRules[allow-https].properties.sourceAddressPrefix', '10.0.0.0/8', '*', 'error'],
      ['Microsoft.Compute/virtualMachines/dl-vm', 'properties.hardwareProfile.vmSize', 'Standard_B2s', 'Standard_D4s_v5', 'warning'],
    ]);
    const subnet = scan.resources.find((r) => r.type === 'Microsoft.Network/virtualNetworks/subnets')!;
    assert.equal(subnet.status, 'missing');
    const vmSize = scan.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachines')!.drifts[0];
    assert.equal(vmSize.fixable, true, 'the parameter default is a literal the quick-fix can edit');
    assert.match(vmSize.origin!.file, /azuredeploy\.json$/);
  });

  it('a 403 is unverified naming the permission, never missing; unmanaged resources of the group are listed', async () => {
    fake.fault(ids.vm, { status: 403 });
    fake.put(storageBody('arm-rg', 'handmade'));
    const p = provider();
    const scan = await scanArmTemplates({ dir, provider: p }, context());
    const vm = scan.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachines')!;
    assert.equal(vm.status, 'unverified');
    assert.match(vm.reason ?? '', /Microsoft\.Compute\/virtualMachines\/read/);
    const listing = await p.listUnmanaged(scan.declaredIds, context());
    assert.deepEqual(listing.unmanaged.map((u) => [u.type, u.name]), [['azurerm_storage_account', 'handmade']]);
  });
});
