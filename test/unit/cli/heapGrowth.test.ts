// The commands that scan bound V8's heap growth (src/cli/heapGrowth.ts); nothing else does, and a
// growth the user chose (node flag or NODE_OPTIONS) is left as it is.
import { strict as assert } from 'node:assert';
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from '../../../src/cli/heapGrowth';

describe('heap growth of one-shot scans', () => {
  it('is bounded for scan, fix and import only', () => {
    for (const command of ['scan', 'fix', 'import']) assert.equal(heapGrowthFlag(command, [], ''), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    for (const command of ['inventory', 'types', 'history', 'sandbox', '--help']) assert.equal(heapGrowthFlag(command, [], ''), undefined);
  });

  it('leaves a growth the user chose', () => {
    assert.equal(heapGrowthFlag('scan', ['--heap-growing-percent=300'], ''), undefined);
    assert.equal(heapGrowthFlag('scan', ['--heap_growing_percent=50'], ''), undefined);
    assert.equal(heapGrowthFlag('scan', [], '--max-old-space-size=4096 --heap-growing-percent=200'), undefined);
    assert.equal(heapGrowthFlag('scan', ['--max-old-space-size=4096'], '--inspect'), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });
});
