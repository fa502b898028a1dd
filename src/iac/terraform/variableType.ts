// A variable's `type` as far as input values need it: whether Terraform takes a `-var` / `TF_VAR_`
// value as a raw string or parses it as HCL, and the primitive conversions it then applies.
// Mirrors terraform `configs/named_values.go` decodeVariableType: no type or a primitive type →
// literal; `any`, collections and structural types → HCL. Checked against `terraform console`.
import type { Expression } from '../../model/ast';
import type { EvalValue } from './evalValue';
import { failure, formatNumber } from './evalValue';

export type ParsingMode = 'literal' | 'hcl';
export type Primitive = 'string' | 'number' | 'bool';

/** The keyword a type expression spells at its top (`string`, `list`, `map`, `any`, …), when it is one. */
function keyword(expr: Expression | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'ScopeTraversal' && expr.steps.length === 0) return expr.root;
  if (expr.kind === 'FunctionCall') return expr.name;
  // `.tf.json` writes the type as a string; so did Terraform 0.11 (`type = "list"`).
  if (expr.kind === 'Template' && expr.parts.length === 1 && expr.parts[0].kind === 'TemplateLiteral') return /^\s*([a-z]+)/.exec(expr.parts[0].value)?.[1];
  return undefined;
}

const primitives: ReadonlySet<string> = new Set(['string', 'number', 'bool']);

export function parsingMode(type: Expression | undefined): ParsingMode {
  return type === undefined || primitiveType(type) !== undefined ? 'literal' : 'hcl';
}

/** The primitive type a variable is declared with; undefined for none, `any` or a collection. */
export function primitiveType(type: Expression | undefined): Primitive | undefined {
  const k = keyword(type);
  return k !== undefined && primitives.has(k) && !(type?.kind === 'FunctionCall') ? (k as Primitive) : undefined;
}

/** The element type of `list(string)`, `set(number)`, `map(bool)`: Terraform converts each element to it. */
export function elementType(type: Expression | undefined): Primitive | undefined {
  if (type?.kind !== 'FunctionCall' || !['list', 'set', 'map'].includes(type.name) || type.args.length !== 1) return undefined;
  return primitiveType(type.args[0]);
}

/** cty's number syntax for a string: no surrounding spaces (`" 5"` is refused by Terraform). */
const numberText = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A known scalar converted to `to` as cty converts it ("5" → 5, "1" → true, 5 → "5"); an error
 * value with Terraform's message when it cannot be. Anything else is returned as it is.
 */
export function convertScalar(v: EvalValue, to: Primitive, what: string): EvalValue {
  if (v.kind !== 'scalar' || v.value === null) return v;
  const value = v.value;
  if (to === 'string') return typeof value === 'string' ? v : { ...v, value: typeof value === 'number' ? formatNumber(value) : String(value) };
  if (to === 'number') {
    if (typeof value === 'number') return v;
    if (typeof value === 'string' && numberText.test(value)) return { ...v, value: Number(value) };
    return failure(`Unsuitable value for ${what}: a number is required`);
  }
  if (typeof value === 'boolean') return v;
  // cty converts the strings "true"/"false" and "1"/"0" to bool.
  if (value === 'true' || value === '1') return { ...v, value: true };
  if (value === 'false' || value === '0') return { ...v, value: false };
  return failure(`Unsuitable value for ${what}: a bool is required`);
}

/** The value converted to the declared type where the conversion is a primitive one; else unchanged. */
export function convertToType(v: EvalValue, type: Expression | undefined, what: string): EvalValue {
  const p = primitiveType(type);
  if (p) return convertScalar(v, p, what);
  const e = elementType(type);
  if (!e) return v;
  if (v.kind === 'list') {
    const items = v.items.map((x) => convertScalar(x, e, what));
    return items.find(isConversionError) ?? { ...v, items };
  }
  if (v.kind === 'map') {
    const entries = new Map([...v.entries].map(([k, x]) => [k, convertScalar(x, e, what)] as const));
    return [...entries.values()].find(isConversionError) ?? { ...v, entries };
  }
  return v;
}

function isConversionError(v: EvalValue): boolean {
  return v.kind === 'unknown' && v.error === true && v.reason.startsWith('Unsuitable value');
}
