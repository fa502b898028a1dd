// `driftlens scan` end to end on Azure: the real CLI in a child process, DefaultAzureCredential
// (restricted to the Azure CLI credential, served by a stand-in `az`), the real SDK over HTTPS
// (the fake's certificate trusted through NODE_EXTRA_CA_CERTS), against the fake Resource Manager.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyAzurermConsoleDrift, azurermIds, seedAzurermWorkspace } from '../../fakes/arm/azurermScenario';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, nsgBody, resourceGroupBody, storageBody, vmBody, vnetBody } from '../../fakes/arm/examples';
import { armCliEnv, type ArmCliEnv } from './armCliEnv';
import type { CliRun } from '../engine/cliRun';

const REPO = resolve(__dirname, '..', '..', '..');
const AZURERM = join(REPO, 'test', 'fixtures', 'azure', 'azurerm');
const ARM = join(REPO, 'test', 'fixtures', 'azure', 'arm');
const rg = `/subscriptions/${SUB}/resourceGroups/tf-rg`;
const id = azurermIds;

describe('driftlens scan (CLI, end to end against the fake Resource Manager)', function () {
  this.timeout(60000);
  let fake: FakeArm;
  let tmp: string;
  let env: Record<string, string>;

  let armCli: ArmCliEnv;
  const cli = (args: string[]): Promise<CliRun> => armCli.cli(args);

  beforeEach(async () => {
    fake = await FakeArm.start({ token: 'fake-cli-token', pageSize: 3 });
    seedAzurermWorkspace(fake);
    armCli = armCliEnv(fake, 'driftlens-azure-');
    ({ tmp, env } = armCli);
  });
  afterEach(async () => {
    await fake.close();
    armCli.dispose();
  });

  it('azurerm: reports exactly the applied drift with severities, a 403 unverified, a deleted resource missing, an unmanaged resource', async () => {
    applyAzurermConsoleDrift(fake);

    const run = await cli(['scan', AZURERM, '--format', 'json']);
    assert.equal(run.code, 2, run.stderr);
    const report = JSON.parse(run.stdout);
    const byAddress = Object.fromEntries(report.resources.map((r: { address: string }) => [r.address, r]));
    assert.deepEqual(
      Object.fromEntries(report.resources.map((r: { address: string; status: string }) => [r.address, r.status])),
      {
        'azurerm_resource_group.app': 'in-sync',
        'azurerm_storage_account.logs': 'drifted',
        'azurerm_network_security_group.web': 'drifted',
        'azurerm_virtual_network.main': 'in-sync',
        'azurerm_subnet.web': 'in-sync',
        'azurerm_public_ip.app': 'missing',
        'azurerm_network_interface.app': 'in-sync',
        'azurerm_linux_virtual_machine.app': 'drifted',
        'azurerm_key_vault.secrets': 'unverified',
      },
    );
    const drifts = report.resources.flatMap((r: { address: string; drifts: { attribute: string; severity: string; expected: unknown; actual: unknown }[] }) =>
      r.drifts.map((d) => [r.address, d.attribute, d.severity]),
    );
    assert.deepEqual(drifts, [
      ['azurerm_storage_account.logs', 'min_tls_version', 'error'],
      ['azurerm_storage_account.logs', 'tags.env', 'info'],
      ['azurerm_network_security_group.web', 'security_rule', 'error'],
      ['azurerm_linux_virtual_machine.app', 'size', 'warning'],
    ]);
    const tls = byAddress['azurerm_storage_account.logs'].drifts[0];
    assert.deepEqual([tls.expected, tls.actual], ['TLS1_2', 'TLS1_0']);
    assert.match(byAddress['azurerm_key_vault.secrets'].reason, /Microsoft\.KeyVault\/vaults\/read/);
    assert.equal(byAddress['azurerm_linux_virtual_machine.app'].liveId, id.vm, 'ID from state');
    assert.equal(byAddress['azurerm_subnet.web'].liveId, id.subnet, 'ID derived from name, resource group (a reference to its block) and the provider block subscription');
    assert.deepEqual(report.unmanaged, [{ type: 'azurerm_storage_account', liveId: `${rg}/providers/Microsoft.Storage/storageAccounts/handmade01`, region: 'westeurope', name: 'handmade01' }]);
    assert.deepEqual(report.summary, { resources: 9, inSync: 4, drifted: 3, missing: 1, unverified: 1, unmanaged: 1, verified: 8 });
    // Read-only, and the token was asked for the endpoint's own audience.
    assert.deepEqual([...new Set(fake.requests.map((r) => r.method))], ['GET']);
    assert.match(readFileSync(join(tmp, 'az.log'), 'utf8'), new RegExp(`--resource ${fake.url.replace(/[.]/g, '\\.')}(\\s|$)`));
  });

  it('azurerm: in sync exits 0; references to declared arguments are verified, a computed id is not', async () => {
    const run = await cli(['scan', AZURERM, '--format', 'text']);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    // `resource_group_name = azurerm_resource_group.app.name` without state: the name its block writes.
    assert.doesNotMatch(run.stdout, /not verified: (resource_group_name|virtual_network_name|location)\b/);
    assert.deepEqual(
      run.stdout.split('\n').filter((l) => l.includes('not verified:')).map((l) => l.trim()),
      [
        // The lead line counts them per reason; the table says which.
        'not verified: 2 attributes of verified resources — not read by DriftLens (1), refers to a resource not in state (1)',
        'not verified: ip_configuration.subnet_id (azurerm_subnet.web is not in state)',
        'not verified: admin_ssh_key (the azurerm_linux_virtual_machine mapper does not read "admin_ssh_key")',
      ],
    );
  });

  it('ARM template: reports the applied drift against the template and its parameters', async () => {
    const arg = `/subscriptions/${SUB}/resourceGroups/arm-rg`;
    fake.put(resourceGroupBody('arm-rg'));
    fake.put(storageBody('arm-rg', 'dlstore01', { tls: 'TLS1_1', tags: { env: 'prod', owner: 'platform' } }));
    fake.put(nsgBody('arm-rg', 'dl-web-nsg', [{ name: 'allow-https', priority: 100, port: '443', source: '*' }]));
    fake.put(vnetBody('arm-rg', 'dl-vnet', { addressSpace: ['10.20.0.0/16'] }));
    fake.put(vmBody('arm-rg', 'dl-vm', { size: 'Standard_B4ms', tags: { env: 'test' } }));
    fake.put(storageBody('arm-rg', 'strayacct'));
    const run = await cli(['scan', ARM, '--format', 'json', '--azure-endpoint', fake.url]);
    assert.equal(run.code, 2, run.stderr);
    const report = JSON.parse(run.stdout);
    const drifts = report.resources.flatMap((r: { address: string; drifts: { attribute: string; severity: string }[] }) => r.drifts.map((d) => [r.address, d.attribute, d.severity]));
    assert.deepEqual(drifts, [
      ['Microsoft.Storage/storageAccounts/dlstore01', 'properties.minimumTlsVersion', 'error'],
      ['Microsoft.Network/networkSecurityGroups/dl-web-nsg', 'properties.securityRules[allow-https].properties.sourceAddressPrefix', 'error'],
      ['Microsoft.Compute/virtualMachines/dl-vm', 'properties.hardwareProfile.vmSize', 'warning'],
      ['Microsoft.Compute/virtualMachines/dl-vm', 'tags.env', 'info'],
    ]);
    const subnet = report.resources.find((r: { address: string }) => r.address === 'Microsoft.Network/virtualNetworks/subnets/dl-vnet/web');
    assert.equal(subnet.status, 'missing');
    assert.equal(subnet.file, 'azuredeploy.json');
    assert.deepEqual(report.unmanaged.map((u: { name: string }) => u.name), ['strayacct']);
    assert.ok(fake.requestsTo(`${arg}/resources`).length >= 1);
    assert.deepEqual([...new Set(fake.requests.map((r) => r.method))], ['GET']);
  });

  it('without any Azure sign-in, exits 1 saying how to sign in, and sends nothing to Resource Manager', async () => {
    env.PATH = process.env.PATH ?? '';
    const run = await cli(['scan', AZURERM]);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /no Azure credentials.*az login/);
    assert.equal(fake.requests.length, 0);
  });

  it('refuses an endpoint that is not https, before any call', async () => {
    const run = await cli(['scan', AZURERM, '--azure-endpoint', 'http://127.0.0.1:1']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /must use https/);
    assert.equal(fake.requests.length, 0);
  });
});
