// `--format text`: first what could not be verified and why (counted per reason) and the scan's
// errors, then an aligned table, one row per resource instance and one indented line per drift, then
// live resources no code declares, then a summary line. No colours: it goes to CI logs as often as to terminals.
import type { ResourceResult, ScanError, ScanResult, UnmanagedResource } from '../../model';
import { relativeFile } from './paths';
import { formatCounts, reasonLabel, unverifiedSummary } from './unverifiedReasons';

const STATUS: Record<ResourceResult['status'], string> = { 'in-sync': 'in sync', drifted: 'DRIFTED', missing: 'MISSING', unverified: 'unverified' };

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function formatText(result: ScanResult): string {
  const rows = result.resources.map((r) => ({
    r,
    cells: [STATUS[r.status], r.address, r.liveId ?? '-', `${relativeFile(result.root, r.resource.file)}:${r.resource.range.start.line + 1}`],
  }));
  const headers = ['STATUS', 'RESOURCE', 'LIVE ID', 'LOCATION'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row.cells[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd();
  const out: string[] = leadLines(result);
  if (out.length && rows.length) out.push('');
  if (rows.length) out.push(line(headers));
  for (const { r, cells } of rows) {
    out.push(line(cells));
    const indent = ' '.repeat(widths[0] + 2);
    for (const d of r.drifts) {
      // When the value is written elsewhere (a variable default, a tfvars line), say where a fix goes.
      const origin = d.origin && (d.origin.file !== d.location.file || d.origin.range.start.line !== d.location.range.start.line)
        ? `; written at ${relativeFile(result.root, d.origin.file)}:${d.origin.range.start.line + 1}`
        : '';
      out.push(`${indent}${pad(d.severity, 7)} ${d.message}  (line ${d.location.range.start.line + 1}${origin})${age(d)}`);
    }
    if (r.reason && r.status !== 'in-sync') out.push(`${indent}${shortReason(r.reason, result.errors)}${r.status === 'missing' ? age(r) : ''}`);
    if (r.changedBy) out.push(`${indent}changed by ${r.changedBy.principal} via ${r.changedBy.via} at ${r.changedBy.at}${r.changedBy.action ? ` (${r.changedBy.action})` : ''}`);
    else if (r.attributionNote) out.push(`${indent}changed by: ${r.attributionNote}`);
    for (const u of r.unverifiedAttributes) out.push(`${indent}not verified: ${u.attribute} (${u.reason})`);
  }
  if (result.unmanaged.length) out.push('', ...unmanagedSection(result.unmanaged), '');
  const s = result.summary;
  out.push(
    `${s.resources} resource${s.resources === 1 ? '' : 's'}, ${s.verified} verified: ${s.inSync} in sync, ${s.drifted} drifted, ${s.missing} missing, ${s.unverified} unverified` +
      (s.unmanaged ? `, ${s.unmanaged} unmanaged` : ''),
  );
  return `${out.join('\n')}\n`;
}

/** With a scan history: `[new]` for a finding not open at the previous scan, else since when it is open. */
function age(f: { firstSeen?: string; isNew?: boolean }): string {
  if (f.isNew) return '  [new]';
  return f.firstSeen ? `  [since ${f.firstSeen.slice(0, 10)}]` : '';
}

/** What a reader must know before trusting the table: what was not verified and why, and the scan's errors. */
function leadLines(result: ScanResult): string[] {
  const out: string[] = [];
  const { resources, attributes } = unverifiedSummary(result);
  const s = result.summary;
  if (resources.length) out.push(`not verified: ${s.unverified} of ${s.resources} resource${s.resources === 1 ? '' : 's'} — ${formatCounts(resources)}`);
  const n = attributes.reduce((sum, c) => sum + c.count, 0);
  if (n) out.push(`not verified: ${n} attribute${n === 1 ? '' : 's'} of verified resources — ${formatCounts(attributes)}`);
  for (const e of result.errors) out.push(errorLine(result.root, e));
  return out;
}

/** A reason an error above already spells out (a broken state file, no credentials) is named, not repeated on every row. */
function shortReason(reason: string, errors: readonly ScanError[]): string {
  return errors.some((e) => e.message.includes(reason) || (e.message.length > 20 && reason.includes(e.message))) ? `${reasonLabel(reason)} (see above)` : reason;
}

function errorLine(root: string, e: ScanError): string {
  const where = e.file ? `${relativeFile(root, e.file)}${e.range ? `:${e.range.start.line + 1}:${e.range.start.character + 1}` : ''}: ` : '';
  return `${e.severity}: ${where}${e.message}`;
}

/** Live resources no code declares, in their own table: there is no code location to point at. */
function unmanagedSection(list: UnmanagedResource[]): string[] {
  const own = list.filter((u) => !u.managedBy);
  // Listed only with --include-service-managed: grouped by the owner and the proof it is theirs.
  const owned = list.filter((u) => u.managedBy).sort((a, b) => a.managedBy!.localeCompare(b.managedBy!) || a.liveId.localeCompare(b.liveId));
  return [
    ...(own.length ? table(['UNMANAGED', 'LIVE ID', 'REGION', 'NAME'], own.map((u) => [u.type, u.liveId, u.region ?? '-', u.name ?? '-'])) : []),
    ...(own.length && owned.length ? [''] : []),
    ...(owned.length ? table(['SERVICE-MANAGED', 'LIVE ID', 'REGION', 'NAME', 'OWNED BY'], owned.map((u) => [u.type, u.liveId, u.region ?? '-', u.name ?? '-', u.managedBy!])) : []),
  ];
}

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)];
}
