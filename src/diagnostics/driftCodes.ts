// Stable diagnostic codes and the README section that explains each.
import * as vscode from 'vscode';

export const DIAGNOSTIC_SOURCE = 'DriftLens';
export const DOCS_URL = 'https://github.com/driftlens/driftlens';

export type DriftCode = 'drift.changed' | 'drift.missing' | 'drift.unverified';

/** `{ value: 'drift.changed', target: …#drift-changed }` */
export function diagnosticCode(code: DriftCode): { value: string; target: vscode.Uri } {
  return { value: code, target: vscode.Uri.parse(`${DOCS_URL}#${code.replace('.', '-')}`) };
}

/** The DriftLens code of a diagnostic, or undefined when it is someone else's. */
export function driftCodeOf(d: vscode.Diagnostic): DriftCode | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const value = typeof d.code === 'object' ? d.code.value : d.code;
  return value === 'drift.changed' || value === 'drift.missing' || value === 'drift.unverified' ? value : undefined;
}
