// The surfaces beside the text: the Drift tree, the diff documents and the status bar, with the
// commands that open them and the actions on a live resource no code declares (copy its ID, open it
// in the cloud console, import it into Terraform).
import * as vscode from 'vscode';
import { DRIFT_VIEW_ID } from '../editor/commands';
import type { EditorCore } from '../editor/editorCore';
import { consoleUrl } from '../editor/findingActions';
import { rootAndAddress, type Target } from '../editor/targets';
import type { UnmanagedResource } from '../model';
import { DIFF_SCHEME, DiffDocuments } from './diffDocuments';
import { DriftView } from './driftView';
import { DriftStatusBar } from './statusBar';
import { importIntoTerraform, type ImportOptions, type UnmanagedTarget } from './importUnmanaged';

/** A tree node or command argument that names a live resource. */
type LiveTarget = { resource: UnmanagedResource } | { result: { liveId: string | null; type: string } } | undefined;

function liveOf(t: LiveTarget): { type: string; liveId: string; region?: string } | undefined {
  if (!t) return undefined;
  if ('resource' in t && typeof (t.resource as UnmanagedResource).liveId === 'string') return t.resource;
  if ('result' in t && t.result.liveId) return { type: t.result.type, liveId: t.result.liveId };
  return undefined;
}

/** The clipboard can refuse (a browser without focus or permission): the command still answers. */
async function copy(text: string): Promise<void> {
  try {
    await vscode.env.clipboard.writeText(text);
  } catch {
    // The message shows the text; nothing else to do.
  }
}

export class ViewsFeature {
  readonly tree: DriftView;
  readonly statusBar: DriftStatusBar;

  constructor(core: EditorCore) {
    const attribution = { answer: core.attribution.answer.bind(core.attribution), onDidChange: core.attribution.onDidChange, trusted: () => core.trust.trusted };
    this.tree = core.own(new DriftView(core.store, core.keys, attribution));
    const diffs = core.own(new DiffDocuments(core.store));
    this.statusBar = core.own(new DriftStatusBar(core.store, core.scans.onDidChangeScanning));
    core.own(vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, diffs));
    core.registerCommand('showDiff', (t: Target) => diffs.show(...rootAndAddress(t)));
    core.registerCommand('revealInTree', (t: Target) => this.tree.reveal(...rootAndAddress(t)));
    core.registerCommand('focusTree', () => vscode.commands.executeCommand(`${DRIFT_VIEW_ID}.focus`));
    core.registerCommand('copyLiveId', (t: LiveTarget) => this.copyId(t));
    core.registerCommand('openInConsole', (t: LiveTarget) => this.openInConsole(t));
    core.registerCommand('importIntoTerraform', (t: UnmanagedTarget, options?: ImportOptions) => importIntoTerraform(core, t, options));
  }

  /** Copies the ID (what clicking an unmanaged item does) and offers the console page when there is one. */
  private async copyId(t: LiveTarget): Promise<string | undefined> {
    const live = liveOf(t);
    if (!live) return undefined;
    await copy(live.liveId);
    const url = consoleUrl(live.type, live.liveId, live.region);
    const open = 'Open in Console';
    void vscode.window.showInformationMessage(`Copied ${live.liveId}`, ...(url ? [open] : [])).then((choice) => {
      if (choice === open && url) void vscode.env.openExternal(vscode.Uri.parse(url));
    });
    return live.liveId;
  }

  private async openInConsole(t: LiveTarget): Promise<boolean> {
    const live = liveOf(t);
    const url = live && consoleUrl(live.type, live.liveId, live.region);
    if (!url) {
      void vscode.window.showInformationMessage(`DriftLens knows no console page for ${live ? `${live.type} ${live.liveId}` : 'this item'}.`);
      return false;
    }
    return vscode.env.openExternal(vscode.Uri.parse(url));
  }
}
