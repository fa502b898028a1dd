// vscode.executeCodeLensProvider returns one status lens per scanned resource block (and "Show diff"
// where live state exists), with their commands resolved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { driftLens, fileUri, rangeIn, scan, UNSUPPORTED_FILE, updateSetting, withUnsupportedResource, workspaceDir } from './helpers';

const CHECKED = / · checked (just now|\d+ min ago)$/;

async function lenses(name: string): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(fileUri(name)); // the provider command needs the text model loaded
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fileUri(name), 100)) ?? [];
}

function onLine(list: vscode.CodeLens[], line: number) {
  return list.filter((l) => l.range.start.line === line).map((l) => l.command);
}

suite('CodeLens', () => {
  let undo: () => void;
  suiteSetup(async () => {
    await driftLens();
    undo = withUnsupportedResource();
    assert.equal((await scan()).kind, 'done');
  });

  suiteTeardown(async () => {
    undo();
    await scan();
  });

  test('one status lens above each resource block in compute.tf, resolved', async () => {
    const list = await lenses('compute.tf');
    const header = (name: string) => rangeIn('compute.tf', `resource "aws_instance" "${name}"`).start.line;
    const title = (name: string) => onLine(list, header(name)).find((c) => c?.command === 'driftlens.revealInTree')?.title ?? '';
    assert.match(title('web'), /^1 drifted/);
    assert.match(title('web'), CHECKED);
    assert.match(title('api'), /^1 drifted/);
    assert.match(title('worker'), /^missing in the cloud since (just now|\d+ min) · checked/);
    assert.match(title('bastion'), /^in sync · checked/);
    const statusLenses = list.filter((l) => l.command?.command === 'driftlens.revealInTree');
    assert.equal(statusLenses.length, 4);
  });

  test('with the drift history in the extension storage, a drifted or missing block says since when', async () => {
    const list = await lenses('compute.tf');
    const title = (name: string) =>
      onLine(list, rangeIn('compute.tf', `resource "aws_instance" "${name}"`).start.line).find((c) => c?.command === 'driftlens.revealInTree')?.title ?? '';
    assert.match(title('web'), /^1 drifted since (just now|\d+ min|\d+ h|\d+ days) · checked/);
    assert.match(title('worker'), /^missing in the cloud since (just now|\d+ min|\d+ h|\d+ days) · checked/);
    assert.doesNotMatch(title('bastion'), /since/);
  });

  test('"Show diff" only where there is live state, and it opens the diff', async () => {
    const list = await lenses('compute.tf');
    const diffs = list.filter((l) => l.command?.command === 'driftlens.showDiff');
    const workerLine = rangeIn('compute.tf', 'resource "aws_instance" "worker"').start.line;
    assert.equal(diffs.length, 3);
    assert.ok(diffs.every((l) => l.range.start.line !== workerLine), 'a missing resource has nothing to diff');
    const web = diffs.find((l) => l.range.start.line === rangeIn('compute.tf', 'resource "aws_instance" "web"').start.line);
    assert.deepEqual(web?.command?.arguments, [{ root: workspaceDir(), address: 'aws_instance.web' }]);
    assert.equal(await vscode.commands.executeCommand(web!.command!.command, ...web!.command!.arguments!), true);
  });

  test('a type DriftLens does not read yet says it was not checked and why, never "checked just now"', async () => {
    const list = await lenses(UNSUPPORTED_FILE);
    assert.equal(list.length, 1);
    assert.equal(list[0].command?.title, 'not checked: unsupported type');
  });

  test('driftlens.codeLens.enabled = false removes them', async () => {
    await updateSetting('codeLens.enabled', false);
    try {
      assert.deepEqual(await lenses('compute.tf'), []);
    } finally {
      await updateSetting('codeLens.enabled', undefined);
    }
    assert.equal((await lenses('compute.tf')).filter((l) => l.command?.command === 'driftlens.revealInTree').length, 4);
  });
});
