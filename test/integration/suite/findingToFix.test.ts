// From finding to fix in the editor (issue 14): "Revert live to code…" from the tree for drifted
// resources, the drift age in the hover, "Who changed it?" on demand, "Import into Terraform…" for an
// unmanaged resource — all against the runner's fake AWS (EC2, CloudTrail).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { driftLens, fileUri, rangeIn, restoreDocument, scan, treeRows, workspaceDir } from './helpers';

type Api = Awaited<ReturnType<typeof driftLens>>;

/** Markdown as a person reads it (escapes dropped). */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');
const tooltipOf = (item: vscode.TreeItem) => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip));

/** The markdown of every hover at a position (VS Code's own hover command, so every provider answers). */
async function hoverText(file: string, at: vscode.Position): Promise<string> {
  await vscode.workspace.openTextDocument(fileUri(file));
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fileUri(file), at)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
}

suite('From finding to fix', () => {
  let api: Api;
  suiteSetup(async () => {
    api = await driftLens();
    assert.equal((await scan()).kind, 'done');
  });

  test('"Revert live to code…" is on drifted resources in the tree and copies the engine\'s terraform apply -target', async () => {
    const web = (await treeRows(api.testing.driftTree, 'drifted')).find((r) => r.address === 'aws_instance.web');
    assert.ok(web);
    assert.equal(web.item.contextValue, 'driftlens.resource.live.drifted');
    await vscode.env.clipboard.writeText('');
    const command = await vscode.commands.executeCommand('driftlens.revertLiveToCode', web.node);
    assert.equal(command, 'terraform apply -target=aws_instance.web');
    assert.equal(await vscode.env.clipboard.readText(), command);
  });

  test('the hover on a drifted value says since when it drifted, from the history', async () => {
    const text = await hoverText('compute.tf', rangeIn('compute.tf', 'var.web_instance_type').start.translate(0, 2));
    assert.match(text, /\*\*aws\\_instance\\\.web · instance\\_type\*\*: drifted since (just now|\d+ min)/);
  });

  test('the hover on a missing resource\'s header says since when it is missing; an in-sync block gets none', async () => {
    const text = await hoverText('compute.tf', rangeIn('compute.tf', 'resource "aws_instance" "worker"').start.translate(0, 3));
    assert.match(text, /\*\*aws\\_instance\\\.worker\*\*: missing in the cloud since (just now|\d+ min)/);
    const bastion = await hoverText('compute.tf', rangeIn('compute.tf', 'resource "aws_instance" "bastion"').start.translate(0, 3));
    assert.doesNotMatch(bastion, /since/);
  });

  test('"Who changed it?": a link in the hover and the tree tooltip, never an automatic lookup; the answer shows in both after it ran', async () => {
    const at = rangeIn('compute.tf', 'var.web_instance_type').start.translate(0, 2);
    const before = await hoverText('compute.tf', at);
    assert.match(before, /\[Who changed it\?\]\(command:driftlens\.whoChanged\?/);
    assert.doesNotMatch(plain(before), /changed by/i, 'nothing is looked up before it is asked for');
    const row = () => treeRows(api.testing.driftTree, 'drifted').then((rows) => rows.find((r) => r.address === 'aws_instance.web')!);
    assert.match(tooltipOf((await row()).item), /\[Who changed it\?\]\(command:driftlens\.whoChanged\?/);

    const answer = await vscode.commands.executeCommand('driftlens.whoChanged', { root: workspaceDir(), address: 'aws_instance.web' });
    // The sandbox's CloudTrail: alice resized web in the console.
    assert.deepEqual(answer, { changedBy: { principal: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', via: 'console', at: '2026-11-20T14:03:00.000Z', action: 'ModifyInstanceAttribute' } });
    const after = plain(await hoverText('compute.tf', at));
    assert.match(after, /Changed by arn:aws:sts::123456789012:assumed-role\/Admin\/alice via console at 2026-11-20 14:03 UTC \(ModifyInstanceAttribute\)/);
    assert.doesNotMatch(after, /command:driftlens\.whoChanged/);
    assert.match(plain(tooltipOf((await row()).item)), /Changed by arn:aws:sts::123456789012:assumed-role\/Admin\/alice via console/);
  });

  test('"Who changed it?" from the tree menu on a missing resource; a resource with no event gets the quiet note', async () => {
    const worker = (await treeRows(api.testing.driftTree, 'missing')).find((r) => r.address === 'aws_instance.worker');
    assert.ok(worker);
    const answer = await vscode.commands.executeCommand('driftlens.whoChanged', worker.node);
    assert.deepEqual(answer, { changedBy: { principal: 'arn:aws:iam::123456789012:user/bob', via: 'cli', at: '2026-11-22T08:30:00.000Z', action: 'TerminateInstances' } });
    const none = (await vscode.commands.executeCommand('driftlens.whoChanged', { root: workspaceDir(), address: 'aws_instance.api' })) as { attributionNote?: string };
    assert.match(none.attributionNote ?? '', /no change event/);
    const hover = plain(await hoverText('compute.tf', rangeIn('compute.tf', '"platform-team"').start.translate(0, 2)));
    assert.match(hover, /Who changed it: no change event/);
  });

  const launchWizard = async () => {
    const row = (await treeRows(api.testing.driftTree, 'unmanaged')).find((r) => r.address === 'aws_security_group launch-wizard-1');
    assert.ok(row);
    assert.equal(row.item.contextValue, 'driftlens.unmanaged', 'the menu offers "Import into Terraform…"');
    return row.node;
  };
  const IMPORTED = /^import \{\n {2}to = aws_security_group\.(\w+)\n {2}id = "sg-0c4a1e7b3d92f5806"\n\}\n\nresource "aws_security_group" "\1" \{\n/;

  test('"Import into Terraform…" appends the import and resource blocks to the chosen file: one edit, shown, unsaved, one undo removes it', async () => {
    const uri = fileUri('network.tf');
    const doc = await vscode.workspace.openTextDocument(uri);
    const original = doc.getText();
    try {
      const out = (await vscode.commands.executeCommand('driftlens.importIntoTerraform', await launchWizard(), { file: uri.fsPath })) as { file: string; text: string };
      assert.match(out.text, IMPORTED);
      assert.match(out.text, /\n {2}vpc_id += aws_vpc\.main\.id\n/, 'the managed VPC by reference, not by ID');
      assert.doesNotMatch(out.text.slice(out.text.indexOf('resource "')), /^ +(arn|owner_id|id) += /m, 'no computed attribute in the resource block');
      assert.ok(doc.getText().startsWith(original) && doc.getText().endsWith(out.text), 'appended at the end, the rest untouched');
      assert.equal(doc.isDirty, true, 'inserted, not saved');
      assert.equal(vscode.window.activeTextEditor?.document, doc, 'shown');
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), original);
    } finally {
      await restoreDocument(uri, original);
    }
  });

  test('"Import into Terraform…" into a new imports.tf of the root', async () => {
    const file = join(workspaceDir(), 'imports.tf');
    assert.ok(!existsSync(file));
    try {
      const out = (await vscode.commands.executeCommand('driftlens.importIntoTerraform', await launchWizard(), { file })) as { file: string; text: string };
      assert.equal(out.file, file);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      assert.match(doc.getText(), IMPORTED);
      assert.equal(doc.getText(), out.text);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      rmSync(file, { force: true });
    }
  });

  test('"Import into Terraform…" for a resource the last scan did not list: a message, nothing inserted', async () => {
    const uri = fileUri('network.tf');
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const ghost = { resource: { type: 'aws_security_group', liveId: 'sg-00000000000000000', region: 'eu-west-1' }, folder: workspaceDir() };
    assert.equal(await vscode.commands.executeCommand('driftlens.importIntoTerraform', ghost, { file: uri.fsPath }), undefined);
    assert.equal(doc.getText(), before);
    assert.equal(doc.isDirty, false);
  });
});
