// The evaluation scopes of module instances below one root: one scope per instance
// (`module.web["api"]`), its inputs evaluated in the caller, and `module.<name>.<output>` answered
// from the called instance's outputs — a list for count, a map for for_each, as Terraform shapes it.
import type { EvalScope } from '../iac/terraform/evaluate';
import { evaluateExpr } from '../iac/terraform/evaluate';
import type { EvalValue } from '../iac/terraform/evalValue';
import { unknown } from '../iac/terraform/evalValue';
import { instanceBindings, moduleInputs, moduleInstanceKeys, moduleInstancePrefix, type ModuleNode } from '../iac/terraform/modules';

/** Builds the scope of one module instance; `moduleValue` answers `module.<name>` inside it. */
export type MakeScope = (node: ModuleNode, prefix: string, inputs: Map<string, EvalValue>, moduleValue: (name: string) => EvalValue | undefined) => EvalScope;

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
      scope = this.make(child, prefix, inputs, (name) => this.moduleValue(child, scope!, prefix, name));
      this.scopes.set(prefix, scope);
    }
    return scope;
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
