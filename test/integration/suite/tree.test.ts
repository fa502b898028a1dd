// The Drift view's data (through the extension's test API): groups, resources, `expected → actual`
// attributes, context values for the menus, click-to-reveal, the badge, the status bar and the diff.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { driftLens, fileUri, rangeIn, scan, workspaceDir } from './helpers';

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

  suiteSetup(async () => {
    api = await driftLens();
    assert.equal((await scan()).kind, 'done');
  });

  test('groups, in order, without empty ones', async () => {
    const groups = (await children()).map((n) => [item(n).label, item(n).description]);
    assert.deepEqual(groups, [['Drifted', '3'], ['Missing', '1'], ['Unverified', '1'], ['Unmanaged', '1']]);
  });

  test('the security group created in the console is unmanaged; the VPC\'s default group is not', async () => {
    const unmanaged = (await children(await find(['Unmanaged']))).map((n) => [item(n).label, item(n).contextValue]);
    assert.deepEqual(unmanaged, [['aws_security_group launch-wizard-1', 'driftlens.unmanaged']]);
  });

  test('resources under each group, with file:line', async () => {
    const drifted = (await children(await find(['Drifted']))).map((n) => [item(n).label, item(n).description]);
    assert.deepEqual(drifted, [['aws_instance.web', 'compute.tf:3'], ['aws_instance.api', 'compute.tf:17'], ['aws_security_group.web', 'network.tf:23']]);
    const missing = (await children(await find(['Missing']))).map((n) => item(n).label);
    assert.deepEqual(missing, ['aws_instance.worker']);
  });

  test('attributes read `expected → actual` and carry the menu context', async () => {
    const web = item(await find(['Drifted', 'aws_instance.web', 'instance_type']));
    assert.equal(web.description, '"t3.micro" → "t3.large"');
    assert.equal(web.contextValue, 'driftlens.drift.fixable');
    assert.ok(web.iconPath instanceof vscode.ThemeIcon);
    const ingress = item(await find(['Drifted', 'aws_security_group.web', 'ingress']));
    assert.equal(ingress.contextValue, 'driftlens.drift', 'a rule set is not a literal: no "update code" item');
    assert.equal(item(await find(['Drifted', 'aws_instance.web'])).contextValue, 'driftlens.resource.live');
  });

  test('clicking an attribute opens the file with the value selected', async () => {
    const command = item(await find(['Drifted', 'aws_instance.api', 'tags.Owner'])).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, fileUri('compute.tf').fsPath);
    assert.deepEqual(editor?.selection, new vscode.Selection(rangeIn('compute.tf', '"platform-team"').start, rangeIn('compute.tf', '"platform-team"').end));
  });

  test('getParent leads back to the group (reveal needs it)', async () => {
    const attr = await find(['Drifted', 'aws_instance.web', 'instance_type']);
    const resource = api.testing.driftTree.getParent?.(attr) as Node;
    assert.equal(item(resource).label, 'aws_instance.web');
    assert.equal(item(api.testing.driftTree.getParent?.(resource) as Node).label, 'Drifted');
    assert.equal(await vscode.commands.executeCommand('driftlens.revealInTree', { root: workspaceDir(), address: 'aws_instance.web' }), true);
  });

  test('badge and status bar count drifted and missing resources', () => {
    assert.equal(api.testing.treeBadge(), 4);
    assert.equal(api.testing.statusBarText(), '$(warning) 3 drifted · 1 missing');
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
