// Differential test: on every fixture .tf file, our parser + index must find the same resources
// as HashiCorp's parser (compiled to JS: `hcl2-parser` via GopherJS, `@cdktf/hcl2json` via WASM)
// and the same value for every attribute we evaluate as a literal.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';
import { bodyLiteral, isUnknown, literalValue, type BodyValue } from '../../../src/iac/terraform/literal';
import type { DeclaredResource } from '../../../src/engine/model';
import { fixturesDir } from './helpers';

const require = createRequire(__filename);
const hcl2parser = require('hcl2-parser') as { parseToObject(text: string): [Record<string, unknown> | null, unknown] };
const hcl2json = require('@cdktf/hcl2json') as { parse(name: string, text: string): Promise<Record<string, unknown>> };

type Oracle = 'hcl2-parser' | 'hcl2json';
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const exampleDir = join(__dirname, '..', '..', '..', 'examples');

async function tfFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await tfFiles(join(dir, e.name))));
    else if (e.name.endsWith('.tf')) out.push(join(dir, e.name));
  }
  return out.sort();
}

/** Our resources of one file, as (address → attribute values incl. count / for_each). */
function ours(file: string, text: string): { addresses: string[]; values: Map<string, Record<string, BodyValue>>; diagnostics: number } {
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
  return { addresses: all.map((r) => r.address).sort(), values, diagnostics: parsed.diagnostics.length };
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

  before(async () => {
    files = [...(await tfFiles(fixturesDir)), ...(await tfFiles(exampleDir))];
  });

  it('has fixtures to compare', () => {
    assert.ok(files.length >= 15, `found ${files.length} .tf files`);
  });

  for (const oracle of ['hcl2-parser', 'hcl2json'] as const) {
    it(`finds the same resource addresses and literal values as ${oracle}`, async () => {
      const problems: string[] = [];
      let compared = 0;
      for (const file of files) {
        const rel = relative(join(fixturesDir, '..', '..', '..'), file);
        const text = await readFile(file, 'utf8');
        let json: Record<string, unknown> | null;
        if (oracle === 'hcl2-parser') {
          const [result, err] = hcl2parser.parseToObject(text);
          json = result;
          assert.ok(json, `hcl2-parser failed on ${rel}: ${String(err)}`);
        } else {
          json = await hcl2json.parse(file, text);
        }
        const o = ours(file, text);
        assert.equal(o.diagnostics, 0, `our parser reports errors on ${rel}, HashiCorp's does not`);
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
