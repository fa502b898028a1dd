// Workspace Trust: untrusted means index only — no credentials, no provider, no cloud call.
// The `driftlens.restricted` context key lets the welcome view say why.
import * as vscode from 'vscode';
import type { ContextKeys } from './contextKeys';

export class TrustGate implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the user trusts the workspace (VS Code never takes trust back without a reload). */
  readonly onDidGrant = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly keys: ContextKeys) {
    void keys.set('restricted', !vscode.workspace.isTrusted);
    this.subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void keys.set('restricted', false);
      this.emitter.fire();
    });
  }

  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
