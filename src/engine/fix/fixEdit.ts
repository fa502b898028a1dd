// The one text edit behind "Update code to live value": replace only the literal at the drift's
// origin with the live value in that file's syntax (HCL, or JSON for templates, parameters files,
// .tf.json and .tfvars.json), indented like the line it sits on. Pure.
import type { Drift, Range, SourceLocation, Value } from '../../model';
import { fixSyntaxFor, renderFixValue } from './fixRenderer';

export interface FixEdit {
  /** Absolute file to edit (the attribute's file, or the variable default / tfvars file). */
  file: string;
  range: Range;
  newText: string;
}

/** Why a drift gets no quick-fix; undefined when it gets one. */
export function whyNotFixable(drift: Drift): string | undefined {
  if (drift.sensitive) return 'the value is sensitive';
  if (!drift.fixable && drift.givenBy) return `the value is given by ${drift.givenBy}, not written in a file`;
  if (!drift.fixable) return 'the value is not a literal in the code';
  if (!drift.origin) return 'no literal to edit';
  if (drift.actual === '(sensitive)') return 'the live value is masked';
  return undefined;
}

/** Leading whitespace of the line holding `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return match ? match[0] : '';
}

/**
 * The edit that writes `value` at `origin` in `text` (the file's current content).
 * Returns undefined when the origin no longer fits the text (the file changed since the comparison).
 */
export function buildFixEdit(text: string, origin: SourceLocation, value: Value): FixEdit | undefined {
  const { start, end } = origin.range;
  if (start.offset < 0 || end.offset > text.length || start.offset > end.offset) return undefined;
  if (offsetOf(text, start.line, start.character) !== start.offset) return undefined;
  const syntax = fixSyntaxFor(origin.file, text, start.offset);
  const rendered = renderFixValue(syntax, value, { indent: lineIndentAt(text, start.offset), unit: indentUnitOf(text), replaced: text.slice(start.offset, end.offset) });
  // Renderers escape line breaks inside strings, so every '\n' left is a line break of the layout.
  const newText = text.includes('\r\n') ? rendered.replace(/\n/g, '\r\n') : rendered;
  return { file: origin.file, range: origin.range, newText };
}

/** The fix for a drift, or undefined when it has none. */
export function fixEditForDrift(drift: Drift, originText: string): FixEdit | undefined {
  if (whyNotFixable(drift) !== undefined || !drift.origin) return undefined;
  return buildFixEdit(originText, drift.origin, drift.actual);
}

/** The file's indentation step: a tab when it clearly indents with tabs, else the most common step between lines (two spaces by default). */
export function indentUnitOf(text: string): string {
  const tabs = (text.match(/^\t/gm) ?? []).length;
  const spaces = (text.match(/^ {2}/gm) ?? []).length;
  if (tabs > spaces) return '\t';
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const width = /^ */.exec(line)![0].length;
    if (width > previous) steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
    previous = width;
  }
  let best = 2;
  let count = 0;
  for (const [step, n] of steps) if (n > count || (n === count && step < best)) [best, count] = [step, n];
  return ' '.repeat(Math.min(best, 8));
}

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return -1;
    offset = nl + 1;
  }
  return offset + character;
}
