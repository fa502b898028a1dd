// `format` and `formatlist`: cty's printf (stdlib/format.go), whose integer and float verbs
// lean on Go's fmt for big.Int / big.Float, reproduced here verb by verb.
import type { Value } from '../../../model';
import { decimalOf, formatE, formatF, formatG } from './numberText';
import { jsonEncode } from './encoding';
import { asBool, asNumber, asString, expandExponent, fail, graphemes } from './values';

interface Verb {
  raw: string;
  offset: number;
  argNum: number;
  mode: string;
  zero: boolean;
  sharp: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  width: number;
  prec: number;
}

const maxWidth = 1_000_000;

export function format(spec: string, args: Value[]): string {
  let out = '';
  let nextArg = 1;
  let maxUsed = 0;
  let i = 0;
  while (i < spec.length) {
    const c = spec[i];
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    if (spec[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    const start = i;
    const verb: Verb = { raw: '', offset: start, argNum: nextArg, mode: '', zero: false, sharp: false, plus: false, minus: false, space: false, width: -1, prec: -1 };
    i++;
    for (; i < spec.length; i++) {
      const f = spec[i];
      if (f === '0') verb.zero = true;
      else if (f === '#') verb.sharp = true;
      else if (f === '-') verb.minus = true;
      else if (f === '+') verb.plus = true;
      else if (f === ' ') verb.space = true;
      else break;
    }
    const argIdx = /^\[([1-9]\d*)\]/.exec(spec.slice(i));
    if (argIdx) {
      verb.argNum = Number(argIdx[1]);
      i += argIdx[0].length;
    }
    const width = /^[1-9]\d*/.exec(spec.slice(i));
    if (width) {
      verb.width = Number(width[0]);
      i += width[0].length;
    } else if (spec[i] === '*') {
      fail(`unsupported width from argument in format string at offset ${start}`);
    }
    if (spec[i] === '.') {
      i++;
      if (spec[i] === '*') fail(`unsupported precision from argument in format string at offset ${start}`);
      const prec = /^\d*/.exec(spec.slice(i))![0];
      verb.prec = prec === '' ? 0 : Number(prec);
      i += prec.length;
    }
    // A configuration never needs a megabyte of padding; a hostile one must not exhaust memory.
    if (verb.width > maxWidth || verb.prec > maxWidth) fail(`width or precision larger than ${maxWidth} at offset ${start}`);
    if (i >= spec.length) fail(`invalid format string starting at offset ${i}`);
    const mode = spec[i];
    if (!/[a-zA-Z]/.test(mode)) fail(`unrecognized format character ${JSON.stringify(mode)} at offset ${i}`);
    verb.mode = mode;
    i++;
    verb.raw = spec.slice(start, i);
    out += formatVerb(verb, args);
    nextArg = verb.argNum + 1;
    maxUsed = Math.max(maxUsed, verb.argNum);
  }
  if (maxUsed < args.length) fail(`too many arguments; only ${maxUsed} used by format string`);
  return out;
}

function formatVerb(verb: Verb, args: Value[]): string {
  if (verb.argNum - 1 >= args.length) {
    fail(`not enough arguments for ${JSON.stringify(verb.raw)} at ${verb.offset}: need index ${verb.argNum} but have ${args.length} total`);
  }
  const arg = args[verb.argNum - 1];
  if (verb.mode !== 'v' && arg === null) fail(`unsupported value for ${JSON.stringify(verb.raw)} at ${verb.offset}: null value cannot be formatted`);
  const bad = (why: string): never => fail(`unsupported value for ${JSON.stringify(verb.raw)} at ${verb.offset}: ${why}`);
  switch (verb.mode) {
    case 'v':
      if (!verb.sharp && typeof arg === 'string') return padWidth(verb, arg);
      if (!verb.sharp && typeof arg === 'number') return padWidth(verb, formatG(decimalOf(arg), -1, false).replace(/^/, arg < 0 ? '-' : ''));
      return padWidth(verb, jsonEncode(arg));
    case 't': {
      const b = convert(() => asBool(arg), bad, 'bool required');
      return b ? 'true' : 'false';
    }
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X': {
      const n = convert(() => asNumber(arg), bad, 'number required');
      if (!Number.isInteger(n)) bad('an integer is required');
      return formatInteger(verb, BigInt(expandExponent(String(n))));
    }
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      const n = convert(() => asNumber(arg), bad, 'number required');
      return formatFloat(verb, n);
    }
    case 's':
    case 'q': {
      let s = convert(() => asString(arg), bad, 'string required');
      if (verb.prec > 0) s = graphemes(s).slice(0, verb.prec).join('');
      return padWidth(verb, verb.mode === 'q' ? jsonEncode(s) : s);
    }
    default:
      return fail(`unsupported format verb ${quoteRune(verb.mode)} in ${JSON.stringify(verb.raw)} at offset ${verb.offset}`);
  }
}

function convert<T>(f: () => T, bad: (why: string) => never, why: string): T {
  try {
    return f();
  } catch {
    return bad(why);
  }
}

function quoteRune(c: string): string {
  return `'${c}'`;
}

/** Pads strings, JSON and %v numbers by grapheme count, as cty's formatPadWidth does. */
function padWidth(verb: Verb, text: string): string {
  if (verb.width < 0) return text;
  const have = graphemes(text).length;
  if (have >= verb.width) return text;
  const pad = (verb.zero ? '0' : ' ').repeat(verb.width - have);
  return verb.minus ? text + pad : pad + text;
}

/** Go's big.Int Format: [left pad][sign][prefix][zeros][digits][right pad]. */
function formatInteger(verb: Verb, n: bigint): string {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const base = verb.mode === 'b' ? 2 : verb.mode === 'o' ? 8 : verb.mode === 'd' ? 10 : 16;
  let digits = abs.toString(base);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  const sign = neg ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  let prefix = '';
  if (verb.sharp) prefix = { b: '0b', o: '0', x: '0x', X: '0X', d: '' }[verb.mode] ?? '';
  let zeros = 0;
  if (verb.prec >= 0) {
    if (digits.length < verb.prec) zeros = verb.prec - digits.length;
    else if (digits === '0' && verb.prec === 0) return '';
  }
  let left = 0;
  let right = 0;
  const length = sign.length + prefix.length + zeros + digits.length;
  if (verb.width >= 0 && length < verb.width) {
    const d = verb.width - length;
    if (verb.minus) right = d;
    else if (verb.zero && verb.prec < 0) zeros = d;
    else left = d;
  }
  return ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
}

/** Go's big.Float Format for e, E, f, g, G (default precision 6, shortest for g). */
function formatFloat(verb: Verb, n: number): string {
  const d = decimalOf(n);
  let body: string;
  switch (verb.mode) {
    case 'e':
    case 'E':
      body = formatE(d, verb.prec < 0 ? 6 : verb.prec, verb.mode === 'E');
      break;
    case 'f':
      body = formatF(d, verb.prec < 0 ? 6 : verb.prec);
      break;
    default:
      body = formatG(d, verb.prec, verb.mode === 'G');
  }
  const sign = n < 0 || Object.is(n, -0) ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  const padding = verb.width > sign.length + body.length ? verb.width - sign.length - body.length : 0;
  if (verb.zero) return sign + '0'.repeat(padding) + body;
  if (verb.minus) return sign + body + ' '.repeat(padding);
  return ' '.repeat(padding) + sign + body;
}

/**
 * `formatlist`: list (and set/tuple) arguments are iterated together and must have one length;
 * other arguments repeat on every line.
 */
export function formatList(spec: string, args: Value[]): string[] {
  if (args.length === 0) return [format(spec, [])];
  let len = -1;
  let chooser = -1;
  args.forEach((a, i) => {
    if (!Array.isArray(a)) return;
    if (len === -1) {
      len = a.length;
      chooser = i;
    } else if (a.length !== len) {
      fail(`argument ${i + 1} has length ${a.length}, which is inconsistent with argument ${chooser + 1} of length ${len}`);
    }
  });
  if (len === 0) return [];
  const out: string[] = [];
  for (let k = 0; k < (len === -1 ? 1 : len); k++) {
    const line = args.map((a) => (Array.isArray(a) ? a[k] : a));
    try {
      out.push(format(spec, line));
    } catch (e) {
      fail(`error on format iteration ${k}: ${(e as Error).message}`);
    }
  }
  return out;
}
