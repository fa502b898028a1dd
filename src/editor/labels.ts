// Words and numbers the editor surfaces show (CodeLens, tree, status bar). Pure, so it is unit-tested
// in plain Node; the surfaces only place these strings.
import type { Drift, ResourceResult, Value } from '../model';

export const SENSITIVE = '(sensitive)';

/**
 * A value on one line: scalars as JSON, flat lists/maps as compact JSON, lists of objects (rule sets,
 * nested blocks) as a count — their detail is in the message and the diff. Cut at `max` characters.
 */
export function formatValue(value: Value, sensitive = false, max = 48): string {
  if (sensitive) return SENSITIVE;
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    return `${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  }
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * `"t3.micro" → "t3.large"`. For sets of objects (security-group rules, nested blocks) two counts say
 * little, so the engine's own words about what differs are shown instead when there are some.
 */
export function formatChange(drift: Pick<Drift, 'expected' | 'actual' | 'sensitive'> & Partial<Pick<Drift, 'attribute' | 'message'>>): string {
  const objectList = (v: Value) => Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object');
  const prefix = `${drift.attribute}: `;
  if (!drift.sensitive && drift.message?.startsWith(prefix) && (objectList(drift.expected) || objectList(drift.actual))) {
    return drift.message.slice(prefix.length);
  }
  return `${formatValue(drift.expected, drift.sensitive)} → ${formatValue(drift.actual, drift.sensitive)}`;
}

/** "just now", "3 min ago", "2 h ago", "4 days ago". */
export function relativeTime(then: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export interface BlockSummary {
  instances: number;
  drifts: number;
  missing: number;
  unverified: number;
  /** The first reason a not-verified instance gave. */
  reason?: string;
}

/** Counts over the instances of one resource block (one for a plain block, several for count/for_each). */
export function summarizeBlock(instances: readonly ResourceResult[]): BlockSummary {
  const summary: BlockSummary = { instances: instances.length, drifts: 0, missing: 0, unverified: 0 };
  for (const r of instances) {
    summary.drifts += r.drifts.length;
    if (r.status === 'missing') summary.missing++;
    if (r.status === 'unverified') {
      summary.unverified++;
      summary.reason ??= r.reason;
    }
  }
  return summary;
}

/** "2 drifted · checked 3 min ago", "in sync · checked just now", "missing in the cloud", "not verified: no permission". */
export function codeLensTitle(summary: BlockSummary, checkedAt: Date, now: Date): string {
  const parts: string[] = [];
  const ofAll = (n: number) => (summary.instances > 1 ? `${n} of ${summary.instances} ` : '');
  if (summary.drifts > 0) parts.push(`${summary.drifts} drifted`);
  if (summary.missing > 0) parts.push(`${ofAll(summary.missing)}missing in the cloud`);
  if (summary.unverified > 0) parts.push(`${ofAll(summary.unverified)}not verified: ${summary.reason ?? 'unknown reason'}`);
  if (parts.length === 0) parts.push('in sync');
  return `${parts.join(' · ')} · checked ${relativeTime(checkedAt, now)}`;
}

export interface Counts {
  drifted: number;
  missing: number;
  unverified: number;
  resources: number;
}

export function countResults(results: readonly ResourceResult[]): Counts {
  const counts: Counts = { drifted: 0, missing: 0, unverified: 0, resources: results.length };
  for (const r of results) {
    if (r.status === 'drifted') counts.drifted++;
    else if (r.status === 'missing') counts.missing++;
    else if (r.status === 'unverified') counts.unverified++;
  }
  return counts;
}

/** Status bar text (with codicons) and tooltip. */
export function statusBarText(counts: Counts, scanning: boolean): { text: string; tooltip: string } {
  if (scanning) return { text: '$(sync~spin) DriftLens', tooltip: 'DriftLens: scanning for drift…' };
  const parts: string[] = [];
  if (counts.drifted > 0) parts.push(`${counts.drifted} drifted`);
  if (counts.missing > 0) parts.push(`${counts.missing} missing`);
  const tooltip =
    `DriftLens: ${counts.resources} resources scanned — ${counts.drifted} drifted, ${counts.missing} missing, ` +
    `${counts.unverified} not verified. Click to open the Drift view.`;
  if (parts.length === 0) return { text: counts.resources > 0 ? '$(check) in sync' : '$(check) DriftLens', tooltip };
  return { text: `$(warning) ${parts.join(' · ')}`, tooltip };
}

/** `main.tf:12` (1-based line), relative to the root module folder with forward slashes. */
export function fileLine(file: string, root: string, zeroBasedLine: number): string {
  const normalized = file.replace(/\\/g, '/');
  const base = root.replace(/\\/g, '/').replace(/\/?$/, '/');
  const rel = normalized.startsWith(base) ? normalized.slice(base.length) : normalized.split('/').pop() ?? normalized;
  return `${rel}:${zeroBasedLine + 1}`;
}

/** The message on a missing resource's header. */
export function missingMessage(result: Pick<ResourceResult, 'address' | 'liveId' | 'reason'>): string {
  const id = result.liveId ? ` (${result.liveId})` : '';
  return `${result.address}: not found in the cloud${id}${result.reason ? ` — ${result.reason}` : ''}`;
}

/** Prefix an instance address when one block has several instances (count / for_each). */
export function instanceMessage(result: Pick<ResourceResult, 'address' | 'resource'>, message: string): string {
  return result.address === result.resource.address ? message : `${result.address}: ${message}`;
}
