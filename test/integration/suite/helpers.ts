// Shared by the extension-host suites: the extension's test API, the workspace under test, exact
// ranges computed from the files' text, and waiting on events (never on time).
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DriftLensApi } from '../../../src/extension';
import type { DriftNode } from '../../../src/views/driftTreeModel';

export const EXTENSION_ID = 'driftlens.driftlens';

/** What a scan command returns (kept structural: suites must not import a second copy of the source). */
export type ScanRun = { kind: 'done' | 'cancelled' | 'failed' | 'restricted' | 'no-folder'; resources?: number; drifted?: number; missing?: number; message?: string };

export async function driftLens(): Promise<DriftLensApi> {
  const ext = vscode.extensions.getExtension<DriftLensApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return ext.activate();
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceDir(), name));
}

/** The exact range of the `occurrence`-th `needle` in the file as it is on disk now. */
export function rangeIn(name: string, needle: string, occurrence = 1): vscode.Range {
  return rangeInText(readFileSync(fileUri(name).fsPath, 'utf8'), needle, occurrence);
}

export function rangeInText(text: string, needle: string, occurrence = 1): vscode.Range {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} (#${i + 1}) not found`);
  }
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
  };
  return new vscode.Range(pos(at), pos(at + needle.length));
}

export async function scan(): Promise<ScanRun> {
  return (await vscode.commands.executeCommand('driftlens.scanWorkspace')) as ScanRun;
}

export function driftLensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'DriftLens');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Resolves once `predicate` holds, checking now and after every `event`. */
export function when<T>(event: vscode.Event<T>, predicate: () => boolean, what: string): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sub = event(() => {
      try {
        if (predicate()) {
          sub.dispose();
          resolve();
        }
      } catch (e) {
        sub.dispose();
        reject(e instanceof Error ? e : new Error(`${what}: ${String(e)}`));
      }
    });
  });
}

/** The fake EC2 the runner started: every action it received, in order. */
export async function fakeCalls(): Promise<{ action: string; region?: string }[]> {
  const control = process.env.DRIFTLENS_FAKE_EC2_CONTROL;
  assert.ok(control, 'DRIFTLENS_FAKE_EC2_CONTROL is not set by the runner');
  const res = await fetch(new URL('calls', control.endsWith('/') ? control : `${control}/`));
  assert.equal(res.status, 200);
  return (await res.json()) as { action: string; region?: string }[];
}

/** Puts a document back to `text` and saves it, so the next suite sees the fixture as shipped. */
export async function restoreDocument(uri: vscode.Uri, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  if (doc.isDirty) await doc.save();
}

/** Changes a driftlens.* workspace setting and resolves once the extension has seen the change. */
export async function updateSetting(name: string, value: unknown): Promise<void> {
  const seen = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`driftlens.${name}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace.getConfiguration('driftlens').update(name, value, vscode.ConfigurationTarget.Workspace);
  await seen;
}

type TreeNode = DriftNode;
type Tree = DriftLensApi['testing']['driftTree'];

/** Every node of the Drift view, depth first, through the provider as VS Code asks it. */
export async function allTreeNodes(tree: Tree): Promise<TreeNode[]> {
  const out: TreeNode[] = [];
  const walk = async (parent?: TreeNode) => {
    for (const n of (await tree.getChildren(parent)) ?? []) {
      out.push(n);
      await walk(n);
    }
  };
  await walk();
  return out;
}

/** Resource rows with a status (tree items, with the address and root of each), or unmanaged rows. */
export async function treeRows(tree: Tree, status: 'drifted' | 'missing' | 'unverified' | 'unmanaged'): Promise<{ node: TreeNode; item: vscode.TreeItem; address: string; root?: string }[]> {
  const rows = [];
  for (const node of await allTreeNodes(tree)) {
    if (status === 'unmanaged' ? node.kind !== 'unmanaged' : node.kind !== 'resource' || node.result.status !== status) continue;
    const item = (await tree.getTreeItem(node)) as vscode.TreeItem;
    rows.push(node.kind === 'resource'
      ? { node, item, address: node.result.address, root: node.result.resource.root }
      : { node, item, address: String(item.label) });
  }
  return rows;
}

/** The file `withUnsupportedResource` writes, and the block header in it. */
export const UNSUPPORTED_FILE = 'unsupported.tf';
// Amazon WorkLink was retired (2022): no mapper, no Cloud Control type. (aws_s3_directory_bucket is read through Cloud Control now.)
export const UNSUPPORTED_HEADER = 'resource "aws_worklink_fleet" "scratch"';

/**
 * Adds a resource of a type DriftLens does not read (in code and in terraform.tfstate), so a suite can
 * see what "not verified" looks like in the sandbox, where everything else is read. Returns the undo.
 */
export function withUnsupportedResource(): () => void {
  const tf = fileUri(UNSUPPORTED_FILE).fsPath;
  const statePath = fileUri('terraform.tfstate').fsPath;
  const original = readFileSync(statePath, 'utf8');
  writeFileSync(tf, `# A type DriftLens does not read: never drift, always "not verified" with the reason.\n${UNSUPPORTED_HEADER} {\n  name = "scratch"\n}\n`);
  const state = JSON.parse(original) as { resources: unknown[] };
  state.resources.push({
    mode: 'managed', type: 'aws_worklink_fleet', name: 'scratch', provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [{ schema_version: 0, attributes: { id: 'arn:aws:worklink::123456789012:fleet/scratch', arn: 'arn:aws:worklink::123456789012:fleet/scratch', name: 'scratch' }, sensitive_attributes: [] }],
  });
  writeFileSync(statePath, JSON.stringify(state, null, 2));
  return () => {
    rmSync(tf, { force: true });
    writeFileSync(statePath, original);
  };
}
