// Variable values from `terraform.tfvars`, `terraform.tfvars.json` and `*.auto.tfvars(.json)`,
// in Terraform's precedence order (later files win). Each value keeps the range of its literal
// so a quick-fix can edit the tfvars line instead of the variable default.
import { parseTree, printParseErrorCode, type Node } from 'jsonc-parser';
import { join } from 'node:path';
import type { SourceLocation, Range } from '../../model';
import type { EvalValue } from './evalValue';
import { unknown } from './evalValue';
import { evaluateExpr, type EvalScope } from './evaluate';
import type { ParseResult } from '../../model/ast';
import { positionsOf, rangeOf } from '../textPositions';

/** The HCL parser, passed in so this module does not pick one. */
export type Parse = (text: string) => ParseResult;

export interface TfvarsDiagnostic {
  /** Absent for a value given outside any file (`TF_VAR_x`, `--var x=…`). */
  file?: string;
  range: Range;
  message: string;
  severity: 'error' | 'warning';
  /** `config`: a file the scan was told to read (--var-file) cannot be read; Terraform stops there. */
  kind?: 'config';
}

export interface Tfvars {
  /** Final value per variable name (the highest-precedence file that sets it). */
  values: Map<string, EvalValue>;
  /** Files read, in precedence order. */
  files: string[];
  diagnostics: TfvarsDiagnostic[];
}

/**
 * Terraform loads `terraform.tfvars`, then `terraform.tfvars.json`, then every `*.auto.tfvars` and
 * `*.auto.tfvars.json` in lexical order of file name; a later file overrides an earlier one.
 */
export function tfvarsFileOrder(names: readonly string[]): string[] {
  const fixed = ['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n));
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  return [...fixed, ...auto];
}

/** tfvars may hold only constant values: no variables, resources or functions. */
export const constantScope: EvalScope = {
  variable: (name) => unknown(`var.${name} is not allowed in a tfvars file`),
  local: (name) => unknown(`local.${name} is not allowed in a tfvars file`),
  resource: () => undefined,
  special: (root) => unknown(`${root} is not allowed in a tfvars file`),
  callFunction: (name) => ({ error: `function ${name}() is not allowed in a tfvars file` }),
};

export function readTfvarsText(file: string, text: string, parse: Parse, into: Tfvars): void {
  into.files.push(file);
  if (file.endsWith('.json')) {
    readJsonTfvars(file, text, into);
    return;
  }
  const { body, diagnostics } = parse(text);
  for (const d of diagnostics) into.diagnostics.push({ file, ...d });
  for (const item of body.items) {
    if (item.kind === 'Attribute') into.values.set(item.name, evaluateExpr(item.expr, { scope: constantScope, file }));
    else into.diagnostics.push({ file, range: item.range, message: `Blocks are not allowed in a variable definitions file ("${item.type}")`, severity: 'error' });
  }
}

export async function loadTfvars(dir: string, names: readonly string[], read: (path: string) => Promise<string | undefined>, parse: Parse): Promise<Tfvars> {
  const out: Tfvars = { values: new Map(), files: [], diagnostics: [] };
  for (const name of tfvarsFileOrder(names)) {
    const file = join(dir, name);
    const text = await read(file);
    if (text !== undefined) readTfvarsText(file, text, parse, out);
  }
  return out;
}

function readJsonTfvars(file: string, text: string, into: Tfvars): void {
  const pos = positionsOf(text);
  const range = (offset: number, length: number): Range => rangeOf(pos, offset, length);
  const errors: { error: number; offset: number; length: number }[] = [];
  const root = parseTree(text, errors, { disallowComments: true });
  for (const e of errors) into.diagnostics.push({ file, range: range(e.offset, e.length), message: `Invalid JSON: ${printParseErrorCode(e.error)}`, severity: 'error' });
  if (!root) return;
  if (root.type !== 'object') {
    into.diagnostics.push({ file, range: range(root.offset, root.length), message: 'A .tfvars.json file must hold a JSON object', severity: 'error' });
    return;
  }
  for (const prop of root.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (key && value && typeof key.value === 'string') into.values.set(key.value, jsonValue(value, file, range));
  }
}

/** JSON values are literal here (no templates): each node keeps its own range. */
function jsonValue(node: Node, file: string, range: (o: number, l: number) => Range): EvalValue {
  const origin: SourceLocation = { file, range: range(node.offset, node.length) };
  switch (node.type) {
    case 'array':
      return { kind: 'list', items: (node.children ?? []).map((c) => jsonValue(c, file, range)), origin };
    case 'object': {
      const entries = new Map<string, EvalValue>();
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) entries.set(String(k.value), jsonValue(v, file, range));
      }
      return { kind: 'map', entries, origin };
    }
    default:
      return { kind: 'scalar', value: node.value ?? null, origin };
  }
}
