// One folder's module index, declared once per run and shared by every reader of the folder in that
// run: the inventory's literal pass, root indexing (src/engine/roots.ts) and each call of the folder
// as a module (modules.ts). Before, a module folder of a repository with examples was declared three
// times per run, and every copy stayed alive to the end of it (issue 17 profile: a third of the
// inventory's CPU was garbage collection over retained trees and declarations).
import type { ModuleIndex } from '../model';
import type { Expression, ParseResult, Range, SyntaxDiagnostic } from '../model/ast';
import { emptyModuleIndex } from './terraform/declared';
import { applyOverrideFiles, declareModuleFile, isOverrideFile, type PendingOverride } from './terraform/overrides';
import type { WorkspaceMemo } from './workspaceMemo';
import { childPath } from './childPath';

/** An `output` block: the index has no place for them, a module call's value needs them. */
export interface DeclaredOutput {
  name: string;
  file: string;
  expr: Expression;
  range: Range;
}

export interface SharedFolder {
  /**
   * The index as root indexing and module loading read a folder: each file's diagnostics are its
   * parse diagnostics, then its override problems. Shared: never mutated by its readers.
   */
  index: ModuleIndex;
  /** Per file (in `names` order), `declareFile`'s problems (a resource declared twice…), which the inventory also reports. */
  problems: SyntaxDiagnostic[][];
  /** Per file, how many of its diagnostics come from the parser (the problems go after them). */
  parsed: number[];
  /** The folder's `output` blocks by name, override files applied. */
  outputs: Map<string, DeclaredOutput>;
}

type Parse = (name: string, text: string) => ParseResult;

/** Declares a folder's files (`texts` without BOM, in `names` order), through the run's memo when there is one. */
export function declareFolder(dir: string, names: readonly string[], texts: readonly string[], parse: Parse, memo?: WorkspaceMemo): SharedFolder {
  const build = (): SharedFolder => {
    const index = emptyModuleIndex(dir);
    const pending: PendingOverride[] = [];
    const problems: SyntaxDiagnostic[][] = [];
    const parsed: number[] = [];
    const outputs = new Map<string, DeclaredOutput>();
    const overridden: DeclaredOutput[] = [];
    names.forEach((name, i) => {
      const file = childPath(dir, name);
      // The syntax tree is not kept (the memo keeps these declarations instead): what they do not
      // reference dies young. Keeping every tree for the run was a third of the inventory's heap.
      const result = memo ? memo.parseOnce(name, texts[i], parse) : parse(name, texts[i]);
      index.files.push({ file, diagnostics: result.diagnostics });
      parsed.push(result.diagnostics.length);
      problems.push(declareModuleFile(index, pending, file, result.body, texts[i]));
      addOutputs(outputs, overridden, file, result);
    });
    applyOverrideFiles(index, pending);
    return { index, problems, parsed, outputs: withOverriddenOutputs(outputs, overridden) };
  };
  return memo ? memo.declared(dir, names, texts, build) : build();
}

/** The shared index with each file's declaration problems after its parse diagnostics, as the inventory reports them. */
export function withDeclarationProblems(folder: SharedFolder): ModuleIndex {
  if (folder.problems.every((p) => p.length === 0)) return folder.index;
  const files = folder.index.files.map((f, i) => {
    const problems = folder.problems[i];
    if (!problems?.length) return f;
    const n = folder.parsed[i];
    return { file: f.file, diagnostics: [...f.diagnostics.slice(0, n), ...problems, ...f.diagnostics.slice(n)] };
  });
  return { ...folder.index, files };
}

/** Texts without a BOM (ranges count from the first real character, as editors do); undefined when any file is unreadable. */
export function readableTexts(texts: readonly (string | undefined)[]): string[] | undefined {
  const out: string[] = [];
  for (const t of texts) {
    if (t === undefined) return undefined;
    out.push(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
  }
  return out;
}

/** A folder read through a run's io: every file read, then declared once for the run; undefined when a file is unreadable (callers keep their own reporting for that). */
export async function sharedFolderIndex(
  dir: string,
  names: readonly string[],
  io: { readFile(path: string): Promise<string | undefined>; memo?: WorkspaceMemo },
  parse: Parse,
): Promise<{ folder: SharedFolder; texts: string[] } | undefined> {
  const pending = names.map((n) => io.readFile(childPath(dir, n)));
  for (const p of pending) p.catch(() => undefined);
  const texts = readableTexts(await Promise.all(pending).catch(() => [undefined]));
  return texts && { folder: declareFolder(dir, names, texts, parse, io.memo), texts };
}

/** Adds a file's `output` blocks: the first of each name among normal files; override files' aside. */
export function addOutputs(outputs: Map<string, DeclaredOutput>, overridden: DeclaredOutput[], file: string, parsed: ParseResult): void {
  for (const item of parsed.body.items) {
    if (item.kind !== 'Block' || item.type !== 'output' || !item.labels[0]) continue;
    const value = item.body.items.find((a) => a.kind === 'Attribute' && a.name === 'value');
    if (value?.kind !== 'Attribute') continue;
    const output = { name: item.labels[0].value, file, expr: value.expr, range: item.range };
    if (isOverrideFile(file)) overridden.push(output);
    else if (!outputs.has(output.name)) outputs.set(output.name, output);
  }
}

/** An override's `value` replaces the original output's (names are in lexical order already). */
export function withOverriddenOutputs(outputs: Map<string, DeclaredOutput>, overridden: DeclaredOutput[]): Map<string, DeclaredOutput> {
  for (const o of overridden) if (outputs.has(o.name)) outputs.set(o.name, o);
  return outputs;
}
