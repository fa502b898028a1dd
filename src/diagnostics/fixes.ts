// The two fixes for a drifted attribute: rewrite the code to the live value (a WorkspaceEdit, so it is
// undoable and keeps everything but the literal) and ignore it in `.driftignore`.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fixEditForDrift, whyNotFixable } from '../engine/fix/fixEdit';
import { appendIgnoreRule, IGNORE_FILE_NAME, ignoreRuleFor } from '../engine/fix/ignoreFile';
import type { Drift, ResourceResult } from '../model';
import type { ResultsStore } from '../editor/resultsStore';
import type { DriftRef } from '../editor/targets';
import { toRange } from '../editor/vscodeRange';


export function driftRef(r: ResourceResult, d: Drift): DriftRef {
  return { root: r.resource.root, address: r.address, attribute: d.attribute };
}

export function findDrift(store: ResultsStore, ref: DriftRef): { result: ResourceResult; drift: Drift } | undefined {
  const found = store.find(ref.root, ref.address);
  const drift = found?.result.drifts.find((d) => d.attribute === ref.attribute);
  return found && drift ? { result: found.result, drift } : undefined;
}

/** Why this drift gets no "Update code to live value", or undefined when it gets one. */
export function whyNoUpdate(store: ResultsStore, drift: Drift, isStale: (file: string) => boolean): string | undefined {
  const why = whyNotFixable(drift);
  if (why || !drift.origin) return why;
  if (isStale(drift.origin.file)) return 'the file changed since the last comparison';
  // count / for_each instances share one literal: only fix it when they all agree on the live value.
  const origin = drift.origin;
  const live = JSON.stringify(drift.actual);
  const disagree = store.allResults().some((r) => r.drifts.some((d) =>
    d.origin?.file === origin.file && d.origin.range.start.offset === origin.range.start.offset && JSON.stringify(d.actual) !== live));
  return disagree ? 'instances of this resource have different live values' : undefined;
}

/** The WorkspaceEdit that writes the live value into the code, or a reason why there is none. */
export async function buildUpdateEdit(drift: Drift): Promise<vscode.WorkspaceEdit | string> {
  if (!drift.origin) return 'no literal to edit';
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(drift.origin.file));
  const fix = fixEditForDrift(drift, doc.getText());
  if (!fix) return 'the code changed since the last comparison; scan again';
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, toRange(fix.range), fix.newText);
  return edit;
}

/**
 * Appends `rule` to `<root module>/.driftignore` (created when missing): the file the engine reads for that
 * root, so the rule holds on the next scan — for a shared module too, since `root` is the calling root.
 * An open editor for the file gets the edit (and is saved) so unsaved text there is kept; otherwise the
 * file is written directly. Returns the file, or undefined when the rule was already there.
 */
export async function addIgnoreRule(root: string, rule: string): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.file(path.join(root, IGNORE_FILE_NAME));
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath);
  if (open) {
    const next = appendIgnoreRule(open.getText(), rule);
    if (next === undefined) return undefined;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(open.uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), next);
    await vscode.workspace.applyEdit(edit);
    await open.save();
    return uri;
  }
  const existing = await readTextIfExists(uri);
  const next = appendIgnoreRule(existing, rule);
  if (next === undefined) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(next, 'utf8'));
  return uri;
}

/** The rule for one drifted attribute of one instance. */
export function driftIgnoreRule(ref: DriftRef): string {
  return ignoreRuleFor(ref.address, ref.attribute);
}

async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}
