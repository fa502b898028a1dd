// Ranges are compact and shared: a whole file's tree holds OffsetRanges over one line table and no
// Position objects; trees are shared between roots and cached, which is only safe if nothing ever
// mutates a Position or a Range, which these tests hold the parser and the indexer to (frozen
// trees, strict mode).

import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Position } from '../../../src/model/ast';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { parseTfJson } from '../../../src/iac/terraform/tfJson';
import { declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';
import { bodyLiteral, literalValue } from '../../../src/iac/terraform/literal';
import { addModule, type Inventory } from '../../../src/iac/inventory';
import { checkPositions } from './helpers';
import { KeepsOffsets, OffsetRange, OffsetSpan } from '../../../src/iac/offsetRange';

const fixturesDir = join(__dirname, '..', '..', 'fixtures', 'terraform');

async function fixtureFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await fixtureFiles(join(dir, e.name))));
    else if (e.name.endsWith('.tf') || e.name.endsWith('.tf.json')) out.push(join(dir, e.name));
  }
  return out.sort();
}

function isPosition(v: object): v is Position {
  const p = v as Position;
  return typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.character === 'number';
}

/** Every Position object reachable from `tree`, each once. */
function positions(tree: unknown): Position[] {
  const seen = new Set<object>();
  const out: Position[] = [];
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (isPosition(v)) out.push(v);
    else stack.push(...Object.values(v instanceof KeepsOffsets ? v.toJSON() : v));
  }
  return out;
}

/** Freezes every Position and every Range (an object with start and end Positions) in the tree. */
function freezeRanges(tree: unknown): number {
  let n = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (isPosition(o) || (typeof o.start === 'object' && o.start !== null && isPosition(o.start) && typeof o.end === 'object')) {
      Object.freeze(o);
      n++;
    }
    stack.push(...Object.values(v instanceof KeepsOffsets ? v.toJSON() : o));
  }
  return n;
}

describe('shared positions', () => {
  it('a whole file keeps no Position objects: every range is two offsets over the file\'s one line table', () => {
    const src = 'resource "a_b" "c" {\n  tags = { Name = var.name }\n  ids  = aws_vpc.main[*].id\n}\n';
    const { body, diagnostics } = parseHcl(src);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(positions(body), []);
    const tables = new Set<unknown>();
    let ranges = 0;
    const stack: unknown[] = [body];
    while (stack.length > 0) {
      const v = stack.pop();
      if (typeof v !== 'object' || v === null) continue;
      if (v instanceof OffsetRange || v instanceof OffsetSpan) {
        tables.add((v as unknown as { lines: unknown }).lines);
        ranges++;
      }
      // A node keeping offsets (a traversal) holds its fields beside the line table: look past the table.
      if (v instanceof OffsetRange) continue;
      stack.push(...Object.entries(v).filter(([k]) => k !== 'lines').map(([, x]) => x));
    }
    assert.ok(ranges > 15, `only ${ranges} ranges`);
    assert.equal(tables.size, 1, 'one line table per file');
    // Read as positions, they are where the text says; the attribute and its name start together.
    const block = body.items[0];
    assert.ok(block.kind === 'Block');
    const tags = block.body.items[1];
    assert.ok(tags.kind === 'Attribute');
    assert.deepEqual(tags.range.start, { offset: 52, line: 2, character: 2 });
    assert.deepEqual(tags.range.start, tags.nameRange.start);
    assert.deepEqual(tags.range.end, tags.expr.range.end);
    assert.deepEqual(JSON.parse(JSON.stringify(tags.nameRange)), { start: { offset: 52, line: 2, character: 2 }, end: { offset: 55, line: 2, character: 5 } });
    checkPositions(body, src);
  });

  it('holds for every fixture file, and every position still matches its offset', async () => {
    let checked = 0;
    for (const file of await fixtureFiles(fixturesDir)) {
      if (file.endsWith('.json')) continue;
      const src = await readFile(file, 'utf8');
      const all = positions(parseHcl(src).body);
      // `<<-` trimming moves a literal's start into its line: the only Positions made apart from tokens.
      const byOffset = new Map<number, number>();
      for (const p of all) byOffset.set(p.offset, (byOffset.get(p.offset) ?? 0) + 1);
      const shared = [...byOffset.values()].filter((n) => n > 1).length;
      assert.ok(shared <= src.split('<<-').length - 1, `${file}: ${shared} offsets with more than one Position`);
      checked += checkPositions(parseHcl(src).body, src);
    }
    assert.ok(checked > 1000, `only ${checked} positions checked`);
  });

  it('is safe: indexing, literal values and the inventory never mutate a Position or a Range', async () => {
    let frozen = 0;
    for (const file of await fixtureFiles(fixturesDir)) {
      const text = await readFile(file, 'utf8');
      const parsed = file.endsWith('.tf.json') ? parseTfJson(text) : parseHcl(text);
      frozen += freezeRanges(parsed);
      // Test code runs in strict mode: a write to a frozen object throws here.
      const index = emptyModuleIndex(join(file, '..'));
      declareFile(index, file, parsed.body, text);
      index.files.push({ file, diagnostics: parsed.diagnostics });
      for (const r of [...index.resources, ...index.dataSources]) {
        bodyLiteral(r.body);
        if (r.count) literalValue(r.count.expr);
      }
      for (const v of Object.values(index.variables)) if (v.default) literalValue(v.default.expr);
      const inventory: Inventory = { version: 1, resources: [], errors: [] };
      addModule(inventory, fixturesDir, index);
    }
    assert.ok(frozen > 1000, `only ${frozen} ranges and positions frozen`);
  });

  it('maps .tf.json template positions into a copy, leaving the parsed template untouched', () => {
    const text = '{"resource": {"a_b": {"c": {"name": "x-${var.env}-\\u00e9-${var.n}"}}}}';
    const parsed = parseTfJson(text);
    assert.deepEqual(parsed.diagnostics, []);
    const index = emptyModuleIndex('/m');
    declareFile(index, '/m/main.tf.json', parsed.body, text);
    const expr = index.resources[0].body.attributes.name.expr;
    assert.ok(expr.kind === 'Template');
    const parts = expr.parts.map((p) => text.slice(p.range.start.offset, p.range.end.offset));
    assert.deepEqual(parts, ['x-', '${var.env}', '-\\u00e9-', '${var.n}']);
    checkPositions(parsed, text);
  });
});
