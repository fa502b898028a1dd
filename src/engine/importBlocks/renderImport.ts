// The text `driftlens import` writes for one resource: a Terraform 1.5+ `import` block and a `resource`
// block with the live arguments, laid out as `terraform fmt` lays them out (two-space indent, `=` aligned
// across consecutive one-line arguments; a multi-line value or a nested block ends the run). Pure.
import type { Value } from '../../model';
import { quoteHclString, renderHclKey, renderHclValue } from '../fix/hclRender';

export interface ImportBlockInput {
  type: string;
  name: string;
  importId: string;
  arguments: Record<string, Value>;
  /** Arguments written as nested blocks, one per list element. */
  blocks?: readonly string[];
  /** Argument → (ID → the expression to write instead: `aws_vpc.main.id`). */
  referenceFor?: (argument: string, id: string) => string | undefined;
}

const UNIT = '  ';
const MAX_INLINE = 80;

export function renderImport(input: ImportBlockInput): string {
  const address = `${input.type}.${input.name}`;
  const head = [`import {`, `${UNIT}to = ${address}`, `${UNIT}id = ${quoteHclString(input.importId)}`, `}`, ''];
  const attrs: [string, string][] = [];
  const blocks: string[] = [];
  for (const [k, v] of Object.entries(input.arguments)) {
    if (input.blocks?.includes(k) && Array.isArray(v)) {
      for (const element of v) blocks.push(renderBlock(k, element, UNIT));
    } else attrs.push([renderHclKey(k), renderArgument(k, v, UNIT, input.referenceFor)]);
  }
  const body = [...alignedLines(attrs, UNIT), ...(attrs.length && blocks.length ? [''] : []), ...blocks.flatMap((b, i) => (i > 0 ? ['', b] : [b]))];
  return [...head, `resource ${quoteHclString(input.type)} ${quoteHclString(input.name)} {`, ...body, '}', ''].join('\n');
}

/** A value, or a reference expression where the argument holds another resource's ID the code declares. */
function renderArgument(key: string, value: Value, indent: string, referenceFor: ImportBlockInput['referenceFor']): string {
  const ref = (v: Value) => (typeof v === 'string' ? referenceFor?.(key, v) : undefined);
  if (typeof value === 'string') return ref(value) ?? quoteHclString(value);
  if (Array.isArray(value) && value.some((v) => ref(v) !== undefined)) {
    const items = value.map((v) => ref(v) ?? renderHclValue(v, { indent: indent + UNIT, unit: UNIT }));
    const inline = `[${items.join(', ')}]`;
    if (indent.length + key.length + 3 + inline.length <= MAX_INLINE) return inline;
    return `[\n${items.map((i) => `${indent}${UNIT}${i},`).join('\n')}\n${indent}]`;
  }
  return renderHclValue(value, { indent, unit: UNIT });
}

function renderBlock(name: string, element: Value, indent: string): string {
  const inner = indent + UNIT;
  const entries = element !== null && typeof element === 'object' && !Array.isArray(element) ? Object.entries(element) : [];
  const lines = alignedLines(entries.map(([k, v]) => [renderHclKey(k), renderHclValue(v, { indent: inner, unit: UNIT })]), inner);
  return [`${indent}${renderHclKey(name)} {`, ...lines, `${indent}}`].join('\n');
}

/** `key = value` lines; `=` aligned within each run of one-line values, as terraform fmt does. */
function alignedLines(entries: [string, string][], indent: string): string[] {
  const out: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([k]) => k.length));
    for (const [k, v] of run) out.push(`${indent}${k.padEnd(width)} = ${v}`);
    run = [];
  };
  for (const [k, v] of entries) {
    if (v.includes('\n')) {
      flush();
      out.push(`${indent}${k} = ${v}`);
    } else run.push([k, v]);
  }
  flush();
  return out;
}
