// The scope of one module's expressions: variables (tfvars over defaults), locals (with cycle
// detection), resources through state, and Terraform's special names. Results are memoized per scope.
import type { TraverseStep } from './ast';
import type { EvalScope, FunctionResult } from './evaluate';
import { applySteps, evaluateExpr } from './evaluate';
import type { EvalValue } from './evalValue';
import { failure, fromValue, markSensitive, scalar, unknown } from './evalValue';
import type { StateInstance, StateResource, TerraformState } from './state';
import type { ModuleIndex, Value } from '../../engine/model';
import { traversalText } from './literal';
import { isSensitiveSegments } from '../sensitive';

export type CallFunction = (name: string, args: Value[]) => FunctionResult;

export interface ModuleScopeOptions {
  index: ModuleIndex;
  /** Values from tfvars files, already in precedence order. */
  tfvars?: ReadonlyMap<string, EvalValue>;
  state?: TerraformState;
  callFunction?: CallFunction;
  /** `terraform.workspace` (from `.terraform/environment` or TF_WORKSPACE); "default" otherwise. */
  workspace?: string;
  /** Inside a module instance: `module.net.` / `module.web["api"].`, the prefix of its state addresses. */
  addressPrefix?: string;
  /** `path.module`: the module's folder relative to the root module ("." for the root). */
  modulePath?: string;
  /** The value of `module.<name>` (its outputs; a list or map of them for count / for_each). */
  moduleValue?: (name: string) => EvalValue | undefined;
}

export function createModuleScope(options: ModuleScopeOptions): EvalScope {
  const { index, tfvars, state } = options;
  const variables = new Map<string, EvalValue>();
  const locals = new Map<string, EvalValue>();
  const resources = new Map<string, EvalValue>();
  const evaluatingLocals: string[] = [];
  const declaredResources = new Set(index.resources.map((r) => r.address));
  const callFunction: CallFunction = options.callFunction ?? ((name) => ({ unknown: `function ${name}() not supported` }));

  const scope: EvalScope = {
    variable(name) {
      let v = variables.get(name);
      if (!v) {
        v = computeVariable(name);
        variables.set(name, v);
      }
      return v;
    },
    local(name) {
      const cached = locals.get(name);
      if (cached) return cached;
      const declared = index.locals[name];
      if (!declared) return failure(`local.${name} is not declared`);
      if (evaluatingLocals.includes(name)) {
        const cycle = [...evaluatingLocals.slice(evaluatingLocals.indexOf(name)), name].map((n) => `local.${n}`).join(' → ');
        return unknown(`cycle: ${cycle}`);
      }
      evaluatingLocals.push(name);
      let v: EvalValue;
      try {
        v = evaluateExpr(declared.attribute.expr, { scope, file: declared.file });
      } finally {
        evaluatingLocals.pop();
      }
      locals.set(name, v);
      return v;
    },
    resource(type, name) {
      const address = `${type}.${name}`;
      if (!declaredResources.has(address)) return undefined;
      let v = resources.get(address);
      if (!v) {
        v = resourceValue(address, state?.resources.get((options.addressPrefix ?? '') + address), state !== undefined);
        resources.set(address, v);
      }
      return v;
    },
    special(root, steps) {
      if (root === 'module' && options.moduleValue && steps[0]?.kind === 'GetAttr') {
        const value = options.moduleValue(steps[0].name);
        if (value) return applySteps(value, steps.slice(1), `module.${steps[0].name}`);
      }
      return specialValue(root, steps, index.dir, options.workspace ?? 'default', options.modulePath ?? '.');
    },
    callFunction,
  };

  function computeVariable(name: string): EvalValue {
    const declared = index.variables[name];
    if (!declared) return failure(`var.${name} is not declared`);
    const fromTfvars = tfvars?.get(name);
    let v: EvalValue;
    if (fromTfvars) v = fromTfvars;
    else if (declared.default) v = evaluateExpr(declared.default.expr, { scope, file: declared.file });
    else v = unknown(`var.${name} has no value (no default, not set in terraform.tfvars or *.auto.tfvars)`);
    return declared.sensitive ? markSensitive(v) : v;
  }

  return scope;
}

function specialValue(root: string, steps: TraverseStep[], dir: string, workspace: string, modulePath: string): EvalValue | undefined {
  const first = steps[0]?.kind === 'GetAttr' ? steps[0].name : undefined;
  switch (root) {
    case 'path':
      if (first === 'module') return scalar(modulePath);
      if (first === 'root') return scalar('.');
      if (first === 'cwd') return scalar(dir);
      return unknown(`${traversalText(root, steps)} is not a path Terraform knows`);
    case 'terraform':
      return first === 'workspace' ? scalar(workspace) : unknown(`${traversalText(root, steps)}`);
    case 'data':
      return unknown(`data source ${traversalText(root, steps.slice(0, 2))}`);
    case 'module':
      return unknown(`module output ${traversalText(root, steps.slice(0, 2))}`);
    case 'self':
      return unknown('self is only known while provisioning');
    case 'ephemeral':
      return unknown(`ephemeral value ${traversalText(root, steps.slice(0, 2))}`);
    default:
      return undefined;
  }
}

/** A resource as an expression sees it: one object, a list (count) or a map (for_each) of its instances' state attributes. */
function resourceValue(address: string, resource: StateResource | undefined, haveState: boolean): EvalValue {
  if (!resource || resource.instances.length === 0) return unknown(haveState ? `${address} is not in state` : `${address}: no terraform.tfstate`);
  if (resource.each === 'list') {
    const sorted = [...resource.instances].sort((a, b) => Number(a.indexKey) - Number(b.indexKey));
    return { kind: 'list', items: sorted.map((i) => instanceValue(i, resource.type)) };
  }
  if (resource.each === 'map') {
    return { kind: 'map', entries: new Map(resource.instances.map((i) => [String(i.indexKey), instanceValue(i, resource.type)])) };
  }
  return instanceValue(resource.instances[0], resource.type);
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
