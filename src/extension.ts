// Activation only: build the editor core, put the surfaces on it, hand tests their API, and make a
// failure to start visible instead of silent.
import * as vscode from 'vscode';
import type { ContextKeyName } from './editor/contextKeys';
import { EditorCore } from './editor/editorCore';
import type { ScanRun } from './editor/scanController';
import type { ScanProgress } from './engine/scan';
import { DiagnosticsFeature } from './diagnostics/diagnosticsFeature';
import type { DriftNode } from './views/driftTreeModel';
import { ViewsFeature } from './views/viewsFeature';

/** What `activate` returns. Only tests use it: they drive the extension through commands and read state here. */
export interface DriftLensApi {
  readonly testing: {
    /** Fires after every change of the results (scan, re-comparison after an edit). */
    readonly onDidChangeResults: vscode.Event<void>;
    /** Every engine progress report of the running scan. */
    readonly onDidReportProgress: vscode.Event<ScanProgress>;
    readonly driftTree: vscode.TreeDataProvider<DriftNode>;
    /** The Drift view's badge value (undefined when hidden). */
    treeBadge(): number | undefined;
    statusBarText(): string;
    statusBarTooltip(): string;
    contextKey(name: ContextKeyName): boolean;
    /** The last scan request's outcome. */
    lastRun(): ScanRun | undefined;
  };
}

export function activate(context: vscode.ExtensionContext): DriftLensApi {
  try {
    // The workspace's storage (history per workspace); the global one when no folder/workspace is open.
    const core = new EditorCore((context.storageUri ?? context.globalStorageUri).fsPath);
    context.subscriptions.push(core);
    new DiagnosticsFeature(core);
    const views = new ViewsFeature(core);
    core.start();
    return {
      testing: {
        onDidChangeResults: core.store.onDidChange,
        onDidReportProgress: core.scans.onDidReportProgress,
        driftTree: views.tree.provider,
        treeBadge: () => views.tree.view.badge?.value,
        statusBarText: () => views.statusBar.text,
        statusBarTooltip: () => views.statusBar.tooltip,
        contextKey: (name) => core.keys.get(name),
        lastRun: () => core.lastRun,
      },
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`DriftLens failed to start: ${message}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is owned by the EditorCore in context.subscriptions.
}
