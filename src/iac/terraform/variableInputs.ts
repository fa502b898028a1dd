// Root-module variable values from everywhere Terraform takes them, in its precedence order
// (a later source wins): `TF_VAR_<name>` environment variables < terraform.tfvars <
// terraform.tfvars.json < *.auto.tfvars(.json) in lexical order < `-var-file` / `-var` in the order
// given. Variable defaults sit below all of these (evalScope). A value from a file keeps the range
// of its literal (the quick-fix edits that line); one from the environment or `-var` has no file.
import { basename } from 'node:path';
import type { DeclaredVariable } from '../../model';
import type { EvalValue } from './evalValue';
import { failure, withoutOrigin } from './evalValue';
import { evaluateExpr } from './evaluate';
import { constantScope, loadTfvars, readTfvarsText, type Parse, type Tfvars } from './tfvars';
import { parsingMode } from './variableType';

/** One `-var-file FILE` (absolute path) or `-var name=value`, as given on the command line. */
export type VariableArg = { kind: 'file'; path: string } | { kind: 'var'; name: string; value: string };

/** What a front-end passes for variables: the environment (for `TF_VAR_*`) and the command-line arguments, in order. */
export interface VariableInputs {
  /** Where `TF_VAR_<name>` values are read; the scan's process environment when absent. */
  env?: Record<string, string | undefined>;
  /** `-var-file` and `-var` in command-line order (the editor's `driftlens.terraform.varFiles` are files here). */
  args?: readonly VariableArg[];
}

/** Splits `name=value` at the first `=` as Terraform does; a message when there is no name. */
export function parseVarArg(text: string): { name: string; value: string } | { error: string } {
  const eq = text.indexOf('=');
  const name = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || !name) return { error: `the --var option requires name=value, got ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}` };
  return { name, value: text.slice(eq + 1) };
}

/**
 * One raw `-var` / `TF_VAR_` string as Terraform takes it for the variable `decl`: the raw string for
 * an untyped or primitive-typed variable, else parsed as an HCL expression of constants only.
 * `input` names the source for messages and for why a drift from it cannot be fixed in a file.
 */
export function rawVariableValue(raw: string, decl: DeclaredVariable | undefined, input: string, parse: Parse): EvalValue {
  if (parsingMode(decl?.type?.expr) === 'literal') return { kind: 'scalar', value: raw, input };
  // Parsed as the value of one attribute: the same constant rules as a tfvars file.
  const { body, diagnostics } = parse(`v = ${raw}\n`);
  const item = body.items.length === 1 ? body.items[0] : undefined;
  if (diagnostics.some((d) => d.severity === 'error') || item?.kind !== 'Attribute') return failure(`${input} is not a valid HCL value`);
  return withInput(withoutOrigin(evaluateExpr(item.expr, { scope: constantScope, file: input })), input);
}

/** A value Terraform would refuse stops its run: reported once, as Terraform reports it (never quoting the value). */
function checked(v: EvalValue, out: Tfvars): EvalValue {
  if (v.kind === 'unknown' && v.error) out.diagnostics.push({ range: noRange, message: v.reason, severity: 'error', kind: 'config' });
  return v;
}

const zero = { line: 0, character: 0, offset: 0 };
const noRange = { start: zero, end: zero };

function withInput(v: EvalValue, input: string): EvalValue {
  switch (v.kind) {
    case 'unknown':
      return v;
    case 'scalar':
      return { ...v, input };
    case 'list':
      return { ...v, input, items: v.items.map((x) => withInput(x, input)) };
    case 'map':
      return { ...v, input, entries: new Map([...v.entries].map(([k, x]) => [k, withInput(x, input)])) };
  }
}

/**
 * Every input value of one root module (`names`: the files of its folder), layered in Terraform's
 * order. `TF_VAR_` values for undeclared variables are ignored, as Terraform does.
 */
export async function loadVariableInputs(
  dir: string,
  names: readonly string[],
  variables: Readonly<Record<string, DeclaredVariable>>,
  read: (path: string) => Promise<string | undefined>,
  parse: Parse,
  inputs: VariableInputs = {},
): Promise<Tfvars> {
  const out: Tfvars = { values: new Map(), files: [], diagnostics: [] };
  const env = inputs.env ?? {};
  for (const key of Object.keys(env).sort()) {
    const name = key.startsWith('TF_VAR_') ? key.slice('TF_VAR_'.length) : undefined;
    const raw = env[key];
    if (!name || raw === undefined || !Object.hasOwn(variables, name)) continue;
    out.values.set(name, checked(rawVariableValue(raw, variables[name], `TF_VAR_${name}`, parse), out));
  }
  const auto = await loadTfvars(dir, names, read, parse);
  for (const [name, v] of auto.values) out.values.set(name, v);
  out.files.push(...auto.files);
  out.diagnostics.push(...auto.diagnostics);
  for (const arg of inputs.args ?? []) {
    if (arg.kind === 'var') {
      out.values.set(arg.name, checked(rawVariableValue(arg.value, variables[arg.name], `--var ${arg.name}`, parse), out));
      continue;
    }
    const text = await read(arg.path);
    if (text === undefined) {
      out.diagnostics.push({ file: arg.path, range: noRange, message: `cannot read the variables file ${basename(arg.path)} given with --var-file`, severity: 'error', kind: 'config' });
      continue;
    }
    readTfvarsText(arg.path, text, parse, out);
  }
  return out;
}
