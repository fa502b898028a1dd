// The palette command on the sandbox workspace (fake EC2 seeded with drift) puts each diagnostic on
// the exact range: the drifted value, the missing resource's header, nothing for what is unverified.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, driftLens, driftLensDiagnostics, fileUri, rangeIn, scan, UNSUPPORTED_FILE, UNSUPPORTED_HEADER, withUnsupportedResource } from './helpers';

suite('Diagnostics after "Scan workspace for drift"', () => {
  let undo: () => void;
  suiteSetup(async () => {
    await driftLens();
    undo = withUnsupportedResource();
    const run = await scan();
    assert.equal(run.kind, 'done', JSON.stringify(run));
  });

  suiteTeardown(async () => {
    undo();
    await scan();
  });

  test('instance_type: on the value, warning, pointing at the variable default it comes from', () => {
    const d = driftLensDiagnostics(fileUri('compute.tf')).find((x) => x.message.startsWith('instance_type:'));
    assert.ok(d, 'no instance_type diagnostic');
    assert.deepEqual(d.range, rangeIn('compute.tf', 'var.web_instance_type'));
    assert.equal(d.message, 'instance_type: code says "t3.micro", live is "t3.large"');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(codeOf(d), 'drift.changed');
    assert.equal(typeof d.code === 'object' && String(d.code.target), 'https://github.com/driftlens/driftlens#drift-changed');
    assert.equal(d.relatedInformation?.length, 1);
    const related = d.relatedInformation[0].location;
    assert.equal(related.uri.fsPath, fileUri('variables.tf').fsPath);
    assert.deepEqual(related.range, rangeIn('variables.tf', '"t3.micro"'));
  });

  test('a tag value: on the literal inside the map, information (labels only)', () => {
    const d = driftLensDiagnostics(fileUri('compute.tf')).find((x) => x.message.startsWith('tags.Owner:'));
    assert.ok(d, 'no tags.Owner diagnostic');
    assert.deepEqual(d.range, rangeIn('compute.tf', '"platform-team"'));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(d.relatedInformation, undefined, 'the literal is in place: nothing to point at');
  });

  test('a resource gone from the cloud: on its block header, drift.missing', () => {
    const d = driftLensDiagnostics(fileUri('compute.tf')).find((x) => codeOf(x) === 'drift.missing');
    assert.ok(d, 'no drift.missing diagnostic');
    assert.deepEqual(d.range, rangeIn('compute.tf', 'resource "aws_instance" "worker"'));
    assert.match(d.message, /^aws_instance\.worker: not found in the cloud/);
    assert.equal(typeof d.code === 'object' && String(d.code.target), 'https://github.com/driftlens/driftlens#drift-missing');
  });

  test('an ingress rule opened to the world that the code does not declare: error on the resource header, not on the HTTPS ingress block', () => {
    const list = driftLensDiagnostics(fileUri('network.tf'));
    assert.equal(list.length, 1, list.map((d) => d.message).join('\n'));
    assert.equal(list[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(list[0].message, /^ingress: .*0\.0\.0\.0\/0/);
    assert.deepEqual(list[0].range, rangeIn('network.tf', 'resource "aws_security_group" "web"'));
  });

  test('exactly these four, and no hint for the unsupported type while unverified hints are off', () => {
    const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === 'DriftLens'));
    assert.deepEqual(all.map(codeOf).sort(), ['drift.changed', 'drift.changed', 'drift.changed', 'drift.missing']);
    assert.equal(driftLensDiagnostics(fileUri(UNSUPPORTED_FILE)).length, 0);
  });

  test('with driftlens.diagnostics.showUnverified on, what is unverified becomes a drift.unverified Information diagnostic (Problems shows it; a Hint it would not)', async () => {
    const config = vscode.workspace.getConfiguration('driftlens');
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.fsPath === fileUri(UNSUPPORTED_FILE).fsPath)) {
          sub.dispose();
          resolve();
        }
      });
    });
    await config.update('diagnostics.showUnverified', true, vscode.ConfigurationTarget.Workspace);
    try {
      await changed;
      const hints = driftLensDiagnostics(fileUri(UNSUPPORTED_FILE));
      assert.equal(hints.length, 1);
      assert.equal(codeOf(hints[0]), 'drift.unverified');
      assert.equal(hints[0].severity, vscode.DiagnosticSeverity.Information);
      assert.deepEqual(hints[0].range, rangeIn(UNSUPPORTED_FILE, UNSUPPORTED_HEADER));
      assert.match(hints[0].message, /not verified — unsupported type/);
    } finally {
      await config.update('diagnostics.showUnverified', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a severity override re-labels matching drift, and `off` hides it', async () => {
    const config = vscode.workspace.getConfiguration('driftlens');
    const uri = fileUri('compute.tf');
    const owner = () => driftLensDiagnostics(uri).find((x) => x.message.startsWith('tags.Owner:'));
    const settled = (check: () => boolean) => new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        if (check()) {
          sub.dispose();
          resolve();
        }
      });
    });
    try {
      let done = settled(() => owner()?.severity === vscode.DiagnosticSeverity.Error);
      await config.update('severity.overrides', { '*.tags.Owner': 'error' }, vscode.ConfigurationTarget.Workspace);
      await done;
      done = settled(() => owner() === undefined && driftLensDiagnostics(uri).length > 0);
      await config.update('severity.overrides', { 'aws_instance.tags.*': 'off' }, vscode.ConfigurationTarget.Workspace);
      await done;
    } finally {
      const back = settled(() => owner()?.severity === vscode.DiagnosticSeverity.Information);
      await config.update('severity.overrides', undefined, vscode.ConfigurationTarget.Workspace);
      await back;
    }
  });
});
