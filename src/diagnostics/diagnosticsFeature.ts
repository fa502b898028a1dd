// The surfaces inside the text: diagnostics, CodeLens and quick-fixes, with the commands the
// quick-fixes run ("Update code to live value", "Ignore this drift", and for a missing resource:
// ignore it or copy the terraform command that recreates or forgets it).
import * as vscode from 'vscode';
import { IAC_SELECTOR, type EditorCore } from '../editor/editorCore';
import { revertLiveCommand } from '../engine/fix/revertLive';
import { applyTargetCommand, stateRmCommand } from '../editor/findingActions';
import { relativePath } from '../editor/labels';
import { reportProblem } from '../editor/problems';
import { driftRefOf, rootAndAddress, type DriftRef, type Target } from '../editor/targets';
import { DriftCodeActions } from './codeActions';
import { DriftCodeLensProvider } from './codeLens';
import { DriftDiagnostics } from './driftDiagnostics';
import { DriftHoverProvider } from './driftHover';
import { addIgnoreRule, buildUpdateEdit, driftIgnoreRule, findDrift, whyNoUpdate } from './fixes';

export class DiagnosticsFeature {
  private readonly diagnostics: DriftDiagnostics;
  private readonly lenses: DriftCodeLensProvider;

  constructor(private readonly core: EditorCore) {
    this.diagnostics = core.own(new DriftDiagnostics(core.store, () => core.settings));
    this.lenses = core.own(new DriftCodeLensProvider(core.store, () => core.settings));
    core.own(vscode.languages.registerCodeLensProvider(IAC_SELECTOR, this.lenses));
    core.own(vscode.languages.registerHoverProvider(IAC_SELECTOR, new DriftHoverProvider(core.store, core.attribution, () => core.trust.trusted)));
    core.own(vscode.languages.registerCodeActionsProvider(IAC_SELECTOR, new DriftCodeActions(core.store, (f) => core.live.isStale(f)), DriftCodeActions.metadata));
    core.own(core.onDidChangeSettings(() => {
      this.diagnostics.refresh();
      this.lenses.refresh();
    }));
    core.registerCommand('updateCodeToLive', (t: Target) => this.updateCodeToLive(driftRefOf(t)));
    core.registerCommand('ignoreDrift', (t: Target) => this.ignore(driftRefOf(t)));
    core.registerCommand('ignoreResource', (t: Target) => (t ? this.ignore({ root: rootAndAddress(t)[0], address: rootAndAddress(t)[1] }) : false));
    core.registerCommand('copyApplyTarget', (t: Target) => this.revertLiveToCode(t));
    core.registerCommand('revertLiveToCode', (t: Target) => this.revertLiveToCode(t));
    core.registerCommand('copyStateRm', (t: Target) => this.copyCommand(t, stateRmCommand));
  }

  /**
   * Writes the live value where the code's literal is. A literal in another file (a variable default, a
   * tfvars line) is opened beside the current editor first, so the change is seen and Ctrl+Z there undoes
   * it; the file is left unsaved, as any edit the user has not saved.
   */
  private async updateCodeToLive(ref: DriftRef | undefined): Promise<boolean> {
    const { store, live } = this.core;
    const found = ref && findDrift(store, ref);
    const why = found ? whyNoUpdate(store, found.drift, (f) => live.isStale(f)) : 'it is not in the last results';
    const edit = found && why === undefined ? await buildUpdateEdit(found.drift) : why;
    if (edit === undefined || typeof edit === 'string') {
      void vscode.window.showInformationMessage(`DriftLens cannot update this value: ${edit ?? 'unknown reason'}.`);
      return false;
    }
    const target = found!.drift.origin!.file;
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.fsPath !== target) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
      await vscode.window.showTextDocument(doc, { viewColumn: active ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: false });
    }
    return vscode.workspace.applyEdit(edit, { isRefactoring: false });
  }

  /** An attribute (`address.attribute`) or a whole resource (`address`) into the root's `.driftignore`. */
  private async ignore(ref: { root: string; address: string; attribute?: string } | undefined): Promise<boolean> {
    if (!ref) return false;
    const { log, live } = this.core;
    const rule = ref.attribute ? driftIgnoreRule(ref as DriftRef) : ref.address;
    try {
      const file = await addIgnoreRule(ref.root, rule);
      log.info(file ? `Added ${rule} to ${file.fsPath}` : `${rule} was already ignored`);
      await live.recompareNow(ref.root);
      return true;
    } catch (e) {
      reportProblem('error', `DriftLens could not write .driftignore in ${ref.root}: ${e instanceof Error ? e.message : String(e)}`, log);
      return false;
    }
  }

  /**
   * "Revert live to code": copies (never runs) the engine's `terraform apply -target` (with `-replace` when a
   * drifted argument is ForceNew) and shows its warning that only Terraform changes the cloud; returns the command.
   */
  private async revertLiveToCode(t: Target | undefined): Promise<string | undefined> {
    if (!t) return undefined;
    const [root, address] = rootAndAddress(t);
    const found = this.core.store.find(root, address);
    if (!found) return this.copyCommand(t, applyTargetCommand);
    const chdir = relativePath(root, found.scan.folder);
    const revert = revertLiveCommand(found.result, (type) => this.core.scans.forcesReplacement(type), { chdir });
    if (!revert) return this.copyCommand(t, applyTargetCommand);
    await Promise.resolve(vscode.env.clipboard.writeText(revert.command)).catch(() => undefined);
    void vscode.window.showWarningMessage(`Copied: ${revert.command} — ${revert.warning}`);
    return revert.command;
  }

  /** Copies the terraform command for a missing resource, run from the workspace folder; returns it. */
  private async copyCommand(t: Target | undefined, make: (address: string, root: string, folder: string) => string): Promise<string | undefined> {
    if (!t) return undefined;
    const [root, address] = rootAndAddress(t);
    const folder = this.core.store.scanContaining(root)?.folder ?? root;
    const text = make(address, root, folder);
    // The clipboard can refuse (a browser without focus or permission); the message shows the text anyway.
    await Promise.resolve(vscode.env.clipboard.writeText(text)).catch(() => undefined);
    void vscode.window.showInformationMessage(`Copied: ${text}`);
    return text;
  }
}
