// The status bar item: drift counts (or a spinner while scanning); clicking opens the Drift view.
import * as vscode from 'vscode';
import { commandId } from '../editor/commands';
import type { ResultsStore } from '../editor/resultsStore';
import { countResults, lastFullScanLine, statusBarText } from '../editor/labels';

export class DriftStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('driftlens.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  private scanning = false;

  constructor(
    private readonly store: ResultsStore,
    onDidChangeScanning: vscode.Event<boolean>,
  ) {
    this.item.name = 'DriftLens';
    this.item.command = commandId('focusTree');
    this.subscriptions.push(
      store.onDidChange(() => this.update()),
      onDidChangeScanning((s) => {
        this.scanning = s;
        this.update();
      }),
    );
    this.update();
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  private update(): void {
    if (!this.scanning && !this.store.hasResults) {
      this.item.hide();
      return;
    }
    const { text, tooltip } = statusBarText(countResults(this.store.allResults()), this.scanning);
    this.item.text = text;
    // checkedAt is when the cloud was read: re-comparisons after edits keep it, so this is the last full scan.
    const last = lastFullScanLine(this.store.all.map((s) => s.checkedAt));
    this.item.tooltip = last && !this.scanning ? `${tooltip}\n${last}` : tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
