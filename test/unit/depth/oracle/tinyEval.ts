// A deliberately tiny evaluator for the differential test: literals, strings with
// interpolation, tuples, objects, unary minus, parentheses and (nested) function calls —
// enough to feed `callFunction` the arguments a table of expressions spells out.
import type { Expression, TemplatePart } from '../../../../src/model/ast';
import { parseExpression, parseTemplateString } from '../../../../src/iac/terraform/parser';
import { evaluateFunction, canValue, FunctionArgError, tryValues, type FunctionContext, type TryOutcome } from '../../../../src/iac/terraform/functions';
import type { Value } from '../../../../src/model';
import { numberToString } from '../../../../src/iac/terraform/functions/values';

type Scope = Record<string, Value>;

/** A scope key no identifier can spell: marks the scope of a template file. */
const templateMarker = '$template';

function isUnknown(v: unknown): v is { $unknown: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $unknown?: unknown }).$unknown === 'string';
}

function known(o: TryOutcome): Value | undefined {
  return 'value' in o && !isUnknown(o.value) ? (o.value as Value) : undefined;
}

function primitiveText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

export function evalExpr(expr: Expression, ctx: FunctionContext, scope: Scope = {}): TryOutcome {
  switch (expr.kind) {
    case 'Literal':
      return { value: expr.value };
    case 'Parens':
      return evalExpr(expr.expr, ctx, scope);
    case 'Unary': {
      const o = evalExpr(expr.operand, ctx, scope);
      const v = known(o);
      if (v === undefined) return o;
      if (expr.op === '-' && typeof v === 'number') return { value: -v };
      if (expr.op === '!' && typeof v === 'boolean') return { value: !v };
      return { error: `bad operand for ${expr.op}` };
    }
    case 'Template':
      return evalParts(expr.parts, ctx, scope);
    case 'Tuple': {
      const out: Value[] = [];
      for (const item of expr.items) {
        const o = evalExpr(item, ctx, scope);
        const v = known(o);
        if (v === undefined) return o;
        out.push(v);
      }
      return { value: out };
    }
    case 'Object': {
      const out: { [k: string]: Value } = {};
      for (const item of expr.items) {
        let key: string | undefined;
        if (item.keyIsIdentifier && item.key.kind === 'ScopeTraversal') key = item.key.root;
        else {
          const k = known(evalExpr(item.key, ctx, scope));
          key = k === undefined ? undefined : primitiveText(k);
        }
        if (key === undefined) return { error: 'bad object key' };
        const o = evalExpr(item.value, ctx, scope);
        const v = known(o);
        if (v === undefined) return o;
        out[key] = v;
      }
      return { value: out };
    }
    case 'ScopeTraversal': {
      if (expr.steps.length === 0 && Object.hasOwn(scope, expr.root)) return { value: scope[expr.root] };
      // Inside a template file only its vars exist: anything else is an error, as in Terraform.
      if (Object.hasOwn(scope, templateMarker)) return { error: `vars map does not contain key "${expr.root}"` };
      return { unknown: `reference ${expr.root}` };
    }
    case 'Binary': {
      const l = known(evalExpr(expr.left, ctx, scope));
      const r = known(evalExpr(expr.right, ctx, scope));
      if (typeof l !== 'number' || typeof r !== 'number') return { unknown: `operator ${expr.op} on non-numbers` };
      const ops: Partial<Record<string, (a: number, b: number) => Value>> = { '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b };
      const f = ops[expr.op];
      return f ? { value: f(l, r) } : { unknown: `operator ${expr.op}` };
    }
    case 'FunctionCall': {
      if (expr.name === 'try') return asOutcome(tryValues(expr.args.map((a) => () => evalExpr(a, ctx, scope))));
      if (expr.name === 'can' && expr.args.length === 1) return asOutcome(canValue(() => evalExpr(expr.args[0], ctx, scope)));
      const args: Value[] = [];
      for (const a of expr.args) {
        const o = evalExpr(a, ctx, scope);
        const v = known(o);
        if (v === undefined) return o;
        args.push(v);
      }
      if (expr.expandFinal) {
        const last = args.pop();
        if (!Array.isArray(last)) return { error: 'expansion of a non-list' };
        args.push(...last);
      }
      const out = evaluateFunction(expr.name, args, { ...ctx, renderTemplate: (text, vars) => render(text, ctx, vars) });
      if (!out.ok) return { error: out.reason };
      return isUnknown(out.value) ? { unknown: out.value.$unknown } : { value: out.value };
    }
    default:
      return { unknown: `${expr.kind} is beyond the tiny evaluator` };
  }
}

function asOutcome(v: Value | { $unknown: string }): TryOutcome {
  if (isUnknown(v)) return v.$unknown.startsWith('try: no expression succeeded') ? { error: v.$unknown } : { unknown: v.$unknown };
  return { value: v };
}

function evalParts(parts: TemplatePart[], ctx: FunctionContext, scope: Scope): TryOutcome {
  if (parts.length === 1 && parts[0].kind === 'TemplateInterpolation') return evalExpr(parts[0].expr, ctx, scope);
  let text = '';
  for (const part of parts) {
    if (part.kind === 'TemplateLiteral') text += part.value;
    else if (part.kind === 'TemplateInterpolation') {
      const o = evalExpr(part.expr, ctx, scope);
      const v = known(o);
      if (v === undefined) return o;
      const s = primitiveText(v);
      if (s === undefined) return { error: 'cannot include a non-primitive in a template' };
      text += s;
    } else if (part.kind === 'TemplateIf') {
      const c = known(evalExpr(part.condition, ctx, scope));
      if (typeof c !== 'boolean') return { error: 'template if needs a bool' };
      const o = evalParts((c ? part.then : part.else) ?? [], ctx, scope);
      const v = known(o);
      if (v === undefined) return o;
      text += primitiveText(v) ?? '';
    } else {
      const coll = known(evalExpr(part.collection, ctx, scope));
      if (!Array.isArray(coll)) return { error: 'template for needs a list' };
      for (let i = 0; i < coll.length; i++) {
        const inner: Scope = { ...scope, [part.valueVar]: coll[i] };
        if (part.keyVar) inner[part.keyVar] = i;
        const v = known(evalParts(part.body, ctx, inner));
        if (v === undefined) return { error: 'template for body failed' };
        text += primitiveText(v) ?? '';
      }
    }
  }
  return { value: text };
}

function render(text: string, ctx: FunctionContext, vars: Scope): Value | { $unknown: string } {
  const { template, diagnostics } = parseTemplateString(text);
  if (diagnostics.some((d) => d.severity === 'error')) throw new FunctionArgError('template syntax error');
  const o = evalParts(template.parts, ctx, { ...vars, [templateMarker]: true });
  if ('error' in o) throw new FunctionArgError(o.error);
  return 'value' in o ? o.value : { $unknown: o.unknown };
}

/** Parses and evaluates one expression; `{ error }` when Terraform would fail too. */
export function evaluateText(text: string, ctx: FunctionContext): TryOutcome {
  const { expr, diagnostics } = parseExpression(text);
  if (diagnostics.some((d) => d.severity === 'error')) return { error: `syntax: ${diagnostics[0].message}` };
  return evalExpr(expr, ctx);
}
