// String functions with Go's semantics: simple (rune-wise) case mapping, Go's notion of white
// space, grapheme clusters where Terraform counts characters.
import type { Value } from '../../../model';
import { regexReplace } from './regex';
import { asInteger, asList, asString, fail, graphemes, isPlainAscii } from './values';

/** Go's unicode.IsSpace (JS `\s` also matches U+FEFF and misses U+0085). */
const goSpace = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const leadingSpace = new RegExp(`^[${goSpace}]+`);
const trailingSpace = new RegExp(`[${goSpace}]+$`);

export function trimSpace(s: string): string {
  return s.replace(leadingSpace, '').replace(trailingSpace, '');
}

/** strings.Trim: removes any of the cutset's code points from both ends. */
export function trim(s: string, cutset: string): string {
  const cut = new Set(Array.from(cutset));
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  while (a < b && cut.has(cps[a])) a++;
  while (b > a && cut.has(cps[b - 1])) b--;
  return cps.slice(a, b).join('');
}

// Unicode simple case mapping, one code point at a time, as Go's strings.ToUpper/ToLower do.
function mapRunes(s: string, f: (cp: string) => string): string {
  if (isPlainAscii(s.replace(/\r/g, ''))) return s.replace(/[A-Za-z]/g, f);
  let out = '';
  for (const cp of s) out += f(cp);
  return out;
}

function simpleUpper(cp: string): string {
  const u = cp.toUpperCase();
  return Array.from(u).length === 1 ? u : cp;
}

function simpleLower(cp: string): string {
  if (cp === '\u0130') return 'i';
  const l = cp.toLowerCase();
  return Array.from(l).length === 1 ? l : cp;
}

const titleDigraphs: Record<string, string> = {
  '\u01c4': '\u01c5', '\u01c5': '\u01c5', '\u01c6': '\u01c5',
  '\u01c7': '\u01c8', '\u01c8': '\u01c8', '\u01c9': '\u01c8',
  '\u01ca': '\u01cb', '\u01cb': '\u01cb', '\u01cc': '\u01cb',
  '\u01f1': '\u01f2', '\u01f2': '\u01f2', '\u01f3': '\u01f2',
};

export function upper(s: string): string {
  return mapRunes(s, (c) => (c.length === 1 && c < '\x80' ? c.toUpperCase() : simpleUpper(c)));
}

export function lower(s: string): string {
  return mapRunes(s, (c) => (c.length === 1 && c < '\x80' ? c.toLowerCase() : simpleLower(c)));
}

/** Go's isSeparator, as strings.Title uses it. */
function isSeparator(cp: string): boolean {
  if (cp <= '\x7f') return !/[0-9A-Za-z_]/.test(cp);
  if (/[\p{L}\p{Nd}]/u.test(cp)) return false;
  return new RegExp(`^[${goSpace}]$`).test(cp);
}

/** strings.Title: the first letter of each word in title case. */
export function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const cp of s) {
    out += isSeparator(prev) ? (titleDigraphs[cp] ?? simpleUpper(cp)) : cp;
    prev = cp;
  }
  return out;
}

/** `replace`: a substring wrapped in slashes is a regular expression with `$1` references. */
export function replace(s: string, substr: string, replacement: string): string {
  if (substr.length > 1 && substr.startsWith('/') && substr.endsWith('/')) return regexReplace(s, substr.slice(1, -1), replacement);
  if (substr === '') {
    // strings.Replace with an empty old string inserts at every rune boundary.
    return replacement + Array.from(s).join(replacement) + (s === '' ? '' : replacement);
  }
  return s.split(substr).join(replacement);
}

/** strings.Split: an empty separator splits into code points; an empty string yields [""]. */
export function split(sep: string, s: string): string[] {
  if (sep === '') return Array.from(s);
  return s.split(sep);
}

export function join(sep: string, lists: Value[]): string {
  if (lists.length === 0) fail('at least one list is required');
  const parts: string[] = [];
  for (const list of lists) {
    for (const item of asList(list, 'lists')) {
      if (item === null) fail(`element ${parts.length} is null; cannot concatenate null values`);
      parts.push(asString(item, 'lists'));
    }
  }
  return parts.join(sep);
}

/** `substr` counts grapheme clusters; a negative offset counts from the end; length -1 means "to the end". */
export function substr(s: string, offsetV: Value, lengthV: Value): string {
  let offset = asInteger(offsetV, 'offset');
  const length = asInteger(lengthV, 'length');
  const chars = graphemes(s);
  if (offset < 0) {
    if (chars.length === 0) return '';
    offset += chars.length;
  } else if (length === 0) {
    return '';
  }
  if (offset > chars.length) return '';
  const rest = chars.slice(Math.max(offset, 0));
  return (length < 0 ? rest : rest.slice(0, length)).join('');
}

export function strrev(s: string): string {
  return graphemes(s).reverse().join('');
}

export function indent(spaces: number, s: string): string {
  return s.split('\n').join('\n' + ' '.repeat(spaces));
}

export function chomp(s: string): string {
  return s.replace(/[\r\n]+$/, '');
}
