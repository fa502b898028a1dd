// What `activate` returns. Only tests use it: they drive the extension through commands and read
// state here instead of importing a second copy of the source.
import type * as vscode from 'vscode';
import type { ScanProgress } from '../engine/scan';
import type { DriftNode } from '../views/driftTreeModel';
import type { ContextKeyName } from './contextKeys';
import type { ScanRun } from './scanController';

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
    contextKey(name: ContextKeyName): boolean;
    /** The last scan request's outcome. */
    lastRun(): ScanRun | undefined;
  };
}
