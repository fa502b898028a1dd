// Quick-fixes on DriftLens diagnostics: "Update code to live value" (preferred) and "Ignore this drift".
import * as vscode from 'vscode';
import type { Drift, ResourceResult } from '../model';
import { commandId } from '../editor/commands';
import type { ResultsStore } from '../editor/resultsStore';
import { instanceMessage } from '../editor/labels';
import { driftCodeOf } from './driftCodes';
import { buildUpdateEdit, driftRef, whyNoUpdate } from './fixes';

export const UPDATE_TITLE = 'Update code to live value';
export const IGNORE_TITLE = 'Ignore this drift';

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
      if (driftCodeOf(diagnostic) !== 'drift.changed') continue;
      const match = this.driftFor(document.uri.fsPath, diagnostic);
      if (!match) continue;
      const { result, drift } = match;
      if (whyNoUpdate(this.store, drift, this.isStale) === undefined) {
        const edit = await buildUpdateEdit(drift);
        if (typeof edit !== 'string') {
          const fix = new vscode.CodeAction(UPDATE_TITLE, vscode.CodeActionKind.QuickFix);
          fix.edit = edit;
          fix.diagnostics = [diagnostic];
          fix.isPreferred = true;
          actions.push(fix);
        }
      }
      const ignore = new vscode.CodeAction(IGNORE_TITLE, vscode.CodeActionKind.QuickFix);
      ignore.command = { command: commandId('ignoreDrift'), title: IGNORE_TITLE, arguments: [driftRef(result, drift)] };
      ignore.diagnostics = [diagnostic];
      actions.push(ignore);
    }
    return actions;
  }

  /** The drift a diagnostic was made from: same file, same range, same message. */
  private driftFor(file: string, diagnostic: vscode.Diagnostic): { result: ResourceResult; drift: Drift } | undefined {
    for (const result of this.store.allResults()) {
      for (const drift of result.drifts) {
        const r = drift.location.range;
        if (drift.location.file === file && r.start.line === diagnostic.range.start.line && r.start.character === diagnostic.range.start.character &&
          instanceMessage(result, drift.message) === diagnostic.message) {
          return { result, drift };
        }
      }
    }
    return undefined;
  }
}
