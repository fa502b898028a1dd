// The engine's scan with the Azure provider plugged in (in process): Terraform and ARM templates in
// one workspace, IDs derived without state, the unmanaged listing, and a recompare of unsaved
// edits that makes no API call.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recompare, scanWorkspace } from '../../../src/engine/scan';
import { createAzureProvider } from '../../../src/providers/azure/provider';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, keyVaultBody, nicBody, nsgBody, publicIpBody, resourceGroupBody, storageBody, subnetBody, vmBody, vnetBody } from '../../fakes/arm/examples';
import { quietLogger, staticCredential } from './helpers';

const FIXTURES = resolve(__dirname, '../../fixtures/azure');

describe('scanWorkspace with the Azure provider', () => {
  let fake: FakeArm;
  let dir: string;
  beforeEach(async () => {
    fake = await FakeArm.start();
    dir = mkdtempSync(join(tmpdir(), 'driftlens-azscan-'));
    cpSync(join(FIXTURES, 'azurerm'), join(dir, 'azurerm'), { recursive: true });
    cpSync(join(FIXTURES, 'arm'), join(dir, 'arm'), { recursive: true });
    const tf = `/subscriptions/${SUB}/resourceGroups/tf-rg`;
    fake.put(resourceGroupBody('tf-rg', 'westeurope', { env: 'prod', owner: 'platform' }));
    fake.put(storageBody('tf-rg', 'tflogs01', { tags: { env: 'prod', owner: 'platform' } }));
    fake.put(nsgBody('tf-rg', 'tf-web-nsg', [{ name: 'allow-https', priority: 100, port: '443', source: '10.0.0.0/8' }]));
    fake.put(vnetBody('tf-rg', 'tf-vnet', { addressSpace: ['10.0.0.0/16'] }));
    fake.put(subnetBody('tf-rg', 'tf-vnet', 'web', '10.0.1.0/24', ['Microsoft.Storage']));
    fake.put(publicIpBody('tf-rg', 'tf-pip'));
    fake.put(nicBody('tf-rg', 'tf-nic', `${tf}/providers/Microsoft.Network/virtualNetworks/tf-vnet/subnets/web`));
    fake.put(vmBody('tf-rg', 'tf-vm', { nicId: `${tf}/providers/Microsoft.Network/networkInterfaces/tf-nic` }));
    fake.put(keyVaultBody('tf-rg', 'tf-kv-01'));
    fake.put(resourceGroupBody('arm-rg'));
    fake.put(storageBody('arm-rg', 'dlstore01', { tls: 'TLS1_0', tags: { env: 'prod', owner: 'platform' } }));
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans both kinds of code, then re-compares an edited template without calling Azure', async () => {
    const provider = createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: staticCredential(), env: {} });
    const { result, snapshot } = await scanWorkspace({ dir, providers: [provider], logger: quietLogger });
    const status = (address: string) => result.resources.find((r) => r.address === address)?.status;
    assert.equal(status('azurerm_storage_account.logs'), 'in-sync');
    assert.equal(status('Microsoft.Storage/storageAccounts/dlstore01'), 'drifted');
    assert.equal(status('Microsoft.Compute/virtualMachines/dl-vm'), 'missing');
    assert.deepEqual(result.unmanaged, [], 'every resource of both resource groups is declared');
    const tls = result.resources.find((r) => r.address === 'Microsoft.Storage/storageAccounts/dlstore01')!.drifts[0];
    assert.deepEqual([tls.attribute, tls.severity, tls.fixable], ['properties.minimumTlsVersion', 'error', true]);

    // The quick-fix edits the literal to the live value: the unsaved text now agrees with Azure.
    const file = tls.origin!.file;
    const text = readFileSync(file, 'utf8');
    const edited = text.slice(0, tls.origin!.range.start.offset) + '"TLS1_0"' + text.slice(tls.origin!.range.end.offset);
    const calls = fake.requests.length;
    const again = await recompare(snapshot, new Map([[file, edited]]));
    assert.equal(again.resources.find((r) => r.address === 'Microsoft.Storage/storageAccounts/dlstore01')?.status, 'in-sync');
    assert.equal(again.resources.length, result.resources.length);
    assert.equal(fake.requests.length, calls, 'recompare made no request');
  });

  it('an untrusted workspace reads no credential and sends nothing, for Terraform and templates alike', async () => {
    const cred = staticCredential();
    const provider = createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: cred, credentialsAllowed: false, env: {} });
    const { result } = await scanWorkspace({ dir, providers: [provider], logger: quietLogger });
    assert.ok(result.resources.length > 10);
    assert.ok(result.resources.every((r) => r.status === 'unverified'));
    assert.equal(fake.requests.length, 0);
    assert.equal(cred.calls.length, 0);
    assert.deepEqual(result.errors.filter((e) => /unmanaged/.test(e.message)), []);
  });
});
