// Quick-fixes on DriftLens diagnostics. A drifted attribute: "Update code to live value" (preferred) and
// "Ignore this drift". A missing resource: ignore it, or copy the terraform command that recreates or
// forgets it. With several roots every title names the root, so the same module line reached from
// envs/dev and envs/prod offers two fixes a person can tell apart.
import * as vscode from 'vscode';
import type { Drift, ResourceResult } from '../model';
import { commandId } from '../editor/commands';
import type { ResultsStore } from '../editor/resultsStore';
import { instanceMessage, missingMessage, relativePath } from '../editor/labels';
import { driftCodeOf } from './driftCodes';
import { buildUpdateEdit, driftRef, whyNoUpdate } from './fixes';

export const UPDATE_TITLE = 'Update code to live value';
export const IGNORE_TITLE = 'Ignore this drift';

/** `Update code to live value (envs/dev, edits variables.tf)`; plain when there is nothing to tell apart. */
export function updateTitle(root: string | undefined, originFile: string | undefined, document: string): string {
  const parts = [root, originFile && originFile !== document ? `edits ${relativePath(originFile, document.replace(/[\\/][^\\/]*$/, ''))}` : undefined].filter(Boolean);
  return parts.length ? `${UPDATE_TITLE} (${parts.join(', ')})` : UPDATE_TITLE;
}

export class DriftCodeActions implements vscode.CodeActionProvider {
  static get metadata(): vscode.CodeActionProviderMetadata {
    return { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  }

  constructor(
    private readonly store: ResultsStore,
    private readonly isStale: (file: string) => boolean,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const code = driftCodeOf(diagnostic);
      if (code === 'drift.changed') await this.driftActions(document, diagnostic, actions);
      else if (code === 'drift.missing') this.missingActions(document, diagnostic, actions);
    }
    return actions;
  }

  private async driftActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, actions: vscode.CodeAction[]): Promise<void> {
    const match = this.driftFor(document.uri.fsPath, diagnostic);
    if (!match) return;
    const { result, drift } = match;
    const root = this.store.rootNameOf(result);
    const ref = driftRef(result, drift);
    if (whyNoUpdate(this.store, drift, this.isStale) === undefined && drift.origin) {
      const fix = new vscode.CodeAction(updateTitle(root, drift.origin.file, document.uri.fsPath), vscode.CodeActionKind.QuickFix);
      if (drift.origin.file === document.uri.fsPath) {
        // Same file: the edit lands in this editor's undo stack.
        const edit = await buildUpdateEdit(drift);
        if (typeof edit === 'string') return this.pushIgnore(actions, diagnostic, ref, root);
        fix.edit = edit;
      } else {
        // Another file: the command opens it beside this one and edits it there (undo works in that
        // editor), and never saves it — a workspace edit through a code action would be saved unseen.
        fix.command = { command: commandId('updateCodeToLive'), title: fix.title, arguments: [ref] };
      }
      fix.diagnostics = [diagnostic];
      fix.isPreferred = true;
      actions.push(fix);
    }
    this.pushIgnore(actions, diagnostic, ref, root);
  }

  private pushIgnore(actions: vscode.CodeAction[], diagnostic: vscode.Diagnostic, ref: ReturnType<typeof driftRef>, root: string | undefined): void {
    const title = root ? `${IGNORE_TITLE} in ${root}` : IGNORE_TITLE;
    const ignore = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    ignore.command = { command: commandId('ignoreDrift'), title, arguments: [ref] };
    ignore.diagnostics = [diagnostic];
    actions.push(ignore);
  }

  private missingActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, actions: vscode.CodeAction[]): void {
    for (const result of this.store.allResults()) {
      if (result.status !== 'missing' || result.resource.file !== document.uri.fsPath) continue;
      const root = this.store.rootNameOf(result);
      if (result.resource.headerRange.start.line !== diagnostic.range.start.line) continue;
      if ((root ? `${root} › ${missingMessage(result)}` : missingMessage(result)) !== diagnostic.message) continue;
      const target = { root: result.resource.root, address: result.address };
      const suffix = root ? ` (${root})` : '';
      const add = (name: 'ignoreResource' | 'copyApplyTarget' | 'copyStateRm', title: string) => {
        const a = new vscode.CodeAction(`${title}${suffix}`, vscode.CodeActionKind.QuickFix);
        a.command = { command: commandId(name), title: a.title, arguments: [target] };
        a.diagnostics = [diagnostic];
        actions.push(a);
      };
      add('copyApplyTarget', 'Copy `terraform apply -target` to recreate it');
      add('copyStateRm', 'Copy `terraform state rm` to forget it');
      add('ignoreResource', 'Ignore this resource');
    }
  }

  /** The drift a diagnostic was made from: same file, same range, same message (which names the root). */
  private driftFor(file: string, diagnostic: vscode.Diagnostic): { result: ResourceResult; drift: Drift } | undefined {
    for (const result of this.store.allResults()) {
      for (const drift of result.drifts) {
        const r = drift.location.range;
        if (drift.location.file === file && r.start.line === diagnostic.range.start.line && r.start.character === diagnostic.range.start.character &&
          instanceMessage(result, drift.message, this.store.rootNameOf(result)) === diagnostic.message) {
          return { result, drift };
        }
      }
    }
    return undefined;
  }
}
