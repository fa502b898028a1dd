// Canonical HCL (as `terraform fmt` writes it) for a JSON-shaped value, so the quick-fix
// can put a live value back into the code. Pure: no vscode, no file access.
import type { Value } from '../../model';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Bare keys HCL would read as something other than a string. */
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);
/** A tuple of scalars stays on one line while it is this short. */
const MAX_INLINE = 80;

export interface RenderOptions {
  /** Indentation of the line the value starts on; nested lines are indented from it. */
  indent?: string;
  /** One level of indentation (terraform fmt: two spaces). */
  unit?: string;
}

export class UnrenderableValueError extends Error {
  constructor(what: string) {
    super(`cannot write ${what} as HCL`);
    this.name = 'UnrenderableValueError';
  }
}

/** Renders `value` as an HCL expression; multi-line values end at `indent`, never with a newline. */
export function renderHclValue(value: Value, options: RenderOptions = {}): string {
  return render(value, options.indent ?? '', options.unit ?? '  ');
}

/** A quoted HCL string: escapes per the HCL spec, and `${` / `%{` doubled so they stay literal. */
export function quoteHclString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if ((ch === '$' || ch === '%') && next === '{') out += ch + ch;
    else if (ch < ' ' || ch === '\u007f') out += '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** An object key: bare when HCL reads it back as the same string, quoted otherwise. */
export function renderHclKey(key: string): string {
  return IDENTIFIER.test(key) && !KEYWORDS.has(key) ? key : quoteHclString(key);
}

function render(value: Value, indent: string, unit: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UnrenderableValueError(String(value));
    return String(value);
  }
  if (typeof value === 'string') return quoteHclString(value);
  if (Array.isArray(value)) return renderTuple(value, indent, unit);
  return renderObject(value, indent, unit);
}

function isScalar(value: Value): boolean {
  return value === null || typeof value !== 'object';
}

function renderTuple(items: Value[], indent: string, unit: string): string {
  if (items.length === 0) return '[]';
  if (items.every(isScalar)) {
    const inline = `[${items.map((v) => render(v, indent, unit)).join(', ')}]`;
    if (indent.length + inline.length <= MAX_INLINE) return inline;
  }
  const inner = indent + unit;
  const lines = items.map((v) => `${inner}${render(v, inner, unit)},`);
  return `[\n${lines.join('\n')}\n${indent}]`;
}

function renderObject(obj: { [key: string]: Value }, indent: string, unit: string): string {
  const entries = Object.entries(obj);
  if (entries.length === 0) return '{}';
  const inner = indent + unit;
  const rendered = entries.map(([k, v]) => ({ key: renderHclKey(k), value: render(v, inner, unit) }));
  // terraform fmt aligns `=` across consecutive one-line entries; a multi-line value ends the run.
  const widths: number[] = new Array(rendered.length).fill(0);
  let runStart = 0;
  for (let i = 0; i <= rendered.length; i++) {
    const breaksRun = i === rendered.length || rendered[i].value.includes('\n');
    if (breaksRun) {
      const run = rendered.slice(runStart, i);
      const width = Math.max(0, ...run.map((e) => e.key.length));
      for (let j = runStart; j < i; j++) widths[j] = width;
      if (i < rendered.length) widths[i] = rendered[i].key.length;
      runStart = i + 1;
    }
  }
  const lines = rendered.map((e, i) => `${inner}${e.key.padEnd(widths[i])} = ${e.value}`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}
