// From finding to fix in the editor (issue 14): "Revert live to code…" from the tree for drifted
// resources, the drift age in the hover, "Who changed it?" on demand, "Import into Terraform…" for an
// unmanaged resource — all against the runner's fake AWS (EC2, CloudTrail).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { driftLens, fileUri, rangeIn, scan, treeRows } from './helpers';

type Api = Awaited<ReturnType<typeof driftLens>>;

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
});
