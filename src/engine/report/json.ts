// `--format json`: the public contract, version 1 (DESIGN.md). Only the fields it names, in its order.
import type { ChangedBy, ScanErrorKind, ScanResult, Severity, Value } from '../../model';
import { MISSING_SEVERITY } from './rules';
import { lspRange, relativeFile, type LspRange } from './paths';

export interface JsonDrift {
  attribute: string;
  expected: Value;
  actual: Value;
  severity: 'error' | 'warning' | 'info';
  range: LspRange;
  fixable: boolean;
  /** With a scan history (`--history`): when this drift was first seen (ISO-8601). */
  firstSeen?: string;
}

export interface JsonResource {
  address: string;
  type: string;
  provider: string;
  file: string;
  range: LspRange;
  liveId: string | null;
  status: 'in-sync' | 'drifted' | 'missing' | 'unverified';
  reason?: string;
  /** Missing resources only: the same severity SARIF and the editor give them. */
  severity?: Severity;
  drifts: JsonDrift[];
  /** Missing resources with a scan history: when first seen missing. */
  firstSeen?: string;
  /** With --attribution: the most recent change event of a drifted or missing resource. */
  changedBy?: ChangedBy;
}

/** Each problem once: per file (syntax), per state file, per provider place (credentials, provider), per setting (config). */
export interface JsonError {
  kind: ScanErrorKind;
  message: string;
  file?: string;
  range?: LspRange;
}

export interface JsonReport {
  version: 1;
  scannedAt: string;
  root: string;
  summary: ScanResult['summary'];
  resources: JsonResource[];
  unmanaged: { type: string; liveId: string; region?: string; name?: string; managedBy?: string }[];
  errors: JsonError[];
}

export function jsonReport(result: ScanResult): JsonReport {
  return {
    version: 1,
    scannedAt: result.scannedAt,
    root: result.root,
    summary: { ...result.summary },
    resources: result.resources.map((r) => ({
      address: r.address,
      type: r.type,
      provider: r.provider,
      file: relativeFile(result.root, r.resource.file),
      range: lspRange(r.resource.range),
      liveId: r.liveId,
      status: r.status,
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
      ...(r.status === 'missing' ? { severity: MISSING_SEVERITY } : {}),
      drifts: r.drifts.map((d) => ({
        attribute: d.attribute,
        // Masked already by the comparison; masked again so no path can leak a sensitive value.
        expected: d.sensitive ? '(sensitive)' : d.expected,
        actual: d.sensitive ? '(sensitive)' : d.actual,
        severity: d.severity,
        range: lspRange(d.location.range),
        fixable: d.fixable && !d.sensitive,
        ...(d.firstSeen ? { firstSeen: d.firstSeen } : {}),
      })),
      ...(r.firstSeen ? { firstSeen: r.firstSeen } : {}),
      ...(r.changedBy ? { changedBy: { principal: r.changedBy.principal, via: r.changedBy.via, at: r.changedBy.at } } : {}),
    })),
    unmanaged: result.unmanaged.map((u) => ({ type: u.type, liveId: u.liveId, ...(u.region !== undefined ? { region: u.region } : {}), ...(u.name !== undefined ? { name: u.name } : {}), ...(u.managedBy !== undefined ? { managedBy: u.managedBy } : {}) })),
    errors: result.errors.map((e) => ({
      // Errors made before kinds existed are about the scan's inputs.
      kind: e.kind ?? 'config',
      message: e.message,
      ...(e.file ? { file: relativeFile(result.root, e.file) } : {}),
      ...(e.range ? { range: lspRange(e.range) } : {}),
    })),
  };
}

export function formatJson(result: ScanResult): string {
  return `${JSON.stringify(jsonReport(result), null, 2)}\n`;
}
