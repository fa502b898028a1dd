// Context keys for `when` clauses (welcome views, menus), remembered so tests and features can read them back.
import * as vscode from 'vscode';
import { contextKeys } from './commands';

export type ContextKeyName = keyof typeof contextKeys;

export class ContextKeys {
  private readonly values = new Map<ContextKeyName, boolean>();

  async set(name: ContextKeyName, value: boolean): Promise<void> {
    if (this.values.get(name) === value) return;
    this.values.set(name, value);
    await vscode.commands.executeCommand('setContext', contextKeys[name], value);
  }

  get(name: ContextKeyName): boolean {
    return this.values.get(name) ?? false;
  }
}
