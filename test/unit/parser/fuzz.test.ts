// Fuzz: truncations at every token boundary, byte flips, unbalanced braces, invalid UTF-8,
// very deep nesting and a 5 MB line. The parser must never throw, always return a tree whose
// positions agree with the text, and report a diagnostic wherever HashiCorp's own parser
// (@cdktf/hcl2json, the oracle) rejects the input.
// Hang guard only: the suite has a generous time limit to catch super-linear blow-up; no
// test asserts on speed (the benchmark does).

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as hclOracle } from '@cdktf/hcl2json';
import { lex, Tok } from '../../../src/iac/terraform/lexer';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { checkPositions } from './helpers';
import { KITCHEN_SINK } from './samples';

const FIXTURES = join(__dirname, '../../fixtures/terraform');

function tfFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tfFiles(p, out);
    else if (name.endsWith('.tf')) out.push(p);
  }
  return out;
}

/** Deterministic PRNG (mulberry32), so every run fuzzes the same inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether HashiCorp's parser accepts the syntax (its later conversion errors, such as `-true`, are not syntax). */
async function oracleAccepts(text: string): Promise<boolean> {
  try {
    await hclOracle('fuzz.tf', text);
    return true;
  } catch (e) {
    return !String(e).includes('parse config');
  }
}

/** Parses, asserting the invariants every input must satisfy; returns the diagnostic count. */
function robust(text: string): number {
  const r = parseHcl(text);
  assert.ok(r.body && r.body.kind === 'Body');
  assert.ok(!r.diagnostics.some((d) => d.message.startsWith('Internal parser error')), 'parser threw internally');
  checkPositions(r.body, text);
  checkPositions(r.diagnostics, text);
  return r.diagnostics.length;
}

const seeds = (): { name: string; text: string }[] => [
  { name: 'kitchen-sink', text: KITCHEN_SINK },
  ...tfFiles(FIXTURES).map((f) => ({ name: f.slice(FIXTURES.length + 1), text: readFileSync(f, 'utf8') })),
];

describe('HCL parser fuzz', function () {
  this.timeout(120_000); // hang guard, see header

  it('accepts every seed file without diagnostics, as the oracle does', async () => {
    for (const { name, text } of seeds()) {
      assert.equal(await oracleAccepts(text), true, `oracle rejects seed ${name}`);
      assert.equal(robust(text), 0, `diagnostics on ${name}`);
    }
  });

  it('survives truncation at every token boundary and agrees with the oracle on validity', async () => {
    const picked = seeds().sort((a, b) => b.text.length - a.text.length).slice(0, 2);
    let rejected = 0;
    for (const { name, text } of picked) {
      const ts = lex(text);
      const cuts = new Set<number>();
      for (let k = 0; k < ts.count; k++) {
        if (ts.type[k] !== Tok.EOF) cuts.add(ts.start[k]).add(ts.end[k]);
      }
      for (const cut of cuts) {
        {
          const prefix = text.slice(0, cut);
          const diags = robust(prefix);
          const accepted = await oracleAccepts(prefix);
          if (!accepted) rejected++;
          assert.equal(diags > 0, !accepted, `${name} cut at ${cut}: oracle ${accepted ? 'accepts' : 'rejects'}, we report ${diags}:\n…${prefix.slice(-60)}`);
        }
      }
    }
    assert.ok(rejected > 100, 'truncation should produce many broken inputs');
  });

  it('survives random byte flips and agrees with the oracle on validity', async () => {
    const rnd = prng(0xd1f7);
    const alphabet = '{}[]()"\'=:,.$%~<>-!#/*\\\n\t x0';
    for (const { name, text } of seeds()) {
      for (let round = 0; round < 40; round++) {
        const chars = text.split('');
        const flips = 1 + Math.floor(rnd() * 4);
        for (let f = 0; f < flips; f++) chars[Math.floor(rnd() * chars.length)] = alphabet[Math.floor(rnd() * alphabet.length)];
        const mutated = chars.join('');
        const diags = robust(mutated);
        const accepted = await oracleAccepts(mutated);
        assert.equal(diags > 0, !accepted, `${name} round ${round}: oracle ${accepted ? 'accepts' : 'rejects'}, we report ${diags}:\n${mutated}`);
      }
    }
  });

  it('reports unbalanced braces and keeps the blocks it can read', async () => {
    const rnd = prng(42);
    for (const { name, text } of seeds()) {
      const positions: number[] = [];
      for (let i = 0; i < text.length; i++) if (text[i] === '{' || text[i] === '}') positions.push(i);
      if (positions.length === 0) continue;
      for (let round = 0; round < 10; round++) {
        const at = positions[Math.floor(rnd() * positions.length)];
        const dropped = text.slice(0, at) + text.slice(at + 1);
        const doubled = text.slice(0, at) + text[at] + text.slice(at);
        for (const mutated of [dropped, doubled]) {
          const diags = robust(mutated);
          if (!(await oracleAccepts(mutated))) assert.ok(diags > 0, `${name}: an unbalanced brace at ${at} must be reported`);
        }
      }
    }
  });

  it('survives invalid UTF-8 decoded with replacement characters', async () => {
    const rnd = prng(7);
    const enc = new TextEncoder();
    const dec = new TextDecoder('utf-8', { fatal: false });
    for (const { text } of seeds().slice(0, 4)) {
      for (let round = 0; round < 20; round++) {
        const bytes = Array.from(enc.encode(text));
        for (let f = 0; f < 3; f++) bytes.splice(Math.floor(rnd() * bytes.length), 0, [0xff, 0xc3, 0xe2, 0x80, 0xed][Math.floor(rnd() * 5)]);
        const decoded = dec.decode(new Uint8Array(bytes));
        assert.ok(decoded.includes('\ufffd'));
        robust(decoded);
      }
    }
    // Lone surrogates and astral characters in identifiers, strings and comments.
    robust('a\ud800 = "\udc00😀" # \ud83d\nb𝒳 = 1\n');
  });

  it('bounds every kind of 10,000-deep nesting', () => {
    const n = 10_000;
    const inputs = [
      'a = ' + '['.repeat(n),
      'a = ' + '['.repeat(n) + ']'.repeat(n),
      'a = ' + '{a='.repeat(n) + '1' + '}'.repeat(n),
      'a = ' + '('.repeat(n) + '1' + ')'.repeat(n),
      'a = ' + 'f('.repeat(n) + ')'.repeat(n),
      'a = ' + '"${'.repeat(n) + '1' + '}"'.repeat(n),
      'a = "' + '%{if x}'.repeat(n) + '"',
      'a = ' + '!-'.repeat(n) + 'x',
      'a = ' + 'x ? '.repeat(n) + '1' + ' : 2'.repeat(n),
      'a = ' + '1 + '.repeat(n) + '1',
      'a = ' + 'x.y'.repeat(n),
      'b {\n'.repeat(n),
      '{'.repeat(n) + '}'.repeat(n),
    ];
    for (const text of inputs) robust(text);
    for (const text of [inputs[0], inputs[1], inputs[2], inputs[3], inputs[5], inputs[6], inputs[11]]) {
      assert.ok(robust(text) > 0, `expected a diagnostic for ${text.slice(0, 20)}…`);
    }
  });

  it('parses a 5 MB single line, a 5 MB unterminated string and 5 MB of attributes', () => {
    const line = 'a = [' + Array.from({ length: 900_000 }, (_, i) => String(i)).join(',') + ']';
    assert.ok(line.length > 5_000_000);
    assert.equal(robust(line), 0);
    assert.equal(robust('a = "' + 'x'.repeat(5_000_000)), 1);
    assert.equal(robust('x = "y"\n'.repeat(700_000)), 0);
    assert.ok(robust('a = <<EOF\n'.repeat(50_000)) > 0);
  });

  // `DRIFTLENS_DIFF_DIR=<dir>`: the same truncation and byte-flip checks on every .tf file below a
  // folder of public code (files HashiCorp's parser rejects as they are are skipped).
  const extraDir = process.env.DRIFTLENS_DIFF_DIR;
  if (extraDir) {
    it(`agrees with the oracle on truncations and byte flips of the files in ${extraDir}`, async function () {
      this.timeout(0);
      const rnd = prng(0x5eed);
      const alphabet = '{}[]()"\'=:,.$%~<>-!#/*\\\n\t x0';
      let inputs = 0;
      for (const file of tfFiles(extraDir)) {
        const text = readFileSync(file, 'utf8');
        if (!(await oracleAccepts(text))) continue;
        const ts = lex(text);
        const variants = new Set<string>();
        for (let k = 0; k < ts.count; k++) if (ts.type[k] !== Tok.EOF) variants.add(text.slice(0, ts.start[k])).add(text.slice(0, ts.end[k]));
        for (let round = 0; round < 40; round++) {
          const chars = text.split('');
          const flips = 1 + Math.floor(rnd() * 4);
          for (let f = 0; f < flips; f++) chars[Math.floor(rnd() * chars.length)] = alphabet[Math.floor(rnd() * alphabet.length)];
          variants.add(chars.join(''));
        }
        for (const v of variants) {
          inputs++;
          const diags = robust(v);
          const accepted = await oracleAccepts(v);
          assert.equal(diags > 0, !accepted, `${file}: oracle ${accepted ? 'accepts' : 'rejects'}, we report ${diags}:\n…${v.slice(-80)}`);
        }
      }
      assert.ok(inputs > 0, `no .tf file the oracle accepts in ${extraDir}`);
    });
  }
});
