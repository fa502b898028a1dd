// Owns the Drift TreeView: the badge with the count of drifted + missing resources, the "clean" context
// key for the welcome view, and reveal-by-address for CodeLens.
import * as vscode from 'vscode';
import { DRIFT_VIEW_ID } from '../editor/commands';
import type { ContextKeys } from '../editor/contextKeys';
import type { ResultsStore } from '../editor/resultsStore';
import { DriftTreeProvider, type TreeAttribution } from './driftTreeProvider';
import type { DriftNode } from './driftTreeModel';

export class DriftView implements vscode.Disposable {
  readonly provider: DriftTreeProvider;
  readonly view: vscode.TreeView<DriftNode>;
  private readonly subscription: vscode.Disposable;

  constructor(store: ResultsStore, keys: ContextKeys, attribution?: TreeAttribution) {
    this.provider = new DriftTreeProvider(store, attribution);
    this.view = vscode.window.createTreeView(DRIFT_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    // Registered after the provider's own listener, so the model is rebuilt when this runs.
    this.subscription = store.onDidChange(() => {
      const count = this.provider.count;
      this.view.badge = count > 0 ? { value: count, tooltip: `${count} resources drifted or missing` } : undefined;
      void keys.set('clean', store.hasResults && this.provider.isEmpty);
    });
  }

  /**
   * Shows the resource in the tree (the view opens if it was closed), expanding its root and module rows
   * on the way down; false when it is in sync, unknown, or the view could not show it.
   */
  async reveal(root: string, address: string): Promise<boolean> {
    const node = this.provider.resourceNode(root, address);
    if (!node) {
      await vscode.commands.executeCommand(`${DRIFT_VIEW_ID}.focus`);
      return false;
    }
    const chain: DriftNode[] = [];
    for (let p = this.provider.getParent(node); p; p = this.provider.getParent(p)) chain.unshift(p);
    if (await this.revealChain(chain, node)) return true;
    // Never an error toast for a row the view could not show: open the view instead.
    await vscode.commands.executeCommand(`${DRIFT_VIEW_ID}.focus`);
    return false;
  }

  private async revealChain(chain: DriftNode[], node: DriftNode): Promise<boolean> {
    for (const step of [...chain, node]) {
      const last = step === node;
      if (!(await this.revealOne(step, { select: last, focus: last, expand: last ? true : 1 }))) return false;
    }
    return true;
  }

  private async revealOne(node: DriftNode, options: { select: boolean; focus: boolean; expand: boolean | number }): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.view.reveal(node, options);
        return true;
      } catch {
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      }
    }
    return false;
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.provider.dispose();
  }
}
