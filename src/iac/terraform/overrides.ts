// Terraform's override files (`override.tf`, `*_override.tf`, and their `.tf.json` forms): they are
// skipped while a module's normal files are declared, then merged, file by file in lexical order, into
// the blocks those files declared. Merging never mutates its inputs: cached per-file declarations are shared.
import { basename } from 'node:path';
import type { Body, Range, SyntaxDiagnostic } from '../../model/ast';
import type { DeclaredAttribute, DeclaredBlock, DeclaredBody, DeclaredResource, ModuleIndex } from '../../model';
import { literalValue, setOwn } from './literal';
import { declareFile, emptyModuleIndex } from './declared';

export function isOverrideFile(file: string): boolean {
  return /(^|[\\/_])override\.tf(\.json)?$/.test(file);
}

/**
 * Merges one override file's declarations (`part`, declared on its own) into `index`, which already
 * holds every normal file and the earlier override files. Returns the override file's problems.
 */
export function applyOverrideFile(index: ModuleIndex, part: ModuleIndex, file: string): SyntaxDiagnostic[] {
  const problems: SyntaxDiagnostic[] = [];
  const missing = (what: string, range: Range): void => {
    problems.push({ severity: 'error', message: `Missing base ${what} to override: override file ${basename(file)} declares a block with no original.`, range });
  };
  for (const [list, own, kind] of [
    [index.resources, part.resources, 'resource'],
    [index.dataSources, part.dataSources, 'data'],
  ] as const) {
    for (const o of own) {
      const i = list.findIndex((x) => x.address === o.address);
      if (i < 0) {
        missing(`${kind} "${o.type}" "${o.name}"`, o.headerRange);
        continue;
      }
      if (Object.hasOwn(o.body.attributes, 'depends_on')) {
        problems.push({ severity: 'error', message: 'Unsupported override: the depends_on argument may not be used in an override block.', range: o.body.attributes.depends_on.nameRange });
      }
      list[i] = mergeResource(list[i], o, file);
    }
  }
  for (const [name, v] of Object.entries(part.variables)) {
    const base = index.variables[name];
    if (!Object.hasOwn(index.variables, name)) {
      missing(`variable "${name}"`, v.range);
      continue;
    }
    // The index keeps `sensitive` as a flag, so an override can turn it on but an explicit
    // `sensitive = false` cannot be told from an unset one: the original's `true` then stays (the safe side).
    setOwn(index.variables, name, {
      ...base,
      ...(v.default ? { default: fromFile(v.default, file) } : {}),
      sensitive: base.sensitive || v.sensitive,
    });
  }
  for (const [name, l] of Object.entries(part.locals)) {
    if (!Object.hasOwn(index.locals, name)) {
      missing(`local value "${name}"`, l.attribute.nameRange);
      continue;
    }
    setOwn(index.locals, name, l);
  }
  for (const p of part.providers) {
    const i = index.providers.findIndex((x) => x.configName === p.configName);
    if (i < 0) {
      missing(`provider configuration "${p.configName}"`, p.range);
      continue;
    }
    index.providers[i] = { ...index.providers[i], body: mergeBody(index.providers[i].body, p.body, file, false) };
  }
  for (const m of part.moduleCalls) {
    const i = index.moduleCalls.findIndex((x) => x.name === m.name);
    if (i < 0) {
      missing(`module call "${m.name}"`, m.range);
      continue;
    }
    const body = mergeBody(index.moduleCalls[i].body, m.body, file, false);
    const source = body.attributes.source ? literalValue(body.attributes.source.expr) : undefined;
    index.moduleCalls[i] = { ...index.moduleCalls[i], body, source: typeof source === 'string' ? source : undefined };
  }
  // Import blocks carry no header to merge by; Terraform keeps them as declared.
  index.imports.push(...part.imports);
  // A `backend` or `cloud` block in an override replaces whichever the original chose.
  if (part.backend !== undefined) index.backend = part.backend;
  return problems;
}

function mergeResource(base: DeclaredResource, o: DeclaredResource, file: string): DeclaredResource {
  const body = mergeBody(base.body, o.body, file, true);
  const merged: DeclaredResource = { ...base, body };
  // `count` / `for_each` live outside the body: an override that sets either replaces it.
  if (o.count) merged.count = fromFile(o.count, file);
  if (o.forEach) merged.forEach = fromFile(o.forEach, file);
  if (o.body.attributes.provider) merged.provider = o.provider;
  return merged;
}

/**
 * The general rule: each argument in the override replaces the original's; each nested block type in the
 * override replaces all the original's blocks of that type (a `dynamic "x"` counts as type `x`, both ways).
 * In a resource, `lifecycle` merges argument by argument instead.
 */
export function mergeBody(base: DeclaredBody, o: DeclaredBody, file: string, isResource: boolean): DeclaredBody {
  const attributes: Record<string, DeclaredAttribute> = {};
  for (const [name, a] of Object.entries(base.attributes)) setOwn(attributes, name, a);
  for (const [name, a] of Object.entries(o.attributes)) setOwn(attributes, name, fromFile(a, file));
  const generated = (b: DeclaredBlock): string => (b.type === 'dynamic' && b.labels[0] !== undefined ? b.labels[0] : b.type);
  const lifecycle = isResource ? mergedLifecycle(base, o, file) : undefined;
  const replaced = new Set(o.blocks.map(generated));
  const blocks: DeclaredBlock[] = [];
  for (const b of base.blocks) {
    if (lifecycle && b.type === 'lifecycle') {
      // The merged lifecycle takes the place of the original's first one.
      if (!blocks.includes(lifecycle)) blocks.push(lifecycle);
    } else if (!replaced.has(generated(b))) blocks.push(b);
  }
  for (const b of o.blocks) {
    if (lifecycle && b.type === 'lifecycle') {
      if (!blocks.includes(lifecycle)) blocks.push(lifecycle);
    } else blocks.push(blockFromFile(b, file));
  }
  return { attributes, blocks };
}

/** The original's `lifecycle` with the override's lifecycle arguments (and nested condition blocks) over it. */
function mergedLifecycle(base: DeclaredBody, o: DeclaredBody, file: string): DeclaredBlock | undefined {
  const overrides = o.blocks.filter((b) => b.type === 'lifecycle');
  const original = base.blocks.find((b) => b.type === 'lifecycle');
  if (!overrides.length || !original) return undefined;
  let body = original.body;
  for (const b of overrides) body = mergeBody(body, b.body, file, false);
  return { ...original, body };
}

function fromFile(a: DeclaredAttribute, file: string): DeclaredAttribute {
  // Field by field: a parsed attribute's ranges are getters (parsedAttribute.ts), which a spread would drop.
  return { name: a.name, expr: a.expr, nameRange: a.nameRange, valueRange: a.valueRange, file };
}

function blockFromFile(b: DeclaredBlock, file: string): DeclaredBlock {
  const attributes: Record<string, DeclaredAttribute> = {};
  for (const [name, a] of Object.entries(b.body.attributes)) setOwn(attributes, name, fromFile(a, file));
  return { ...b, file, body: { attributes, blocks: b.body.blocks.map((x) => blockFromFile(x, file)) } };
}

/** An override file declared on its own, waiting for the normal files. */
export interface PendingOverride {
  file: string;
  part: ModuleIndex;
}

/**
 * `declareFile` for any file of a module: a normal file is declared into `index`, an override file on
 * its own into `pending`, for `applyOverrideFiles` once every file is read.
 */
export function declareModuleFile(index: ModuleIndex, pending: PendingOverride[], file: string, body: Body, text?: string): SyntaxDiagnostic[] {
  if (!isOverrideFile(file)) return declareFile(index, file, body, text);
  const part = emptyModuleIndex(index.dir);
  pending.push({ file, part });
  return declareFile(part, file, body, text);
}

/** Applies the pending override files in lexical order of their names, adding each one's problems to its `index.files` entry. */
export function applyOverrideFiles(index: ModuleIndex, pending: readonly PendingOverride[]): void {
  const ordered = [...pending].sort((a, b) => compare(basename(a.file), basename(b.file)));
  for (const p of ordered) {
    const problems = applyOverrideFile(index, p.part, p.file);
    if (!problems.length) continue;
    const at = index.files.findIndex((f) => f.file === p.file);
    if (at < 0) index.files.push({ file: p.file, diagnostics: problems });
    else index.files[at] = { file: p.file, diagnostics: [...index.files[at].diagnostics, ...problems] };
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
