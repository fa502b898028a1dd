// Words and numbers the editor surfaces show (CodeLens, tree, status bar). Pure, so it is unit-tested
// in plain Node; the surfaces only place these strings.
import type { ChangedBy, Drift, ResourceResult, Value } from '../model';
import { mainReason, moduleInstanceOf, shortReason } from './rootLabels';

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

/** How long a finding has been open, from its history `firstSeen`: "3 days", "2 h", "5 min", "just now"; undefined without a history. */
export function findingAge(firstSeen: string | undefined, now: Date): string | undefined {
  if (!firstSeen) return undefined;
  const then = new Date(firstSeen);
  if (Number.isNaN(then.getTime())) return undefined;
  const ago = relativeTime(then, now);
  return ago === 'just now' ? ago : ago.replace(/ ago$/, '');
}

/** How long the oldest open drift and the oldest missing instance of a block have been open; empty without a history. */
export interface BlockAges {
  drifted?: string;
  missing?: string;
}

export function blockAges(instances: readonly Pick<ResourceResult, 'status' | 'drifts' | 'firstSeen'>[], now: Date): BlockAges {
  const oldest = (dates: (string | undefined)[]) =>
    dates.filter((d): d is string => !!d && !Number.isNaN(Date.parse(d))).sort((x, y) => Date.parse(x) - Date.parse(y))[0];
  const drifted = findingAge(oldest(instances.flatMap((r) => r.drifts.map((d) => d.firstSeen))), now);
  const missing = findingAge(oldest(instances.filter((r) => r.status === 'missing').map((r) => r.firstSeen)), now);
  return { ...(drifted ? { drifted } : {}), ...(missing ? { missing } : {}) };
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
      summary.reason ??= r.reason === undefined ? undefined : shortReason(r.reason, r.resource.root);
    }
  }
  return summary;
}

/**
 * "2 drifted · checked 3 min ago", "in sync · checked just now", "missing in the cloud", and for a block
 * none of whose instances was read from the cloud "not checked: no terraform.tfstate" (never "checked").
 * `where` names the root (and module instance) when the same block is reached from several roots;
 * `ages` (from the scan history) make it "1 drifted since 3 days".
 */
export function codeLensTitle(summary: BlockSummary, checkedAt: Date, now: Date, where?: string, ages: BlockAges = {}): string {
  const parts: string[] = [];
  const ofAll = (n: number) => (summary.instances > 1 ? `${n} of ${summary.instances} ` : '');
  const prefix = where ? `${where}: ` : '';
  if (summary.instances > 0 && summary.unverified === summary.instances) {
    return `${prefix}not checked: ${summary.reason ?? 'unknown reason'}`;
  }
  const since = (age?: string) => (age ? ` since ${age}` : '');
  if (summary.drifts > 0) parts.push(`${summary.drifts} drifted${since(ages.drifted)}`);
  if (summary.missing > 0) parts.push(`${ofAll(summary.missing)}missing in the cloud${since(ages.missing)}`);
  if (summary.unverified > 0) parts.push(`${ofAll(summary.unverified)}not verified: ${summary.reason ?? 'unknown reason'}`);
  if (parts.length === 0) parts.push('in sync');
  return `${prefix}${parts.join(' · ')} · checked ${relativeTime(checkedAt, now)}`;
}

export interface Counts {
  drifted: number;
  missing: number;
  unverified: number;
  resources: number;
  /** Read from the cloud: in sync + drifted + missing. */
  verified: number;
  /** The reason most unverified resources share, short. */
  reason?: string;
}

export function countResults(results: readonly ResourceResult[]): Counts {
  const counts: Counts = { drifted: 0, missing: 0, unverified: 0, resources: results.length, verified: 0 };
  for (const r of results) {
    if (r.status === 'drifted') counts.drifted++;
    else if (r.status === 'missing') counts.missing++;
    else if (r.status === 'unverified') counts.unverified++;
  }
  counts.verified = counts.resources - counts.unverified;
  const reason = mainReason(results);
  if (reason) counts.reason = reason;
  return counts;
}

/** Status bar text (with codicons) and tooltip: what was seen, never "in sync" for what was not read. */
/** "Last full scan: 2026-12-04 18:56 UTC" for the status bar tooltip: absolute, so it never goes stale between refreshes. */
export function lastFullScanLine(checkedAt: readonly Date[]): string | undefined {
  const latest = checkedAt.reduce<Date | undefined>((a, d) => (!a || d > a ? d : a), undefined);
  return latest && `Last full scan: ${latest.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function statusBarText(counts: Counts, scanning: boolean): { text: string; tooltip: string } {
  if (scanning) return { text: '$(sync~spin) DriftLens', tooltip: 'DriftLens: scanning for drift…' };
  const parts: string[] = [];
  if (counts.drifted > 0) parts.push(`${counts.drifted} drifted`);
  if (counts.missing > 0) parts.push(`${counts.missing} missing`);
  const why = counts.unverified > 0 && counts.reason ? ` (mostly: ${counts.reason})` : '';
  const tooltip =
    `DriftLens: ${counts.resources} resources scanned, ${counts.verified} verified — ${counts.drifted} drifted, ${counts.missing} missing, ` +
    `${counts.unverified} not verified${why}. Click to open the Drift view.`;
  if (counts.resources === 0) return { text: '$(check) DriftLens', tooltip };
  if (counts.verified === 0) return { text: `$(question) not verified (${counts.unverified})`, tooltip: `DriftLens: none of ${counts.resources} resources could be read from the cloud: ${counts.reason ?? 'unknown reason'}. Click to open the Drift view.` };
  if (parts.length > 0) return { text: `$(warning) ${parts.join(' · ')}`, tooltip };
  return { text: counts.unverified > 0 ? `$(check) in sync · ${counts.unverified} not verified` : '$(check) in sync', tooltip };
}

/** `main.tf:12` (1-based line), relative to `base` with forward slashes; `../../main.tf:12` outside it, never a bare name. */
export function fileLine(file: string, base: string, zeroBasedLine: number): string {
  return `${relativePath(file, base)}:${zeroBasedLine + 1}`;
}

/** `file` relative to the folder `base` (both absolute), forward slashes, `..` where it lies outside. */
export function relativePath(file: string, base: string): string {
  const f = file.replace(/\\/g, '/').split('/').filter(Boolean);
  const b = base.replace(/\\/g, '/').split('/').filter(Boolean);
  let same = 0;
  while (same < f.length && same < b.length && f[same] === b[same]) same++;
  return [...Array<string>(b.length - same).fill('..'), ...f.slice(same)].join('/');
}

/** The message on a missing resource's header. */
export function missingMessage(result: Pick<ResourceResult, 'address' | 'liveId' | 'reason'>): string {
  const id = result.liveId ? ` (${result.liveId})` : '';
  return `${result.address}: not found in the cloud${id}${result.reason ? ` — ${result.reason}` : ''}`;
}

/**
 * A finding's message as diagnostics show it: prefixed with the instance address when one block has several
 * instances or sits in a module, and with the root (`envs/dev › `) when the workspace has several roots.
 */
export function instanceMessage(result: Pick<ResourceResult, 'address' | 'resource'>, message: string, root?: string): string {
  const named = result.address === result.resource.address && !moduleInstanceOf(result.address) ? message : `${result.address}: ${message}`;
  return root ? `${root} › ${named}` : named;
}

const VIA: Record<ChangedBy['via'], string> = { console: 'console', cli: 'CLI', sdk: 'SDK', terraform: 'Terraform', other: 'another tool' };

/** "changed by alice via console at 2026-11-20 14:03 UTC (ModifyInstanceAttribute)". */
export function changedByLine(c: ChangedBy): string {
  const at = Number.isNaN(Date.parse(c.at)) ? c.at : `${new Date(c.at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `changed by ${c.principal} via ${VIA[c.via] ?? c.via} at ${at}${c.action ? ` (${c.action})` : ''}`;
}

/** What a "Who changed it?" lookup found: the change, or its quiet note; undefined before one ran. */
export function attributionLine(r: Pick<ResourceResult, 'changedBy' | 'attributionNote'>): string | undefined {
  if (r.changedBy) return changedByLine(r.changedBy);
  return r.attributionNote ? `who changed it: ${r.attributionNote}` : undefined;
}
