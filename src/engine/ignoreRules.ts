// Drift the user chose not to see: `.driftignore` files and inline `# driftlens:ignore` comments.
//
// `.driftignore` (workspace folder and/or root module folder; later files and later lines win):
//   aws_instance.web.tags          one attribute (and everything under it: tags.Env)
//   aws_instance.*.tags            `*` matches any run of characters
//   module.net.*                   everything in a module
//   aws_instance.web               a whole resource (all its instances and attributes)
//   !aws_instance.web.tags.Owner   negation: report this again
//   # comment                      also `rule   # trailing comment`
//
// Inline, on the line(s) right above a resource block, a nested block or an attribute:
//   # driftlens:ignore tags.LastScanned  set by the nightly scanner
//   // driftlens:ignore * managed by another team
// The attribute is resource-relative; `*` means the block or attribute the comment sits above.
//
// How compare calls it: `rules.isIgnored(instanceAddress, attributePath)` for each drift, and
// `rules.isIgnored(instanceAddress)` before reporting a resource missing; for inline comments,
// `inlineIgnorePatterns(resource, inlineIgnoresOf(fileText))` once per declared resource, then
// `matchesAttribute(patterns, attributePath)`. An ignored attribute is dropped, not "unverified".
import { join } from 'node:path';
import type { DeclaredBody, DeclaredResource } from '../model';
import { appendIgnoreRule, IGNORE_FILE_NAME } from './fix/ignoreFile';

export { IGNORE_FILE_NAME };

export interface IgnoreRule {
  /** The pattern as written, without `!`. */
  pattern: string;
  negated: boolean;
  file: string;
  /** 0-based line in `file`. */
  line: number;
  regex: RegExp;
}

/** `*` → any run of characters; the pattern also covers what lies under it (`.attr`, `[key]`). */
function compilePattern(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[\\^$.+?()[\]{}|/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}(?:[.[].*)?$`, 's');
}

/** Rules of one `.driftignore` text. Lines that are blank or comments are skipped. */
export function parseIgnoreFile(text: string, file: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    let s = raw.trim();
    if (s === '' || s.startsWith('#')) return;
    // A trailing comment needs white space before `#`, so `x["a#b"]` stays a key.
    const hash = s.search(/\s#/);
    if (hash >= 0) s = s.slice(0, hash).trim();
    const negated = s.startsWith('!');
    if (negated) s = s.slice(1).trim();
    if (s === '') return;
    rules.push({ pattern: s, negated, file, line, regex: compilePattern(s) });
  });
  return rules;
}

export class IgnoreRules {
  constructor(readonly rules: readonly IgnoreRule[]) {}

  /** The rule that decides (the last one matching), if any. */
  decidingRule(address: string, attribute?: string): IgnoreRule | undefined {
    const subject = attribute ? `${address}.${attribute}` : address;
    for (let i = this.rules.length - 1; i >= 0; i--) {
      if (this.rules[i].regex.test(subject)) return this.rules[i];
    }
    return undefined;
  }

  /** Is this attribute (or, without one, the whole resource instance) ignored? */
  isIgnored(address: string, attribute?: string): boolean {
    const rule = this.decidingRule(address, attribute);
    return rule !== undefined && !rule.negated;
  }

  get size(): number {
    return this.rules.length;
  }
}

/**
 * Reads `.driftignore` in each folder, in order (workspace first, then the root module, so the
 * more specific file wins). A missing file is no rule.
 */
export async function loadIgnoreRules(dirs: string[], readFile: (path: string) => Promise<string | undefined>): Promise<IgnoreRules> {
  const rules: IgnoreRule[] = [];
  const seen = new Set<string>();
  for (const dir of dirs) {
    const file = join(dir, IGNORE_FILE_NAME);
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file);
    if (text !== undefined) rules.push(...parseIgnoreFile(text, file));
  }
  return new IgnoreRules(rules);
}

/** The text of `.driftignore` with `pattern` appended (undefined `existing`: a new file); undefined when already present. */
export function appendIgnore(existing: string | undefined, pattern: string): string | undefined {
  return appendIgnoreRule(existing, pattern);
}

// ---------------------------------------------------------------------------
// Inline comments

export interface InlineIgnore {
  /** Resource-relative attribute path, or `*`. */
  attribute: string;
  reason: string;
  /** 0-based line of the comment itself. */
  commentLine: number;
}

const directive = /^\s*(?:#|\/\/)\s*driftlens:ignore(?:\s+(\S+))?(?:\s+(.*?))?\s*$/;
const commentOnly = /^\s*(?:#|\/\/|\/\*.*\*\/\s*$)/;

/**
 * Inline directives by the 0-based line they apply to: the first line below them that is not a
 * comment (a blank line ends the association).
 */
export function inlineIgnoresOf(text: string): Map<number, InlineIgnore[]> {
  const out = new Map<number, InlineIgnore[]>();
  const lines = text.split(/\r?\n/);
  let pending: InlineIgnore[] = [];
  lines.forEach((line, i) => {
    const m = directive.exec(line);
    if (m) {
      pending.push({ attribute: m[1] ?? '*', reason: m[2] ?? '', commentLine: i });
      return;
    }
    if (line.trim() === '') {
      pending = [];
      return;
    }
    if (commentOnly.test(line)) return;
    if (pending.length) out.set(i, pending);
    pending = [];
  });
  return out;
}

/** Attribute patterns (resource-relative) that inline comments set for one declared resource. */
export function inlineIgnorePatterns(resource: DeclaredResource, directives: ReadonlyMap<number, InlineIgnore[]>): string[] {
  const out: string[] = [];
  const at = (line: number, self: string): void => {
    for (const d of directives.get(line) ?? []) out.push(d.attribute === '*' ? self : d.attribute);
  };
  at(resource.headerRange.start.line, '*');
  const walk = (body: DeclaredBody, prefix: string): void => {
    for (const attr of Object.values(body.attributes)) at(attr.nameRange.start.line, prefix + attr.name);
    for (const block of body.blocks) {
      const name = block.type === 'dynamic' ? (block.labels[0] ?? 'dynamic') : block.type;
      at(block.range.start.line, prefix + name);
      walk(block.type === 'dynamic' ? contentOf(block.body) : block.body, `${prefix}${name}.`);
    }
  };
  walk(resource.body, '');
  return out;
}

function contentOf(body: DeclaredBody): DeclaredBody {
  return body.blocks.find((b) => b.type === 'content')?.body ?? body;
}

/** Does one of the resource-relative patterns cover this attribute path? `*` covers all. */
export function matchesAttribute(patterns: readonly string[], attribute: string): boolean {
  return patterns.some((p) => p === '*' || compilePattern(p).test(attribute));
}
