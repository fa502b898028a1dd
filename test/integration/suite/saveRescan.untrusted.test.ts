// Re-scan on save in an untrusted workspace: a saved Terraform file starts no scan and calls no cloud API,
// with driftlens.scan.onSave at its default (on). Runs only in the harness's untrusted launch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { driftLens, fakeCalls, fileUri, restoreDocument } from './helpers';

/** The re-scan waits ~1 s after the last save; three times that shows it did not start (absence has no event). */
const PAST_THE_DEBOUNCE_MS = 3000;

suite('Untrusted workspace: no re-scan on save', () => {
  test('saving a Terraform file starts no scan and calls no cloud API', async () => {
    const api = await driftLens();
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.workspace.getConfiguration('driftlens').get('scan.onSave'), true);
    const uri = fileUri('compute.tf');
    const doc = await vscode.workspace.openTextDocument(uri);
    const original = doc.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.positionAt(original.length), '\n# saved in restricted mode\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    try {
      await new Promise((resolve) => setTimeout(resolve, PAST_THE_DEBOUNCE_MS));
      assert.equal(api.testing.contextKey('scanning'), false);
      assert.deepEqual(await fakeCalls(), []);
    } finally {
      await restoreDocument(uri, original);
    }
  });
});
