import { strict as assert } from 'node:assert';
import { ProgressReporter } from '../../../src/editor/scanProgress';

describe('scan progress reporting', () => {
  function run(folders: number, reports: [number, 'index' | 'resolve' | 'fetch' | 'compare', number, number][]) {
    const seen: { message?: string; increment?: number }[] = [];
    const reporter = new ProgressReporter({ report: (v) => seen.push(v) }, folders);
    for (const [folder, stage, done, total] of reports) reporter.report(folder, { stage, done, total });
    return seen;
  }

  it('names the stage with its counts and moves forward to 100%', () => {
    const seen = run(1, [[0, 'index', 1, 1], [0, 'resolve', 1, 1], [0, 'fetch', 0, 7], [0, 'fetch', 7, 7], [0, 'compare', 8, 8]]);
    assert.deepEqual(seen.map((s) => s.message), ['Reading Terraform files 1/1', 'Resolving values and state 1/1', 'Reading live resources 0/7', 'Reading live resources 7/7', 'Comparing 8/8']);
    const total = seen.reduce((n, s) => n + (s.increment ?? 0), 0);
    assert.ok(Math.abs(total - 100) < 1e-9, `total ${total}`);
    assert.ok(seen.every((s) => (s.increment ?? 0) >= 0));
  });

  it('never goes backwards, and shares the bar between folders', () => {
    const seen = run(2, [[0, 'fetch', 5, 10], [0, 'fetch', 2, 10], [1, 'index', 0, 0]]);
    assert.equal(seen[1].increment, 0);
    assert.match(seen[2].message ?? '', /^Reading Terraform files \(folder 2 of 2\)$/);
    const total = seen.reduce((n, s) => n + (s.increment ?? 0), 0);
    assert.ok(Math.abs(total - 50) < 1e-9, `total ${total}`);
  });
});
