// What `<type>.<name>[key].<attr>` evaluates to. From state when state holds the resource; otherwise,
// for an argument the resource's own block writes (`azurerm_resource_group.app.name`), the value the
// code gives it — Terraform sends that value to the cloud as written, so it is as known as a literal.
// Computed attributes (`id`, `arn`) and arguments the code leaves to the provider stay unknown.
import type { TraverseStep } from '../../model/ast';
import type { EvalScope } from './evaluate';
import { applySteps, evaluateExpr } from './evaluate';
import type { EvalValue } from './evalValue';
import { failure, fromValue, markSensitive, unknown } from './evalValue';
import type { StateInstance, StateResource } from './state';
import { instanceKeyText } from './state';
import { instanceBindings, instanceKeys, type ModuleInstanceKeys } from './modules';
import { resourceMetaArguments } from './declared';
import type { DeclaredResource } from '../../model';
import { isSensitiveSegments } from '../sensitive';

/** A resource as an expression sees it: one object, a list (count) or a map (for_each) of its instances' state attributes. */
export function resourceValue(resource: StateResource): EvalValue {
  if (resource.each === 'list') {
    const sorted = [...resource.instances].sort((a, b) => Number(a.indexKey) - Number(b.indexKey));
    return { kind: 'list', items: sorted.map((i) => instanceValue(i, resource.type)) };
  }
  if (resource.each === 'map') {
    return { kind: 'map', entries: new Map(resource.instances.map((i) => [String(i.indexKey), instanceValue(i, resource.type)])) };
  }
  return instanceValue(resource.instances[0], resource.type);
}

/** Resolves references to declared resources that state does not hold; one per module scope (it memoizes). */
export type DeclaredReferences = (resource: DeclaredResource, steps: TraverseStep[], notInState: string) => EvalValue;

/**
 * `scope` is the module scope that declares the resources: their arguments are evaluated there, with
 * `count.index` / `each.*` bound for the instance referred to. `evaluating` is the scope's stack of
 * what is being computed (`local.x`, `aws_vpc.main.cidr_block`), shared to name a cycle through both.
 * `notInState` is the reason every reference the code cannot answer keeps.
 */
export function createDeclaredReferences(scope: () => EvalScope, evaluating: string[]): DeclaredReferences {
  const values = new Map<string, EvalValue>();
  const keysOf = new Map<string, ModuleInstanceKeys>();
  const cycle = (id: string) => unknown(`cycle: ${[...evaluating.slice(evaluating.indexOf(id)), id].join(' → ')}`);

  /** Runs `compute` for `id` unless `id` is already being computed further up: a → b → a. */
  function guarded<T>(id: string, memo: Map<string, T>, compute: () => T, onCycle: () => T): T {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    if (evaluating.includes(id)) return onCycle();
    evaluating.push(id);
    let v: T;
    try {
      v = compute();
    } finally {
      evaluating.pop();
    }
    memo.set(id, v);
    return v;
  }

  return (resource, steps, notInState) => {
    let rest = steps;
    let key: number | string | undefined;
    let bindings = new Map<string, EvalValue>();
    if (resource.count || resource.forEach) {
      const step = rest[0];
      // The whole list / map of instances: which instances exist is known, but not their objects.
      if (step?.kind !== 'IndexStep') return unknown(notInState);
      const which = resource.count ? 'count' : 'for_each';
      const id = `${resource.address}.${which}`;
      const keys = guarded(id, keysOf, () => instanceKeys(resource, resource.address, scope()), () => ({ keys: [], unknownReason: cycle(id).reason }));
      if (keys.unknownReason) return unknown(`${notInState}, and its ${which} is not known (${keys.unknownReason})`);
      key = resource.count ? countIndex(step.key) : String(step.key);
      if (key === undefined || !keys.keys.includes(key)) return failure(`${resource.address}${instanceKeyText(step.key)}: no such instance (${which})`);
      bindings = instanceBindings(key, keys.values);
      rest = rest.slice(1);
    } else if (rest[0]?.kind === 'IndexStep') {
      return failure(`${resource.address}: has no count or for_each, so it takes no instance key`);
    }
    const attrStep = rest[0];
    // The whole instance object holds computed attributes too.
    if (attrStep?.kind !== 'GetAttr') return unknown(notInState);
    const attr = attrStep.name;
    const written = resource.body.attributes[attr];
    if (!written || !fromCode(resource, attr)) return unknown(notInState);
    const label = `${resource.address}${instanceKeyText(key)}.${attr}`;
    const value = guarded(
      label,
      values,
      () => {
        const v = evaluateExpr(written.expr, { scope: scope(), file: resource.file, bindings });
        // `name = null` leaves the argument to the provider.
        if (v.kind === 'scalar' && v.value === null) return unknown(notInState);
        return markByName(isSensitiveSegments(resource.type, [attr]) ? markSensitive(v) : v, resource.type, [attr]);
      },
      () => cycle(label),
    );
    return applySteps(value, rest.slice(1), label);
  };
}

/**
 * Whether the value written for `attr` is the one the cloud holds: not `id` (always the provider's),
 * not a write-only argument (`password_wo` reads as null), not a meta-argument, not one
 * `lifecycle.ignore_changes` lets drift.
 */
function fromCode(resource: DeclaredResource, attr: string): boolean {
  if (attr === 'id' || attr.endsWith('_wo') || resourceMetaArguments.has(attr)) return false;
  const ignore = resource.body.blocks.find((b) => b.type === 'lifecycle')?.body.attributes.ignore_changes?.expr;
  if (!ignore) return true;
  const items = ignore.kind === 'Tuple' ? ignore.items : [ignore];
  return !items.some((item) => {
    if (item.kind === 'ScopeTraversal') return item.root === attr || item.root === 'all';
    // Terraform 0.11 wrote them as strings.
    return item.kind === 'Template' && item.parts.length === 1 && item.parts[0].kind === 'TemplateLiteral' && item.parts[0].value === attr;
  });
}

/** A count index as HCL converts it: a whole number, or a string that spells one. */
function countIndex(key: number | string): number | undefined {
  const n = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : undefined;
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

function instanceValue(instance: StateInstance, type: string): EvalValue {
  const v = fromValue(instance.attributes);
  for (const path of instance.sensitivePaths) markPath(v, path);
  // States often leave `sensitive_attributes` empty for what the provider schema marks sensitive
  // (`aws_db_instance.password`): the list and name heuristic of src/iac/sensitive.ts mark those too.
  return markByName(v, type, []);
}

function markByName(v: EvalValue, type: string, at: string[]): EvalValue {
  if (v.kind === 'list') return { ...v, items: v.items.map((x) => markByName(x, type, at)) };
  if (v.kind !== 'map') return v;
  const entries = new Map<string, EvalValue>();
  for (const [k, x] of v.entries) entries.set(k, isSensitiveSegments(type, [...at, k]) ? markSensitive(x) : markByName(x, type, [...at, k]));
  return { ...v, entries };
}

function markPath(v: EvalValue, path: (string | number)[]): void {
  let cur: EvalValue | undefined = v;
  for (let i = 0; i < path.length && cur; i++) {
    const parent: EvalValue = cur;
    const step = path[i];
    const next: EvalValue | undefined = parent.kind === 'map' ? parent.entries.get(String(step)) : parent.kind === 'list' && typeof step === 'number' ? parent.items[step] : undefined;
    if (!next) return;
    if (i === path.length - 1) {
      const marked = markSensitive(next);
      if (parent.kind === 'map') parent.entries.set(String(step), marked);
      else if (parent.kind === 'list') parent.items[step as number] = marked;
    }
    cur = next;
  }
}
