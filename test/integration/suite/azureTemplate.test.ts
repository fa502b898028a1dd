// ARM templates get the editor surfaces Terraform has: a CodeLens above each template resource, the
// quick-fix that writes the live value as a JSON literal (in the template, in a parameter's defaultValue,
// or in the parameters file), and live re-comparison of edited template JSON — no new GET to the
// fake Resource Manager. The fake runs inside the extension host with the certificate the runner made
// trusted; credentials come from the stand-in `az` (see azure.test.ts for why http.systemCertificates is off).
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { SUB, nsgBody, resourceGroupBody, storageBody, subnetBody, vmBody, vnetBody } from '../../fakes/arm/examples';
import { FakeArm } from '../../fakes/arm/server';
import { driftLens, driftLensDiagnostics, EXTENSION_ID, fileUri, rangeIn, restoreDocument, scan, when, workspaceDir } from './helpers';

const FOLDER = 'arm-template';
const TEMPLATE = `${FOLDER}/azuredeploy.json`;
const PARAMS = `${FOLDER}/azuredeploy.parameters.json`;
const TOKEN = 'fake-cli-token';
const UPDATE = 'Update code to live value';
const rg = `/subscriptions/${SUB}/resourceGroups/arm-rg`;
const ENV_KEYS = ['DRIFTLENS_AZURE_ENDPOINT', 'AZURE_TOKEN_CREDENTIALS', 'FAKE_AZ_LOG', 'PATH'] as const;
const diagnosticsChanged = vscode.languages.onDidChangeDiagnostics;

function seed(fake: FakeArm): void {
  fake.put(resourceGroupBody('arm-rg'));
  // Drift: TLS lowered (a literal in the template), SKU changed (the parameters file gives it),
  // VM resized (a parameter's defaultValue gives it).
  fake.put(storageBody('arm-rg', 'dlstore01', { tls: 'TLS1_1', sku: 'Standard_ZRS', tags: { env: 'prod', owner: 'platform' } }));
  fake.put(nsgBody('arm-rg', 'dl-web-nsg', [{ name: 'allow-https', priority: 100, port: '443', source: '10.0.0.0/8' }]));
  fake.put(vnetBody('arm-rg', 'dl-vnet', { addressSpace: ['10.20.0.0/16'] }));
  const subnet = subnetBody('arm-rg', 'dl-vnet', 'web', '10.20.1.0/24');
  (subnet.properties as Record<string, unknown>).networkSecurityGroup = { id: `${rg}/providers/Microsoft.Network/networkSecurityGroups/dl-web-nsg` };
  fake.put(subnet);
  fake.put(vmBody('arm-rg', 'dl-vm', { size: 'Standard_D4s_v5', tags: { env: 'prod' } }));
}

async function actionsFor(file: string, message: RegExp): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const uri = fileUri(file);
  const diagnostic = driftLensDiagnostics(uri).find((d) => message.test(d.message));
  assert.ok(diagnostic, `no diagnostic matching ${message} in ${driftLensDiagnostics(uri).map((d) => d.message).join(' | ')}`);
  await vscode.workspace.openTextDocument(uri);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions: actions ?? [] };
}

const hasDiagnostic = (file: string, message: RegExp) => driftLensDiagnostics(fileUri(file)).some((d) => message.test(d.message));

suite('Azure: ARM template editor surfaces (CodeLens, JSON quick-fix, live re-compare)', () => {
  let api: Awaited<ReturnType<typeof driftLens>>;
  let fake: FakeArm;
  let tmp: string;
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};
  const originals = new Map<string, string>();
  const gets = () => fake.requests.filter((r) => r.method === 'GET').length;

  /** Applies the fix offered on `message` and checks it changes exactly `expected`, without any API call or scan. */
  async function applyFix(message: RegExp, editedFile: string, expected: (original: string) => string): Promise<void> {
    const { actions } = await actionsFor(TEMPLATE, message);
    const fix = actions.find((a) => a.title.startsWith(UPDATE));
    assert.ok(fix, `no "${UPDATE}" among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    const elsewhere = editedFile !== TEMPLATE;
    // In this file: an edit in its undo stack. In another file: a command that opens that file beside and edits it there.
    assert.equal(fix.title, elsewhere ? `${UPDATE} (edits ${editedFile.split('/').pop()})` : UPDATE);
    if (!elsewhere) assert.deepEqual(fix.edit?.entries().map(([uri]) => uri.fsPath), [fileUri(editedFile).fsPath]);
    const requestsBefore = fake.requests.length;
    const runBefore = api.testing.lastRun();
    const gone = when(diagnosticsChanged, () => !hasDiagnostic(TEMPLATE, message), `${message} squiggle gone`);
    if (elsewhere) {
      assert.ok(fix.command);
      assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, fileUri(editedFile).fsPath, 'the edited file is shown');
    } else {
      assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    }
    const doc = await vscode.workspace.openTextDocument(fileUri(editedFile));
    assert.equal(doc.getText(), expected(originals.get(editedFile)!));
    await gone;
    assert.equal(fake.requests.length, requestsBefore, 'the re-comparison called Resource Manager');
    assert.equal(api.testing.lastRun(), runBefore, 'a scan ran');
    assert.equal(readFileSync(doc.uri.fsPath, 'utf8'), originals.get(editedFile), 'the fix saved the file itself');
  }

  suiteSetup(async () => {
    api = await driftLens();
    const certFile = process.env.DRIFTLENS_TEST_ARM_TLS_CERT;
    const keyFile = process.env.DRIFTLENS_TEST_ARM_TLS_KEY;
    assert.ok(certFile && keyFile, 'the runner did not hand over the fake Resource Manager certificate');
    fake = await FakeArm.start({ token: TOKEN, certificate: { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') } });
    seed(fake);
    const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    cpSync(join(repo, 'test', 'fixtures', 'azure', 'arm'), join(workspaceDir(), FOLDER), { recursive: true });
    for (const f of [TEMPLATE, PARAMS]) originals.set(f, readFileSync(fileUri(f).fsPath, 'utf8'));
    tmp = mkdtempSync(join(tmpdir(), 'driftlens-arm-host-'));
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    process.env.DRIFTLENS_AZURE_ENDPOINT = fake.url;
    process.env.AZURE_TOKEN_CREDENTIALS = 'AzureCliCredential';
    process.env.FAKE_AZ_LOG = join(tmp, 'az.log');
    process.env.PATH = `${join(repo, 'test', 'fakes', 'arm', 'bin')}${delimiter}${saved.PATH ?? ''}`;
    await vscode.workspace.getConfiguration('http').update('systemCertificates', false, vscode.ConfigurationTarget.Global);
    const run = await scan();
    assert.equal(run.kind, 'done', JSON.stringify(run));
    assert.ok(gets() > 0, 'the scan read nothing from the fake Resource Manager');
  });

  suiteTeardown(async () => {
    for (const [f, text] of originals) await restoreDocument(fileUri(f), text);
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await vscode.workspace.getConfiguration('http').update('systemCertificates', undefined, vscode.ConfigurationTarget.Global);
    rmSync(join(workspaceDir(), FOLDER), { recursive: true, force: true });
    await fake?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    await scan();
  });

  test('a status lens above each template resource object, resolved; "Show diff" where live state exists', async () => {
    await vscode.workspace.openTextDocument(fileUri(TEMPLATE));
    const list = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fileUri(TEMPLATE), 100)) ?? [];
    // Each resource object opens with `{` on the line before its "type" in the fixture.
    const objectLine = (type: string) => rangeIn(TEMPLATE, `"type": "${type}"`).start.line - 1;
    const status = (type: string) => list.filter((l) => l.range.start.line === objectLine(type) && l.command?.command === 'driftlens.revealInTree').map((l) => l.command!.title);
    const checked = / · checked (just now|\d+ min ago)$/;
    assert.match(status('Microsoft.Storage/storageAccounts')[0] ?? '', /^2 drifted since (just now|\d+ min) · checked/);
    assert.match(status('Microsoft.Compute/virtualMachines')[0] ?? '', /^1 drifted since (just now|\d+ min) · checked/);
    for (const type of ['Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/virtualNetworks', 'subnets']) assert.match(status(type)[0] ?? '', /^in sync · checked/, type);
    // Never read from the cloud: "not checked", never "checked just now".
    assert.match(status('Microsoft.KeyVault/vaults')[0] ?? '', /^not checked: name not known/);
    assert.doesNotMatch(status('Microsoft.KeyVault/vaults')[0] ?? '', checked);
    assert.deepEqual(status('Microsoft.Network/publicIPAddresses'), [], 'a resource whose condition is false is not deployed: no lens');
    assert.equal(list.filter((l) => l.command?.command === 'driftlens.revealInTree').length, 6);
    const diffs = list.filter((l) => l.command?.command === 'driftlens.showDiff');
    assert.equal(diffs.length, 5, 'every fetched resource, not the unverified key vault');
    const storageDiff = diffs.find((l) => l.range.start.line === objectLine('Microsoft.Storage/storageAccounts'));
    assert.deepEqual(storageDiff?.command?.arguments, [{ root: join(workspaceDir(), FOLDER), address: 'Microsoft.Storage/storageAccounts/dlstore01' }]);
    assert.equal(await vscode.commands.executeCommand(storageDiff!.command!.command, ...storageDiff!.command!.arguments!), true);
  });

  test('a literal in the template: the fix writes the JSON string in place, the squiggle goes without a GET', async () => {
    await applyFix(/minimumTlsVersion/, TEMPLATE, (t) => t.replace('"minimumTlsVersion": "TLS1_2"', '"minimumTlsVersion": "TLS1_1"'));
  });

  test('undo restores the template and the squiggle comes back, still without a GET', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri(TEMPLATE));
    await vscode.window.showTextDocument(doc);
    const before = fake.requests.length;
    const back = when(diagnosticsChanged, () => hasDiagnostic(TEMPLATE, /minimumTlsVersion/), 'minimumTlsVersion squiggle back');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), originals.get(TEMPLATE));
    await back;
    assert.equal(fake.requests.length, before);
  });

  test('a value from parameters(): the fix edits the parameter defaultValue, which the diagnostic points at', async () => {
    const { diagnostic } = await actionsFor(TEMPLATE, /vmSize/);
    assert.deepEqual(diagnostic.relatedInformation?.map((r) => r.location.range), [rangeIn(TEMPLATE, '"Standard_B2s"')]);
    await applyFix(/vmSize/, TEMPLATE, (t) => t.replace('"defaultValue": "Standard_B2s"', '"defaultValue": "Standard_D4s_v5"'));
  });

  test('a value the parameters file supplies: the fix edits azuredeploy.parameters.json', async () => {
    await applyFix(/sku\.name/, PARAMS, (t) => t.replace('"value": "Standard_LRS"', '"value": "Standard_ZRS"'));
  });

  test('typing in the template JSON re-compares it: a new difference is squiggled on the edited literal, no GET', async () => {
    const uri = fileUri(TEMPLATE);
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = rangeIn(TEMPLATE, '"StorageV2"');
    const before = fake.requests.length;
    const shown = when(diagnosticsChanged, () => hasDiagnostic(TEMPLATE, /^kind:/), 'kind squiggle');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, at, '"BlobStorage"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await shown;
    const kind = driftLensDiagnostics(uri).find((d) => /^kind:/.test(d.message))!;
    assert.deepEqual(kind.range, new vscode.Range(at.start, at.start.translate(0, '"BlobStorage"'.length)));
    assert.match(kind.message, /BlobStorage.*StorageV2/);
    assert.equal(fake.requests.length, before);
    // Nothing was saved: the disk still holds the old literal. (Under load VS Code may close a document no
    // editor shows, and a closed document reads as not dirty, so the disk is what tells. The runner turns the
    // web workbench's auto-save off, as desktop VS Code has it: it saved this edit when the squiggle took > 1 s.)
    assert.ok(readFileSync(uri.fsPath, 'utf8').includes('"StorageV2"'));
    assert.ok(doc.isClosed || doc.isDirty);
  });
});
