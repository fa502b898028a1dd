import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { INLINED_BYTECODE_CUMULATIVE, inliningFlag } from '../../../src/cli/inliningBudget';

describe('TurboFan inlining budget of CLI runs (issue 17)', () => {
  it('is set for a CLI run', () => {
    assert.equal(inliningFlag([], ''), `--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`);
    assert.equal(inliningFlag(['--max-old-space-size=4096'], '--inspect'), `--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`);
  });

  it('leaves a budget the user chose, on the command line or in NODE_OPTIONS', () => {
    assert.equal(inliningFlag(['--max-inlined-bytecode-size-cumulative=920'], ''), undefined);
    assert.equal(inliningFlag(['--max_inlined_bytecode_size_cumulative=50'], ''), undefined);
    assert.equal(inliningFlag([], '--max-old-space-size=4096 --no-turbo-inlining'), undefined);
  });

  it('is a flag this Node accepts', () => {
    // An unknown flag would make node refuse to start: the same string, given at start-up.
    const r = spawnSync(process.execPath, [inliningFlag([], '')!, '-e', '0']);
    assert.equal(r.status, 0, r.stderr.toString());
  });
});
