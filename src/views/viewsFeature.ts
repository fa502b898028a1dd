// The surfaces beside the text: the Drift tree, the diff documents and the status bar, with the
// commands that open them.
import * as vscode from 'vscode';
import { DRIFT_VIEW_ID } from '../editor/commands';
import type { EditorCore } from '../editor/editorCore';
import { rootAndAddress, type Target } from '../editor/targets';
import { DIFF_SCHEME, DiffDocuments } from './diffDocuments';
import { DriftView } from './driftView';
import { DriftStatusBar } from './statusBar';

export class ViewsFeature {
  readonly tree: DriftView;
  readonly statusBar: DriftStatusBar;

  constructor(core: EditorCore) {
    this.tree = core.own(new DriftView(core.store, core.keys));
    const diffs = core.own(new DiffDocuments(core.store));
    this.statusBar = core.own(new DriftStatusBar(core.store, core.scans.onDidChangeScanning));
    core.own(vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, diffs));
    core.registerCommand('showDiff', (t: Target) => diffs.show(...rootAndAddress(t)));
    core.registerCommand('revealInTree', (t: Target) => this.tree.reveal(...rootAndAddress(t)));
    core.registerCommand('focusTree', () => vscode.commands.executeCommand(`${DRIFT_VIEW_ID}.focus`));
  }
}
