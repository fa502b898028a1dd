// Static values for the inventory: what an expression is when it is written as a pure literal.
// Anything that needs a scope (references, functions, interpolation) comes back as
// `{ $unknown: reason }`; the engine's evaluator resolves those later with variables and state.
import type { Expression, TemplateExpr, TraverseStep } from '../../model/ast';
import type { DeclaredBody } from '../../model';
import type { Value } from '../../model';

export interface UnknownValue {
  $unknown: string;
}

export type LiteralResult = Value | UnknownValue;

/** What the inventory shows for a body: literal values, with unknown markers also inside nested blocks. */
export type BodyValue = LiteralResult | BodyValue[] | { [key: string]: BodyValue };

export function isUnknown(v: BodyValue | undefined): v is UnknownValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as UnknownValue).$unknown === 'string' && Object.keys(v).length === 1;
}

/**
 * One marker per reason for a whole report: a run's reasons repeat (44,739 markers, 6,926 reasons on
 * 6,856 public module files), and each marker and its built-up reason string was kept to the end of
 * the run, copied by every garbage collection. Markers are frozen: shared, so never changed.
 */
export class UnknownMarkers {
  private readonly byReason = new Map<string, UnknownValue>();

  of(reason: string): UnknownValue {
    let m = this.byReason.get(reason);
    if (m === undefined) this.byReason.set(reason, (m = Object.freeze({ $unknown: reason })));
    return m;
  }

  /** `v`, or the shared marker of its reason when `v` is a marker. */
  share<V extends BodyValue>(v: V): V | UnknownValue {
    return isUnknown(v) ? this.of(v.$unknown) : v;
  }
}

/** The value of a pure literal expression, or why it is not one (with where, inside a collection: `tags.Env: reference to var.env`). */
export function literalValue(expr: Expression): LiteralResult {
  const v = valueOf(expr);
  if (!(v instanceof Unknown)) return v;
  return { $unknown: v.at ? `${v.at.startsWith('.') ? v.at.slice(1) : v.at}: ${v.reason}` : v.reason };
}

/** Internal unknown: a class, so a user's map with a `$unknown` key can never pass for one. `at` is the path inside the value. */
class Unknown {
  constructor(
    readonly reason: string,
    readonly at = '',
  ) {}
}

function valueOf(expr: Expression): Value | Unknown {
  switch (expr.kind) {
    case 'Literal':
      return expr.value;
    case 'Template':
      return templateLiteral(expr);
    case 'Parens':
      return valueOf(expr.expr);
    case 'Unary': {
      // `-1` is how a negative number is written; `!x` is an operation.
      const operand = expr.op === '-' ? valueOf(expr.operand) : undefined;
      if (typeof operand === 'number') return -operand;
      return new Unknown(`operator ${expr.op}`);
    }
    case 'Tuple': {
      const out: Value[] = [];
      for (let i = 0; i < expr.items.length; i++) {
        const v = valueOf(expr.items[i]);
        if (v instanceof Unknown) return new Unknown(v.reason, `[${i}]${v.at}`);
        out.push(v);
      }
      return out;
    }
    case 'Object': {
      const out: { [key: string]: Value } = {};
      for (const item of expr.items) {
        const key = objectKey(item.key, item.keyIsIdentifier);
        if (key instanceof Unknown) return key;
        const v = valueOf(item.value);
        if (v instanceof Unknown) return new Unknown(v.reason, `${/^[\p{L}_][\p{L}\p{N}_-]*$/u.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}${v.at}`);
        put(out, key, v);
      }
      return out;
    }
    case 'ScopeTraversal':
      return new Unknown(`reference to ${traversalText(expr.root, expr.steps)}`);
    case 'RelativeTraversal': {
      const inner = valueOf(expr.source);
      return inner instanceof Unknown ? new Unknown(inner.reason) : new Unknown('traversal of a value');
    }
    case 'Index':
      return new Unknown('index expression');
    case 'Splat':
      return new Unknown('splat expression');
    case 'FunctionCall':
      return new Unknown(`function call ${expr.name}()`);
    case 'For':
      return new Unknown('for expression');
    case 'Conditional':
      return new Unknown('conditional expression');
    case 'Binary':
      return new Unknown(`operator ${expr.op}`);
    case 'Invalid':
      return new Unknown('invalid expression (syntax error)');
  }
}

/**
 * Attributes and nested blocks of a body as the inventory shows them. Blocks of one type become
 * a list of objects (their nesting mode needs the provider schema); a labelled block
 * (`provisioner "local-exec"`) sits under its labels first, as in HCL's JSON form, so no label is
 * lost. A `dynamic` block makes its type unknown, since its content depends on `for_each`.
 */
export function bodyLiteral(body: DeclaredBody): Record<string, BodyValue> {
  const out: Record<string, BodyValue> = {};
  for (const [name, attr] of Object.entries(body.attributes)) put(out, name, literalValue(attr.expr));
  if (body.blocks.length === 0) return out;
  const dynamic = new Set<string>();
  // Lists and label maps this call made: an attribute of the same name is replaced, never merged into.
  const made = new Set<BodyValue>();
  for (const block of body.blocks) {
    if (block.type === 'dynamic') {
      const name = block.labels[0] ?? '';
      dynamic.add(name);
      put(out, name, { $unknown: 'dynamic block' });
      continue;
    }
    if (dynamic.has(block.type)) continue;
    let holder: Record<string, BodyValue> = out;
    let key = block.type;
    for (const label of block.labels) {
      let next = holder[key];
      if (!made.has(next) || Array.isArray(next)) {
        next = {};
        made.add(next);
        put<BodyValue>(holder, key, next);
      }
      holder = next as Record<string, BodyValue>;
      key = label;
    }
    let list = holder[key] as BodyValue[] | undefined;
    if (list === undefined || !made.has(list) || !Array.isArray(list)) {
      list = [];
      made.add(list);
      put<BodyValue>(holder, key, list);
    }
    list.push(bodyLiteral(block.body));
  }
  return out;
}

/**
 * `obj[key] = value` that also works for the key `__proto__` (a legal HCL identifier and map key):
 * a plain assignment would replace the object's prototype instead, and lose the entry.
 */
export function setOwn<V>(obj: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * An empty plain object for entries named by the code (attributes, variables, locals) that V8 keeps
 * as a hash table: each `{}` given its own sequence of names made V8 build a hidden class per
 * sequence (16 K of them on 6,856 public module files, issue 17). Deleting a property other than the
 * last is what turns an object into a hash table, with one shared hidden class (`Object.create(null)`
 * also would, but without the usual prototype, which structured clone and deep equality would see;
 * giving the prototype back with `setPrototypeOf` costs a hidden class per object).
 */
export function namedEntries<V>(): Record<string, V> {
  const o: Record<string, unknown> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o as Record<string, V>;
}

const put = setOwn;

function templateLiteral(expr: TemplateExpr): string | Unknown {
  let text = '';
  for (const part of expr.parts) {
    if (part.kind !== 'TemplateLiteral') {
      return new Unknown(part.kind === 'TemplateInterpolation' ? 'template with interpolation' : 'template with directive');
    }
    text += part.value;
  }
  return text;
}

function objectKey(key: Expression, keyIsIdentifier: boolean): string | Unknown {
  if (keyIsIdentifier && key.kind === 'ScopeTraversal' && key.steps.length === 0) return key.root;
  const v = valueOf(key);
  if (typeof v === 'string') return v;
  // HCL converts number and bool keys to strings.
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return new Unknown(v instanceof Unknown ? `object key: ${v.reason}` : 'object key is not a string');
}

/** `var.region`, `aws_vpc.main.id`, `local.tags["Env"]`, `aws_subnet.a[0]`. */
export function traversalText(root: string, steps: TraverseStep[]): string {
  let text = root;
  for (const step of steps) {
    if (step.kind === 'GetAttr') text += `.${step.name}`;
    else text += typeof step.key === 'number' ? `[${step.key}]` : `[${JSON.stringify(step.key)}]`;
  }
  return text;
}
