// Terraform's regular expressions are Go's RE2. We translate the RE2 syntax real code uses into
// JavaScript (named groups, POSIX classes, \A \z, ASCII \s, a leading (?i)) and reproduce Go's
// match iteration (an empty match right after a match is skipped) and `$name` expansion.
import type { Value } from '../../../model';
import { fail, type ValueMap } from './values';

const posixClasses: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const syntaxChars = new Set('^$\\.*+?()[]{}|/'.split(''));

export interface CompiledRegex {
  re: RegExp;
  /** Capture group names in order (`''` for unnamed ones). */
  groups: string[];
}

/**
 * RE2 runs in linear time; JavaScript backtracks. A group that repeats something repeated —
 * `(a+)+`, `(\\w*\\s?)*` — can take exponential time, so such patterns only run on short strings.
 */
export function hasNestedRepetition(pattern: string): boolean {
  return /\((?:[^()\\]|\\.)*(?:[*+]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[*+]|\{\d+,\d*\})/.test(pattern);
}

const maxBacktrackingInput = 24;

export function guardBacktracking(pattern: string, input: string): void {
  if (input.length > maxBacktrackingInput && hasNestedRepetition(pattern)) {
    fail(`pattern repeats a repeated group; not evaluated on a string of ${input.length} characters (it could take exponential time here, unlike in Terraform)`);
  }
}

export function compileRegex(pattern: string): CompiledRegex {
  let flags = 'gu';
  let src = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    if (lead[1].includes('U')) fail('invalid regular expression pattern: the U flag is not supported');
    for (const f of lead[1]) if (!flags.includes(f)) flags += f;
    src = src.slice(lead[0].length);
  }
  const multiline = flags.includes('m');
  const groups: string[] = [];
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) fail('invalid regular expression pattern: trailing backslash at end of expression');
      i++;
      if (n === 'Q') {
        const end = src.indexOf('\\E', i + 1);
        const lit = end < 0 ? src.slice(i + 1) : src.slice(i + 1, end);
        out += lit.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? src.length : end + 1;
      } else if (n === 'z') out += multiline ? '(?![\\s\\S])' : '$';
      else if (n === 'A') out += '(?<![\\s\\S])';
      else if (n === 's') out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      else if (n === 'S' && !inClass) out += '[^\\t\\n\\f\\r ]';
      else if ((n === 'p' || n === 'P') && src[i + 1] !== '{') {
        out += `\\${n}{${src[i + 1]}}`;
        i++;
      } else if (/[a-zA-Z0-9]/.test(n) || syntaxChars.has(n) || (inClass && n === '-')) out += '\\' + n;
      else out += n;
      continue;
    }
    if (inClass) {
      if (c === '[' && src[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(i));
        if (m && posixClasses[m[2]]) {
          if (m[1]) fail('invalid regular expression pattern: negated POSIX classes are not supported');
          out += posixClasses[m[2]];
          i += m[0].length - 1;
          continue;
        }
      }
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i];
      if (src[i + 1] === ']') out += '\\' + src[++i];
      continue;
    }
    if (c === '(') {
      if (src.startsWith('(?P<', i) || src.startsWith('(?<', i)) {
        const start = i + (src[i + 2] === 'P' ? 4 : 3);
        const end = src.indexOf('>', start);
        if (end < 0) fail('invalid regular expression pattern: invalid named capture');
        groups.push(src.slice(start, end));
        out += `(?<${src.slice(start, end)}>`;
        i = end;
        continue;
      }
      if (src[i + 1] === '?') {
        if (src[i + 2] !== ':') fail('invalid regular expression pattern: inline flag groups are not supported');
      } else {
        groups.push('');
      }
      out += c;
      continue;
    }
    if (c === '{' && !/^\{\d+(,\d*)?\}/.test(src.slice(i))) {
      out += '\\{';
      continue;
    }
    if (c === '}' && !/\{\d+(,\d*)?$/.test(src.slice(0, i))) {
      out += '\\}';
      continue;
    }
    out += c;
  }
  try {
    return { re: new RegExp(out, flags), groups };
  } catch (e) {
    fail(`invalid regular expression pattern: ${(e as Error).message}`);
  }
}

/** Go's FindAll: leftmost-first matches; an empty match adjacent to the previous match is skipped. */
export function findAll(c: CompiledRegex, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  c.re.lastIndex = 0;
  let prevEnd = -1;
  for (;;) {
    const m = c.re.exec(s);
    if (!m) break;
    const end = m.index + m[0].length;
    if (m[0].length === 0) {
      c.re.lastIndex = m.index + (s.codePointAt(m.index)! > 0xffff ? 2 : 1);
      if (m.index === prevEnd) {
        if (m.index >= s.length) break;
        continue;
      }
    }
    out.push(m);
    prevEnd = end;
    if (m.index >= s.length) break;
  }
  return out;
}

function matchValue(c: CompiledRegex, m: RegExpExecArray): Value {
  if (c.groups.length === 0) return m[0];
  const named = c.groups.filter((g) => g !== '').length;
  if (named === 0) return c.groups.map((_, i) => m[i + 1] ?? null);
  if (named !== c.groups.length) fail('invalid regular expression pattern: can\'t mix both named and unnamed capture groups');
  const obj: ValueMap = {};
  c.groups.forEach((g, i) => (obj[g] = m[i + 1] ?? null));
  return obj;
}

export function regex(pattern: string, s: string): Value {
  guardBacktracking(pattern, s);
  const c = compileRegex(pattern);
  const all = findAll(c, s);
  if (all.length === 0) fail('pattern did not match any part of the given string');
  return matchValue(c, all[0]);
}

export function regexAll(pattern: string, s: string): Value[] {
  guardBacktracking(pattern, s);
  const c = compileRegex(pattern);
  return findAll(c, s).map((m) => matchValue(c, m));
}

/** Go's regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; a name is the longest run of word characters. */
function expand(template: string, c: CompiledRegex, m: RegExpExecArray): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (whole, dollar: string, braced?: string, bare?: string) => {
    if (dollar === '$') return '$';
    const name = braced ?? bare;
    if (name === undefined) return whole;
    if (/^\d+$/.test(name)) return m[Number(name)] ?? '';
    const idx = c.groups.indexOf(name);
    return idx >= 0 ? (m[idx + 1] ?? '') : '';
  });
}

export function regexReplace(s: string, pattern: string, replacement: string): string {
  guardBacktracking(pattern, s);
  const c = compileRegex(pattern);
  let out = '';
  let last = 0;
  for (const m of findAll(c, s)) {
    out += s.slice(last, m.index) + expand(replacement, c, m);
    last = m.index + m[0].length;
  }
  return out + s.slice(last);
}
