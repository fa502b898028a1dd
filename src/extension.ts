// Activation only: build the context that owns every feature, hand tests its API, and make a failure
// to start visible instead of silent.
import * as vscode from 'vscode';
import type { DriftLensApi } from './editor/api';
import { DriftLensContext } from './editor/context';

export type { DriftLensApi } from './editor/api';

export function activate(context: vscode.ExtensionContext): DriftLensApi {
  try {
    const ctx = new DriftLensContext();
    context.subscriptions.push(ctx);
    return ctx.api;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`DriftLens failed to start: ${message}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is owned by the DriftLensContext in context.subscriptions.
}
