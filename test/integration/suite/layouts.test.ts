// Issue 18 on real repository layouts, in a real VS Code: (1) envs/dev and envs/prod calling one local
// module, both drifted (test/fixtures/layouts/devprod, bound to the sandbox's fake EC2 instances);
// (2) a module repository with its examples/ (test/fixtures/layouts/module-repo), no state anywhere.
// Every finding sits under its root in the tree with a unique id, quick-fixes name their root, an ignore
// holds on rescan, no warning pops up; and a scan that verified nothing says so in the status bar and
// lenses. The copies are removed at the end so later suites see the sandbox as shipped.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { allTreeNodes, driftLens, driftLensDiagnostics, EXTENSION_ID, fileUri, rangeIn, scan, treeRows, workspaceDir } from './helpers';

type Api = Awaited<ReturnType<typeof driftLens>>;
type Done = { kind: 'done'; verified: number; notice?: { level: string; message: string; shown: boolean } };

const MODULE_MAIN = 'devprod/modules/app/main.tf';

async function codeActions(file: string, range: vscode.Range): Promise<vscode.CodeAction[]> {
  await vscode.workspace.openTextDocument(fileUri(file));
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', fileUri(file), range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

async function lensTitles(file: string): Promise<string[]> {
  await vscode.workspace.openTextDocument(fileUri(file));
  const list = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fileUri(file), 100)) ?? [];
  return list.filter((l) => l.command?.command === 'driftlens.revealInTree').map((l) => l.command!.title).sort();
}

suite('Repository layouts: roots sharing a module, a module repository', () => {
  let api: Api;
  const root = (rel: string) => join(workspaceDir(), rel);

  suiteSetup(async () => {
    api = await driftLens();
    const fixtures = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test/fixtures/layouts');
    cpSync(join(fixtures, 'devprod'), root('devprod'), { recursive: true });
    cpSync(join(fixtures, 'module-repo'), root('modrepo'), { recursive: true });
    assert.equal((await scan()).kind, 'done');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('driftlens').update('aws.profile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(root('devprod'), { recursive: true, force: true });
    rmSync(root('modrepo'), { recursive: true, force: true });
    await scan();
  });

  test('every finding sits under its own root and module instance; no two tree items share an id', async () => {
    const nodes = await allTreeNodes(api.testing.driftTree);
    // Explicit ids must be unique (VS Code refuses a second element with one); rows without one get a handle from their parent and label.
    const ids = (await Promise.all(nodes.map(async (n) => ((await api.testing.driftTree.getTreeItem(n)) as vscode.TreeItem).id))).filter((id) => id !== undefined);
    assert.equal(new Set(ids).size, ids.length, 'duplicate tree item ids');
    assert.ok(ids.length > 10);
    const drifted = await treeRows(api.testing.driftTree, 'drifted');
    const shared = drifted.filter((r) => r.address === 'module.app.aws_instance.this').map((r) => [r.root, r.item.label, r.item.description]).sort();
    assert.deepEqual(shared, [
      [root('devprod/envs/dev'), 'aws_instance.this', 'devprod/modules/app/main.tf:10'],
      [root('devprod/envs/prod'), 'aws_instance.this', 'devprod/modules/app/main.tf:10'],
    ]);
    // Parent chain: resource → module.app → the root node named after the root.
    for (const row of drifted.filter((r) => r.address === 'module.app.aws_instance.this')) {
      const mod = (await api.testing.driftTree.getParent!(row.node))!;
      const top = (await api.testing.driftTree.getParent!(mod))!;
      assert.equal(((await api.testing.driftTree.getTreeItem(mod)) as vscode.TreeItem).label, 'module.app');
      assert.equal(((await api.testing.driftTree.getTreeItem(top)) as vscode.TreeItem).label, row.root === root('devprod/envs/dev') ? 'devprod/envs/dev' : 'devprod/envs/prod');
    }
    // The view itself renders them: reveal each (VS Code refuses a second element with the same id, and
    // fails to reveal below a row it never loaded).
    for (const [r, a] of [['modrepo/examples/minimal', 'module.app.aws_instance.this'], ['modrepo/examples/complete', 'module.app.aws_security_group.this']]) {
      assert.equal(await vscode.commands.executeCommand('driftlens.revealInTree', { root: root(r), address: a }), true, r);
    }
    for (const r of ['devprod/envs/prod', 'devprod/envs/dev']) {
      assert.equal(await vscode.commands.executeCommand('driftlens.revealInTree', { root: root(r), address: 'module.app.aws_instance.this' }), true, r);
    }
  });

  test('the module repository: each example is a root with its unverified resources and why', async () => {
    // The module folder itself is called by its examples, so below the workspace folder it is a module, not a
    // root (opened as the workspace folder it is a root too: the engine always scans the folder it is given).
    const unverified = (await treeRows(api.testing.driftTree, 'unverified')).filter((r) => r.root?.startsWith(root('modrepo')));
    assert.deepEqual(unverified.map((r) => `${r.root!.slice(workspaceDir().length + 1)} ${r.address}`).sort(), [
      'modrepo/examples/complete module.app.aws_instance.this', 'modrepo/examples/complete module.app.aws_security_group.this',
      'modrepo/examples/minimal module.app.aws_instance.this', 'modrepo/examples/minimal module.app.aws_security_group.this',
    ]);
    for (const r of unverified) assert.match(String(r.item.description), /^modrepo\/main\.tf:\d+ · not verified: not in state: no terraform\.tfstate$/);
    // The reason is also a row under each root, once.
    const problems = (await allTreeNodes(api.testing.driftTree)).filter((n) => n.kind === 'problem' && n.parent.root.startsWith(root('modrepo')));
    assert.equal(problems.length, 2);
    // One lens per root on each of the module's blocks, each saying which root it is for.
    assert.deepEqual(await lensTitles('modrepo/main.tf'), [
      'modrepo/examples/complete: not checked: not in state: no terraform.tfstate',
      'modrepo/examples/complete: not checked: not in state: no terraform.tfstate',
      'modrepo/examples/minimal: not checked: not in state: no terraform.tfstate',
      'modrepo/examples/minimal: not checked: not in state: no terraform.tfstate',
    ]);
  });

  test('no warning after a scan that verified resources, though some roots have no state', () => {
    const run = api.testing.lastRun() as Done;
    assert.equal(run.kind, 'done');
    assert.ok(run.verified > 0);
    assert.equal(run.notice, undefined, JSON.stringify(run.notice));
  });

  test('the shared module line: one diagnostic and one pair of quick-fixes per root, each naming it', async () => {
    const at = rangeIn(MODULE_MAIN, 'var.instance_type');
    const messages = driftLensDiagnostics(fileUri(MODULE_MAIN)).filter((d) => d.range.isEqual(at)).map((d) => d.message).sort();
    assert.deepEqual(messages, [
      'devprod/envs/dev › module.app.aws_instance.this: instance_type: code says "t3.micro", live is "t3.large"',
      'devprod/envs/prod › module.app.aws_instance.this: instance_type: code says "t3.medium", live is "t3.small"',
    ]);
    const titles = (await codeActions(MODULE_MAIN, at)).map((a) => a.title).sort();
    assert.deepEqual(titles, [
      'Ignore this drift in devprod/envs/dev',
      'Ignore this drift in devprod/envs/prod',
      'Update code to live value (devprod/envs/dev, edits ../../envs/dev/main.tf)',
      'Update code to live value (devprod/envs/prod, edits ../../envs/prod/main.tf)',
    ]);
  });

  test('"Ignore this drift in devprod/envs/dev" writes the rule where dev reads it, and it holds on rescan; prod keeps its drift', async () => {
    const at = rangeIn(MODULE_MAIN, 'var.instance_type');
    const ignore = (await codeActions(MODULE_MAIN, at)).find((a) => a.title === 'Ignore this drift in devprod/envs/dev');
    assert.ok(ignore?.command);
    assert.equal(await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? [])), true);
    assert.equal(existsSync(root('devprod/modules/app/.driftignore')), false, 'not in the module folder, which no root reads');
    assert.match(readFileSync(root('devprod/envs/dev/.driftignore'), 'utf8'), /^module\.app\.aws_instance\.this\.instance_type$/m);
    assert.equal((await scan()).kind, 'done');
    const left = driftLensDiagnostics(fileUri(MODULE_MAIN)).filter((d) => d.range.isEqual(at)).map((d) => d.message);
    assert.deepEqual(left, ['devprod/envs/prod › module.app.aws_instance.this: instance_type: code says "t3.medium", live is "t3.small"']);
    const dev = (await treeRows(api.testing.driftTree, 'drifted')).find((r) => r.root === root('devprod/envs/dev'));
    assert.ok(dev, 'dev still drifts on its Environment tag');
    assert.deepEqual(dev.node.kind === 'resource' && dev.node.result.drifts.map((d) => d.attribute), ['tags.Environment']);
  });

  test('a scan that verified nothing says so: status bar, lenses, one warning with advice that fits, not repeated', async () => {
    // A profile that does not exist: no resource can be read (the runner's AWS config files are empty).
    await vscode.workspace.getConfiguration('driftlens').update('aws.profile', 'driftlens-no-such-profile', vscode.ConfigurationTarget.Global);
    const run = (await scan()) as Done;
    assert.equal(run.kind, 'done');
    assert.equal(run.verified, 0);
    assert.match(api.testing.statusBarText(), /^\$\(question\) not verified \(\d+\)$/);
    assert.ok(run.notice?.shown, 'the first such scan warns');
    assert.match(run.notice!.message, /^DriftLens could not verify any of the \d+ resources: /);
    assert.doesNotMatch(run.notice!.message, /Azure/);
    const lenses = await lensTitles('compute.tf');
    assert.equal(lenses.length, 4);
    for (const t of lenses) assert.match(t, /^not checked: /);
    for (const t of lenses) assert.doesNotMatch(t, /checked (just now|\d+ min ago)/);
    const again = (await scan()) as Done;
    assert.equal(again.notice?.shown, false, 'the same outcome does not toast again');
  });
});
