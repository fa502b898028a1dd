// Virtual `driftlens:` documents with one resource's desired (code) or live attributes as normalized
// JSON, opened side by side in VS Code's diff editor.
import * as vscode from 'vscode';
import { normalizedJson } from './diffText';
import type { ResultsStore } from '../editor/resultsStore';

export const DIFF_SCHEME = 'driftlens';
type Side = 'code' | 'live';

export function diffUri(root: string, address: string, side: Side): vscode.Uri {
  const query = new URLSearchParams({ root, address, side }).toString();
  return vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${address}.${side}.json`, query });
}


export class DiffDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ResultsStore) {
    // Open diff documents follow re-scans and re-comparisons.
    this.subscription = store.onDidChange(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === DIFF_SCHEME) this.emitter.fire(doc.uri);
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const q = new URLSearchParams(uri.query);
    const found = this.store.find(q.get('root') ?? '', q.get('address') ?? '');
    if (!found) return '// This resource is not in the last scan.\n';
    return normalizedJson(q.get('side') === 'live' ? found.result.live : found.result.desired);
  }

  /** Opens code ↔ live for one resource; false when there is no live state to show. */
  async show(root: string, address: string): Promise<boolean> {
    const found = this.store.find(root, address);
    if (!found || found.result.live === undefined) {
      const why = found?.result.reason ?? (found ? `status ${found.result.status}` : 'not in the last scan');
      void vscode.window.showInformationMessage(`DriftLens: no live state to compare for ${address} (${why}).`);
      return false;
    }
    await vscode.commands.executeCommand('vscode.diff', diffUri(root, address, 'code'), diffUri(root, address, 'live'), `${address}: code ↔ live`);
    return true;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
