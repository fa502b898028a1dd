// `.driftignore` at a root module folder: one `<address>.<attribute>` rule per line, `#` comments,
// `*` globs (the engine's ignore rules read it). Here only the pure text edit that adds a rule.
export const IGNORE_FILE_NAME = '.driftignore';

const HEADER = [
  '# DriftLens: drift listed here is not reported (editor and CLI).',
  '# One rule per line: <resource address>.<attribute>, `*` matches any characters, `#` starts a comment.',
];

/** The rule that ignores one attribute of one resource instance. */
export function ignoreRuleFor(address: string, attribute: string): string {
  return `${address}.${attribute}`;
}

/**
 * The new file text with `rule` appended, keeping the existing text byte for byte (line endings included).
 * `existing` undefined means the file does not exist yet. Returns undefined when the rule is already there.
 */
export function appendIgnoreRule(existing: string | undefined, rule: string): string | undefined {
  if (/[\r\n]/.test(rule) || rule.trim() === '') throw new Error(`not a valid ignore rule: ${JSON.stringify(rule)}`);
  if (existing === undefined) return [...HEADER, rule, ''].join('\n');
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const present = existing.split(/\r?\n/).some((line) => stripComment(line) === rule);
  if (present) return undefined;
  const separator = existing === '' || existing.endsWith('\n') ? '' : eol;
  return `${existing}${separator}${rule}${eol}`;
}

/** As the engine reads rules: `#` starts a comment at line start or after white space (`x["a#b"]` stays a key). */
function stripComment(line: string): string {
  const s = line.trim();
  if (s.startsWith('#')) return '';
  const hash = s.search(/\s#/);
  return (hash >= 0 ? s.slice(0, hash) : s).trim();
}
