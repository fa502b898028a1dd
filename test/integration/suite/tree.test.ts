// The Drift view's data (through the extension's test API): the root module, its resources with their
// status, `expected → actual` attributes, context values for the menus, click-to-reveal, the badge,
// the status bar and the diff.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { driftLens, fileUri, rangeIn, restoreDocument, scan, treeRows, UNSUPPORTED_FILE, withUnsupportedResource, workspaceDir } from './helpers';

type Api = Awaited<ReturnType<typeof driftLens>>;
type Node = Parameters<Api['testing']['driftTree']['getTreeItem']>[0];

suite('Drift tree, status bar and diff', () => {
  let api: Api;
  const item = (n: Node) => api.testing.driftTree.getTreeItem(n) as vscode.TreeItem;
  const children = async (n?: Node) => (await api.testing.driftTree.getChildren(n)) ?? [];
  const find = async (labels: string[]): Promise<Node> => {
    let nodes = await children();
    let node: Node | undefined;
    for (const label of labels) {
      node = nodes.find((n) => item(n).label === label);
      assert.ok(node, `no tree item ${labels.join(' › ')}`);
      nodes = await children(node);
    }
    return node!;
  };

  let undo: () => void;
  suiteSetup(async () => {
    api = await driftLens();
    undo = withUnsupportedResource();
    assert.equal((await scan()).kind, 'done');
  });

  suiteTeardown(async () => {
    undo();
    await scan();
  });

  test('one root node (the sandbox folder) with its counts, then the Unmanaged group', async () => {
    const top = (await children()).map((n) => [item(n).label, item(n).description]);
    assert.deepEqual(top, [[basename(workspaceDir()), '3 drifted · 1 missing · 1 not verified'], ['Unmanaged', '1']]);
  });

  test('the security group created in the console is unmanaged; the VPC\'s default group is not; clicking it copies its ID', async () => {
    const unmanaged = (await children(await find(['Unmanaged']))).map((n) => [item(n).label, item(n).contextValue]);
    assert.deepEqual(unmanaged, [['aws_security_group launch-wizard-1', 'driftlens.unmanaged']]);
    const click = item(await find(['Unmanaged', 'aws_security_group launch-wizard-1'])).command;
    assert.equal(click?.command, 'driftlens.copyLiveId');
    assert.equal(await vscode.commands.executeCommand(click.command, ...(click.arguments ?? [])), 'sg-0c4a1e7b3d92f5806');
  });

  test('resources under the root: drifted, then missing, then unverified with its short reason, each with file:line', async () => {
    const rows = (await children(await find([basename(workspaceDir())]))).map((n) => [item(n).label, item(n).description]);
    assert.deepEqual(rows.slice(0, 4), [['aws_instance.web', 'compute.tf:3'], ['aws_instance.api', 'compute.tf:17'], ['aws_security_group.web', 'network.tf:23'], ['aws_instance.worker', 'compute.tf:30 · missing']]);
    assert.equal(rows.length, 5);
    assert.deepEqual(rows[4], ['aws_worklink_fleet.scratch', `${UNSUPPORTED_FILE}:2 · not verified: unsupported type`]);
    const missing = (await treeRows(api.testing.driftTree, 'missing'))[0];
    assert.equal(missing.item.contextValue, 'driftlens.resource.missing', 'the menu offers terraform apply -target / state rm / ignore');
    assert.equal(await vscode.commands.executeCommand('driftlens.copyApplyTarget', missing.node), 'terraform apply -target=aws_instance.worker');
  });

  test('"Revert live to code" on a drifted resource copies the engine\'s terraform apply -target, never runs it', async () => {
    await vscode.env.clipboard.writeText('');
    const command = await vscode.commands.executeCommand('driftlens.copyApplyTarget', { root: workspaceDir(), address: 'aws_instance.web' });
    // instance_type and tags are not ForceNew for aws_instance: no -replace.
    assert.equal(command, 'terraform apply -target=aws_instance.web');
    assert.equal(await vscode.env.clipboard.readText(), command);
  });

  test('"Revert live to code" with a ForceNew argument drifted adds -replace (an unsaved edit of ami, a ForceNew argument)', async () => {
    const uri = fileUri('compute.tf');
    const doc = await vscode.workspace.openTextDocument(uri);
    const original = doc.getText();
    try {
      const at = rangeIn('compute.tf', 'var.ami_id', 2);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, at, '"ami-0fffffffffffffff0"');
      assert.ok(await vscode.workspace.applyEdit(edit));
      // The unsaved edit is re-compared against the last live state; wait until the tree shows the ami drift.
      const hasAmiDrift = async () => (await children(await find([basename(workspaceDir()), 'aws_instance.api']))).some((n) => item(n).label === 'ami');
      for (let i = 0; i < 100 && !(await hasAmiDrift()); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(await hasAmiDrift(), 'no ami drift after the edit');
      const command = await vscode.commands.executeCommand('driftlens.copyApplyTarget', { root: workspaceDir(), address: 'aws_instance.api' });
      assert.equal(command, 'terraform apply -target=aws_instance.api -replace=aws_instance.api');
    } finally {
      await restoreDocument(uri, original);
    }
  });

  test('attributes read `expected → actual` and carry the menu context', async () => {
    const web = item(await find([basename(workspaceDir()), 'aws_instance.web', 'instance_type']));
    assert.equal(web.description, '"t3.micro" → "t3.large"');
    assert.equal(web.contextValue, 'driftlens.drift.fixable');
    assert.ok(web.iconPath instanceof vscode.ThemeIcon);
    const ingress = item(await find([basename(workspaceDir()), 'aws_security_group.web', 'ingress']));
    assert.equal(ingress.contextValue, 'driftlens.drift', 'a rule set is not a literal: no "update code" item');
    assert.equal(item(await find([basename(workspaceDir()), 'aws_instance.web'])).contextValue, 'driftlens.resource.live.drifted', 'drifted: diff and revert live to code');
  });

  test('clicking an attribute opens the file with the value selected', async () => {
    const command = item(await find([basename(workspaceDir()), 'aws_instance.api', 'tags.Owner'])).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, fileUri('compute.tf').fsPath);
    assert.deepEqual(editor?.selection, new vscode.Selection(rangeIn('compute.tf', '"platform-team"').start, rangeIn('compute.tf', '"platform-team"').end));
  });

  test('getParent leads back to the group (reveal needs it)', async () => {
    const attr = await find([basename(workspaceDir()), 'aws_instance.web', 'instance_type']);
    const resource = api.testing.driftTree.getParent?.(attr) as Node;
    assert.equal(item(resource).label, 'aws_instance.web');
    assert.equal(item(api.testing.driftTree.getParent?.(resource) as Node).label, basename(workspaceDir()));
    assert.equal(await vscode.commands.executeCommand('driftlens.revealInTree', { root: workspaceDir(), address: 'aws_instance.web' }), true);
  });

  test('badge and status bar count drifted and missing resources', () => {
    assert.equal(api.testing.treeBadge(), 4);
    assert.equal(api.testing.statusBarText(), '$(warning) 3 drifted · 1 missing');
    assert.match(api.testing.statusBarTooltip(), /\nLast full scan: \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  });

  test('the diff shows code and live as normalized JSON', async () => {
    assert.equal(await vscode.commands.executeCommand('driftlens.showDiff', { root: workspaceDir(), address: 'aws_instance.web' }), true);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'the active tab is not a diff');
    assert.equal(tab.input.original.scheme, 'driftlens');
    const code = JSON.parse((await vscode.workspace.openTextDocument(tab.input.original)).getText());
    const live = JSON.parse((await vscode.workspace.openTextDocument(tab.input.modified)).getText());
    assert.equal(code.instance_type, 't3.micro');
    assert.equal(live.instance_type, 't3.large');
    assert.equal(tab.label, 'aws_instance.web: code ↔ live');
  });
});
