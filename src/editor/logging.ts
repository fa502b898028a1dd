// One LogOutputChannel for the extension, handed to the engine as its Logger. Every line is scrubbed
// of credentials first; the engine and providers never pass raw API responses (see DESIGN.md, Security).
import * as vscode from 'vscode';
import type { Logger } from '../model';
import { scrubSecrets } from './logScrub';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('DriftLens', { log: true });
}

export function engineLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    debug: (m) => channel.debug(scrubSecrets(m)),
    info: (m) => channel.info(scrubSecrets(m)),
    warn: (m) => channel.warn(scrubSecrets(m)),
    error: (m) => channel.error(scrubSecrets(m)),
  };
}

/** A readable one-line reason from anything thrown (never a stack or a response body). */
export function errorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  return scrubSecrets(text.split('\n')[0].slice(0, 300));
}
