// Static evaluation of HCL expressions: what Terraform would compute before talking to any cloud,
// as far as it can be known from the code, tfvars and state. Anything else is unknown with a reason,
// never guessed. Literals keep their origin (file + range) so a quick-fix can rewrite them.
import type { Expression, TemplateExpr, TemplatePart, TraverseStep } from '../../model/ast';
import type { EvalValue, ScalarEval } from './evalValue';
import { asString, failure, firstUnknown, fromFunctionValue, isSensitive, markSensitive, scalar, toFunctionValue, unknown, unmarkSensitive } from './evalValue';
import { evaluateBinary, evaluateUnary, truthy } from './evalOperators';
import { traversalText } from './literal';
import type { Value } from '../../model';

/** What an expression may refer to. Implemented per module by `createModuleScope`. */
export interface EvalScope {
  variable(name: string): EvalValue;
  local(name: string): EvalValue;
  /** `<type>.<name>` followed by `steps` (`["a"].name`); undefined when the module declares no such managed resource. */
  resource(type: string, name: string, steps: TraverseStep[]): EvalValue | undefined;
  /** `path.module`, `terraform.workspace`, `data.*`, `module.*`: other root names. */
  special(root: string, steps: TraverseStep[]): EvalValue | undefined;
  callFunction(name: string, args: Value[]): FunctionResult;
}

/** A built-in function's answer: a value (may hold `{ $unknown }` parts), an unknown, or an error Terraform would report. */
export type FunctionResult = { value: Value } | { unknown: string } | { error: string };

export interface EvalContext {
  scope: EvalScope;
  /** Absolute path of the file the expression is written in (for origins). */
  file: string;
  /** `count`, `each`, `for` variables and other names bound around the expression. */
  bindings?: ReadonlyMap<string, EvalValue>;
}

export function evaluateExpr(expr: Expression, ctx: EvalContext): EvalValue {
  // The origin object only where a value keeps it: most expressions are references and calls.
  switch (expr.kind) {
    case 'Literal':
      return scalar(expr.value, { file: ctx.file, range: expr.range });
    case 'Template':
      return evaluateTemplate(expr, ctx);
    case 'Parens':
      return evaluateExpr(expr.expr, ctx);
    case 'Tuple': {
      const items = expr.items.map((e) => evaluateExpr(e, ctx));
      return { kind: 'list', items, origin: { file: ctx.file, range: expr.range } };
    }
    case 'Object': {
      const entries = new Map<string, EvalValue>();
      for (const item of expr.items) {
        let key: string | undefined;
        if (item.keyIsIdentifier && item.key.kind === 'ScopeTraversal' && item.key.steps.length === 0) key = item.key.root;
        else {
          const k = evaluateExpr(item.key, ctx);
          if (k.kind !== 'scalar') return unknown(k.kind === 'unknown' ? `object key: ${k.reason}` : 'object key is not a string');
          key = asString(k);
          if (key === undefined) return unknown('object key is null');
        }
        entries.set(key, evaluateExpr(item.value, ctx));
      }
      return { kind: 'map', entries, origin: { file: ctx.file, range: expr.range } };
    }
    case 'ScopeTraversal':
      return evaluateTraversal(expr.root, expr.steps, ctx);
    case 'RelativeTraversal':
      return evaluateIndexedResource(expr, ctx) ?? applySteps(evaluateExpr(expr.source, ctx), expr.steps, 'value');
    case 'Index': {
      const collection = evaluateExpr(expr.collection, ctx);
      const key = evaluateExpr(expr.key, ctx);
      if (key.kind === 'unknown') return key;
      if (key.kind !== 'scalar' || key.value === null || typeof key.value === 'boolean') return unknown('index key is not a number or string');
      return applySteps(collection, [{ kind: 'IndexStep', key: key.value }], 'value');
    }
    case 'Splat':
      return evaluateSplat(evaluateExpr(expr.source, ctx), expr, ctx);
    case 'FunctionCall':
      return evaluateCall(expr, ctx);
    case 'For':
      return evaluateFor(expr, ctx);
    case 'Conditional': {
      const cond = evaluateExpr(expr.condition, ctx);
      const t = truthy(cond);
      if (typeof t !== 'boolean') return t;
      const chosen = unifyWithOther(evaluateExpr(t ? expr.trueExpr : expr.falseExpr, ctx), t ? expr.falseExpr : expr.trueExpr, ctx);
      return isSensitive(cond) ? markSensitive(chosen) : chosen;
    }
    case 'Unary':
      return evaluateUnary(expr.op, evaluateExpr(expr.operand, ctx), { file: ctx.file, range: expr.range });
    case 'Binary':
      return evaluateBinary(expr.op, evaluateExpr(expr.left, ctx), evaluateExpr(expr.right, ctx));
    case 'Invalid':
      return unknown('invalid expression (syntax error)');
  }
}

/**
 * Terraform gives a conditional one type, unifying both branches: `c ? 1 : "one"` is a string either
 * way. When the other branch is a known string and the chosen one a number or bool, convert it.
 */
function unifyWithOther(chosen: EvalValue, other: Expression, ctx: EvalContext): EvalValue {
  if (chosen.kind !== 'scalar' || chosen.value === null || typeof chosen.value === 'string') return chosen;
  const o = evaluateExpr(other, ctx);
  if (o.kind !== 'scalar' || typeof o.value !== 'string') return chosen;
  const text = asString(chosen);
  return text === undefined ? chosen : { ...chosen, value: text };
}

function evaluateTemplate(expr: TemplateExpr, ctx: EvalContext): EvalValue {
  const parts = expr.parts;
  // `"${x}"` alone yields x itself, unconverted — and keeps x's origin.
  if (parts.length === 1 && parts[0].kind === 'TemplateInterpolation' && !expr.heredoc) return evaluateExpr(parts[0].expr, ctx);
  if (parts.every((p) => p.kind === 'TemplateLiteral')) {
    return scalar(parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : '')).join(''), { file: ctx.file, range: expr.range });
  }
  const out = renderParts(parts, ctx);
  if (!isRendered(out)) return out;
  const value: ScalarEval = { kind: 'scalar', value: out.text };
  if (out.sensitive) value.sensitive = true;
  return value;
}

type Rendered = { text: string; sensitive: boolean };

function renderParts(parts: TemplatePart[], ctx: EvalContext): Rendered | EvalValue {
  let text = '';
  let sensitive = false;
  for (const part of parts) {
    if (part.kind === 'TemplateLiteral') {
      text += part.value;
      continue;
    }
    if (part.kind === 'TemplateInterpolation') {
      const v = evaluateExpr(part.expr, ctx);
      if (v.kind === 'unknown') return v;
      if (v.kind !== 'scalar') return unknown('template interpolates a collection');
      const s = asString(v);
      if (s === undefined) return unknown('template interpolates null');
      text += s;
      sensitive ||= !!v.sensitive;
      continue;
    }
    if (part.kind === 'TemplateIf') {
      const cond = evaluateExpr(part.condition, ctx);
      const t = truthy(cond);
      if (typeof t !== 'boolean') return t;
      const inner = renderParts(t ? part.then : (part.else ?? []), ctx);
      if (!isRendered(inner)) return inner;
      text += inner.text;
      sensitive ||= inner.sensitive || !!cond.sensitive;
      continue;
    }
    const coll = evaluateExpr(part.collection, ctx);
    const pairs = iterate(coll);
    if (!Array.isArray(pairs)) return pairs;
    for (const [k, v] of pairs) {
      const bindings = new Map(ctx.bindings ?? []);
      if (part.keyVar) bindings.set(part.keyVar, k);
      bindings.set(part.valueVar, v);
      const inner = renderParts(part.body, { ...ctx, bindings });
      if (!isRendered(inner)) return inner;
      text += inner.text;
      sensitive ||= inner.sensitive;
    }
  }
  return { text, sensitive };
}

function isRendered(x: Rendered | EvalValue): x is Rendered {
  return typeof (x as Rendered).text === 'string' && !('kind' in x);
}

/** Key/value pairs of a collection, as `for` sees them: list index → number, map key → string. */
function iterate(coll: EvalValue): [EvalValue, EvalValue][] | EvalValue {
  if (coll.kind === 'unknown') return coll;
  if (coll.kind === 'list') return coll.items.map((v, i) => [scalar(i), v]);
  if (coll.kind === 'map') return [...coll.entries].map(([k, v]) => [scalar(k), v]);
  if (coll.value === null) return unknown('iterating over null');
  return unknown('iterating over a primitive value');
}

function evaluateFor(expr: Extract<Expression, { kind: 'For' }>, ctx: EvalContext): EvalValue {
  const pairs = iterate(evaluateExpr(expr.collection, ctx));
  if (!Array.isArray(pairs)) return pairs;
  const items: EvalValue[] = [];
  const entries = new Map<string, EvalValue>();
  const groups = new Map<string, EvalValue[]>();
  for (const [k, v] of pairs) {
    const bindings = new Map(ctx.bindings ?? []);
    if (expr.keyVar) bindings.set(expr.keyVar, k);
    bindings.set(expr.valueVar, v);
    const inner = { ...ctx, bindings };
    if (expr.condition) {
      const c = truthy(evaluateExpr(expr.condition, inner));
      if (typeof c !== 'boolean') return c;
      if (!c) continue;
    }
    const value = evaluateExpr(expr.valueExpr, inner);
    if (!expr.keyExpr) {
      items.push(value);
      continue;
    }
    const key = evaluateExpr(expr.keyExpr, inner);
    if (key.kind !== 'scalar') return key.kind === 'unknown' ? key : unknown('for expression key is not a string');
    const ks = asString(key);
    if (ks === undefined) return unknown('for expression key is null');
    if (expr.group) groups.set(ks, [...(groups.get(ks) ?? []), value]);
    else if (entries.has(ks)) return unknown(`duplicate key "${ks}" in for expression`);
    else entries.set(ks, value);
  }
  if (!expr.keyExpr) return { kind: 'list', items };
  if (expr.group) for (const [k, vs] of groups) entries.set(k, { kind: 'list', items: vs });
  return { kind: 'map', entries };
}

function evaluateCall(expr: Extract<Expression, { kind: 'FunctionCall' }>, ctx: EvalContext): EvalValue {
  const name = expr.name.startsWith('core::') ? expr.name.slice(6) : expr.name;
  // These take expressions or marks, not values: the evaluator handles them itself.
  if (name === 'try') return evaluateTry(expr.args, ctx);
  if (name === 'can') {
    if (expr.args.length !== 1) return failure('can: function takes 1 argument');
    const v = evaluateExpr(expr.args[0], ctx);
    const u = firstUnknown(v);
    if (u) return u.error ? scalar(false) : u;
    return scalar(true);
  }
  if ((name === 'sensitive' || name === 'nonsensitive') && expr.args.length === 1) {
    const v = evaluateExpr(expr.args[0], ctx);
    return name === 'sensitive' ? markSensitive(v) : unmarkSensitive(v);
  }
  const args: Value[] = [];
  let sensitive = false;
  for (let i = 0; i < expr.args.length; i++) {
    const arg = evaluateExpr(expr.args[i], ctx);
    if (arg.kind === 'unknown' && arg.error) return arg;
    sensitive ||= isSensitive(arg);
    const v = toFunctionValue(arg);
    if (expr.expandFinal && i === expr.args.length - 1) {
      if (arg.kind === 'unknown') return arg;
      if (!Array.isArray(v)) return failure(`${name}(): the expanded final argument is not a list`);
      args.push(...v);
    } else args.push(v);
  }
  const result = ctx.scope.callFunction(name, args);
  // A reason may quote the arguments: never a sensitive one.
  if ('error' in result) return failure(sensitive ? `${name}(): failed on a sensitive argument` : result.error, sensitive);
  if ('unknown' in result) return unknown(sensitive ? `${name}(): not known (sensitive argument)` : result.unknown, sensitive);
  return fromFunctionValue(result.value, sensitive);
}

/** `try(a, b…)`: the first argument Terraform could evaluate without error; unknown as soon as one is merely unknown. */
function evaluateTry(args: Expression[], ctx: EvalContext): EvalValue {
  let last: EvalValue | undefined;
  for (const arg of args) {
    const v = evaluateExpr(arg, ctx);
    const u = firstUnknown(v);
    if (u?.error) {
      last = u;
      continue;
    }
    return v;
  }
  return failure(`try: no expression succeeded${last?.kind === 'unknown' ? ` (${last.reason})` : ''}`);
}

function evaluateTraversal(root: string, steps: TraverseStep[], ctx: EvalContext): EvalValue {
  const bound = ctx.bindings?.get(root);
  if (bound) return applySteps(bound, steps, root);
  // No `[first, ...rest]`: an iterator and a new array per reference, in the evaluation's hottest path.
  const first = steps.length > 0 ? steps[0] : undefined;
  const name = first !== undefined && first.kind === 'GetAttr' ? first.name : undefined;
  if (root === 'var' && name !== undefined) return applySteps(ctx.scope.variable(name), steps, `var.${name}`, 1);
  if (root === 'local' && name !== undefined) return applySteps(ctx.scope.local(name), steps, `local.${name}`, 1);
  if (root === 'count' || root === 'each') return unknown(`${traversalText(root, steps)} used outside count/for_each`);
  const special = ctx.scope.special(root, steps);
  if (special) return special;
  if (name !== undefined) {
    const resource = ctx.scope.resource(root, name, steps.slice(1));
    if (resource) return resource;
  }
  return failure(`reference to undeclared ${traversalText(root, steps)}`);
}

/**
 * `aws_subnet.s[each.key].cidr_block`: an instance chosen by a computed key, then static steps. Handed
 * to the scope as one reference, so a resource that state lacks can still answer from its code.
 */
function evaluateIndexedResource(expr: Extract<Expression, { kind: 'RelativeTraversal' }>, ctx: EvalContext): EvalValue | undefined {
  const source = expr.source;
  if (source.kind !== 'Index' || source.collection.kind !== 'ScopeTraversal') return undefined;
  const { root, steps } = source.collection;
  if (steps.length !== 1 || steps[0].kind !== 'GetAttr' || ctx.bindings?.has(root) || notResourceRoots.has(root)) return undefined;
  const key = evaluateExpr(source.key, ctx);
  if (key.kind !== 'scalar' || key.value === null || typeof key.value === 'boolean') return undefined;
  return ctx.scope.resource(root, steps[0].name, [{ kind: 'IndexStep', key: key.value }, ...expr.steps]);
}

/** Root names that are never a resource type. */
const notResourceRoots: ReadonlySet<string> = new Set(['var', 'local', 'count', 'each', 'path', 'terraform', 'data', 'module', 'self', 'ephemeral']);

/**
 * Follows `.attr` / `[key]` steps from `steps[from]` on; missing keys are unknown (the value may be
 * computed later), never null. The path a reason quotes is spelled only when there is a reason.
 */
export function applySteps(value: EvalValue, steps: TraverseStep[], label: string, from = 0): EvalValue {
  let v = value;
  for (let s = from; s < steps.length; s++) {
    if (v.kind === 'unknown') return v;
    const step = steps[s];
    const key = step.kind === 'GetAttr' ? step.name : step.key;
    let next: EvalValue | undefined;
    if (v.kind === 'list') {
      const i = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : undefined;
      next = i === undefined ? undefined : v.items[i];
      if (!next) return failure(i === undefined ? `${stepsPath(label, steps, from, s)}: a list has no attribute "${key}"` : `${stepsPath(label, steps, from, s)}: index out of range`, v.sensitive);
    } else if (v.kind === 'map') {
      next = v.entries.get(String(key));
      if (!next) return failure(`${stepsPath(label, steps, from, s)} has no value`, v.sensitive);
    } else {
      return failure(v.value === null ? `${stepsPath(label, steps, from, s)}: attribute of null` : `${stepsPath(label, steps, from, s)}: attribute of a primitive value`, v.sensitive);
    }
    v = v.sensitive && !next.sensitive ? markSensitive(next) : next;
  }
  return v;
}

/** `label` followed by steps[from..to] as written: `var.x.a[0]["k"]`. */
function stepsPath(label: string, steps: TraverseStep[], from: number, to: number): string {
  let path = label;
  for (let s = from; s <= to; s++) {
    const step = steps[s];
    path += step.kind === 'GetAttr' ? `.${step.name}` : typeof step.key === 'number' ? `[${step.key}]` : `[${JSON.stringify(step.key)}]`;
  }
  return path;
}

function evaluateSplat(source: EvalValue, expr: Extract<Expression, { kind: 'Splat' }>, ctx: EvalContext): EvalValue {
  if (source.kind === 'unknown') return source;
  // A splat over a single non-list value wraps it; over null, it is empty (as HCL does).
  const items = source.kind === 'list' ? source.items : source.kind === 'scalar' && source.value === null ? [] : [source];
  // `a[*].b[var.k]`: the parser hands the whole per-element expression, the element named "".
  const eachExpr = expr.eachExpr;
  const out = eachExpr
    ? items.map((item) => evaluateExpr(eachExpr, { ...ctx, bindings: new Map([...(ctx.bindings ?? []), ['', item]]) }))
    : items.map((item) => applySteps(item, expr.each, 'splat'));
  const u = out.find((x) => x.kind === 'unknown');
  return u ?? { kind: 'list', items: out };
}
