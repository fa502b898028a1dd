// Module calls: where a module's code is (a local `source`, or what `terraform init` installed as
// listed in `.terraform/modules/modules.json`), the tree of calls below a root, the instances of a
// call (count / for_each), its input values and the address prefix of what it declares.
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { DeclaredAttribute, DeclaredModuleCall, DeclaredResource, ModuleIndex, ScanError } from '../../model';
import type { Expression, ParseResult } from '../../model/ast';
import { emptyModuleIndex } from './declared';
import { applyOverrideFiles, declareModuleFile, type PendingOverride } from './overrides';
import type { EvalScope } from './evaluate';
import { evaluateExpr } from './evaluate';
import type { EvalValue } from './evalValue';
import { asNumber, asString, scalar } from './evalValue';
import { instanceKeyText } from './state';
import { compareStrings } from './functions/values';
import type { WorkspaceMemo } from '../workspaceMemo';
import { addOutputs, sharedFolderIndex, withOverriddenOutputs, type DeclaredOutput } from '../folderIndex';

export type { DeclaredOutput } from '../folderIndex';


export interface ModuleNode {
  /** The manifest key: "" for the root, `network`, `web.security_group`. */
  key: string;
  /** Call name in the parent; "" for the root. */
  name: string;
  call?: DeclaredModuleCall;
  /** Absolute folder of the module's code. */
  dir: string;
  index: ModuleIndex;
  outputs: Map<string, DeclaredOutput>;
  children: ModuleNode[];
}

export interface ModuleFiles {
  readFile(path: string): Promise<string | undefined>;
  readDir(dir: string): Promise<{ name: string; isDirectory: boolean }[]>;
  /** Set for one run (src/iac/workspaceMemo.ts): a module many roots or calls reach is read and parsed once. */
  memo?: WorkspaceMemo;
}

/** Arguments of a module block that are Terraform's, not input variables. */
export const moduleMetaArguments: ReadonlySet<string> = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

const maxDepth = 16;

/** `.terraform/modules/modules.json`: manifest key → absolute module folder. Missing or unreadable: empty. */
export async function readModuleManifest(rootDir: string, readFile: ModuleFiles['readFile'], dataDir = '.terraform'): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const text = await readFile(join(rootDir, dataDir, 'modules', 'modules.json'));
  if (text === undefined) return out;
  try {
    const parsed = JSON.parse(text) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
    for (const m of parsed.Modules ?? []) {
      if (typeof m.Key === 'string' && typeof m.Dir === 'string') out.set(m.Key, isAbsolute(m.Dir) ? m.Dir : resolve(rootDir, m.Dir));
    }
  } catch {
    // A broken manifest is as good as none: local modules still resolve, installed ones are reported.
  }
  return out;
}

export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

/** The folder of a called module, or why it cannot be known. */
export function moduleDir(call: DeclaredModuleCall, callerDir: string, key: string, manifest: ReadonlyMap<string, string>): { dir: string } | { reason: string } {
  if (call.source === undefined) return { reason: `module.${call.name}: its source is not a literal string` };
  if (isLocalSource(call.source)) return { dir: resolve(callerDir, call.source) };
  const installed = manifest.get(key);
  if (installed) return { dir: installed };
  return { reason: `module.${call.name}: "${call.source}" is not installed; run terraform init` };
}

/** Parses one module folder, keeping its `output` blocks (the index has no place for them). */
export function indexModuleFolder(dir: string, files: ModuleFiles, parse: (name: string, text: string) => ParseResult): Promise<LoadedModule | undefined> {
  // The loaded module is never changed by its callers, so every call of one run can share it.
  return files.memo ? files.memo.folder('module', dir, () => loadModuleFolder(dir, files, parse)) : loadModuleFolder(dir, files, parse);
}

type LoadedModule = { index: ModuleIndex; outputs: Map<string, DeclaredOutput> };

async function loadModuleFolder(dir: string, files: ModuleFiles, parse: (name: string, text: string) => ParseResult): Promise<LoadedModule | undefined> {
  const entries = await files.readDir(dir);
  const names = entries.filter((e) => !e.isDirectory && (e.name.endsWith('.tf') || e.name.endsWith('.tf.json'))).map((e) => e.name).sort();
  if (names.length === 0) return undefined;
  if (files.memo) {
    // The folder's index and outputs as root indexing declared them (or will): one declaration per run.
    const shared = await sharedFolderIndex(dir, names, files, parse);
    if (shared) return { index: shared.folder.index, outputs: shared.folder.outputs };
  }
  const index = emptyModuleIndex(dir);
  const outputs = new Map<string, DeclaredOutput>();
  const pending: PendingOverride[] = [];
  const overridden: DeclaredOutput[] = [];
  // Every read is asked for at once (the memo bounds them); parsing follows in lexical order.
  const texts = names.map((name) => files.readFile(join(dir, name)));
  // A failed read surfaces where it is awaited, never as an unhandled rejection meanwhile.
  for (const t of texts) t.catch(() => undefined);
  for (const [i, name] of names.entries()) {
    const file = join(dir, name);
    let text = await texts[i];
    if (text === undefined) continue;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const parsed = files.memo ? files.memo.parse(file, name, text, parse) : parse(name, text);
    index.files.push({ file, diagnostics: parsed.diagnostics });
    declareModuleFile(index, pending, file, parsed.body, text);
    addOutputs(outputs, overridden, file, parsed);
  }
  applyOverrideFiles(index, pending);
  return { index, outputs: withOverriddenOutputs(outputs, overridden) };
}

/**
 * The module calls below a root, recursively. A call whose code cannot be found becomes an error
 * (its resources stay unknown); a module that calls itself is cut off.
 */
export async function loadModuleTree(
  root: ModuleIndex,
  files: ModuleFiles,
  parse: (name: string, text: string) => ParseResult,
): Promise<{ tree: ModuleNode; errors: ScanError[] }> {
  const errors: ScanError[] = [];
  const manifest = await readModuleManifest(root.dir, files.readFile);
  const tree: ModuleNode = { key: '', name: '', dir: root.dir, index: root, outputs: new Map(), children: [] };
  const visit = async (node: ModuleNode, chain: string[]): Promise<void> => {
    for (const call of node.index.moduleCalls) {
      const key = node.key ? `${node.key}.${call.name}` : call.name;
      const where = moduleDir(call, node.dir, key, manifest);
      if ('reason' in where) {
        errors.push({ kind: 'config', file: call.file, range: call.range, message: where.reason, severity: 'warning' });
        continue;
      }
      if (chain.includes(where.dir) || chain.length >= maxDepth) {
        errors.push({ kind: 'config', file: call.file, range: call.range, message: `module.${call.name}: modules call each other in a loop (${where.dir})`, severity: 'warning' });
        continue;
      }
      const loaded = await indexModuleFolder(where.dir, files, parse);
      if (!loaded) {
        errors.push({ kind: 'config', file: call.file, range: call.range, message: `module.${call.name}: no Terraform files in ${where.dir}`, severity: 'warning' });
        continue;
      }
      const child: ModuleNode = { key, name: call.name, call, dir: where.dir, index: loaded.index, outputs: loaded.outputs, children: [] };
      node.children.push(child);
      await visit(child, [...chain, where.dir]);
    }
  };
  await visit(tree, [root.dir]);
  return { tree, errors };
}

/** `module.net`, `module.net[0]`, `module.web["api"].module.sg`: the address prefix of one module instance. */
export function moduleInstancePrefix(parentPrefix: string, name: string, key?: number | string): string {
  return `${parentPrefix}module.${name}${instanceKeyText(key)}.`;
}

export interface ModuleInstanceKeys {
  /** Undefined for a call without count/for_each. */
  keys: (number | string | undefined)[];
  /** `each.value` per key (for_each). */
  values?: Map<string, EvalValue>;
  /** Set when count/for_each cannot be evaluated. */
  unknownReason?: string;
}

/** The instances a module call asks for, as Terraform expands count / for_each. */
export function moduleInstanceKeys(call: DeclaredModuleCall, scope: EvalScope, bindings?: ReadonlyMap<string, EvalValue>): ModuleInstanceKeys {
  return instanceKeys({ count: call.body.attributes.count, forEach: call.body.attributes.for_each, file: call.file }, `module.${call.name}`, scope, bindings);
}

/** The instance keys a `count` / `for_each` asks for (of a module call or a resource); `label` names it in reasons. */
export function instanceKeys(
  meta: { count?: DeclaredAttribute; forEach?: DeclaredAttribute; file: string },
  label: string,
  scope: EvalScope,
  bindings?: ReadonlyMap<string, EvalValue>,
): ModuleInstanceKeys {
  const { count, forEach } = meta;
  if (count) {
    const v = evaluateExpr(count.expr, { scope, file: meta.file, bindings });
    const n = v.kind === 'scalar' ? asNumber(v) : undefined;
    if (n === undefined || n < 0 || !Number.isInteger(n)) return { keys: [], unknownReason: v.kind === 'unknown' ? v.reason : `${label}: count is not a whole number` };
    return { keys: Array.from({ length: n }, (_, i) => i) };
  }
  if (forEach) {
    const v = evaluateExpr(forEach.expr, { scope, file: meta.file, bindings });
    if (v.kind === 'map') return { keys: [...v.entries.keys()].sort(compareStrings), values: v.entries };
    if (v.kind === 'list') {
      const values = new Map<string, EvalValue>();
      for (const item of v.items) {
        const s = item.kind === 'scalar' ? asString(item) : undefined;
        if (s === undefined) return { keys: [], unknownReason: `${label}: for_each set holds a value that is not a string` };
        values.set(s, item);
      }
      return { keys: [...values.keys()].sort(compareStrings), values };
    }
    return { keys: [], unknownReason: v.kind === 'unknown' ? v.reason : `${label}: for_each is not a map or set` };
  }
  return { keys: [undefined] };
}

/** `count.index` / `each.key` / `each.value` for one module instance. */
export function instanceBindings(key: number | string | undefined, values?: ReadonlyMap<string, EvalValue>): Map<string, EvalValue> {
  const b = new Map<string, EvalValue>();
  if (typeof key === 'number') b.set('count', { kind: 'map', entries: new Map([['index', scalar(key)]]) });
  else if (typeof key === 'string') {
    const value = values?.get(key) ?? { kind: 'unknown', reason: `each.value for "${key}" is not known` };
    b.set('each', { kind: 'map', entries: new Map<string, EvalValue>([['key', scalar(key)], ['value', value]]) });
  }
  return b;
}

/**
 * The input variables one module instance receives: each argument evaluated in the caller's scope.
 * Values keep their origins, so a drift on a value passed in points at the caller's literal.
 */
export function moduleInputs(call: DeclaredModuleCall, scope: EvalScope, bindings: ReadonlyMap<string, EvalValue>): Map<string, EvalValue> {
  const out = new Map<string, EvalValue>();
  for (const [name, attr] of Object.entries(call.body.attributes)) {
    if (moduleMetaArguments.has(name)) continue;
    out.set(name, evaluateExpr(attr.expr, { scope, file: call.file, bindings }));
  }
  return out;
}

/** `path.module` for a module folder: relative to the root, with forward slashes ("." for the root). */
export function relativeModulePath(rootDir: string, dir: string): string {
  const rel = relative(rootDir, dir).split('\\').join('/');
  return rel === '' ? '.' : rel;
}

/**
 * `providers = { aws = aws.west }` of a module call, as child configuration name → root configuration
 * name (through the parent's own mapping). Without the argument the child inherits the default ones.
 */
export function providerMapping(call: DeclaredModuleCall, parentNames: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const expr = call.body.attributes.providers?.expr;
  if (expr?.kind !== 'Object') {
    // Default (unaliased) configurations pass through unchanged.
    for (const [k, v] of parentNames) if (!k.includes('.')) out.set(k, v);
    return out;
  }
  const name = (e: Expression): string | undefined =>
    e.kind === 'ScopeTraversal' && e.steps.every((s) => s.kind === 'GetAttr') ? [e.root, ...e.steps.map((s) => (s.kind === 'GetAttr' ? s.name : ''))].join('.') : undefined;
  for (const item of expr.items) {
    const k = name(item.key);
    const v = name(item.value);
    if (k && v) out.set(k, parentNames.get(v) ?? v);
  }
  return out;
}

/** Every resource declared in a module and the modules it calls, with the module path below it (`module.sg.`). */
export function moduleResources(node: ModuleNode, path = ''): { resource: DeclaredResource; path: string }[] {
  const out = node.index.resources.map((resource) => ({ resource, path }));
  for (const c of node.children) out.push(...moduleResources(c, `${path}module.${c.name}.`));
  return out;
}
