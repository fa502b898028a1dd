// Seed metrics from the history (`driftlens history`): drift events per day, time to remediate (first seen →
// the first scan where it was gone), and the open findings with their age. Pure.
import { foldHistory, keyText, type FindingKey, type HistoryEvent } from './historyEvents';

export interface HistorySummary {
  /** Per UTC day with events: findings opened and resolved. */
  perDay: { day: string; opened: number; resolved: number }[];
  /** Every resolved episode, with how long it stayed open. */
  remediated: { finding: FindingKey; firstSeen: string; resolvedAt: string; hours: number }[];
  /** Median and mean hours to remediate; null without remediated findings. */
  timeToRemediate: { median: number; mean: number; count: number } | null;
  open: { finding: FindingKey; firstSeen: string; ageDays: number; severity?: string; kind?: string }[];
}

export function summarizeHistory(events: readonly HistoryEvent[], now: Date): HistorySummary {
  const days = new Map<string, { opened: number; resolved: number }>();
  const openSince = new Map<string, string>();
  const remediated: HistorySummary['remediated'] = [];
  for (const e of events) {
    const key = keyText(e.finding);
    // Only real changes count (foldHistory's rules): a repeated `open` or a stray `resolved` is no event.
    if (e.state === 'open' ? openSince.has(key) : !openSince.has(key)) continue;
    const day = e.at.slice(0, 10);
    const d = days.get(day) ?? days.set(day, { opened: 0, resolved: 0 }).get(day)!;
    if (e.state === 'open') {
      d.opened++;
      openSince.set(key, e.at);
    } else {
      d.resolved++;
      const firstSeen = openSince.get(key)!;
      openSince.delete(key);
      remediated.push({ finding: e.finding, firstSeen, resolvedAt: e.at, hours: round((Date.parse(e.at) - Date.parse(firstSeen)) / 3_600_000) });
    }
  }
  const hours = remediated.map((r) => r.hours).sort((a, b) => a - b);
  const median = hours.length === 0 ? 0 : hours.length % 2 ? hours[(hours.length - 1) / 2] : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2;
  const open = [...foldHistory(events).values()]
    .filter((s) => s.state === 'open')
    .map((s) => ({ finding: s.finding, firstSeen: s.firstSeen, ageDays: round((now.getTime() - Date.parse(s.firstSeen)) / 86_400_000), ...(s.severity ? { severity: s.severity } : {}), ...(s.kind ? { kind: s.kind } : {}) }))
    .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
  return {
    perDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, c]) => ({ day, ...c })),
    remediated,
    timeToRemediate: hours.length ? { median: round(median), mean: round(hours.reduce((a, b) => a + b, 0) / hours.length), count: hours.length } : null,
    open,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function formatHistoryText(s: HistorySummary): string {
  const name = (f: FindingKey) => `${f.root === '.' ? '' : `${f.root}: `}${f.address}${f.attribute ? `.${f.attribute}` : ' (missing)'}`;
  const out: string[] = ['DRIFT EVENTS PER DAY', ...(s.perDay.length ? s.perDay.map((d) => `  ${d.day}  ${d.opened} new, ${d.resolved} resolved`) : ['  (no events yet)']), ''];
  out.push(s.timeToRemediate ? `TIME TO REMEDIATE  median ${s.timeToRemediate.median} h, mean ${s.timeToRemediate.mean} h over ${s.timeToRemediate.count} finding${s.timeToRemediate.count === 1 ? '' : 's'}` : 'TIME TO REMEDIATE  (nothing remediated yet)', '');
  out.push(`OPEN FINDINGS  ${s.open.length}`, ...s.open.map((o) => `  ${name(o.finding)}  since ${o.firstSeen} (${o.ageDays} day${o.ageDays === 1 ? '' : 's'})`));
  return `${out.join('\n')}\n`;
}
