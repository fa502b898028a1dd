// One root module from files to resolved instances: tfvars, state, the evaluation scope, and for
// each declared resource its instances (count / for_each / state) with their desired attributes.
import { join, relative } from 'node:path';
import type { DeclaredResource, ModuleIndex, ProviderConfig, ScanError } from '../model';
import type { WorkspaceIo } from './workspaceIo';
import { createModuleScope, type CallFunction } from '../iac/terraform/evalScope';
import type { EvalScope } from '../iac/terraform/evaluate';
import { evaluateExpr } from '../iac/terraform/evaluate';
import type { EvalValue } from '../iac/terraform/evalValue';
import { asNumber, asString, scalar } from '../iac/terraform/evalValue';
import type { Parse } from '../iac/terraform/tfvars';
import { loadVariableInputs, type VariableInputs } from '../iac/terraform/variableInputs';
import { instanceKeyText, parseState, StateError, type StateInstance, type StateResource, type TerraformState } from '../iac/terraform/state';
import { evaluateBody, type DesiredBody } from './desired';
import { readStateFile } from './stateFile';
import { ModuleScopes } from './moduleScopes';
import { ProviderConfigs } from './providerConfigs';
import { needsRemoteState, pullRemoteState, uninitializedRoot, type StatePullOptions } from '../iac/terraform/remoteState';
import { currentWorkspace, statePathFor } from '../iac/terraform/workspaces';
import { parseTerraformText } from '../iac/moduleIndex';
import { loadModuleTree, moduleInstanceKeys, moduleInstancePrefix, moduleResources, providerMapping, relativeModulePath, type ModuleNode } from '../iac/terraform/modules';
import { applyDefaultTags, awsTagSettings, isIgnoredTag, type AwsTagSettings } from './providerTags';
import { driftPrefixes, dropIgnoredAttributes, isUnder, parseIgnoreChanges, type IgnoreChanges } from './ignoreChanges';

export interface ResolvedInstance {
  /** Instance address: `aws_instance.web[0]`. */
  address: string;
  resource: DeclaredResource;
  liveId: string | null;
  /** Why it cannot be fetched (not in state, state unreadable…). */
  unverifiedReason?: string;
  desired: DesiredBody;
  providerConfig: ProviderConfig;
  /** Attribute paths the results leave out: `ignore_tags` keys, `ignore_changes` paths and all below them. */
  ignored?: (attribute: string) => boolean;
  /** `lifecycle.ignore_changes`: the results compare ignored paths below the top level with the live value. */
  ignoreChanges?: IgnoreChanges;
  /** Top-level string attributes of the instance in state (sensitive ones left out), for placement cross-checks. */
  stateAttributes?: Record<string, string>;
}

export interface ResolvedRoot {
  dir: string;
  index: ModuleIndex;
  instances: ResolvedInstance[];
  errors: ScanError[];
  /** The state `terraform state pull` returned, and the local path it stands for. */
  pulledState?: { path: string; text: string };
  /** Why this root has no usable state (instances without a derived ID carry it as their reason), and the state file meant. */
  noState?: { reason: string; file: string };
  /** The folders of the modules it calls, recursively (a saved file there re-scans this root). */
  moduleDirs?: string[];
}

/** A resolved root as fetch and compare read it: its instances, never its module index. */
export type InstanceRoot = Omit<ResolvedRoot, 'index'>;

export interface ResolveOptions {
  io: WorkspaceIo;
  parse: Parse;
  callFunction?: CallFunction;
  /** Environment for TF_WORKSPACE / TF_DATA_DIR; defaults to none. */
  env?: Record<string, string | undefined>;
  /** Pull the state of a configured backend with `terraform state pull` when there is no local state; off when absent. */
  remoteState?: StatePullOptions;
  /** `TF_VAR_*` (from `variables.env`, else `env`) and `--var-file` / `--var` in order. */
  variables?: VariableInputs;
}

export async function resolveRoot(index: ModuleIndex, names: string[], options: ResolveOptions): Promise<ResolvedRoot> {
  const errors: ScanError[] = [];
  const dir = index.dir;
  // Defaults < TF_VAR_ < terraform.tfvars(.json) < *.auto.tfvars < --var-file / --var: one layered map for the root and its provider blocks.
  const tfvars = await loadVariableInputs(dir, names, index.variables, options.io.readFile, options.parse, { ...options.variables, env: options.variables?.env ?? options.env });
  for (const d of tfvars.diagnostics) errors.push({ kind: d.kind ?? 'syntax', ...(d.file ? { file: d.file } : {}), ...(d.kind ? {} : { range: d.range }), message: d.message, severity: d.kind ? d.severity : 'warning' });

  const selected = await currentWorkspace(dir, options.io, options.env ?? {});
  if ('error' in selected) errors.push({ kind: 'config', file: join(dir, '.terraform', 'environment'), message: `${selected.error}; using "default"`, severity: 'warning' });
  const workspace = 'name' in selected ? selected.name : 'default';
  const statePath = statePathFor(dir, workspace);
  // As it streams in where the io can: never the whole text and its parsed tree at once (issue 15).
  let readState = await readStateFile(options.io, statePath);
  let state: TerraformState | undefined;
  let noStateReason: string | undefined;
  let pulledState: ResolvedRoot['pulledState'];
  if (readState === undefined && options.remoteState && needsRemoteState(index, false)) {
    const env = { ...process.env, ...options.env };
    const pulled = uninitializedRoot(dir, names, { terraformPath: options.remoteState.terraformPath, env }) ?? (await pullRemoteState(dir, { ...options.remoteState, env }));
    if (pulled.ok) {
      const text = pulled.text;
      readState = () => parseState(text, statePath);
      pulledState = { path: statePath, text };
    } else {
      noStateReason = pulled.reason;
      // Once per root, not once per resource: a wrong --terraform path is the scan's setting, the rest is the state's.
      if (pulled.kind === 'cli-missing') errors.push({ kind: 'config', message: `${pulled.reason} (needed for the state of ${dir})`, severity: 'error' });
      else if (pulled.kind !== 'cancelled') errors.push({ kind: 'state', file: statePath, message: pulled.reason, severity: pulled.kind === 'no-state' ? 'warning' : 'error' });
    }
  }
  if (readState === undefined && workspace !== 'default' && !noStateReason && !index.backend && !(await options.io.readDir(join(dir, 'terraform.tfstate.d'))).some((e) => e.isDirectory && e.name === workspace)) {
    // Terraform refuses a selected workspace the local backend does not have (no terraform.tfstate.d/<name>): say so once.
    noStateReason = `not in state: workspace "${workspace}" has no ${relative(dir, statePath)}`;
    errors.push({ kind: 'config', file: statePath, message: `unknown workspace "${workspace}" (from ${'source' in selected ? selected.source : 'the environment'}): no ${relative(dir, statePath)} in ${dir}`, severity: 'error' });
  }
  if (readState === undefined) {
    noStateReason ??= index.backend
      ? `not in state: the state is in the "${index.backend}" backend; run \`terraform state pull > terraform.tfstate\` in ${dir}`
      : `not in state: no terraform.tfstate in ${dir}`;
  } else {
    try {
      state = readState();
    } catch (err) {
      const message = err instanceof StateError ? err.message : String(err);
      errors.push({ kind: 'state', file: statePath, message, severity: 'error' });
      noStateReason = `state unreadable: ${message}`;
    }
  }

  // Module calls: each instance gets its own scope, its inputs evaluated in the caller.
  const { tree, errors: moduleErrors } = await loadModuleTree(index, options.io, parseTerraformText);
  errors.push(...moduleErrors);
  const modules = new ModuleScopes((node, addressPrefix, inputs, moduleValue) =>
    createModuleScope({ index: node.index, tfvars: inputs, state, callFunction: options.callFunction, workspace, addressPrefix, modulePath: relativeModulePath(dir, node.dir), moduleValue }),
  );
  const scope: EvalScope = createModuleScope({ index, tfvars: tfvars.values, state, callFunction: options.callFunction, workspace, moduleValue: modules.valueIn(tree, () => scope, '') });
  const providers = new ProviderConfigs(index, scope);
  const instances: ResolvedInstance[] = [];
  const tagSettings = new Map<string, AwsTagSettings>();
  const providerConfigFor = (name: string): ProviderConfig => providers.get(name).config;
  const unresolvedInstance = (resource: DeclaredResource, address: string, reason: string): ResolvedInstance => ({
    address,
    resource: { ...resource, root: dir, address },
    liveId: null,
    unverifiedReason: reason,
    desired: { entries: new Map(), range: resource.range },
    providerConfig: providerConfigFor(resource.provider),
  });
  const warnedIgnores = new Set<DeclaredResource>();
  const tagIgnores = new Map<AwsTagSettings | undefined, (attribute: string) => boolean>();
  const resolveResources = (moduleIndex: ModuleIndex, moduleScope: EvalScope, prefix: string, providerNames: ReadonlyMap<string, string>): void => {
    for (const declared of moduleIndex.resources) {
      // Inside a module, addresses carry the instance's prefix and provider configurations are the root's;
      // `root` is the calling root module, so two roots sharing one module give two distinct findings.
      const resource = prefix ? { ...declared, root: dir, address: prefix + declared.address, provider: providerNames.get(declared.provider) ?? declared.provider } : declared;
      const providerConfig = providerConfigFor(resource.provider);
      let tags = tagSettings.get(resource.provider);
      if (!tags && providerConfig.provider === 'aws') {
        const entry = providers.get(resource.provider);
        tags = awsTagSettings(entry.declared, entry.scope);
        tagSettings.set(resource.provider, tags);
      }
      const ignoreChanges = parseIgnoreChanges(resource);
      // Once per block, not per module instance.
      if (!warnedIgnores.has(declared)) for (const w of ignoreChanges?.warnings ?? []) errors.push({ kind: 'config', file: resource.file, range: w.range, message: `${resource.address}: ${w.message}`, severity: 'warning' });
      const ignoredPrefixes = ignoreChanges?.paths.flatMap(driftPrefixes) ?? [];
      // One function per resource, and one per provider's tag settings for all that ignore no change (issue 15).
      const ignored = ignoredPrefixes.length > 0 ? ignoredBy(ignoredPrefixes, tags) : (tagIgnores.get(tags) ?? tagIgnores.set(tags, ignoredBy([], tags)).get(tags)!);
      warnedIgnores.add(declared);
      let expanded: Expanded[];
      try {
        expanded = expandInstances(resource, state?.resources.get(resource.address), moduleScope, noStateReason, index);
      } catch (err) {
        // A bug of ours on one unusual block must not stop the scan of the others.
        errors.push({ kind: 'config', file: resource.file, range: resource.headerRange, message: `${resource.address}: cannot evaluate (${err instanceof Error ? err.message : String(err)})`, severity: 'warning' });
        continue;
      }
      for (const inst of expanded) {
        let desired: DesiredBody;
        try {
          desired = evaluateBody(resource.body, resource.range, resource.file, moduleScope, inst.bindings);
        } catch (err) {
          const message = `cannot evaluate ${inst.address}: ${err instanceof Error ? err.message : String(err)}`;
          errors.push({ kind: 'config', file: resource.file, range: resource.headerRange, message, severity: 'warning' });
          instances.push({ address: inst.address, resource, liveId: inst.liveId, unverifiedReason: message, desired: { entries: new Map(), range: resource.range }, providerConfig });
          continue;
        }
        if (tags) applyDefaultTags(desired, tags);
        dropIgnoredAttributes(desired, ignoreChanges);
        instances.push({ address: inst.address, resource, liveId: inst.liveId, ...(inst.reason ? { unverifiedReason: inst.reason } : {}), desired, providerConfig, ignored, ...(ignoreChanges ? { ignoreChanges } : {}), ...(inst.stateAttributes ? { stateAttributes: inst.stateAttributes } : {}) });
      }
    }
  };
  // The root, then every module instance below it, depth first.
  const visit = (node: ModuleNode, nodeScope: EvalScope, prefix: string, inherited: ReadonlyMap<string, string>): void => {
    // A module's own provider blocks override what it inherits, for its resources and the modules it calls.
    const providerNames = providers.enterModule(node.index, nodeScope, prefix, inherited);
    resolveResources(node.index, nodeScope, prefix, providerNames);
    for (const child of node.children) {
      const keys = moduleInstanceKeys(child.call!, nodeScope);
      const names = providerMapping(child.call!, providerNames);
      if (keys.unknownReason) {
        // The instances cannot be counted: every resource below is unverified, under the call's address.
        for (const r of moduleResources(child)) instances.push(unresolvedInstance(r.resource, `${prefix}module.${child.name}.${r.path}${r.resource.address}`, `module.${child.name}: ${keys.unknownReason}`));
        continue;
      }
      for (const key of keys.keys) visit(child, modules.instanceScope(child, nodeScope, prefix, key, keys.values), moduleInstancePrefix(prefix, child.name, key), names);
    }
  };
  visit(tree, scope, '', new Map());
  const moduleDirs = new Set<string>();
  const collect = (node: ModuleNode): void => node.children.forEach((c) => (moduleDirs.add(c.dir), collect(c)));
  collect(tree);
  moduleDirs.delete(dir);
  return { dir, index, instances, errors, moduleDirs: [...moduleDirs], ...(pulledState ? { pulledState } : {}), ...(noStateReason ? { noState: { reason: noStateReason, file: statePath } } : {}) };
}

/**
 * Whether an attribute is left out of the results. Made out here, not inline: a closure made inside
 * resolveRoot keeps its whole scope alive (the parsed state, the run's file memo) as long as the
 * instance lives, through fetch and compare (issue 15).
 */
function ignoredBy(prefixes: string[], settings: AwsTagSettings | undefined): (attribute: string) => boolean {
  return (attribute) => isUnder(attribute, prefixes) || (!!settings && attribute.startsWith('tags.') && isIgnoredTag(attribute.slice(5), settings));
}

interface Expanded {
  address: string;
  liveId: string | null;
  reason?: string;
  bindings: Map<string, EvalValue>;
  stateAttributes?: Record<string, string>;
}

/**
 * The instances of one declared resource: what state holds for it, plus those the code says must exist
 * (a known count / for_each) that state lacks — those are unverified, never missing.
 */
function expandInstances(resource: DeclaredResource, stateResource: StateResource | undefined, scope: EvalScope, noStateReason: string | undefined, index: ModuleIndex): Expanded[] {
  const keys = expectedKeys(resource, scope);
  const out: Expanded[] = [];
  const forEach = keys?.forEach;
  const bindingsFor = (key: number | string | undefined): Map<string, EvalValue> => {
    const b = new Map<string, EvalValue>();
    if (typeof key === 'number') b.set('count', { kind: 'map', entries: new Map([['index', scalar(key)]]) });
    else if (typeof key === 'string') {
      const value = forEach?.get(key) ?? { kind: 'unknown', reason: `each.value for "${key}": for_each is not known` };
      b.set('each', { kind: 'map', entries: new Map<string, EvalValue>([['key', scalar(key)], ['value', value]]) });
    }
    return b;
  };
  const seen = new Set<string>();
  for (const inst of stateResource?.instances ?? []) {
    // When the code's count/for_each is known, state instances it no longer declares are Terraform's to destroy, not ours to compare.
    if (keys && !keys.list.some((k) => k === inst.indexKey)) continue;
    seen.add(inst.address);
    out.push({ address: inst.address, liveId: inst.id, ...(inst.id ? {} : { reason: 'no id in state' }), bindings: bindingsFor(inst.indexKey), stateAttributes: stateStrings(inst) });
  }
  const expected = keys ? keys.list : resource.count || resource.forEach ? [] : [undefined];
  for (const key of expected) {
    const address = resource.address + instanceKeyText(key);
    if (seen.has(address)) continue;
    const imported = importedId(index, address, scope);
    if (imported) out.push({ address, liveId: imported, bindings: bindingsFor(key) });
    else out.push({ address, liveId: null, reason: noStateReason ?? 'not in state', bindings: bindingsFor(key) });
  }
  // Count / for_each unknown and nothing in state: one unverified entry for the resource.
  if (out.length === 0 && !keys && (resource.count || resource.forEach)) {
    out.push({ address: resource.address, liveId: null, reason: noStateReason ?? 'not in state', bindings: bindingsFor(undefined) });
  }
  return out;
}

/** The instance keys a known `count` / `for_each` asks for; undefined when unknown or absent. */
function expectedKeys(resource: DeclaredResource, scope: EvalScope): { list: (number | string)[]; forEach?: Map<string, EvalValue> } | undefined {
  if (resource.count) {
    const v = evaluateExpr(resource.count.expr, { scope, file: resource.count.file ?? resource.file });
    const n = v.kind === 'scalar' ? asNumber(v) : undefined;
    return n === undefined || n < 0 ? undefined : { list: Array.from({ length: Math.floor(n) }, (_, i) => i) };
  }
  if (resource.forEach) {
    const v = evaluateExpr(resource.forEach.expr, { scope, file: resource.forEach.file ?? resource.file });
    if (v.kind === 'map') return { list: [...v.entries.keys()], forEach: v.entries };
    if (v.kind === 'list') {
      // A set of strings: each.key and each.value are both the element.
      const map = new Map<string, EvalValue>();
      for (const item of v.items) {
        const s = item.kind === 'scalar' ? asString(item) : undefined;
        if (s === undefined) return undefined;
        map.set(s, item);
      }
      return { list: [...map.keys()], forEach: map };
    }
  }
  return undefined;
}

function importedId(index: ModuleIndex, address: string, scope: EvalScope): string | undefined {
  const imp = index.imports.find((i) => i.to === address);
  if (!imp?.id) return undefined;
  const v = evaluateExpr(imp.id.expr, { scope, file: imp.file });
  return v.kind === 'scalar' && typeof v.value === 'string' && v.value ? v.value : undefined;
}

/** The instance's top-level string attributes in state, without those Terraform marked sensitive. */
function stateStrings(inst: StateInstance): Record<string, string> {
  const sensitive = new Set(inst.sensitivePaths.filter((p) => p.length === 1).map((p) => String(p[0])));
  return Object.fromEntries(Object.entries(inst.attributes).filter((e): e is [string, string] => typeof e[1] === 'string' && !sensitive.has(e[0])));
}
