// Terraform's built-in functions over plain values, with Terraform's semantics (cty's stdlib and
// Terraform's lang/funcs), proven against `terraform console` by test/unit/depth/functionsOracle.test.ts.
//
// How the evaluator calls it:
// - Evaluate the arguments first; if one is unknown, pass it anyway: most functions then return
//   that unknown, but structural ones (length, concat, merge, lookup, element, keys, values, slice,
//   reverse, zipmap, coalescelist) keep working with unknown *elements* inside known collections.
// - `try` and `can` take expressions, not values: evaluate each argument in a thunk that reports
//   `{ value } | { error } | { unknown }` and call `tryValues` / `canValue` instead of `callFunction`.
//   An *error* (a failed function call, a missing attribute or index) lets `try` move on; an
//   *unknown* (a data source, an unset variable) makes the whole call unknown.
// - `sensitive(x)` / `nonsensitive(x)` return x: the evaluator marks sensitivity itself.
// - `templatefile` needs `ctx.renderTemplate` (the evaluator parses and renders the template).
import type { Value } from '../../model';
import { chunklist, allTrue, anyTrue, coalesce, coalesceList, compact, concat, contains, distinct, element, flatten, index, keys, length, lookup, merge, one, range, reverse, setproduct, slice, sort, transpose, values, zipmap } from './functions/collections';
import { decimalSum, minMax, parseInt_, toBool, toList, toMap, toNumber, toSet, toString } from './functions/conversions';
import { base64Decode, base64Encode, csvDecode, hash, jsonDecode, jsonEncode, urlEncode, type HashAlgorithm } from './functions/encoding';
import { absPath, baseName, dirName, fileExists, fileSet, readConfigBytes, readConfigFile } from './functions/filesystem';
import { format, formatList } from './functions/format';
import { cidrHost, cidrNetmask, cidrSubnet, cidrSubnets } from './functions/network';
import { regex, regexAll } from './functions/regex';
import { matchKeys, setIntersection, setSubtract, setUnion } from './functions/sets';
import { chomp, indent, join, lower, replace, split, strrev, substr, title, trim, trimSpace, upper } from './functions/strings';
import { asInteger, asList, asNumber, asString, fail, FunctionArgError, findUnknown, isMap, isUnknownResult, type FunctionValue } from './functions/values';

export type { FunctionValue, UnknownResult } from './functions/values';
export { FunctionArgError } from './functions/values';

export interface FunctionContext {
  /** The root module folder: where `terraform` runs, and what relative paths in `file()` resolve against. */
  baseDir: string;
  /** Reads a file's text (absolute path); undefined when it does not exist. Defaults to the disk. */
  readFile?: (path: string) => string | undefined;
  /** A file's bytes, for filebase64 / filesha256…; defaults to the disk (or `readFile` as UTF-8). */
  readBytes?: (path: string) => Uint8Array | undefined;
  /** Regular files below a folder as relative `/` paths, for fileset; defaults to the disk. */
  listFiles?: (dir: string) => string[];
  /**
   * Renders a template's text with `vars` (templatefile): supplied by the evaluator, which owns
   * template parsing. To report what Terraform would reject (a syntax error, a variable not in
   * `vars`) as an *error* rather than an unknown, throw `FunctionArgError`.
   */
  renderTemplate?: (text: string, vars: { [name: string]: Value }, file: string) => FunctionValue;
}

/** The detailed outcome, for callers (like `try`) that must tell a failed call from an unknown one. */
export type FunctionOutcome =
  | { ok: true; value: FunctionValue }
  | { ok: false; kind: 'error' | 'unsupported'; reason: string };

type Impl = (args: Value[], ctx: FunctionContext) => FunctionValue;

interface Spec {
  min: number;
  max: number;
  impl: Impl;
  /** Accepts collections with unknown elements (only the top-level arguments must be known). */
  partial?: boolean;
}

const many = Number.POSITIVE_INFINITY;
const str = (v: Value, p?: string): string => asString(v, p);
const num = (v: Value, p?: string): number => asNumber(v, p);

/** cty builds results from float64 math, which never yields a negative zero (ceil(-0.5) is 0). */
function noNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

function math(f: (n: number) => number): Spec {
  return { min: 1, max: 1, impl: ([a]) => noNegativeZero(f(num(a))) };
}

function fileHash(algorithm: HashAlgorithm, encoding: 'hex' | 'base64' = 'hex'): Spec {
  return { min: 1, max: 1, impl: ([p], ctx) => hash(algorithm, readConfigBytes(ctx, str(p, 'path')), encoding) };
}

function filePathArg(args: Value[], ctx: FunctionContext): string {
  return readConfigFile(ctx, str(args[0], 'path'));
}

const registry: Record<string, Spec> = {
  // strings
  format: { min: 1, max: many, impl: ([f, ...rest]) => format(str(f, 'format'), rest) },
  formatlist: { min: 1, max: many, impl: ([f, ...rest]) => formatList(str(f, 'format'), rest) },
  join: { min: 1, max: many, impl: ([sep, ...lists]) => join(str(sep, 'separator'), lists) },
  split: { min: 2, max: 2, impl: ([sep, s]) => split(str(sep, 'separator'), str(s)) },
  lower: { min: 1, max: 1, impl: ([s]) => lower(str(s)) },
  upper: { min: 1, max: 1, impl: ([s]) => upper(str(s)) },
  title: { min: 1, max: 1, impl: ([s]) => title(str(s)) },
  replace: { min: 3, max: 3, impl: ([s, sub, rep]) => replace(str(s), str(sub, 'substr'), str(rep, 'replace')) },
  trimspace: { min: 1, max: 1, impl: ([s]) => trimSpace(str(s)) },
  trim: { min: 2, max: 2, impl: ([s, cut]) => trim(str(s), str(cut, 'cutset')) },
  trimprefix: { min: 2, max: 2, impl: ([s, p]) => { const t = str(s); const x = str(p, 'prefix'); return t.startsWith(x) ? t.slice(x.length) : t; } },
  trimsuffix: { min: 2, max: 2, impl: ([s, p]) => { const t = str(s); const x = str(p, 'suffix'); return x !== '' && t.endsWith(x) ? t.slice(0, t.length - x.length) : t; } },
  substr: { min: 3, max: 3, impl: ([s, o, l]) => substr(str(s), o, l) },
  strrev: { min: 1, max: 1, impl: ([s]) => strrev(str(s)) },
  startswith: { min: 2, max: 2, impl: ([s, p]) => str(s).startsWith(str(p, 'prefix')) },
  endswith: { min: 2, max: 2, impl: ([s, p]) => str(s).endsWith(str(p, 'suffix')) },
  strcontains: { min: 2, max: 2, impl: ([s, p]) => str(s).includes(str(p, 'substr')) },
  chomp: { min: 1, max: 1, impl: ([s]) => chomp(str(s)) },
  indent: { min: 2, max: 2, impl: ([n, s]) => indent(asInteger(n, 'spaces'), str(s)) },
  regex: { min: 2, max: 2, impl: ([p, s]) => regex(str(p, 'pattern'), str(s, 'string')) },
  regexall: { min: 2, max: 2, impl: ([p, s]) => regexAll(str(p, 'pattern'), str(s, 'string')) },
  // collections
  length: { min: 1, max: 1, partial: true, impl: ([v]) => length(v) },
  concat: { min: 0, max: many, partial: true, impl: (lists) => concat(lists) },
  merge: { min: 0, max: many, partial: true, impl: (maps) => merge(maps) },
  lookup: { min: 2, max: 3, partial: true, impl: (args) => lookup(args) },
  element: { min: 2, max: 2, partial: true, impl: ([l, i]) => element(l, i) },
  keys: { min: 1, max: 1, partial: true, impl: ([m]) => keys(m) },
  values: { min: 1, max: 1, partial: true, impl: ([m]) => values(m) },
  contains: { min: 2, max: 2, impl: ([l, v]) => contains(l, v) },
  index: { min: 2, max: 2, impl: ([l, v]) => index(l, v) },
  coalesce: { min: 0, max: many, impl: (args) => coalesce(args) },
  coalescelist: { min: 0, max: many, partial: true, impl: (args) => coalesceList(args) },
  compact: { min: 1, max: 1, impl: ([l]) => compact(l) },
  distinct: { min: 1, max: 1, impl: ([l]) => distinct(l) },
  flatten: { min: 1, max: 1, impl: ([l]) => flatten(l) },
  slice: { min: 3, max: 3, partial: true, impl: ([l, s, e]) => slice(l, s, e) },
  range: { min: 1, max: 3, impl: (args) => range(args.map((a) => num(a, 'params'))) },
  zipmap: { min: 2, max: 2, partial: true, impl: ([k, v]) => zipmap(k, v) },
  sort: { min: 1, max: 1, impl: ([l]) => sort(l) },
  reverse: { min: 1, max: 1, partial: true, impl: ([l]) => reverse(l) },
  setproduct: { min: 0, max: many, impl: (sets) => setproduct(sets) },
  one: { min: 1, max: 1, impl: ([l]) => one(l) },
  sum: { min: 1, max: 1, impl: ([l]) => sum(l) },
  alltrue: { min: 1, max: 1, impl: ([l]) => allTrue(l) },
  anytrue: { min: 1, max: 1, impl: ([l]) => anyTrue(l) },
  transpose: { min: 1, max: 1, impl: ([m]) => transpose(m) },
  chunklist: { min: 2, max: 2, impl: ([l, n]) => chunklist(l, n) },
  setunion: { min: 1, max: many, impl: (args) => setUnion(args) },
  setintersection: { min: 1, max: many, impl: (args) => setIntersection(args) },
  setsubtract: { min: 2, max: 2, impl: ([a, b]) => setSubtract(a, b) },
  matchkeys: { min: 3, max: 3, impl: ([v, k, s]) => matchKeys(v, k, s) },
  // conversions
  tostring: { min: 1, max: 1, impl: ([v]) => toString(v) },
  tonumber: { min: 1, max: 1, impl: ([v]) => toNumber(v) },
  tobool: { min: 1, max: 1, impl: ([v]) => toBool(v) },
  tolist: { min: 1, max: 1, impl: ([v]) => toList(v) },
  toset: { min: 1, max: 1, impl: ([v]) => toSet(v) },
  tomap: { min: 1, max: 1, impl: ([v]) => toMap(v) },
  sensitive: { min: 1, max: 1, partial: true, impl: ([v]) => v },
  nonsensitive: { min: 1, max: 1, partial: true, impl: ([v]) => v },
  // numbers
  abs: math(Math.abs),
  ceil: math(Math.ceil),
  floor: math(Math.floor),
  signum: { min: 1, max: 1, impl: ([a]) => Math.sign(asInteger(a, 'num')) + 0 },
  log: { min: 2, max: 2, impl: ([n, b]) => noNegativeZero(Math.log(num(n)) / Math.log(num(b, 'base'))) },
  pow: { min: 2, max: 2, impl: ([n, p]) => noNegativeZero(num(n) ** num(p, 'power')) },
  max: { min: 0, max: many, impl: (args) => minMax(args, 'max') },
  min: { min: 0, max: many, impl: (args) => minMax(args, 'min') },
  parseint: { min: 2, max: 2, impl: ([s, b]) => parseInt_(str(s, 'number'), num(b, 'base')) },
  // network
  cidrsubnet: { min: 3, max: 3, impl: ([p, b, n]) => cidrSubnet(str(p, 'prefix'), asInteger(b, 'newbits'), asInteger(n, 'netnum')) },
  cidrhost: { min: 2, max: 2, impl: ([p, h]) => cidrHost(str(p, 'prefix'), asInteger(h, 'hostnum')) },
  cidrnetmask: { min: 1, max: 1, impl: ([p]) => cidrNetmask(str(p, 'prefix')) },
  cidrsubnets: { min: 1, max: many, impl: ([p, ...bits]) => cidrSubnets(str(p, 'prefix'), bits.map((b) => asInteger(b, 'newbits'))) },
  // encoding
  jsonencode: { min: 1, max: 1, impl: ([v]) => jsonEncode(v) },
  jsondecode: { min: 1, max: 1, impl: ([s]) => jsonDecode(str(s)) },
  base64encode: { min: 1, max: 1, impl: ([s]) => base64Encode(str(s)) },
  base64decode: { min: 1, max: 1, impl: ([s]) => base64Decode(str(s)) },
  urlencode: { min: 1, max: 1, impl: ([s]) => urlEncode(str(s)) },
  md5: { min: 1, max: 1, impl: ([s]) => hash('md5', str(s)) },
  sha1: { min: 1, max: 1, impl: ([s]) => hash('sha1', str(s)) },
  sha256: { min: 1, max: 1, impl: ([s]) => hash('sha256', str(s)) },
  sha512: { min: 1, max: 1, impl: ([s]) => hash('sha512', str(s)) },
  base64sha256: { min: 1, max: 1, impl: ([s]) => hash('sha256', str(s), 'base64') },
  base64sha512: { min: 1, max: 1, impl: ([s]) => hash('sha512', str(s), 'base64') },
  csvdecode: { min: 1, max: 1, impl: ([s]) => csvDecode(str(s)) },
  // filesystem
  file: { min: 1, max: 1, impl: (args, ctx) => filePathArg(args, ctx) },
  fileexists: { min: 1, max: 1, impl: ([p], ctx) => fileExists(ctx, str(p, 'path')) },
  abspath: { min: 1, max: 1, impl: ([p], ctx) => absPath(ctx, str(p, 'path')) },
  basename: { min: 1, max: 1, impl: ([p]) => baseName(str(p, 'path')) },
  dirname: { min: 1, max: 1, impl: ([p]) => dirName(str(p, 'path')) },
  templatefile: { min: 2, max: 2, impl: (args, ctx) => templateFile(args, ctx) },
  filebase64: { min: 1, max: 1, impl: ([p], ctx) => Buffer.from(readConfigBytes(ctx, str(p, 'path'))).toString('base64') },
  filemd5: fileHash('md5'),
  filesha1: fileHash('sha1'),
  filesha256: fileHash('sha256'),
  filesha512: fileHash('sha512'),
  filebase64sha256: fileHash('sha256', 'base64'),
  filebase64sha512: fileHash('sha512', 'base64'),
  fileset: { min: 2, max: 2, impl: ([p, g], ctx) => fileSet(ctx, str(p, 'path'), str(g, 'pattern')) },
  // try/can with already-evaluated (hence successful) arguments
  try: { min: 1, max: many, partial: true, impl: (args) => args[0] },
  can: { min: 1, max: 1, partial: true, impl: () => true },
};

/** Functions whose result changes on every run: never a desired value to compare. */
const impure = new Set(['timestamp', 'uuid', 'bcrypt', 'plantimestamp']);

function sum(list: Value): number {
  const l = asList(list);
  if (l.length === 0) fail('cannot sum an empty list');
  return decimalSum(
    l.map((x) => {
      if (x === null) fail('argument must be list, set, or tuple of number values');
      return num(x, 'list');
    }),
  );
}

function templateFile(args: Value[], ctx: FunctionContext): FunctionValue {
  const vars = args[1];
  if (!isMap(vars)) fail('invalid vars value: must be a map');
  for (const k of Object.keys(vars)) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k)) fail(`invalid template variable name ${JSON.stringify(k)}: must start with a letter, followed by zero or more letters, digits, and underscores`);
  }
  const text = filePathArg(args, ctx);
  if (!ctx.renderTemplate) return { $unknown: 'templatefile() needs the template evaluator' };
  return ctx.renderTemplate(text, vars, str(args[0], 'path'));
}

/** Names Terraform knows that we evaluate, e.g. for a "supported functions" list in docs. */
export function supportedFunctions(): string[] {
  return Object.keys(registry).sort();
}

/** Calls a built-in function. Never throws: failures come back as `{ ok: false }`. */
export function evaluateFunction(name: string, args: FunctionValue[], ctx: FunctionContext): FunctionOutcome {
  const bare = name.startsWith('core::') ? name.slice(6) : name;
  const spec = Object.hasOwn(registry, bare) ? registry[bare] : undefined;
  if (!spec) {
    const why = impure.has(bare) ? `function ${bare}() is not evaluated statically` : `function ${name}() not supported`;
    return { ok: false, kind: 'unsupported', reason: why };
  }
  if (args.length < spec.min || args.length > spec.max) {
    const want = spec.min === spec.max ? `${spec.min}` : spec.max === many ? `at least ${spec.min}` : `${spec.min} to ${spec.max}`;
    return { ok: false, kind: 'error', reason: `${bare}: function takes ${want} argument${want === '1' ? '' : 's'}, ${args.length} given` };
  }
  const unknown = spec.partial ? args.find(isUnknownResult) : args.map(findUnknown).find((u) => u !== undefined);
  if (unknown) return { ok: true, value: unknown };
  try {
    return { ok: true, value: spec.impl(args as Value[], ctx) };
  } catch (e) {
    if (e instanceof FunctionArgError) return { ok: false, kind: 'error', reason: `${bare}: ${e.message}` };
    // A bug of ours must not stop the scan: report it as the reason the value is unknown.
    return { ok: false, kind: 'error', reason: `${bare}: internal error: ${(e as Error).message}` };
  }
}

/** Calls a built-in function; an unsupported name or a bad argument becomes `{ $unknown: reason }`. */
export function callFunction(name: string, args: FunctionValue[], ctx: FunctionContext): FunctionValue {
  const out = evaluateFunction(name, args, ctx);
  return out.ok ? out.value : { $unknown: out.reason };
}

export type TryOutcome = { value: FunctionValue } | { error: string } | { unknown: string };

/** `try(a, b, …)`: the first argument that evaluates without error; unknown as soon as one is not known. */
export function tryValues(thunks: (() => TryOutcome)[]): FunctionValue {
  const errors: string[] = [];
  for (const thunk of thunks) {
    const o = thunk();
    if ('error' in o) {
      errors.push(o.error);
      continue;
    }
    if ('unknown' in o) return { $unknown: o.unknown };
    const u = findUnknown(o.value);
    return u ?? o.value;
  }
  return { $unknown: `try: no expression succeeded${errors.length ? ` (${errors[errors.length - 1]})` : ''}` };
}

/** `can(expr)`: true when it evaluates without error, unknown when it cannot be known. */
export function canValue(thunk: () => TryOutcome): FunctionValue {
  const o = thunk();
  if ('error' in o) return false;
  if ('unknown' in o) return { $unknown: o.unknown };
  return findUnknown(o.value) ?? true;
}

