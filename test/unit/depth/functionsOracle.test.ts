// Differential test: every expression in functionCases.ts is evaluated by the real
// `terraform console` and by our callFunction (through the parser and a tiny evaluator), and the
// two `jsonencode` texts must be identical — or both sides must fail.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jsonEncode } from '../../../src/iac/terraform/functions/encoding';
import type { Value } from '../../../src/model';
import { binaryFixtureFiles, fixtureFiles, functionCases, knownDivergences } from './oracle/functionCases';
import { evaluateText } from './oracle/tinyEval';
import { evaluateWithTerraform, findTerraform } from './oracle/terraformConsole';

function ours(expr: string, baseDir: string): string | null {
  const o = evaluateText(expr, { baseDir });
  if ('error' in o) return null;
  if ('unknown' in o) return `<unknown: ${o.unknown}>`;
  try {
    return jsonEncode(o.value as Value);
  } catch {
    return null;
  }
}

describe('functions: differential test against terraform console', function () {
  this.timeout(120_000);
  const all = Object.entries(functionCases).flatMap(([family, exprs]) => exprs.map((expr) => ({ family, expr })));
  const theirs = new Map<string, string | null>();
  let dir = '';

  before(async function () {
    const cli = findTerraform();
    if (!cli) {
      const banner = '!'.repeat(78);
      console.warn(`\n${banner}\n!! terraform CLI NOT FOUND on PATH: the functions differential test did NOT run.\n!! Install Terraform (1.11.x) or set DRIFTLENS_TERRAFORM to its path.\n${banner}\n`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'driftlens-tfconsole-'));
    for (const [name, text] of [...Object.entries(fixtureFiles), ...Object.entries(binaryFixtureFiles)]) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const exprs = all.map((c) => c.expr);
    const { results, processes } = await evaluateWithTerraform(cli!, dir, exprs);
    exprs.forEach((e, i) => theirs.set(e, results[i]));
    const matched = all.filter((c) => ours(c.expr, dir) === theirs.get(c.expr)).length;
    const diverging = all.filter((c) => Object.hasOwn(knownDivergences, c.expr) && ours(c.expr, dir) !== theirs.get(c.expr)).length;
    const failing = [...theirs.values()].filter((v) => v === null).length;
    console.log(`      terraform ${cli!.version}: ${all.length} expressions in ${processes} console process(es); ${failing} rejected by Terraform; ${matched}/${all.length} matched (${diverging} known divergences)`);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has a large table covering every function', () => {
    assert.ok(all.length >= 300, `only ${all.length} cases`);
    // Both outcomes are exercised: Terraform accepts most cases and rejects some.
    const rejected = [...theirs.values()].filter((v) => v === null).length;
    assert.ok(rejected > 20 && rejected < all.length / 2, `${rejected} rejected`);
  });

  it('known divergences still differ (remove them from the list once fixed)', () => {
    for (const expr of Object.keys(knownDivergences)) {
      assert.ok(theirs.has(expr), `${expr} is not a case`);
      assert.notEqual(ours(expr, dir), theirs.get(expr), `${expr} now matches: drop it from knownDivergences`);
    }
  });

  for (const { family, expr } of all) {
    if (Object.hasOwn(knownDivergences, expr)) {
      it(`KNOWN DIVERGENCE ${family}: ${expr} — ${knownDivergences[expr]}`);
      continue;
    }
    it(`${family}: ${expr}`, () => {
      const expected = theirs.get(expr);
      const actual = ours(expr, dir);
      assert.equal(actual, expected, expected === null ? 'Terraform rejects this expression; we must fail too' : undefined);
    });
  }
});
