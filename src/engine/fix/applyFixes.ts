// "Update code to live value" for many findings at once (`driftlens fix`): the very edit of the
// quick-fix (fixEdit.ts) for each chosen drift, gathered per file and applied back to front so
// earlier offsets stay valid. A literal shared by several instances (a variable default, count /
// for_each) is written once, and only when they all agree on the live value. Pure but for reading files.
import type { Drift, ResourceResult, ScanResult, Severity } from '../../model';
import { fixEditForDrift, whyNotFixable, type FixEdit } from './fixEdit';

export interface FixFilter {
  /** Instance addresses (`aws_instance.web`, `module.app.aws_instance.this[0]`); empty: all. A resource address also selects its instances. */
  only?: readonly string[];
  /** Only drifts of at least this severity. */
  minSeverity?: Severity;
}

export interface FixRef {
  address: string;
  attribute: string;
  /** Absolute file the literal is in, and its 0-based line. */
  file?: string;
  line?: number;
}

export interface SkippedFix extends FixRef {
  reason: string;
}

export interface FileFix {
  file: string;
  before: string;
  after: string;
  edits: FixEdit[];
}

export interface FixPlan {
  files: FileFix[];
  /** Drifts whose literal the plan rewrites. */
  fixed: FixRef[];
  /** Chosen drifts that get no edit, each with why (sensitive, not a literal, instances disagree, file changed). */
  skipped: SkippedFix[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether `address` is chosen by `--only` (the instance itself, or the resource its index belongs to). */
export function chosenBy(only: readonly string[] | undefined, address: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === address || (address.startsWith(o) && address[o.length] === '['));
}

/** The edits for every chosen drift of `result`; `readFile` gives a file's current text (undefined: unreadable). */
export async function planFixes(result: ScanResult, readFile: (file: string) => Promise<string | undefined>, filter: FixFilter = {}): Promise<FixPlan> {
  const texts = new Map<string, string | undefined>();
  const textOf = async (file: string) => {
    if (!texts.has(file)) texts.set(file, await readFile(file));
    return texts.get(file);
  };
  const skipped: SkippedFix[] = [];
  // One slot per literal (file + range): every drift that writes it, and the edit when they agree.
  const slots = new Map<string, { edit: FixEdit; refs: FixRef[]; conflict: boolean }>();
  for (const { r, d } of chosenDrifts(result, filter)) {
    const ref: FixRef = { address: r.address, attribute: d.attribute, file: d.origin?.file ?? d.location.file, line: (d.origin ?? d.location).range.start.line };
    const why = whyNotFixable(d);
    if (why) {
      skipped.push({ ...ref, reason: why });
      continue;
    }
    const text = await textOf(d.origin!.file);
    const edit = text === undefined ? undefined : fixEditForDrift(d, text);
    if (!edit) {
      skipped.push({ ...ref, reason: text === undefined ? 'the file cannot be read' : 'the file changed since the scan; scan again' });
      continue;
    }
    const key = `${edit.file}\0${edit.range.start.offset}\0${edit.range.end.offset}`;
    const slot = slots.get(key);
    if (!slot) slots.set(key, { edit, refs: [ref], conflict: false });
    else {
      slot.refs.push(ref);
      if (slot.edit.newText !== edit.newText) slot.conflict = true;
    }
  }
  const fixed: FixRef[] = [];
  const byFile = new Map<string, FixEdit[]>();
  for (const slot of slots.values()) {
    if (slot.conflict) {
      for (const ref of slot.refs) skipped.push({ ...ref, reason: 'instances sharing this literal have different live values' });
      continue;
    }
    const list = byFile.get(slot.edit.file) ?? [];
    list.push(slot.edit);
    byFile.set(slot.edit.file, list);
    fixed.push(...slot.refs);
  }
  const files: FileFix[] = [];
  for (const [file, edits] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const before = texts.get(file)!;
    const { after, overlapping } = applyEdits(before, edits);
    for (const e of overlapping) {
      const refs = fixed.filter((f) => f.file === file && f.line === e.range.start.line);
      for (const ref of refs) {
        fixed.splice(fixed.indexOf(ref), 1);
        skipped.push({ ...ref, reason: 'overlaps another fix in the same file' });
      }
    }
    files.push({ file, before, after, edits: edits.filter((e) => !overlapping.includes(e)) });
  }
  return { files: files.filter((f) => f.before !== f.after), fixed, skipped };
}

/** `text` with `edits` applied back to front; an edit overlapping one already applied is left out and returned. */
export function applyEdits(text: string, edits: readonly FixEdit[]): { after: string; overlapping: FixEdit[] } {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset || b.range.end.offset - a.range.end.offset);
  const overlapping: FixEdit[] = [];
  let out = text;
  let floor = Infinity;
  for (const e of sorted) {
    if (e.range.end.offset > floor) {
      overlapping.push(e);
      continue;
    }
    out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
    floor = e.range.start.offset;
  }
  return { after: out, overlapping };
}

function* chosenDrifts(result: ScanResult, filter: FixFilter): Generator<{ r: ResourceResult; d: Drift }> {
  const min = RANK[filter.minSeverity ?? 'info'];
  for (const r of result.resources) {
    if (r.status !== 'drifted' || !chosenBy(filter.only, r.address)) continue;
    for (const d of r.drifts) if (RANK[d.severity] >= min) yield { r, d };
  }
}
