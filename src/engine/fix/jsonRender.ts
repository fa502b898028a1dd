// JSON for a live value, so the quick-fix can put it back into a JSON file: an ARM template or its
// parameters file, a `.tf.json` or a `.tfvars.json`. Each reads strings differently, so the caller
// names the dialect. Pure: no vscode, no file access.
import type { Value } from '../../model';
import { UnrenderableValueError } from './hclRender';

/**
 * How the file reads a JSON string back:
 * - `plain`: as written (`.tfvars.json`, a `.tf.json` variable default);
 * - `terraform-template`: as a Terraform template (`.tf.json` arguments), so `${` / `%{` are doubled;
 * - `arm`: as an ARM template string, where `[…]` is an expression, so a literal `[…]` starts with `[[`.
 */
export type JsonStringDialect = 'plain' | 'terraform-template' | 'arm';

export interface JsonRenderOptions {
  /** Indentation of the line the value starts on; nested lines are indented from it. */
  indent?: string;
  /** One level of indentation (the file's own: two spaces, four, a tab). */
  unit?: string;
  /** Keep an array/object on one line while it stays short (the literal it replaces was on one line). */
  inline?: boolean;
  strings?: JsonStringDialect;
}

/** An inline array/object stays on one line while the line stays this short. */
const MAX_INLINE = 100;

/** Renders `value` as JSON; multi-line values end at `indent`, never with a newline. */
export function renderJsonValue(value: Value, options: JsonRenderOptions = {}): string {
  const o = { indent: options.indent ?? '', unit: options.unit ?? '  ', strings: options.strings ?? 'plain' };
  if (options.inline && isComposite(value)) {
    const line = renderInline(value, o.strings);
    if (o.indent.length + line.length <= MAX_INLINE) return line;
  }
  return render(value, o.indent, o.unit, o.strings);
}

/** A JSON string literal that the dialect reads back as exactly `text`. */
export function quoteJsonString(text: string, dialect: JsonStringDialect = 'plain'): string {
  let s = text;
  if (dialect === 'terraform-template') s = s.replace(/([$%])\{/g, '$1$1{');
  else if (dialect === 'arm' && s.startsWith('[') && s.endsWith(']')) s = `[${s}`;
  return JSON.stringify(s);
}

function isComposite(v: Value): v is Value[] | { [key: string]: Value } {
  return v !== null && typeof v === 'object';
}

function scalar(value: null | boolean | number | string, strings: JsonStringDialect): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UnrenderableValueError(String(value));
    return JSON.stringify(value);
  }
  return quoteJsonString(value, strings);
}

function render(value: Value, indent: string, unit: string, strings: JsonStringDialect): string {
  if (!isComposite(value)) return scalar(value, strings);
  const inner = indent + unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + render(v, inner, unit, strings)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner, unit, strings)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** `["a", "b"]`, `{ "k": "v" }`: the one-line style of hand-written templates. */
function renderInline(value: Value, strings: JsonStringDialect): string {
  if (!isComposite(value)) return scalar(value, strings);
  if (Array.isArray(value)) return `[${value.map((v) => renderInline(v, strings)).join(', ')}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${renderInline(v, strings)}`).join(', ')} }`;
}
