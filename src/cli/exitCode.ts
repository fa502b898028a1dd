// The scan's exit code, like `terraform plan -detailed-exitcode`: 0 verified and no drift, 2 drift
// (drifted or missing), 1 error. A scan that verified nothing is an error, never "no drift": a CI job
// without credentials must not read as clean.
import { relative, resolve } from 'node:path';
import type { ScanResult } from '../model';
import { formatCounts, reasonLabel, unverifiedSummary } from '../engine/report/unverifiedReasons';

export interface ExitPolicy {
  /** Strict CI: any resource that could not be verified fails the scan. */
  failOnUnverified?: boolean;
}

export interface ScanExit {
  code: 0 | 1 | 2;
  /** One line for stderr when the code alone would not say why it is 1. */
  message?: string;
}

export function scanExit(result: ScanResult, policy: ExitPolicy = {}): ScanExit {
  const s = result.summary;
  if (s.verified === 0) return { code: 1, message: `nothing could be verified: ${mainReason(result)}${syntaxNote(result)}` };
  // An error that kept resources from being read (an unreadable state file, refused credentials) wins over drift, as in Terraform.
  if (result.errors.some((e) => e.severity === 'error')) return { code: 1 };
  if (policy.failOnUnverified && s.unverified > 0) {
    return { code: 1, message: `${s.unverified} of ${s.resources} resource${s.resources === 1 ? '' : 's'} not verified (--fail-on-unverified): ${formatCounts(unverifiedSummary(result).resources)}` };
  }
  return { code: s.drifted + s.missing > 0 ? 2 : 0 };
}

/** The most frequent reason, with one full reason of that kind (it says what to do), or the first error when nothing was declared. */
function mainReason(result: ScanResult): string {
  if (result.resources.length === 0) {
    const first = result.errors.find((e) => e.severity === 'error') ?? result.errors[0];
    const errors = result.errors.length && first.kind !== 'syntax' ? `; first error: ${first.message}` : '';
    return `no resources found under ${result.root}${errors}`;
  }
  const [top] = unverifiedSummary(result).resources;
  const example = result.resources.find((r) => r.status === 'unverified' && reasonLabel(r.reason) === top.label)?.reason;
  const counted = `(${top.count} of ${result.summary.resources})`;
  if (!example || example === top.label) return `${top.label} ${counted}`;
  return example.startsWith(top.label) ? `${example} ${counted}` : `${top.label} ${counted}: ${example}`;
}

/** Code that did not parse is often why nothing was found or resolved: say how much, and where first. */
function syntaxNote(result: ScanResult): string {
  const syntax = result.errors.filter((e) => e.kind === 'syntax');
  if (syntax.length === 0) return '';
  const files = new Set(syntax.map((e) => e.file)).size;
  const first = syntax[0];
  const at = first.file ? `${relative(resolve(result.root), first.file) || first.file}${first.range ? `:${first.range.start.line + 1}` : ''}: ` : '';
  return `; ${syntax.length} syntax error${syntax.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (first: ${at}${first.message})`;
}
