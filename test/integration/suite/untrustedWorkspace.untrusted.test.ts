// In an untrusted workspace DriftLens reads the code but uses no credentials and calls no cloud API;
// the context key behind the welcome view says why. Runs only in the harness's untrusted launch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { driftLens, driftLensDiagnostics, fakeCalls, fileUri, scan } from './helpers';

suite('Untrusted workspace', () => {
  test('the workspace is untrusted and DriftLens is in restricted mode', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const api = await driftLens();
    assert.equal(api.testing.contextKey('restricted'), true);
  });

  test('"Scan workspace for drift" indexes only: no EC2 call, no diagnostics, no results', async () => {
    const api = await driftLens();
    const run = await scan();
    assert.equal(run.kind, 'restricted');
    assert.equal(run.resources, 8, 'the code is still read');
    assert.deepEqual(await fakeCalls(), []);
    assert.deepEqual(driftLensDiagnostics(fileUri('compute.tf')), []);
    assert.deepEqual(await api.testing.driftTree.getChildren(), []);
    assert.equal(api.testing.contextKey('scanned'), false);
  });
});
