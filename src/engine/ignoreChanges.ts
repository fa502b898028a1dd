// `lifecycle { ignore_changes = [...] }` as Terraform reads it (configs/resource.go): the keyword
// `all`, or a list of relative traversals — `tags["Owner"]`, `tags.Owner`,
// `root_block_device[0].volume_size` — with the legacy quoted forms ("ami", "*") still accepted.
// Terraform plans an ignored path with the prior value instead of the code's, so here an ignored
// path takes the live value: never drift, at any depth, and everything below it ignored too.
import type { AttributeSchema, DeclaredResource, Range, Value } from '../model';
import type { Expression } from '../model/ast';
import type { DesiredBody, DesiredEntry } from './desired';
import type { EvalValue } from '../iac/terraform/evalValue';
import { fromValue, unknown } from '../iac/terraform/evalValue';
import { parseExpression } from '../iac/terraform/parser';

export type IgnoreStep = string | number;

export interface IgnoreChanges {
  all: boolean;
  /** Each path from the attribute name down: `["tags", "Owner"]`, `["root_block_device", 0, "volume_size"]`. */
  paths: IgnoreStep[][];
  /** Deprecated or invalid forms, as Terraform warns about them. */
  warnings: { range: Range; message: string }[];
}

/** The resource's `lifecycle.ignore_changes`, or undefined when it has none. */
export function parseIgnoreChanges(resource: DeclaredResource): IgnoreChanges | undefined {
  const expr = resource.body.blocks.find((b) => b.type === 'lifecycle')?.body.attributes.ignore_changes?.expr;
  if (!expr) return undefined;
  const out: IgnoreChanges = { all: false, paths: [], warnings: [] };
  if (expr.kind === 'ScopeTraversal' && expr.root === 'all' && expr.steps.length === 0) return { ...out, all: true };
  for (const item of expr.kind === 'Tuple' ? expr.items : [expr]) {
    const literal = quoted(item);
    if (literal === '*') {
      out.all = true;
      out.warnings.push({ range: item.range, message: 'ignore_changes = ["*"] is no longer valid Terraform: write ignore_changes = all' });
      continue;
    }
    let traversal: Expression = item;
    if (literal !== undefined) {
      out.warnings.push({ range: item.range, message: `Quoted references are deprecated: write ${literal} without quotes in ignore_changes` });
      traversal = parseExpression(literal).expr;
    }
    const path = pathOf(traversal);
    if (!path) {
      out.warnings.push({ range: item.range, message: 'ignore_changes takes attribute paths (tags["Owner"], root_block_device[0].volume_size); this item is not one' });
      continue;
    }
    // `[all]` names no attribute in Terraform (it rejects it); whoever wrote it meant `all`.
    if (path.length === 1 && path[0] === 'all') out.all = true;
    else out.paths.push(path);
  }
  return out;
}

function quoted(e: Expression): string | undefined {
  return e.kind === 'Template' && e.parts.length === 1 && e.parts[0].kind === 'TemplateLiteral' ? e.parts[0].value : undefined;
}

function pathOf(e: Expression): IgnoreStep[] | undefined {
  if (e.kind !== 'ScopeTraversal') return undefined;
  return [e.root, ...e.steps.map((s) => (s.kind === 'GetAttr' ? s.name : s.key))];
}

/**
 * Drift paths an ignore path covers, in the spelling compare.ts uses: `a.b`, `a[1].b`, and for
 * index 0 also `a.b` (a single nested block is reported without its index).
 */
export function driftPrefixes(path: readonly IgnoreStep[]): string[] {
  let out = [String(path[0])];
  for (const step of path.slice(1)) {
    if (typeof step === 'number') out = out.flatMap((p) => (step === 0 ? [`${p}[0]`, p] : [`${p}[${step}]`]));
    else out = out.map((p) => `${p}.${step}`);
  }
  return out;
}

/** Whether a drift or unverified attribute path lies at or below one of `prefixes`. */
export function isUnder(attribute: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => attribute === p || attribute.startsWith(`${p}.`) || attribute.startsWith(`${p}[`));
}

/** The top-level names an ignore list removes from what is fetched and compared (`all` clears everything). */
export function dropIgnoredAttributes(desired: DesiredBody, ignore: IgnoreChanges | undefined): void {
  if (!ignore) return;
  if (ignore.all) desired.entries.clear();
  for (const p of ignore.paths) if (p.length === 1) desired.entries.delete(String(p[0]));
}

/**
 * `desired` with each deeper ignored path set to the live value (a copy; `desired` is not changed).
 * A path into a set (which Terraform cannot index) ignores the whole attribute.
 */
export function withLiveAtIgnoredPaths(desired: DesiredBody, live: Record<string, Value>, schema: Record<string, AttributeSchema> | undefined, ignore: IgnoreChanges | undefined): DesiredBody {
  const deep = ignore?.paths.filter((p) => p.length > 1) ?? [];
  if (deep.length === 0) return desired;
  const out = copyBody(desired);
  for (const path of deep) applyPath(out, live, schema, path);
  return out;
}

function copyBody(body: DesiredBody): DesiredBody {
  const entries = new Map<string, DesiredEntry>();
  for (const [k, e] of body.entries) entries.set(k, e.kind === 'blocks' ? { ...e, blocks: e.blocks.map(copyBody) } : e);
  return { ...body, entries };
}

function asObject(v: Value | undefined): Record<string, Value> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

function applyPath(body: DesiredBody, live: Record<string, Value>, schema: Record<string, AttributeSchema> | undefined, path: readonly IgnoreStep[]): void {
  const name = String(path[0]);
  const entry = body.entries.get(name);
  const rest = path.slice(1);
  if (!entry) return;
  const attrSchema = schema?.[name];
  if (entry.kind === 'attribute' && (rest.length === 0 || !isSet(attrSchema))) {
    const value = replaceAt(entry.value, rest, live[name]);
    if (value) body.entries.set(name, { ...entry, value });
    else body.entries.delete(name);
    return;
  }
  if (rest.length === 0 || entry.kind !== 'blocks' || isSet(attrSchema)) {
    body.entries.delete(name);
    return;
  }
  // Nested blocks, as compare.ts pairs them with the live list (or a single live object).
  const liveValue = live[name];
  const liveBlocks = Array.isArray(liveValue) ? liveValue : liveValue !== null && typeof liveValue === 'object' ? [liveValue] : [];
  const [step, ...below] = rest;
  // `block.attr` without an index (Terraform wants one) is taken for every block of that type.
  const targets = typeof step === 'number' ? [step] : entry.blocks.map((_, i) => i);
  const after = typeof step === 'number' ? below : rest;
  for (const i of targets) {
    const block = entry.blocks[i];
    if (!block) continue;
    if (after.length === 0) block.entries.clear();
    else applyPath(block, asObject(liveBlocks[i]), attrSchema?.attributes, after);
  }
}

/** Terraform cannot index a set: a path into one ignores the whole attribute. */
function isSet(schema: AttributeSchema | undefined): boolean {
  return !!(schema?.set || schema?.block === 'set' || (schema?.normalize && !schema.ordered));
}

/** `v` with the part at `steps` replaced by the live value there; undefined when the whole of `v` goes. */
function replaceAt(v: EvalValue, steps: readonly IgnoreStep[], live: Value | undefined): EvalValue | undefined {
  if (steps.length === 0) return live === undefined ? undefined : fromValue(live, !!v.sensitive);
  const [step, ...rest] = steps;
  if (v.kind === 'map') {
    const key = String(step);
    const liveSub = asObject(live)[key];
    const sub = v.entries.get(key);
    const entries = new Map(v.entries);
    const next = sub ? replaceAt(sub, rest, liveSub) : rest.length === 0 && liveSub !== undefined ? fromValue(liveSub) : undefined;
    if (next) entries.set(key, next);
    else entries.delete(key);
    return { ...v, entries };
  }
  if (v.kind === 'list') {
    const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : undefined;
    if (index === undefined || index >= v.items.length) return v;
    const items = [...v.items];
    // An element the live list lacks cannot take its value: the list is then not comparable.
    items[index] = replaceAt(items[index], rest, Array.isArray(live) ? live[index] : undefined) ?? unknown('lifecycle.ignore_changes ignores an element the live list does not have');
    return { ...v, items };
  }
  return v;
}
