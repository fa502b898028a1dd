// Publishes the store's drift as diagnostics: the value range of each drifted attribute, the block
// header of each missing resource, and (when enabled) Information on what could not be verified (a Hint
// would not show in Problems). With several roots every message names its root.
import * as vscode from 'vscode';
import type { Drift, ResourceResult } from '../model';
import type { ResultsStore } from '../editor/resultsStore';
import type { DriftLensSettings } from '../editor/settings';
import { driftMessage, missingDiagnosticMessage, originNote, unverifiedAttributeMessage, unverifiedResourceMessage } from './diagnosticText';
import { toRange } from '../editor/vscodeRange';
import { DIAGNOSTIC_SOURCE, diagnosticCode } from './driftCodes';
import { levelFor, type Level, type SeverityOverride } from '../editor/severityOverrides';
import { readSeverityOverrides } from '../editor/settings';
import { MISSING_SEVERITY } from '../engine/report/rules';

function toSeverity(level: Exclude<Level, 'off'>): vscode.DiagnosticSeverity {
  switch (level) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'hint': return vscode.DiagnosticSeverity.Hint;
  }
}

export class DriftDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('driftlens');
  private readonly subscription: vscode.Disposable;
  /** Severity overrides per file's workspace folder (resource scope), read once per refresh. */
  private overrides = new Map<string, SeverityOverride[]>();

  constructor(
    private readonly store: ResultsStore,
    private readonly settings: () => DriftLensSettings,
  ) {
    this.subscription = store.onDidChange(() => this.refresh());
  }

  refresh(): void {
    const settings = this.settings();
    this.overrides = new Map();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const add = (file: string, d: vscode.Diagnostic) => {
      const list = byFile.get(file) ?? [];
      list.push(d);
      byFile.set(file, list);
    };
    for (const scan of this.store.all) {
      for (const r of scan.result.resources) this.addResource(r, settings, add, this.store.rootNameOf(r));
    }
    this.collection.clear();
    this.collection.set([...byFile].map(([file, list]) => [vscode.Uri.file(file), list]));
  }

  private overridesFor(file: string): SeverityOverride[] {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath ?? '';
    let found = this.overrides.get(folder);
    if (!found) this.overrides.set(folder, (found = folder ? readSeverityOverrides(file) : this.settings().severityOverrides));
    return found;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }

  private addResource(r: ResourceResult, settings: DriftLensSettings, add: (file: string, d: vscode.Diagnostic) => void, root: string | undefined): void {
    for (const drift of r.drifts) {
      const level = levelFor(this.overridesFor(drift.location.file), r.type, drift.attribute, drift.severity);
      if (level === 'off') continue;
      add(drift.location.file, driftDiagnostic(r, drift, toSeverity(level), root));
    }
    if (r.status === 'missing') {
      const d = new vscode.Diagnostic(toRange(r.resource.headerRange), missingDiagnosticMessage(r, root), toSeverity(MISSING_SEVERITY));
      d.source = DIAGNOSTIC_SOURCE;
      d.code = diagnosticCode('drift.missing');
      add(r.resource.file, d);
    }
    if (!settings.showUnverified) return;
    for (const u of r.unverifiedAttributes) {
      const d = new vscode.Diagnostic(toRange(u.location.range), unverifiedAttributeMessage(r, u, root), vscode.DiagnosticSeverity.Information);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = diagnosticCode('drift.unverified');
      add(u.location.file, d);
    }
    if (r.status === 'unverified') {
      const d = new vscode.Diagnostic(toRange(r.resource.headerRange), unverifiedResourceMessage(r, root), vscode.DiagnosticSeverity.Information);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = diagnosticCode('drift.unverified');
      add(r.resource.file, d);
    }
  }
}

export function driftDiagnostic(r: ResourceResult, drift: Drift, severity: vscode.DiagnosticSeverity, root?: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(drift.location.range), driftMessage(r, drift, root), severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = diagnosticCode('drift.changed');
  const origin = drift.origin;
  if (origin && (origin.file !== drift.location.file || origin.range.start.offset !== drift.location.range.start.offset)) {
    d.relatedInformation = [
      new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(origin.file), toRange(origin.range)), originNote(root)),
    ];
  }
  return d;
}
