// The drift history as JSON lines: one line per change of a finding's state (opened, resolved), never one
// per scan, so the file grows with what changes, not with how often it is scanned. Folding the lines gives
// each finding's current state and when its open episode began (`firstSeen`). Pure.

/** A finding: an attribute of an instance that drifts, or an instance that is missing. */
export interface FindingKey {
  /** The root module folder, relative to the scanned folder (`.` for the folder itself, `envs/dev`). */
  root: string;
  address: string;
  /** The drifted attribute; absent for a missing resource. */
  attribute?: string;
}

export interface HistoryEvent {
  v: 1;
  /** ISO-8601: the scan that saw the change. */
  at: string;
  state: 'open' | 'resolved';
  finding: FindingKey;
  /** Open events: how it was rated, and what kind it is. */
  kind?: 'drift' | 'missing';
  severity?: string;
}

export interface FindingState {
  finding: FindingKey;
  state: 'open' | 'resolved';
  /** Start of the current (or last) open episode. */
  firstSeen: string;
  resolvedAt?: string;
  kind?: 'drift' | 'missing';
  severity?: string;
}

export const keyText = (k: FindingKey): string => JSON.stringify([k.root, k.address, k.attribute ?? null]);

/** Lines that are not history events (a truncated last line, another tool's text) are skipped, never fatal. */
export function parseHistory(text: string | undefined): HistoryEvent[] {
  const out: HistoryEvent[] = [];
  for (const line of (text ?? '').split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as HistoryEvent;
      if (e && e.v === 1 && (e.state === 'open' || e.state === 'resolved') && typeof e.at === 'string' && e.finding && typeof e.finding.address === 'string') out.push(e);
    } catch {
      // a line cut by a crash mid-write: the next scan records that finding again
    }
  }
  return out;
}

export function formatEvents(events: readonly HistoryEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** The state of every finding the events name, in event order. */
export function foldHistory(events: readonly HistoryEvent[]): Map<string, FindingState> {
  const states = new Map<string, FindingState>();
  for (const e of events) {
    const key = keyText(e.finding);
    const prev = states.get(key);
    if (e.state === 'open') {
      if (prev?.state === 'open') continue;
      states.set(key, { finding: e.finding, state: 'open', firstSeen: e.at, kind: e.kind, severity: e.severity });
    } else if (prev?.state === 'open') {
      states.set(key, { ...prev, state: 'resolved', resolvedAt: e.at });
    }
  }
  return states;
}

/**
 * The same history with redundant lines left out (a second `open` while open, a `resolved` of nothing open) and,
 * with `keepResolvedDays`, episodes resolved longer ago than that dropped: the file stays bounded.
 */
export function compactHistory(events: readonly HistoryEvent[], now: Date, keepResolvedDays = 400): HistoryEvent[] {
  const cutoff = now.getTime() - keepResolvedDays * 86_400_000;
  const open = new Map<string, HistoryEvent>();
  const kept: HistoryEvent[] = [];
  const dropped = new Set<HistoryEvent>();
  for (const e of events) {
    const key = keyText(e.finding);
    if (e.state === 'open') {
      if (open.has(key)) continue;
      open.set(key, e);
      kept.push(e);
    } else {
      const opened = open.get(key);
      if (!opened) continue;
      open.delete(key);
      if (Date.parse(e.at) < cutoff) dropped.add(opened);
      else kept.push(e);
    }
  }
  return kept.filter((e) => !dropped.has(e));
}
