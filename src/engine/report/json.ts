// `--format json`: the public contract, version 1 (DESIGN.md). Only the fields it names, in its order.
import type { ScanResult, Value } from '../../model';
import { lspRange, relativeFile, type LspRange } from './paths';

export interface JsonDrift {
  attribute: string;
  expected: Value;
  actual: Value;
  severity: 'error' | 'warning' | 'info';
  range: LspRange;
  fixable: boolean;
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
  drifts: JsonDrift[];
}

export interface JsonReport {
  version: 1;
  scannedAt: string;
  root: string;
  summary: ScanResult['summary'];
  resources: JsonResource[];
  unmanaged: { type: string; liveId: string; region?: string; name?: string }[];
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
      drifts: r.drifts.map((d) => ({
        attribute: d.attribute,
        // Masked already by the comparison; masked again so no path can leak a sensitive value.
        expected: d.sensitive ? '(sensitive)' : d.expected,
        actual: d.sensitive ? '(sensitive)' : d.actual,
        severity: d.severity,
        range: lspRange(d.location.range),
        fixable: d.fixable && !d.sensitive,
      })),
    })),
    unmanaged: result.unmanaged.map((u) => ({ type: u.type, liveId: u.liveId, ...(u.region !== undefined ? { region: u.region } : {}), ...(u.name !== undefined ? { name: u.name } : {}) })),
  };
}

export function formatJson(result: ScanResult): string {
  return `${JSON.stringify(jsonReport(result), null, 2)}\n`;
}
