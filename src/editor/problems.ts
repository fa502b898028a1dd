// Errors a person can act on: every problem message offers the logs and the settings.
import * as vscode from 'vscode';
import { openSettings } from './settings';

const OPEN_LOGS = 'Open Logs';
const OPEN_SETTINGS = 'Open Settings';

/** Shows the message without waiting for it (a command must not hang on an unanswered notification). */
export function reportProblem(level: 'error' | 'warning', message: string, log: vscode.LogOutputChannel): void {
  const show = level === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(message, OPEN_LOGS, OPEN_SETTINGS).then((choice) => {
    if (choice === OPEN_LOGS) log.show();
    else if (choice === OPEN_SETTINGS) void openSettings();
  });
}

/** Restricted mode explained, with the way out. */
export function reportRestricted(resources: number): void {
  const message =
    `DriftLens found ${resources} resources but is in restricted mode: this workspace is not trusted, ` +
    'so it uses no credentials and calls no cloud API.';
  void vscode.window.showInformationMessage(message, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
}
