// The surfaces inside the text: diagnostics, CodeLens and quick-fixes, with the two commands the
// quick-fixes run ("Update code to live value", "Ignore this drift").
import * as vscode from 'vscode';
import { IAC_SELECTOR, type EditorCore } from '../editor/editorCore';
import { reportProblem } from '../editor/problems';
import { driftRefOf, type DriftRef, type Target } from '../editor/targets';
import { DriftCodeActions } from './codeActions';
import { DriftCodeLensProvider } from './codeLens';
import { DriftDiagnostics } from './driftDiagnostics';
import { addIgnoreRule, buildUpdateEdit, findDrift, whyNoUpdate } from './fixes';

export class DiagnosticsFeature {
  private readonly diagnostics: DriftDiagnostics;
  private readonly lenses: DriftCodeLensProvider;

  constructor(private readonly core: EditorCore) {
    this.diagnostics = core.own(new DriftDiagnostics(core.store, () => core.settings));
    this.lenses = core.own(new DriftCodeLensProvider(core.store, () => core.settings));
    core.own(vscode.languages.registerCodeLensProvider(IAC_SELECTOR, this.lenses));
    core.own(vscode.languages.registerCodeActionsProvider(IAC_SELECTOR, new DriftCodeActions(core.store, (f) => core.live.isStale(f)), DriftCodeActions.metadata));
    core.own(core.onDidChangeSettings(() => {
      this.diagnostics.refresh();
      this.lenses.refresh();
    }));
    core.registerCommand('updateCodeToLive', (t: Target) => this.updateCodeToLive(driftRefOf(t)));
    core.registerCommand('ignoreDrift', (t: Target) => this.ignoreDrift(driftRefOf(t)));
  }

  private async updateCodeToLive(ref: DriftRef | undefined): Promise<boolean> {
    const { store, live } = this.core;
    const found = ref && findDrift(store, ref);
    const why = found ? whyNoUpdate(store, found.drift, (f) => live.isStale(f)) : 'it is not in the last results';
    const edit = found && why === undefined ? await buildUpdateEdit(found.drift) : why;
    if (edit === undefined || typeof edit === 'string') {
      void vscode.window.showInformationMessage(`DriftLens cannot update this value: ${edit ?? 'unknown reason'}.`);
      return false;
    }
    return vscode.workspace.applyEdit(edit);
  }

  private async ignoreDrift(ref: DriftRef | undefined): Promise<boolean> {
    if (!ref) return false;
    const { log, live } = this.core;
    try {
      const file = await addIgnoreRule(ref);
      log.info(file ? `Added ${ref.address}.${ref.attribute} to ${file.fsPath}` : `${ref.address}.${ref.attribute} was already ignored`);
      await live.recompareNow(ref.root);
      return true;
    } catch (e) {
      reportProblem('error', `DriftLens could not write .driftignore in ${ref.root}: ${e instanceof Error ? e.message : String(e)}`, log);
      return false;
    }
  }
}
