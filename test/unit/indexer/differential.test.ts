// Differential test: on every fixture .tf file, our parser + index must find the same resources
// as HashiCorp's parser (compiled to JS: `hcl2-parser` via GopherJS, `@cdktf/hcl2json` via WASM)
// and the same value for every attribute we evaluate as a literal.
// `DRIFTLENS_DIFF_DIR=<dir>` adds every .tf file below that folder (e.g. a checkout of public
// modules): there a file HashiCorp's parser rejects is only required to be rejected by ours too.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { declaredBody, declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';
import { bodyLiteral, isUnknown, literalValue, type BodyValue } from '../../../src/iac/terraform/literal';
import type { DeclaredResource } from '../../../src/model';
import { fixturesDir, posAt } from './helpers';

const require = createRequire(__filename);
const hcl2parser = require('hcl2-parser') as { parseToObject(text: string): [Record<string, unknown> | null, unknown] };
const hcl2json = require('@cdktf/hcl2json') as { parse(name: string, text: string): Promise<Record<string, unknown>> };

type Oracle = 'hcl2-parser' | 'hcl2json';
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const exampleDir = join(__dirname, '..', '..', '..', 'examples');
const extraDir = process.env.DRIFTLENS_DIFF_DIR;

async function tfFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name !== '.terraform' && e.name !== 'node_modules' && e.name !== '.git') out.push(...(await tfFiles(join(dir, e.name))));
    }
    else if (e.name.endsWith('.tf')) out.push(join(dir, e.name));
  }
  return out.sort();
}

/** Our resources of one file, as (address → attribute values incl. count / for_each). */
function ours(file: string, text: string): { addresses: string[]; values: Map<string, Record<string, BodyValue>>; diagnostics: string[]; resources: DeclaredResource[] } {
  const parsed = parseHcl(text);
  const index = emptyModuleIndex('/');
  declareFile(index, file, parsed.body, text);
  const values = new Map<string, Record<string, BodyValue>>();
  const all: DeclaredResource[] = [...index.resources, ...index.dataSources];
  for (const r of all) {
    const v = bodyLiteral(r.body);
    if (r.count) v.count = literalValue(r.count.expr);
    if (r.forEach) v.for_each = literalValue(r.forEach.expr);
    if (!values.has(r.address)) values.set(r.address, v);
  }
  // Variables (defaults, heredoc descriptions, validations), outputs, module calls and locals: more literal text to compare.
  let locals = 0;
  for (const item of parsed.body.items) {
    if (item.kind !== 'Block') continue;
    if (OTHER_BLOCKS.includes(item.type) && item.labels.length === 1) {
      const key = `${item.type}.${item.labels[0].value}`;
      if (!values.has(key)) values.set(key, bodyLiteral(declaredBody(item.body)));
    } else if (item.type === 'locals') values.set(`locals[${locals++}]`, bodyLiteral(declaredBody(item.body)));
  }
  const diagnostics = parsed.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
  return { addresses: all.map((r) => r.address).sort(), values, diagnostics, resources: all };
}

const OTHER_BLOCKS = ['variable', 'output', 'module'];

/** Runs an oracle on one file; undefined when it rejects the file. */
async function oracleJson(oracle: Oracle, file: string, text: string): Promise<{ json?: Record<string, unknown>; error?: string }> {
  if (oracle === 'hcl2-parser') {
    const [result, err] = hcl2parser.parseToObject(text);
    return result ? { json: result } : { error: String(err) };
  }
  return hcl2json.parse(file, text).then(
    (json) => ({ json }),
    (err: unknown) => ({ error: String(err) }),
  );
}

/**
 * Where a range says it is, the text must be: its line/character must match its offset (counted
 * independently by splitting lines), a block must start with its type and end with its `}`, and
 * an attribute's value range must cover text that parses on its own.
 */
function rangeProblems(text: string, r: DeclaredResource, clean: boolean): string[] {
  const out: string[] = [];
  const check = (what: string, p: { offset: number; line: number; character: number }): void => {
    const expected = posAt(text, p.offset);
    if (expected.line !== p.line || expected.character !== p.character) out.push(`${r.address} ${what}: offset ${p.offset} is ${expected.line}:${expected.character}, range says ${p.line}:${p.character}`);
  };
  check('start', r.range.start);
  check('end', r.range.end);
  const blockText = text.slice(r.range.start.offset, r.range.end.offset);
  const keyword = r.address.startsWith('data.') ? 'data' : 'resource';
  // An unclosed block (a file with errors) ends at its last item instead.
  if (!blockText.startsWith(keyword) || (clean && !blockText.endsWith('}'))) out.push(`${r.address}: block range holds ${JSON.stringify(blockText.slice(0, 30))}…${JSON.stringify(blockText.slice(-10))}`);
  for (const a of Object.values(r.body.attributes)) {
    check(`${a.name} value start`, a.valueRange.start);
    check(`${a.name} value end`, a.valueRange.end);
    if (text.slice(a.nameRange.start.offset, a.nameRange.end.offset) !== a.name) out.push(`${r.address}.${a.name}: name range holds ${JSON.stringify(text.slice(a.nameRange.start.offset, a.nameRange.end.offset))}`);
  }
  return out;
}

/** The oracle's resources: `{ resource: { type: { name: [body, …] } }, data: … }`. */
function theirs(json: Record<string, unknown>): { addresses: string[]; values: Map<string, Record<string, Json>> } {
  const addresses: string[] = [];
  const values = new Map<string, Record<string, Json>>();
  for (const [mode, prefix] of [['resource', ''], ['data', 'data.']] as const) {
    const byType = (json[mode] ?? {}) as Record<string, Record<string, Record<string, Json>[]>>;
    for (const [type, byName] of Object.entries(byType)) {
      for (const [name, bodies] of Object.entries(byName)) {
        const address = `${prefix}${type}.${name}`;
        for (const _ of bodies) addresses.push(address);
        values.set(address, bodies[0]);
      }
    }
  }
  for (const type of OTHER_BLOCKS) {
    for (const [name, bodies] of Object.entries((json[type] ?? {}) as Record<string, Record<string, Json>[]>)) values.set(`${type}.${name}`, bodies[0]);
  }
  ((json.locals ?? []) as Record<string, Json>[]).forEach((body, i) => values.set(`locals[${i}]`, body));
  return { addresses: addresses.sort(), values };
}

/**
 * Compares where ours is known. The oracles write a string literal's `${` / `%{` escapes differently:
 * hcl2-parser decodes them, hcl2json keeps them escaped (`$${`, `%%{`).
 */
function agree(a: BodyValue, b: Json | undefined, path: string, oracle: Oracle, out: { compared: number; mismatches: string[] }): void {
  if (isUnknown(a)) return;
  const fail = (): void => void out.mismatches.push(`${path}: ours ${JSON.stringify(a)}, ${oracle} ${JSON.stringify(b)}`);
  if (b === undefined) return fail();
  if (typeof a === 'string') {
    out.compared++;
    const expected = oracle === 'hcl2json' ? a.replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{') : a;
    if (expected !== b) fail();
    return;
  }
  if (a === null || typeof a !== 'object') {
    out.compared++;
    if (a !== b) fail();
    return;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return fail();
    a.forEach((x, i) => agree(x, b[i], `${path}[${i}]`, oracle, out));
    return;
  }
  if (b === null || typeof b !== 'object' || Array.isArray(b)) return fail();
  const ourKeys = Object.keys(a);
  // A block with `dynamic` content: the oracle groups those under "dynamic", we mark the type unknown.
  const missing = Object.keys(b).filter((k) => k !== 'dynamic' && !ourKeys.includes(k));
  if (missing.length) out.mismatches.push(`${path}: ${oracle} has keys we lack: ${missing.join(', ')}`);
  for (const k of ourKeys) agree(a[k], b[k], `${path}.${k}`, oracle, out);
}

describe('differential: our parser vs HashiCorp’s (hcl2-parser, @cdktf/hcl2json) on every fixture .tf file', () => {
  let files: string[] = [];

  let extra = new Set<string>();

  before(async () => {
    const more = extraDir ? await tfFiles(extraDir) : [];
    extra = new Set(more);
    files = [...(await tfFiles(fixturesDir)), ...(await tfFiles(exampleDir)), ...more];
  });

  it('has fixtures to compare', () => {
    assert.ok(files.length >= 15, `found ${files.length} .tf files`);
  });

  for (const oracle of ['hcl2-parser', 'hcl2json'] as const) {
    it(`finds the same resource addresses and literal values as ${oracle}`, async function () {
      // hcl2-parser runs at ~0.3 MB/s: a large DRIFTLENS_DIFF_DIR needs more than the default timeout.
      if (extraDir) this.timeout(0);
      const problems: string[] = [];
      let compared = 0;
      for (const file of files) {
        const rel = extra.has(file) ? relative(extraDir ?? '', file) : relative(join(fixturesDir, '..', '..', '..'), file);
        const text = await readFile(file, 'utf8');
        const { json, error } = await oracleJson(oracle, file, text);
        const o = ours(file, text);
        if (!json) {
          // A fixture must parse. A public file HashiCorp's parser rejects (hcl2-parser is an older
          // HCL that predates newer syntax) is compared with hcl2json only, which must then reject it.
          assert.ok(extra.has(file), `${oracle} failed on ${rel}: ${error}`);
          if (oracle === 'hcl2json') assert.notDeepEqual(o.diagnostics, [], `${rel}: hcl2json rejects it (${error}) and we do not`);
          continue;
        }
        assert.deepEqual(o.diagnostics, [], `our parser reports errors on ${rel}, HashiCorp's does not`);
        const t = theirs(json);
        assert.deepEqual(o.addresses, t.addresses, `resource addresses in ${rel}`);
        const out = { compared: 0, mismatches: [] as string[] };
        for (const [address, values] of o.values) agree(values, t.values.get(address) as Json, `${rel} ${address}`, oracle, out);
        problems.push(...out.mismatches);
        compared += out.compared;
      }
      assert.deepEqual(problems, []);
      // Guard against a vacuous pass (e.g. everything turning unknown).
      assert.ok(compared > 150, `only ${compared} literal values compared`);
    });
  }

  it('gives every resource and attribute a range that matches the text', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const o = ours(file, text);
      for (const r of o.resources) {
        checked++;
        problems.push(...rangeProblems(text, r, o.diagnostics.length === 0).map((p) => `${relative(extra.has(file) ? extraDir ?? '' : fixturesDir, file)}: ${p}`));
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked > 30, `only ${checked} resources checked`);
  });

  it('catches a difference (the comparison is not vacuous)', () => {
    const out = { compared: 0, mismatches: [] as string[] };
    agree({ a: 'x', b: [1, 2], c: { $unknown: 'r' }, d: [{ e: true }] }, { a: 'x', b: [1, 3], c: 'whatever', d: [{ e: false }], extra: 1 }, 'r', 'hcl2-parser', out);
    assert.deepEqual(out.mismatches, ['r: hcl2-parser has keys we lack: extra', 'r.b[1]: ours 2, hcl2-parser 3', 'r.d[0].e: ours true, hcl2-parser false']);
    const esc = { compared: 0, mismatches: [] as string[] };
    agree('a ${b} %{c}', 'a $${b} %%{c}', 's', 'hcl2json', esc);
    agree('a ${b} %{c}', 'a ${b} %{c}', 's', 'hcl2-parser', esc);
    assert.deepEqual(esc.mismatches, []);
  });
});
