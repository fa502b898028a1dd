// Errors a person can act on: every problem message offers the logs, and the button that fits the cause
// (the settings where the cause is a setting, Azure sign-in where it is Azure's).
import * as vscode from 'vscode';
import { commandId } from './commands';
import type { ScanAdvice } from './scanAdvice';
import { openSettings } from './settings';

const OPEN_LOGS = 'Open Logs';
const OPEN_SETTINGS = 'Open Settings';
const SIGN_IN = 'Sign in to Azure';

/** Shows the message without waiting for it (a command must not hang on an unanswered notification). */
export function reportProblem(level: 'error' | 'warning', message: string, log: vscode.LogOutputChannel): void {
  const show = level === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(message, OPEN_LOGS, OPEN_SETTINGS).then((choice) => {
    if (choice === OPEN_LOGS) log.show();
    else if (choice === OPEN_SETTINGS) void openSettings();
  });
}

/** A scan's advice, with the one button that fits its cause beside "Open Logs". */
export function reportAdvice(advice: ScanAdvice, log: vscode.LogOutputChannel): void {
  log.warn(advice.message);
  const show = advice.level === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const button = advice.action === 'settings' ? OPEN_SETTINGS : advice.action === 'signInAzure' ? SIGN_IN : undefined;
  void show(advice.message, ...(button ? [button] : []), OPEN_LOGS).then((choice) => {
    if (choice === OPEN_LOGS) log.show();
    else if (choice === OPEN_SETTINGS) void openSettings(advice.settingsQuery);
    else if (choice === SIGN_IN) void vscode.commands.executeCommand(commandId('signInToAzure'));
  });
}

/** Restricted mode explained, with the way out. */
export function reportRestricted(resources: number): void {
  const message =
    `DriftLens found ${resources} ${resources === 1 ? 'resource' : 'resources'} but is in restricted mode: this workspace is not trusted, ` +
    'so it uses no credentials and calls no cloud API.';
  void vscode.window.showInformationMessage(message, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
}
