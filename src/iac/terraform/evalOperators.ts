// HCL operators over known values, with Terraform's conversions (number ⇄ string, bool ⇄ string).
// A computed result has no origin: no single literal produced it.
import { decimalSum } from './functions/conversions';
import { valuesEqual } from './functions/values';
import type { BinaryOperator } from '../../model/ast';
import type { EvalValue, UnknownEval } from './evalValue';
import { asBool, asNumber, isSensitive, toValue, unknown } from './evalValue';
import type { SourceLocation } from '../../model';

/** The boolean a condition evaluates to, or the unknown that stops it. */
export function truthy(v: EvalValue): boolean | UnknownEval {
  if (v.kind === 'unknown') return v;
  if (v.kind !== 'scalar') return unknown('condition is not a bool');
  const b = asBool(v);
  return b === undefined ? unknown(v.value === null ? 'condition is null' : 'condition is not a bool') : b;
}

export function evaluateUnary(op: '!' | '-', operand: EvalValue, origin: SourceLocation): EvalValue {
  if (operand.kind === 'unknown') return operand;
  if (operand.kind !== 'scalar') return unknown(`operator ${op} on a collection`);
  const sensitive = operand.sensitive ? { sensitive: true } : {};
  if (op === '!') {
    const b = asBool(operand);
    return b === undefined ? unknown('operator ! needs a bool') : { kind: 'scalar', value: !b, ...sensitive };
  }
  const n = asNumber(operand);
  if (n === undefined) return unknown('operator - needs a number');
  // `-5` is how a negative literal is written: it keeps the literal's origin.
  const literal = typeof operand.value === 'number' && operand.origin ? { origin } : {};
  return { kind: 'scalar', value: -n, ...literal, ...sensitive };
}

export function evaluateBinary(op: BinaryOperator, left: EvalValue, right: EvalValue): EvalValue {
  const sensitive = isSensitive(left) || isSensitive(right) ? { sensitive: true } : {};
  if (op === '&&' || op === '||') {
    const l = truthy(left);
    const r = truthy(right);
    if (typeof l !== 'boolean') return l;
    if (typeof r !== 'boolean') return r;
    return { kind: 'scalar', value: op === '&&' ? l && r : l || r, ...sensitive };
  }
  if (left.kind === 'unknown') return left;
  if (right.kind === 'unknown') return right;
  if (op === '==' || op === '!=') {
    const l = toValue(left);
    const r = toValue(right);
    if (l === undefined || r === undefined) return unknown(`operator ${op} on a partly unknown value`);
    // Terraform's equality is type-strict ("1" == 1 is false) and ignores how a map's keys were ordered.
    const eq = valuesEqual(l, r);
    return { kind: 'scalar', value: op === '==' ? eq : !eq, ...sensitive };
  }
  if (left.kind !== 'scalar' || right.kind !== 'scalar') return unknown(`operator ${op} on a collection`);
  const a = asNumber(left);
  const b = asNumber(right);
  if (a === undefined || b === undefined) return unknown(`operator ${op} needs numbers`);
  let value: number | boolean;
  switch (op) {
    // Exact on the decimals as written, like Terraform's 512-bit floats: 0.1 + 0.2 is 0.3.
    case '+': value = decimalSum([a, b]); break;
    case '-': value = decimalSum([a, -b]); break;
    case '*': value = a * b; break;
    case '/':
      if (b === 0) return unknown('division by zero');
      value = a / b;
      break;
    case '%':
      if (b === 0) return unknown('modulo by zero');
      value = a % b;
      break;
    case '<': value = a < b; break;
    case '>': value = a > b; break;
    case '<=': value = a <= b; break;
    case '>=': value = a >= b; break;
  }
  return { kind: 'scalar', value, ...sensitive };
}
