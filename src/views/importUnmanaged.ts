// "Import into Terraform…" on an unmanaged resource in the Drift view: pick the file (a `.tf` file of a
// root module, or a new imports.tf), plan the `import` + `resource` blocks for that one resource with the
// last scan's providers (no new credentials), and append them as ONE undoable edit, then show them.
// Never in an untrusted workspace; when nothing can be imported, a message and no edit.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EditorCore } from '../editor/editorCore';
import { appendedText, importTargets, nothingImportedMessage, type ImportTarget } from '../editor/importTargets';
import { engineLogger, errorMessage } from '../editor/logging';
import { planImport } from '../editor/scanReads';
import type { UnmanagedResource } from '../model';

/** A tree node (or a test's argument) naming an unmanaged resource and the folder whose scan listed it. */
export type UnmanagedTarget = { resource: UnmanagedResource; folder: string } | undefined;

export interface ImportOptions {
  /** The target file (absolute); without it, a pick. */
  file?: string;
}

export async function importIntoTerraform(core: EditorCore, t: UnmanagedTarget, options: ImportOptions = {}): Promise<{ file: string; text: string } | undefined> {
  if (!t?.resource) return undefined;
  const { type, liveId } = t.resource;
  if (!core.trust.trusted) {
    void vscode.window.showInformationMessage('DriftLens imports resources only in a trusted workspace (it reads the live resource with your credentials).');
    return undefined;
  }
  const scan = core.store.scanFor(t.folder);
  if (!scan?.result.unmanaged.some((u) => u.type === type && u.liveId === liveId)) {
    void vscode.window.showInformationMessage(`DriftLens: ${type} ${liveId} is not in the last scan; scan again.`);
    return undefined;
  }
  const target = options.file ? targetFor(options.file) : await pickTarget(scan.folder, [...new Set(scan.result.resources.map((r) => r.resource.root))]);
  if (!target) return undefined;

  let text: string;
  try {
    const plan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `DriftLens: reading ${type} ${liveId} for import`, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        try {
          return await planImport(scan.result, core.scanReads.for(scan), target.root, { types: [type], ids: [liveId] }, { signal: abort.signal, logger: engineLogger(core.log) });
        } finally {
          cancel.dispose();
        }
      },
    );
    if (!plan.text) {
      void vscode.window.showErrorMessage(nothingImportedMessage(type, liveId, plan.skipped));
      return undefined;
    }
    text = plan.text;
  } catch (e) {
    void vscode.window.showErrorMessage(nothingImportedMessage(type, liveId, [{ reason: errorMessage(e) }]));
    return undefined;
  }
  return insert(target, text);
}

function targetFor(file: string): ImportTarget {
  return { file, root: path.dirname(file), label: path.basename(file), isNew: !existsSync(file) };
}

async function pickTarget(folder: string, roots: string[]): Promise<ImportTarget | undefined> {
  const filesByRoot = new Map<string, string[]>();
  for (const root of roots.length ? roots : [folder]) {
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(vscode.Uri.file(root))).catch(() => [] as [string, vscode.FileType][]);
    filesByRoot.set(root, entries.filter(([, kind]) => kind === vscode.FileType.File).map(([name]) => path.join(root, name)));
  }
  const items = importTargets(filesByRoot, folder).map((target) => ({ label: target.isNew ? `$(new-file) ${target.label}` : target.label, description: target.description, target }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Import into Terraform: the file to add the import and resource blocks to', placeHolder: 'A .tf file of the root module' });
  return picked?.target;
}

/** Appends (or creates the file with) the blocks in one WorkspaceEdit: one undo removes them. */
async function insert(target: ImportTarget, blocks: string): Promise<{ file: string; text: string } | undefined> {
  const uri = vscode.Uri.file(target.file);
  const edit = new vscode.WorkspaceEdit();
  let at = new vscode.Position(0, 0);
  let inserted = blocks.endsWith('\n') ? blocks : `${blocks}\n`;
  if (target.isNew) {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, at, inserted);
  } else {
    const doc = await vscode.workspace.openTextDocument(uri);
    at = doc.positionAt(doc.getText().length);
    inserted = appendedText(doc.getText(), blocks);
    edit.insert(uri, at, inserted);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`DriftLens could not edit ${target.file}. Nothing was inserted.`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const start = doc.positionAt(doc.offsetAt(at) + (inserted.length - inserted.trimStart().length));
  const end = doc.positionAt(doc.offsetAt(at) + inserted.length);
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(start, start), preview: false });
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { file: target.file, text: inserted.trimStart() };
}
