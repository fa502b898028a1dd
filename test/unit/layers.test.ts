// The layering rules of .dependency-cruiser.cjs, proven on fixtures (an upward import, a cycle, two sibling
// front-end folders importing each other, a clean tree) and then held on the real src/.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..');
const CONFIG = join(REPO, '.dependency-cruiser.cjs');
const DEPCRUISE = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation { rule: { name: string }; from: string; to: string }

/** The violations depcruise reports for `src/` of `dir`, as rule name → "from → to". */
function violations(dir: string): string[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    // depcruise exits non-zero when there are errors; the JSON is still on stdout.
    out = (e as { stdout?: string }).stdout ?? '';
  }
  const result = JSON.parse(out) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('layers (dependency-cruiser)', function () {
  this.timeout(60000);
  const fixture = (name: string) => join(REPO, 'test', 'fixtures', 'layers', name);

  it('fires on an import from a lower layer to a higher one', () => {
    assert.deepEqual(violations(fixture('upward')), ['layer-model: src/model/value.ts → src/engine/thing.ts']);
  });

  it('fires on an import cycle', () => {
    const found = violations(fixture('cycle'));
    assert.ok(found.length > 0 && found.every((v) => v.startsWith('no-circular: src/iac/')), found.join('\n'));
  });

  it('fires when one front-end surface imports its sibling', () => {
    assert.deepEqual(violations(fixture('sideways')), ['layer-views: src/views/tree.ts → src/diagnostics/lens.ts']);
  });

  it('stays quiet when every arrow points down', () => {
    assert.deepEqual(violations(fixture('clean')), []);
  });

  it('holds on the real src/: no upward import, no cycle', () => {
    assert.deepEqual(violations(REPO), []);
  });
});
