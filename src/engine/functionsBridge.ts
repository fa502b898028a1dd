// Terraform's built-in functions (src/iac/terraform/functions.ts) wired into the evaluator, with
// `templatefile` rendered by our own template evaluator. Unknown and failing calls stay unknown.
import type { CallFunction } from '../iac/terraform/evalScope';
import { evaluateFunction, type FunctionContext } from '../iac/terraform/functions';
import { evaluateExpr, type EvalScope } from '../iac/terraform/evaluate';
import { fromValue, toFunctionValue, firstUnknown } from '../iac/terraform/evalValue';
import type { EvalValue } from '../iac/terraform/evalValue';
import { parseTemplateString } from '../iac/terraform/parser';
import type { Value } from '../model';

export function engineCallFunction(baseDir: string): CallFunction {
  const ctx: FunctionContext = { baseDir, renderTemplate: (text, vars, file) => renderTemplate(text, vars, file, call) };
  const call: CallFunction = (name, args) => {
    const out = evaluateFunction(name, args, ctx);
    if (!out.ok) return out.kind === 'unsupported' ? { unknown: out.reason } : { error: out.reason };
    return { value: out.value as Value };
  };
  return call;
}

/** A template file sees only the variables passed to templatefile, plus the functions. */
function renderTemplate(text: string, vars: { [name: string]: Value }, file: string, call: CallFunction): Value {
  const { template, diagnostics } = parseTemplateString(text);
  if (diagnostics.some((d) => d.severity === 'error')) return { $unknown: `templatefile: ${file} has syntax errors` };
  const scope: EvalScope = {
    variable: (n) => ({ kind: 'unknown', reason: `templatefile: var.${n} is not available in a template`, error: true }),
    local: (n) => ({ kind: 'unknown', reason: `templatefile: local.${n} is not available in a template`, error: true }),
    resource: () => undefined,
    special: (root) => ({ kind: 'unknown', reason: `templatefile: ${root} is not available in a template`, error: true }),
    callFunction: call,
  };
  const bindings = new Map<string, EvalValue>(Object.entries(vars).map(([k, v]) => [k, fromValue(v)]));
  const v = evaluateExpr(template, { scope, file, bindings });
  const u = firstUnknown(v);
  return u ? { $unknown: u.reason } : toFunctionValue(v);
}
