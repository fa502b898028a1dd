// Evaluates template JSON to values that remember where their literal is written (file + range),
// as the Terraform evaluator does, so a quick-fix can edit the JSON literal — or the parameter
// default / parameters-file value an expression took it from.
import type { Node } from 'jsonc-parser';
import { markSensitive, scalar, unknown, withoutOrigin, type EvalValue } from '../terraform/evalValue';
import { readTemplateString, type ArmExpr } from './expression';
import { callArmFunction } from './functions';
import { rangeOf } from '../textPositions';
import type { ArmScope } from './scope';

export function evaluateNode(node: Node, scope: ArmScope, file = scope.file, pos = scope.pos): EvalValue {
  const origin = { file, range: rangeOf(pos, node.offset, node.length) };
  switch (node.type) {
    case 'string': {
      const s = readTemplateString(String(node.value));
      if (s.kind === 'literal') return scalar(s.value, origin);
      if (s.kind === 'invalid') return unknown(`invalid template expression: ${s.message}`);
      return evaluateExpression(s.expr, scope);
    }
    case 'number':
    case 'boolean':
    case 'null':
      return scalar(node.value as number | boolean | null, origin);
    case 'array':
      return { kind: 'list', items: (node.children ?? []).map((c) => evaluateNode(c, scope, file, pos)), origin };
    case 'object': {
      const entries = new Map<string, EvalValue>();
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) entries.set(String(k.value), evaluateNode(v, scope, file, pos));
      }
      return { kind: 'map', entries, origin };
    }
    default:
      return unknown(`unexpected JSON ${node.type}`);
  }
}

/**
 * One expression. `parameters('x')`, `variables('x')` and accessors into them keep the origin of
 * the literal they read; any computation (concat, format…) has no single literal to edit.
 */
export function evaluateExpression(expr: ArmExpr, scope: ArmScope): EvalValue {
  switch (expr.kind) {
    case 'string':
      return scalar(expr.value);
    case 'number':
      return scalar(expr.value);
    case 'property': {
      const target = evaluateExpression(expr.target, scope);
      if (target.kind === 'unknown') return target;
      if (target.kind !== 'map') return unknown(`.${expr.name} of a value that is not an object`);
      const found = [...target.entries].find(([k]) => k.toLowerCase() === expr.name.toLowerCase());
      return found ? inherit(found[1], target) : unknown(`the object has no property "${expr.name}"`);
    }
    case 'index': {
      const target = evaluateExpression(expr.target, scope);
      const index = evaluateExpression(expr.index, scope);
      if (target.kind === 'unknown') return target;
      if (index.kind === 'unknown') return index;
      if (index.kind !== 'scalar') return unknown('an index must be a number or a string');
      if (target.kind === 'list' && typeof index.value === 'number') return target.items[index.value] ? inherit(target.items[index.value], target) : unknown(`index ${index.value} is out of range`);
      if (target.kind === 'map' && typeof index.value === 'string') {
        const found = [...target.entries].find(([k]) => k.toLowerCase() === String(index.value).toLowerCase());
        return found ? inherit(found[1], target) : unknown(`the object has no property "${index.value}"`);
      }
      return unknown('index of a value that cannot be indexed');
    }
    case 'call': {
      const name = expr.name.toLowerCase();
      if (name === 'parameters') return parameterValue(expr, scope);
      if (name === 'variables') return variableValue(expr, scope);
      const args = expr.args.map((a) => evaluateExpression(a, scope));
      const result = callArmFunction(name, args, scope.target);
      return withoutOrigin(result);
    }
  }
}

function inherit(v: EvalValue, from: EvalValue): EvalValue {
  return from.sensitive && !v.sensitive ? markSensitive(v) : v;
}

function nameArg(expr: Extract<ArmExpr, { kind: 'call' }>, scope: ArmScope): string | EvalValue {
  const arg = expr.args[0] ? evaluateExpression(expr.args[0], scope) : unknown(`${expr.name}() needs a name`);
  if (arg.kind === 'unknown') return arg;
  if (arg.kind !== 'scalar' || typeof arg.value !== 'string') return unknown(`${expr.name}() needs a string name`);
  return arg.value;
}

function parameterValue(expr: Extract<ArmExpr, { kind: 'call' }>, scope: ArmScope): EvalValue {
  const name = nameArg(expr, scope);
  if (typeof name !== 'string') return name;
  const p = scope.parameters.get(name.toLowerCase());
  if (!p) return unknown(`the template declares no parameter "${name}"`);
  const secure = /^secure/i.test(p.type);
  let v: EvalValue;
  if (p.supplied) v = p.supplied;
  else if (p.defaultValue) v = evaluateNode(p.defaultValue, scope);
  else v = unknown(`parameter "${name}" has no default and no parameters file gives it`);
  return secure ? markSensitive(v) : v;
}

function variableValue(expr: Extract<ArmExpr, { kind: 'call' }>, scope: ArmScope): EvalValue {
  const name = nameArg(expr, scope);
  if (typeof name !== 'string') return name;
  const key = name.toLowerCase();
  const cached = scope.variableValues.get(key);
  if (cached) return cached;
  const node = scope.variables.get(key);
  if (!node) return unknown(`the template declares no variable "${name}"`);
  if (scope.evaluating.has(key)) return unknown(`variable "${name}" refers to itself`);
  scope.evaluating.add(key);
  const v = evaluateNode(node, scope);
  scope.evaluating.delete(key);
  scope.variableValues.set(key, v);
  return v;
}
