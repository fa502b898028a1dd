// `dynamic "name" { for_each = …  iterator = it  content { … } }`: one nested block per element,
// with `<iterator>.key` / `<iterator>.value` bound while its content is evaluated.
import type { DeclaredBlock, DeclaredBody } from '../../model';
import type { EvalScope } from './evaluate';
import { evaluateExpr } from './evaluate';
import type { EvalValue } from './evalValue';
import { scalar } from './evalValue';
import { compareStrings } from './functions/values';

export interface DynamicIteration {
  bindings: Map<string, EvalValue>;
  /** The `content` block's body, to evaluate with `bindings`. */
  body: DeclaredBody;
}

export type DynamicExpansion = { name: string; iterations: DynamicIteration[] } | { name: string; reason: string };

/** The blocks a `dynamic` block stands for, or why they cannot be known. */
export function expandDynamicBlock(block: DeclaredBlock, scope: EvalScope, bindings: ReadonlyMap<string, EvalValue>, file: string): DynamicExpansion {
  const name = block.labels[0] ?? 'dynamic';
  const content = block.body.blocks.find((b) => b.type === 'content');
  const forEach = block.body.attributes.for_each;
  if (!content || !forEach) return { name, reason: `dynamic "${name}" has no ${content ? 'for_each' : 'content block'}` };
  const iteratorExpr = block.body.attributes.iterator?.expr;
  let iterator = name;
  if (iteratorExpr) {
    if (iteratorExpr.kind !== 'ScopeTraversal' || iteratorExpr.steps.length > 0) return { name, reason: `dynamic "${name}": iterator must be a name` };
    iterator = iteratorExpr.root;
  }
  const collection = evaluateExpr(forEach.expr, { scope, file, bindings });
  let pairs: [EvalValue, EvalValue][];
  if (collection.kind === 'list') pairs = collection.items.map((v, i) => [scalar(i), v]);
  // Maps iterate in key order in Terraform, whatever order they were written in.
  else if (collection.kind === 'map') pairs = [...collection.entries].sort(([a], [b]) => compareStrings(a, b)).map(([k, v]) => [scalar(k), v]);
  else if (collection.kind === 'scalar' && collection.value === null) pairs = [];
  else return { name, reason: collection.kind === 'unknown' ? `dynamic "${name}": ${collection.reason}` : `dynamic "${name}": for_each is not a collection` };
  const iterations = pairs.map(([key, value]) => {
    const inner = new Map(bindings);
    inner.set(iterator, { kind: 'map', entries: new Map<string, EvalValue>([['key', key], ['value', value]]) });
    return { bindings: inner, body: content.body };
  });
  return { name, iterations };
}
