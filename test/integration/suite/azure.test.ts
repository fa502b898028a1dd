// Azure in the editor: an azurerm workspace scanned against the HTTPS fake Resource Manager, which this
// suite starts inside the extension host with the certificate the runner made trusted (NODE_EXTRA_CA_CERTS).
// No VS Code Microsoft session exists in the test server, so the credential chain falls through to
// DefaultAzureCredential, restricted to the Azure CLI credential and served by the stand-in `az`.
// TLS is verified as always. VS Code's `http.systemCertificates` (on by default) makes the extension host
// trust the OS store *instead of* Node's default store, where NODE_EXTRA_CA_CERTS lands (measured here);
// so this suite turns it off while it runs — users of a private endpoint put its CA in the OS store.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { nsgBody, resourceGroupBody, storageBody, vmBody, vnetBody } from '../../fakes/arm/examples';
import { applyAzurermConsoleDrift, azurermIds, seedAzurermWorkspace } from '../../fakes/arm/azurermScenario';
import { FakeArm } from '../../fakes/arm/server';
import { codeOf, driftLens, driftLensDiagnostics, EXTENSION_ID, fileUri, rangeIn, scan, treeRows, workspaceDir } from './helpers';

type Api = Awaited<ReturnType<typeof driftLens>>;
type Node = Parameters<Api['testing']['driftTree']['getTreeItem']>[0];

const FOLDER = 'azure-rm';
const MAIN = `${FOLDER}/main.tf`;
const ARM_FOLDER = 'azure-arm';
const TEMPLATE = `${ARM_FOLDER}/azuredeploy.json`;
const TOKEN = 'fake-cli-token';
const id = azurermIds;
/** Process variables this suite changes (process.env is the extension's too). */
const ENV_KEYS = ['DRIFTLENS_AZURE_ENDPOINT', 'AZURE_TOKEN_CREDENTIALS', 'FAKE_AZ_LOG', 'PATH'] as const;

/** Changes a driftlens.* user setting and resolves once the change is seen (the extension listens first). */
async function setUserSetting(name: string, value: unknown): Promise<void> {
  const seen = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`driftlens.${name}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace.getConfiguration('driftlens').update(name, value, vscode.ConfigurationTarget.Global);
  await seen;
}

suite('Azure: azurerm workspace against the fake Resource Manager', () => {
  let api: Api;
  let fake: FakeArm;
  let tmp: string;
  let fakeAzBin: string;
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};
  const item = (n: Node) => api.testing.driftTree.getTreeItem(n) as vscode.TreeItem;
  const children = async (n?: Node) => (await api.testing.driftTree.getChildren(n)) ?? [];
  const group = async (label: string) => (await children()).find((n) => item(n).label === label);
  /** Addresses of the resources with this status (unmanaged: their row labels), wherever they sit in the tree. */
  const labelsIn = async (label: 'Missing' | 'Unverified' | 'Unmanaged') =>
    (await treeRows(api.testing.driftTree, label.toLowerCase() as 'missing' | 'unverified' | 'unmanaged')).map((r) => r.address);

  suiteSetup(async () => {
    api = await driftLens();
    const certFile = process.env.DRIFTLENS_TEST_ARM_TLS_CERT;
    const keyFile = process.env.DRIFTLENS_TEST_ARM_TLS_KEY;
    assert.ok(certFile && keyFile, 'the runner did not hand over the fake Resource Manager certificate (DRIFTLENS_TEST_ARM_TLS_CERT/KEY)');
    fake = await FakeArm.start({ token: TOKEN, certificate: { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') } });
    seedAzurermWorkspace(fake);
    // The drift of the issue's "Must show", applied in the fake.
    applyAzurermConsoleDrift(fake);
    // The ARM template fixture's resource group (its .driftlens.json names it), with the storage TLS lowered.
    fake.put(resourceGroupBody('arm-rg'));
    fake.put(storageBody('arm-rg', 'dlstore01', { tls: 'TLS1_1', tags: { env: 'prod', owner: 'platform' } }));
    fake.put(nsgBody('arm-rg', 'dl-web-nsg', [{ name: 'allow-https', priority: 100, port: '443', source: '10.0.0.0/8' }]));
    fake.put(vnetBody('arm-rg', 'dl-vnet', { addressSpace: ['10.20.0.0/16'] }));
    fake.put(vmBody('arm-rg', 'dl-vm', { size: 'Standard_B2s' }));

    const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    cpSync(join(repo, 'test', 'fixtures', 'azure', 'azurerm'), join(workspaceDir(), FOLDER), { recursive: true });
    cpSync(join(repo, 'test', 'fixtures', 'azure', 'arm'), join(workspaceDir(), ARM_FOLDER), { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'driftlens-azure-host-'));
    fakeAzBin = join(repo, 'test', 'fakes', 'arm', 'bin');
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    process.env.DRIFTLENS_AZURE_ENDPOINT = fake.url;
    process.env.AZURE_TOKEN_CREDENTIALS = 'AzureCliCredential';
    process.env.FAKE_AZ_LOG = join(tmp, 'az.log');
    process.env.PATH = `${fakeAzBin}${delimiter}${saved.PATH ?? ''}`;
    await vscode.workspace.getConfiguration('http').update('systemCertificates', false, vscode.ConfigurationTarget.Global);

    const run = await scan();
    assert.equal(run.kind, 'done', JSON.stringify(run));
  });

  suiteTeardown(async () => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await vscode.workspace.getConfiguration('http').update('systemCertificates', undefined, vscode.ConfigurationTarget.Global);
    for (const f of [FOLDER, ARM_FOLDER]) rmSync(join(workspaceDir(), f), { recursive: true, force: true });
    await fake?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    // The suites after this one see the workspace as shipped.
    await scan();
  });

  test('a drifted azurerm attribute is squiggled on its exact value, with the policy severity', () => {
    const diagnostics = driftLensDiagnostics(fileUri(MAIN));
    const tls = diagnostics.find((d) => d.message.startsWith('min_tls_version:'));
    assert.ok(tls, `no min_tls_version diagnostic in ${diagnostics.map((d) => d.message).join(' | ')}`);
    assert.deepEqual(tls.range, rangeIn(MAIN, '"TLS1_2"'));
    assert.equal(codeOf(tls), 'drift.changed');
    assert.equal(tls.severity, vscode.DiagnosticSeverity.Error, 'TLS below 1.2 is a security exposure');
    assert.match(tls.message, /TLS1_0/);
    const size = diagnostics.find((d) => d.message.startsWith('size:'));
    assert.ok(size, 'no size diagnostic');
    assert.deepEqual(size.range, rangeIn(MAIN, '"Standard_B2s"'));
    assert.equal(size.severity, vscode.DiagnosticSeverity.Warning);
    const missing = diagnostics.find((d) => codeOf(d) === 'drift.missing');
    assert.ok(missing, 'no drift.missing diagnostic for the deleted public IP');
    assert.deepEqual(missing.range, rangeIn(MAIN, 'resource "azurerm_public_ip" "app"'));
  });

  test('an ARM template: the drifted property is squiggled on its JSON literal', () => {
    const diagnostics = driftLensDiagnostics(fileUri(TEMPLATE));
    const tls = diagnostics.find((d) => d.message.includes('minimumTlsVersion'));
    assert.ok(tls, `no minimumTlsVersion diagnostic in ${diagnostics.map((d) => d.message).join(' | ')}`);
    assert.deepEqual(tls.range, rangeIn(TEMPLATE, '"TLS1_2"'));
    assert.equal(tls.severity, vscode.DiagnosticSeverity.Error);
    assert.match(tls.message, /TLS1_1/);
  });

  test('the unmanaged resource is in the Unmanaged group: type, name, live ID, no fix', async () => {
    const unmanaged = await group('Unmanaged');
    assert.ok(unmanaged, `no Unmanaged group among ${(await children()).map((n) => item(n).label).join(', ')}`);
    // The sandbox's AWS side may list its own unmanaged resources here too.
    const nodes = (await children(unmanaged)).filter((n) => String(item(n).label).startsWith('azurerm_'));
    assert.equal(nodes.length, 1, `only the resource no code declares: ${nodes.map((n) => `${item(n).label} (${item(n).description})`).join(', ')}`);
    const [node] = nodes;
    const shown = item(node);
    assert.equal(shown.label, 'azurerm_storage_account handmade01');
    assert.match(String(shown.description), new RegExp(`^${id.stray.replace(/[.]/g, '\\.')}`));
    assert.ok(shown.iconPath instanceof vscode.ThemeIcon);
    assert.equal(shown.contextValue, 'driftlens.unmanaged', 'no update/ignore menu: there is no code to fix');
    assert.equal(shown.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.ok(!(await labelsIn('Missing')).includes('azurerm_storage_account handmade01'));
  });

  test('a 403 resource is unverified (naming the missing permission), never missing', async () => {
    assert.ok((await labelsIn('Unverified')).includes('azurerm_key_vault.secrets'));
    const missingAzure = (await labelsIn('Missing')).filter((l) => l.startsWith('azurerm_'));
    assert.deepEqual(missingAzure, ['azurerm_public_ip.app'], 'only the deleted resource is missing');
    const unverified = (await treeRows(api.testing.driftTree, 'unverified')).find((r) => r.address === 'azurerm_key_vault.secrets')!;
    const tooltip = unverified.item.tooltip;
    assert.match(tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip), /Microsoft\.KeyVault\/vaults\/read/);
    const header = rangeIn(MAIN, 'resource "azurerm_key_vault" "secrets"');
    assert.ok(!driftLensDiagnostics(fileUri(MAIN)).some((d) => codeOf(d) === 'drift.missing' && d.range.start.line === header.start.line));
  });

  test('credentials: no VS Code session, so DefaultAzureCredential (Azure CLI) — a token for the endpoint, GET only', () => {
    assert.match(readFileSync(join(tmp, 'az.log'), 'utf8'), new RegExp(`--resource ${fake.url.replace(/[.]/g, '\\.')}(\\s|$)`));
    assert.ok(fake.requests.length > 0);
    assert.deepEqual([...new Set(fake.requests.map((r) => r.method))], ['GET']);
    assert.ok(!fake.requests.some((r) => r.status === 401), 'every request carried the accepted token');
  });

  test('the endpoint can be a user setting (no environment variable); a workspace cannot set it', async () => {
    const config = () => vscode.workspace.getConfiguration('driftlens');
    await assert.rejects(
      Promise.resolve(config().update('azure.resourceManagerEndpoint', 'https://127.0.0.1:9/', vscode.ConfigurationTarget.Workspace)),
      'VS Code must refuse a workspace value for a machine-scoped setting',
    );
    delete process.env.DRIFTLENS_AZURE_ENDPOINT;
    try {
      await setUserSetting('azure.resourceManagerEndpoint', fake.url);
      const before = fake.requests.length;
      assert.equal((await scan()).kind, 'done');
      assert.ok(fake.requests.length > before, 'nothing reached the endpoint of the user setting');
      assert.ok(driftLensDiagnostics(fileUri(MAIN)).some((d) => d.message.startsWith('min_tls_version:')));
    } finally {
      process.env.DRIFTLENS_AZURE_ENDPOINT = fake.url;
      await setUserSetting('azure.resourceManagerEndpoint', undefined);
    }
  });

  test('with no sign-in anywhere: Azure resources are unverified, never missing, nothing is sent, and the scan asks for an Azure sign-in', async () => {
    const before = fake.requests.length;
    process.env.PATH = saved.PATH ?? '';
    try {
      const run = (await scan()) as { kind: string; azureSignInNeeded?: boolean };
      assert.equal(run.kind, 'done');
      assert.equal(run.azureSignInNeeded, true);
      assert.equal(fake.requests.length, before, 'a request went out without credentials');
      const unverified = await labelsIn('Unverified');
      for (const address of ['azurerm_storage_account.logs', 'azurerm_public_ip.app', 'azurerm_linux_virtual_machine.app']) assert.ok(unverified.includes(address), address);
      assert.ok(!(await labelsIn('Missing')).some((l) => l.startsWith('azurerm_')));
      assert.ok(!driftLensDiagnostics(fileUri(MAIN)).some((d) => codeOf(d) === 'drift.changed' || codeOf(d) === 'drift.missing'));
    } finally {
      process.env.PATH = `${fakeAzBin}${delimiter}${saved.PATH ?? ''}`;
    }
  });
});
