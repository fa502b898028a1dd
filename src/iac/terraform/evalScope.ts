// The scope of one module's expressions: variables (tfvars over defaults), locals (with cycle
// detection), resources (through state, or through their own code when state lacks them), and
// Terraform's special names. Results are memoized per scope.
import type { TraverseStep } from '../../model/ast';
import type { EvalScope, FunctionResult } from './evaluate';
import { applySteps, evaluateExpr } from './evaluate';
import type { EvalValue } from './evalValue';
import { failure, markSensitive, scalar, unknown } from './evalValue';
import type { TerraformState } from './state';
import type { DeclaredResource, ModuleIndex, Value } from '../../model';
import { traversalText } from './literal';
import { createDeclaredReferences, resourceValue } from './resourceReference';
import { convertToType } from './variableType';

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
  /**
   * The value of `module.<name>` (its outputs; a list or map of them for count / for_each); with
   * `output`, that output alone, or undefined when only the whole value can answer.
   */
  moduleValue?: (name: string, output?: string) => EvalValue | undefined;
}

export function createModuleScope(options: ModuleScopeOptions): EvalScope {
  const { index, tfvars, state } = options;
  const variables = new Map<string, EvalValue>();
  const locals = new Map<string, EvalValue>();
  const resources = new Map<string, EvalValue>();
  // One stack for locals and resource references, so a cycle through both is named whole.
  const evaluating: string[] = [];
  const declaredResources = new Map<string, DeclaredResource>();
  for (const r of index.resources) if (!declaredResources.has(r.address)) declaredResources.set(r.address, r);
  const declaredReference = createDeclaredReferences(() => scope, evaluating);
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
      const id = `local.${name}`;
      if (evaluating.includes(id)) {
        const cycle = [...evaluating.slice(evaluating.indexOf(id)), id].join(' → ');
        return unknown(`cycle: ${cycle}`);
      }
      evaluating.push(id);
      let v: EvalValue;
      try {
        v = evaluateExpr(declared.attribute.expr, { scope, file: declared.file });
      } finally {
        evaluating.pop();
      }
      locals.set(name, v);
      return v;
    },
    resource(type, name, steps) {
      const address = `${type}.${name}`;
      const declared = declaredResources.get(address);
      if (!declared) return undefined;
      const inState = state?.resources.get((options.addressPrefix ?? '') + address);
      // Unchanged when state holds it: state is what Terraform itself would read.
      if (!inState || inState.instances.length === 0) return declaredReference(declared, steps, state ? `${address} is not in state` : `${address}: no terraform.tfstate`);
      let v = resources.get(address);
      if (!v) {
        v = resourceValue(inState);
        resources.set(address, v);
      }
      return applySteps(v, steps, address);
    },
    special(root, steps) {
      if (root === 'module' && options.moduleValue && steps[0]?.kind === 'GetAttr') {
        // `module.x.out`: that output alone when the module can answer so, else the whole value.
        if (steps[1]?.kind === 'GetAttr') {
          const output = options.moduleValue(steps[0].name, steps[1].name);
          if (output) return applySteps(output, steps, `module.${steps[0].name}.${steps[1].name}`, 2);
        }
        const value = options.moduleValue(steps[0].name);
        if (value) return applySteps(value, steps, `module.${steps[0].name}`, 1);
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
    else if (declared.default) v = evaluateExpr(declared.default.expr, { scope, file: declared.default.file ?? declared.file });
    else v = unknown(`var.${name} has no value (no default, not set in terraform.tfvars or *.auto.tfvars, TF_VAR_${name}, --var-file or --var)`);
    // Terraform converts the value to the declared type ("5" for a number is 5).
    v = convertToType(v, declared.type?.expr, `var.${name}`);
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
