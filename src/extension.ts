// Activation only: the editor front-end is wired up in later steps.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features are registered here as they are built.
}

export function deactivate(): void {
  // Everything is owned by the context's subscriptions.
}
