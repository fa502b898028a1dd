// The evaluation scopes of module instances below one root: one scope per instance
// (`module.web["api"]`), its inputs evaluated in the caller, and `module.<name>.<output>` answered
// from the called instance's outputs — a list for count, a map for for_each, as Terraform shapes it.
import type { EvalScope } from '../iac/terraform/evaluate';
import { evaluateExpr } from '../iac/terraform/evaluate';
import type { EvalValue } from '../iac/terraform/evalValue';
import { unknown } from '../iac/terraform/evalValue';
import { instanceBindings, moduleInputs, moduleInstanceKeys, moduleInstancePrefix, type ModuleNode } from '../iac/terraform/modules';

/** Builds the scope of one module instance; `moduleValue` answers `module.<name>` inside it. */
export type MakeScope = (node: ModuleNode, prefix: string, inputs: Map<string, EvalValue>, moduleValue: ModuleValue) => EvalScope;

/** `module.<name>`, or with `output` that output alone (undefined when only the whole value can answer). */
export type ModuleValue = (name: string, output?: string) => EvalValue | undefined;

export class ModuleScopes {
  private readonly scopes = new Map<string, EvalScope>();
  private readonly values = new Map<string, EvalValue>();
  private readonly computing = new Set<string>();

  constructor(private readonly make: MakeScope) {}

  /** The scope of `child` instance `key`, called from the instance `parentPrefix` whose scope is `parentScope`. */
  instanceScope(child: ModuleNode, parentScope: EvalScope, parentPrefix: string, key: number | string | undefined, values?: ReadonlyMap<string, EvalValue>): EvalScope {
    const prefix = moduleInstancePrefix(parentPrefix, child.name, key);
    let scope = this.scopes.get(prefix);
    if (!scope) {
      const inputs = moduleInputs(child.call!, parentScope, instanceBindings(key, values));
      scope = this.make(child, prefix, inputs, this.valueIn(child, () => scope!, prefix));
      this.scopes.set(prefix, scope);
    }
    return scope;
  }

  /** `module.<name>`, or one output of it, as the instance at `prefix` (code `node`, scope read when asked) sees it. */
  valueIn(node: ModuleNode, scope: () => EvalScope, prefix: string): ModuleValue {
    return (name, output) => (output === undefined ? this.moduleValue(node, scope(), prefix, name) : this.moduleOutput(node, scope(), prefix, name, output));
  }

  /**
   * `module.<name>.<output>` of a module called once (no count / for_each): that output alone, as
   * Terraform evaluates each output on its own. Most references read one output of a module that
   * declares many; evaluating them all on the first reference was a sixth of the inventory's
   * evaluation on public modules (issue 17). Undefined: ask `moduleValue` (repeated instances, an
   * output the module does not declare: its message comes from there).
   */
  moduleOutput(node: ModuleNode, scope: EvalScope, prefix: string, name: string, output: string): EvalValue | undefined {
    const child = node.children.find((c) => c.name === name);
    const declared = child?.outputs.get(output);
    if (!child || !declared || child.call!.body.attributes.count || child.call!.body.attributes.for_each) return undefined;
    const whole = this.values.get(`${prefix}module.${name}`);
    if (whole) return whole.kind === 'map' ? whole.entries.get(output) : undefined;
    const memo = `${prefix}module.${name}.${output}`;
    const cached = this.values.get(memo);
    if (cached) return cached;
    if (this.computing.has(memo)) return unknown(`module.${name}.${output}: its outputs depend on each other in a cycle`);
    this.computing.add(memo);
    try {
      const value = evaluateExpr(declared.expr, { scope: this.instanceScope(child, scope, prefix, undefined), file: declared.file });
      this.values.set(memo, value);
      return value;
    } finally {
      this.computing.delete(memo);
    }
  }

  /** `module.<name>` as the module instance at `prefix` (scope `scope`, code `node`) sees it. */
  moduleValue(node: ModuleNode, scope: EvalScope, prefix: string, name: string): EvalValue | undefined {
    const child = node.children.find((c) => c.name === name);
    if (!child) return undefined;
    const memo = `${prefix}module.${name}`;
    const cached = this.values.get(memo);
    if (cached) return cached;
    if (this.computing.has(memo)) return unknown(`module.${name}: its outputs depend on each other in a cycle`);
    this.computing.add(memo);
    try {
      const keys = moduleInstanceKeys(child.call!, scope);
      let value: EvalValue;
      if (keys.unknownReason) value = unknown(keys.unknownReason);
      else {
        const objectOf = (key: number | string | undefined): EvalValue => {
          const inner = this.instanceScope(child, scope, prefix, key, keys.values);
          const entries = new Map<string, EvalValue>();
          for (const out of child.outputs.values()) entries.set(out.name, evaluateExpr(out.expr, { scope: inner, file: out.file }));
          return { kind: 'map', entries };
        };
        if (child.call!.body.attributes.count) value = { kind: 'list', items: keys.keys.map(objectOf) };
        else if (child.call!.body.attributes.for_each) value = { kind: 'map', entries: new Map(keys.keys.map((k) => [String(k), objectOf(k)])) };
        else value = objectOf(undefined);
      }
      this.values.set(memo, value);
      return value;
    } finally {
      this.computing.delete(memo);
    }
  }
}
