// What one file declares, on its own, and how a module's files combine: the unit the index cache
// keeps, so re-indexing a module whose files did not change is a merge, not a parse or a walk.
// `mergeFileDeclarations` applies the cross-file rules of `declareFile` (first variable/local wins,
// a resource declared twice is an error; override files merge last); a test holds the two equal.
import { basename, dirname } from 'node:path';
import type { DeclaredResource, ModuleIndex } from '../model';
import type { ParseResult, SyntaxDiagnostic } from '../model/ast';
import { declareFile, emptyModuleIndex } from './terraform/declared';
import { applyOverrideFiles, isOverrideFile, type PendingOverride } from './terraform/overrides';

/** One file's declarations as a one-file module index (its own diagnostics in `files[0]`). */
export type FileDeclarations = ModuleIndex;

export function declareOneFile(file: string, text: string, parse: (file: string, text: string) => ParseResult): FileDeclarations {
  const parsed = parse(file, text);
  const index = emptyModuleIndex(dirname(file));
  const problems = declareFile(index, file, parsed.body, text);
  index.files.push({ file, diagnostics: problems.length ? [...parsed.diagnostics, ...problems] : parsed.diagnostics });
  return index;
}

/** The module index of `dir` from its files' declarations, in Terraform's file order. Inputs are not mutated. */
export function mergeFileDeclarations(dir: string, parts: readonly FileDeclarations[]): ModuleIndex {
  const out = emptyModuleIndex(dir);
  const pending: PendingOverride[] = [];
  // The first block of each address, by kind: a lookup per block, not a scan of the list (which
  // made one large file's merge quadratic in its resources, issue 17).
  const firsts = { resource: new Map<string, DeclaredResource>(), data: new Map<string, DeclaredResource>() };
  for (const part of parts) {
    const file = part.files[0]?.file;
    if (file !== undefined && isOverrideFile(file)) {
      pending.push({ file, part });
      out.files.push(...part.files);
      continue;
    }
    const problems: SyntaxDiagnostic[] = [];
    for (const [list, own, kind] of [
      [out.resources, part.resources, 'resource'],
      [out.dataSources, part.dataSources, 'data'],
    ] as const) {
      for (const r of own) {
        // Earlier files all come first, so the first block of an address from another file is the first one there is.
        const seen = firsts[kind].get(r.address);
        if (!seen) firsts[kind].set(r.address, r);
        const first = seen && seen.file !== r.file ? seen : undefined;
        if (first) {
          problems.push({
            severity: 'error',
            message: `Duplicate ${kind} "${r.type}" configuration: "${r.address}" was already declared at ${basename(first.file)}:${first.range.start.line + 1}.`,
            range: r.headerRange,
          });
        }
        list.push(r);
      }
    }
    for (const [name, v] of Object.entries(part.variables)) if (!Object.hasOwn(out.variables, name)) out.variables[name] = v;
    for (const [name, l] of Object.entries(part.locals)) if (!Object.hasOwn(out.locals, name)) out.locals[name] = l;
    out.providers.push(...part.providers);
    out.moduleCalls.push(...part.moduleCalls);
    out.imports.push(...part.imports);
    if (part.backend !== undefined && !(part.backend === 'cloud' && out.backend !== undefined)) out.backend = part.backend;
    for (const f of part.files) out.files.push(problems.length ? { file: f.file, diagnostics: [...f.diagnostics, ...problems] } : f);
  }
  applyOverrideFiles(out, pending);
  return out;
}
