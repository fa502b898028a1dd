// The harness's own proof of life: the extension under development loads in the real
// extension host of the server, on the opened workspace, and contributes its scan command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'driftlens.driftlens';

suite('Activation', () => {
  test('the workspace under test is open in the extension host', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    assert.equal(folder.uri.scheme, 'file');
    assert.equal(folder.uri.fsPath, process.env.DRIFTLENS_TEST_WORKSPACE);
  });

  test('the extension activates on a workspace with .tf files', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded from the development path`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('driftlens.scanWorkspace is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('driftlens.scanWorkspace'), 'driftlens.scanWorkspace is not among the registered commands');
  });
});
