// Issue 15: the quick-fix fuzzed as the parser is. Random literals of every kind (strings with quotes,
// backslashes, `${`, `%{`, line breaks, control and astral characters; integers, floats, negatives;
// bools; lists; maps with keys that need quoting) written over random literal attributes of the
// fixture corpus: the edited file parses with no new diagnostic, the attribute now reads back as
// exactly that value, every byte outside the edited range is the original's, and the inverse edit
// (what undo applies) restores the file byte for byte. Seeded: a failure names its seed.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { isUnknown, literalValue } from '../../../src/iac/terraform/literal';
import { buildFixEdit } from '../../../src/engine/fix/fixEdit';
import { UnrenderableValueError } from '../../../src/engine/fix/hclRender';
import type { Attribute, Body } from '../../../src/model/ast';
import type { Value } from '../../../src/model';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const ROUNDS = 600;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.tf')) out.push(p);
  }
  return out;
}

/** mulberry32: small, seedable, good enough to spread cases. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'Z', '0', ' ', '"', '\\', '${', '%{', '$${', '}', '{', '\n', '\t', '\r', 'é', '✓', '😀', '\u0001', '#', '//', '/*', '<<EOF', '=', ',', "'", '-'];

function randomValue(r: () => number, depth = 0): Value {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const kind = depth >= 2 ? pick(['string', 'number', 'bool']) : pick(['string', 'string', 'number', 'bool', 'list', 'map']);
  switch (kind) {
    case 'string':
      return Array.from({ length: Math.floor(r() * 8) }, () => pick(PIECES)).join('');
    case 'number':
      return pick([0, 1, -1, 42, 3.5, -0.25, 1e6, 2 ** 31, Math.floor(r() * 1e9), Number((r() * 1000).toFixed(3))]);
    case 'bool':
      return r() < 0.5;
    case 'list':
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const out: Record<string, Value> = {};
      for (let i = Math.floor(r() * 4); i > 0; i--) out[pick(['Name', 'env', 'a-b', 'with space', 'x.y', '0lead', 'q"uote', 'kubernetes.io/role', 'ünï'])] = randomValue(r, depth + 1);
      return out;
    }
  }
}

function literalAttributes(body: Body, out: Attribute[] = []): Attribute[] {
  for (const item of body.items) {
    if (item.kind === 'Block') literalAttributes(item.body, out);
    else if (!isUnknown(literalValue(item.expr))) out.push(item);
  }
  return out;
}

/** The attribute whose expression starts at `offset` in a re-parsed file. */
function attributeAt(body: Body, offset: number): Attribute | undefined {
  for (const item of body.items) {
    if (item.kind === 'Attribute' && item.expr.range.start.offset === offset) return item;
    if (item.kind === 'Block') {
      const a = attributeAt(item.body, offset);
      if (a) return a;
    }
  }
  return undefined;
}

describe('quick-fix fuzz (issue 15): random literals at random literal attributes of the corpus', function () {
  this.timeout(120_000);
  const files = walk(FIXTURES)
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .map((f) => ({ ...f, parsed: parseHcl(f.text) }))
    .map((f) => ({ ...f, attributes: literalAttributes(f.parsed.body) }))
    .filter((f) => f.attributes.length > 0);

  it(`${ROUNDS} edits: re-parses, reads back the value, same bytes outside the range, undo restores`, () => {
    assert.ok(files.length >= 10, `only ${files.length} fixture files with literal attributes`);
    let applied = 0;
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const r = rng(seed);
      const f = files[Math.floor(r() * files.length)];
      const attr = f.attributes[Math.floor(r() * f.attributes.length)];
      const value = randomValue(r);
      const where = `seed ${seed}: ${f.file}:${attr.range.start.line + 1} ${attr.name} = ${JSON.stringify(value)}`;
      let edit;
      try {
        edit = buildFixEdit(f.text, { file: f.file, range: attr.expr.range }, value);
      } catch (e) {
        if (e instanceof UnrenderableValueError) continue;
        throw new Error(`${where}: ${(e as Error).message}`);
      }
      assert.ok(edit, `${where}: no edit for a literal attribute`);
      const { start, end } = edit.range;
      const after = f.text.slice(0, start.offset) + edit.newText + f.text.slice(end.offset);
      assert.equal(after.slice(0, start.offset), f.text.slice(0, start.offset), `${where}: bytes before the range changed`);
      assert.equal(after.slice(start.offset + edit.newText.length), f.text.slice(end.offset), `${where}: bytes after the range changed`);
      const reparsed = parseHcl(after);
      assert.ok(reparsed.diagnostics.length <= f.parsed.diagnostics.length, `${where}: new diagnostics ${JSON.stringify(reparsed.diagnostics.slice(0, 2))}\n${edit.newText}`);
      const now = attributeAt(reparsed.body, start.offset);
      assert.ok(now, `${where}: the attribute is gone`);
      assert.deepEqual(literalValue(now.expr), value, `${where}: reads back differently; wrote ${edit.newText}`);
      // Undo: the inverse edit over the new text restores the original.
      const undone = after.slice(0, start.offset) + f.text.slice(start.offset, end.offset) + after.slice(start.offset + edit.newText.length);
      assert.equal(undone, f.text, `${where}: undo does not restore the file`);
      applied++;
    }
    assert.ok(applied >= ROUNDS * 0.9, `only ${applied} of ${ROUNDS} edits could be made`);
  });
});
