// vscode.executeCodeActionProvider offers "Update code to live value" (preferred) where the value is a
// literal; applying it rewrites only that literal (in this editor, or in the file the literal lives in,
// opened beside) and the squiggle goes away WITHOUT a new scan (no EC2 call); undo brings both back;
// nothing is saved. "Ignore this drift" appends to .driftignore.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { driftLens, driftLensDiagnostics, fakeCalls, fileUri, restoreDocument, scan, when } from './helpers';

const diagnosticsChanged = vscode.languages.onDidChangeDiagnostics;

async function actionsFor(file: string, message: RegExp): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const uri = fileUri(file);
  const diagnostic = driftLensDiagnostics(uri).find((d) => message.test(d.message));
  assert.ok(diagnostic, `no diagnostic matching ${message}`);
  await vscode.workspace.openTextDocument(uri); // the provider command needs the text model loaded
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  // The command does not hand back CodeAction.diagnostics; the range holds exactly one DriftLens diagnostic.
  return { diagnostic, actions: actions ?? [] };
}

suite('Quick-fixes', () => {
  const originals = new Map<string, string>();
  let api: Awaited<ReturnType<typeof driftLens>>;

  suiteSetup(async () => {
    api = await driftLens();
    for (const f of ['compute.tf', 'variables.tf']) originals.set(f, readFileSync(fileUri(f).fsPath, 'utf8'));
    assert.equal((await scan()).kind, 'done');
  });

  suiteTeardown(async () => {
    for (const [f, text] of originals) await restoreDocument(fileUri(f), text);
    rmSync(fileUri('.driftignore').fsPath, { force: true });
    await scan();
  });

  test('update the variable default the value comes from: opened beside, edited, not saved; the squiggle goes without a scan', async () => {
    const compute = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri('compute.tf')));
    const { actions } = await actionsFor('compute.tf', /^instance_type:/);
    const fix = actions.find((a) => a.title.startsWith('Update code to live value'));
    assert.ok(fix?.command, `no fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.title, 'Update code to live value (edits variables.tf)', 'the title says the edit is in another file');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.edit, undefined, 'an edit in another file is not applied unseen');

    const callsBefore = (await fakeCalls()).length;
    const runBefore = api.testing.lastRun();
    const gone = when(diagnosticsChanged, () => !driftLensDiagnostics(fileUri('compute.tf')).some((d) => d.message.startsWith('instance_type:')), 'instance_type squiggle gone');
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.fsPath, fileUri('variables.tf').fsPath, 'variables.tf is shown where the edit can be seen and undone');
    assert.notEqual(active?.viewColumn, compute.viewColumn, 'beside the editor the fix was invoked from');
    assert.equal(active?.document.getText(), originals.get('variables.tf')!.replace('default     = "t3.micro"', 'default     = "t3.large"'));
    assert.equal(active?.document.isDirty, true);
    await gone;
    assert.equal((await fakeCalls()).length, callsBefore, 'the re-comparison called EC2');
    assert.equal(api.testing.lastRun(), runBefore, 'a scan ran');
    assert.equal(readFileSync(fileUri('variables.tf').fsPath, 'utf8'), originals.get('variables.tf'), 'the fix saved the file itself');
  });

  test('undo in that editor restores the text, and the squiggle comes back', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('variables.tf'));
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    const back = when(diagnosticsChanged, () => driftLensDiagnostics(fileUri('compute.tf')).some((d) => d.message.startsWith('instance_type:')), 'instance_type squiggle back');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), originals.get('variables.tf'));
    await back;
  });

  test('a map value in place: only the literal changes, byte for byte elsewhere', async () => {
    const { actions } = await actionsFor('compute.tf', /^tags\.Owner:/);
    const fix = actions.find((a) => a.title === 'Update code to live value');
    assert.ok(fix?.edit);
    const gone = when(diagnosticsChanged, () => !driftLensDiagnostics(fileUri('compute.tf')).some((d) => d.message.startsWith('tags.Owner:')), 'tags.Owner squiggle gone');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const doc = await vscode.workspace.openTextDocument(fileUri('compute.tf'));
    assert.equal(doc.getText(), originals.get('compute.tf')!.replace('Owner = "platform-team"', 'Owner = "data-team"'));
    await gone;
  });

  test('no "update" for a value that is not a literal (a rule set); "ignore" is offered', async () => {
    const { actions } = await actionsFor('network.tf', /^ingress:/);
    assert.deepEqual(actions.map((a) => a.title), ['Ignore this drift']);
  });

  test('"Ignore this drift" appends <address>.<attribute> to .driftignore and the squiggle goes', async () => {
    const { actions } = await actionsFor('network.tf', /^ingress:/);
    const ignore = actions[0];
    assert.ok(ignore.command);
    assert.equal(existsSync(fileUri('.driftignore').fsPath), false);
    const gone = when(diagnosticsChanged, () => driftLensDiagnostics(fileUri('network.tf')).length === 0, 'ingress squiggle gone');
    assert.equal(await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? [])), true);
    const lines = readFileSync(fileUri('.driftignore').fsPath, 'utf8').split('\n');
    assert.equal(lines.at(-2), 'aws_security_group.web.ingress');
    assert.ok(lines.slice(0, -2).every((l) => l.startsWith('#')), 'only the header comment precedes the rule');
    await gone;
  });

  test('a new scan compares the unsaved text in the editors, not the file on disk', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('compute.tf'));
    assert.equal(doc.isDirty, true, 'the tags.Owner fix above is still unsaved');
    assert.match(readFileSync(doc.uri.fsPath, 'utf8'), /Owner = "platform-team"/);
    assert.equal((await scan()).kind, 'done');
    const messages = driftLensDiagnostics(doc.uri).map((d) => d.message);
    assert.ok(!messages.some((m) => m.startsWith('tags.Owner:')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('instance_type:')), 'the scan published nothing');
  });
});
