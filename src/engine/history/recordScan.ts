// A scan's findings against the history: which opened, which were resolved (the resource verified and the
// finding gone), and each finding's `firstSeen` — the start of its current open episode, from an earlier
// scan when it was open then. Unknown is not resolved: an unverified resource or attribute changes nothing.
import { relative, resolve, sep } from 'node:path';
import type { ScanResult } from '../../model';
import { foldHistory, keyText, type FindingKey, type HistoryEvent } from './historyEvents';

/** Annotates `result` in place (`firstSeen`, `isNew` on drifts and missing resources) and returns the events to append. */
export function recordScan(result: ScanResult, previous: readonly HistoryEvent[]): HistoryEvent[] {
  const at = result.scannedAt;
  const states = foldHistory(previous);
  const events: HistoryEvent[] = [];
  const seen = new Set<string>();
  const rootOf = (abs: string) => relative(resolve(result.root), abs).split(sep).join('/') || '.';
  const open = (finding: FindingKey, kind: 'drift' | 'missing', severity: string): { firstSeen: string; isNew: boolean } => {
    const key = keyText(finding);
    seen.add(key);
    const prev = states.get(key);
    if (prev?.state === 'open') return { firstSeen: prev.firstSeen, isNew: false };
    events.push({ v: 1, at, state: 'open', finding, kind, severity });
    return { firstSeen: at, isNew: true };
  };
  // Where this scan could tell: per verified instance, its unverified attributes (they keep whatever they had).
  const verified = new Map<string, Set<string>>();
  // The roots this scan covered: a scan of some roots (on save) says nothing of the others' findings, and a
  // root that now declares nothing still counts as scanned (its findings are gone with the code).
  const roots = new Set<string>((result.roots ?? []).map((r) => rootOf(r.dir)));
  for (const r of result.resources) {
    const root = rootOf(r.resource.root);
    roots.add(root);
    if (r.status === 'unverified') continue;
    verified.set(JSON.stringify([root, r.address]), new Set(r.unverifiedAttributes.map((u) => u.attribute)));
    if (r.status === 'missing') Object.assign(r, open({ root, address: r.address }, 'missing', 'error'));
    for (const d of r.drifts) Object.assign(d, open({ root, address: r.address, attribute: d.attribute }, 'drift', d.severity));
  }
  for (const [key, s] of states) {
    if (s.state !== 'open' || seen.has(key) || !roots.has(s.finding.root)) continue;
    const unknown = verified.get(JSON.stringify([s.finding.root, s.finding.address]));
    const stillDeclared = result.resources.some((r) => r.address === s.finding.address && rootOf(r.resource.root) === s.finding.root);
    // Resolved when the instance was verified without it (and the attribute was read), or the code no longer declares it.
    if (stillDeclared && (!unknown || (s.finding.attribute && [...unknown].some((u) => s.finding.attribute === u || s.finding.attribute!.startsWith(`${u}.`))))) continue;
    events.push({ v: 1, at, state: 'resolved', finding: s.finding });
  }
  return events;
}
