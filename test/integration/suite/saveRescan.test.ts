// Re-scan on save (issue 14 item 6), in a real VS Code against the fake EC2: two root modules beside the
// sandbox (saverescan/one and saverescan/two, bound to the sandbox's instances); saving a file of one
// re-scans that root only (the fake sees only its instance ID), its diagnostic follows the saved value, the
// other root's findings and the last full scan time stay; saves of both roots within the debounce give one
// scan; with driftlens.scan.onSave off a save starts nothing. The launch turns the setting off (runTests.ts):
// this suite turns it on for itself.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { driftLens, driftLensDiagnostics, fileUri, scan, updateSetting, workspaceDir } from './helpers';

type Api = Awaited<ReturnType<typeof driftLens>>;
type Call = { action: string; params?: Record<string, string> };

const WEB = 'i-0a4f2c8e61b9d3704'; // live t3.large
const API = 'i-0e91b7c3a5d28f416'; // live t3.small
const ONE = 'saverescan/one/main.tf';
const TWO = 'saverescan/two/main.tf';

function rootFiles(name: string, id: string, instanceType: string): Record<string, string> {
  return {
    'main.tf': `provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_instance" "${name}" {\n  ami           = "ami-0c1bc246476a5572b"\n  instance_type = "${instanceType}"\n}\n`,
    'terraform.tfstate': JSON.stringify({
      version: 4, terraform_version: '1.11.4', serial: 1, lineage: '7b0c1d9a-6b3e-4a57-9e12-0a1b2c3d4e5f', outputs: {},
      resources: [{ mode: 'managed', type: 'aws_instance', name, provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 1, attributes: { id, arn: `arn:aws:ec2:eu-west-1:123456789012:instance/${id}`, ami: 'ami-0c1bc246476a5572b', instance_type: instanceType }, sensitive_attributes: [] }] }],
    }),
  };
}

async function control(method: 'GET' | 'DELETE'): Promise<Call[]> {
  const url = process.env.DRIFTLENS_FAKE_EC2_CONTROL;
  assert.ok(url, 'DRIFTLENS_FAKE_EC2_CONTROL is not set by the runner');
  const res = await fetch(new URL('calls', url.endsWith('/') ? url : `${url}/`), { method });
  return method === 'GET' ? ((await res.json()) as Call[]) : [];
}

/** The instance IDs DescribeInstances was asked for by ID, one list per call (the unmanaged listing asks by VPC). */
async function describedInstances(): Promise<string[][]> {
  return (await control('GET'))
    .filter((c) => c.action === 'DescribeInstances')
    .map((c) => Object.entries(c.params ?? {}).filter(([k]) => /^InstanceId\.\d+$/.test(k)).map(([, v]) => v).sort())
    .filter((ids) => ids.length > 0);
}

/** Resolves at the first results change after which `check` holds (results change when a scan is published). */
function afterResults(api: Api, check: () => Promise<boolean>, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = api.testing.onDidChangeResults(() => {
      void check().then(
        (ok) => ok && (sub.dispose(), resolve()),
        (e) => (sub.dispose(), reject(new Error(`${what}: ${String(e)}`))),
      );
    });
  });
}

/** Replaces `from` with `to` in an open document and saves it. */
async function editAndSave(name: string, from: string, to: string): Promise<void> {
  const doc = await edit(name, from, to);
  assert.ok(await doc.save(), `${name} saved`);
}

async function edit(name: string, from: string, to: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `${from} not in ${name}`);
  const change = new vscode.WorkspaceEdit();
  change.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(change));
  return doc;
}

const instanceTypeMessages = (name: string) => driftLensDiagnostics(fileUri(name)).map((d) => d.message).filter((m) => m.includes('instance_type'));

suite('Re-scan on save: only the saved file\'s root module', () => {
  let api: Api;
  const dir = (rel: string) => join(workspaceDir(), rel);

  suiteSetup(async () => {
    api = await driftLens();
    for (const [root, files] of [['saverescan/one', rootFiles('web', WEB, 't3.micro')], ['saverescan/two', rootFiles('api', API, 't3.micro')]] as const) {
      mkdirSync(dir(root), { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir(root), name), text);
    }
    await updateSetting('scan.onSave', true);
    assert.equal((await scan()).kind, 'done');
  });

  suiteTeardown(async () => {
    await updateSetting('scan.onSave', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir('saverescan'), { recursive: true, force: true });
    await scan();
  });

  test('a save re-scans that root only: the cloud is asked for its instance alone, its diagnostic follows the saved value', async () => {
    assert.deepEqual(instanceTypeMessages(ONE).length, 1, 'one drifted by the full scan');
    assert.deepEqual(instanceTypeMessages(TWO).length, 1, 'two drifted by the full scan');
    const lastFullLine = () => api.testing.statusBarTooltip().split('\n').find((l) => l.startsWith('Last full scan:'));
    const lastFull = lastFullLine();
    assert.ok(lastFull, api.testing.statusBarTooltip());
    await control('DELETE');
    const scanned = afterResults(api, async () => (await describedInstances()).length > 0 && instanceTypeMessages(ONE).length === 0, 'the re-scan of one');
    // Code now says what is live: the drift must go.
    await editAndSave(ONE, '"t3.micro"', '"t3.large"');
    await scanned;
    assert.deepEqual(await describedInstances(), [[WEB]]);
    assert.deepEqual(instanceTypeMessages(ONE), []);
    // The other root keeps what the full scan found, and "last full scan" still means the full one.
    assert.equal(instanceTypeMessages(TWO).length, 1);
    assert.equal(lastFullLine(), lastFull);
  });

  test('saves of two roots within the debounce: one scan of both roots', async () => {
    await control('DELETE');
    const scanned = afterResults(api, async () => (await describedInstances()).length > 0 && instanceTypeMessages(TWO).length === 0, 'the re-scan of both');
    const one = await edit(ONE, '"t3.large"', '"t3.nano"');
    const two = await edit(TWO, '"t3.micro"', '"t3.small"');
    // Saved together, as "Save All" does: however loaded the machine, both saves fall in one debounce window.
    // (Not saveAll itself: it would also save what earlier suites left unsaved, files some of them deleted since.)
    assert.deepEqual(await Promise.all([one.save(), two.save()]), [true, true]);
    await scanned;
    assert.deepEqual(await describedInstances(), [[API, WEB].sort()]);
    assert.equal(instanceTypeMessages(ONE).length, 1, 'one drifts again (t3.nano)');
  });

  test('with driftlens.scan.onSave off, a save starts nothing', async () => {
    await updateSetting('scan.onSave', false);
    await control('DELETE');
    await editAndSave(ONE, '"t3.nano"', '"t3.large"');
    // Turned on again, a save of two re-scans two alone: the save of one above queued nothing.
    await updateSetting('scan.onSave', true);
    const scanned = afterResults(api, async () => (await describedInstances()).length > 0, 'the re-scan of two');
    await editAndSave(TWO, '"t3.small"', '"t3.medium"');
    await scanned;
    assert.deepEqual(await describedInstances(), [[API]]);
    assert.equal(instanceTypeMessages(TWO).length, 1, 'two drifts (t3.medium, live t3.small)');
  });
});
