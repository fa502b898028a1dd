// Issue 15, the fault matrix on Azure: each fault on one Resource Manager path, through the real
// @azure/arm-resources SDK against the HTTPS fake; the same guarantees as the EC2 matrix.
import { strict as assert } from 'node:assert';
import { ARM_CELLS, armCellProblems, runArmCell } from './armMatrix';

describe('fault matrix (issue 15): Azure Resource Manager through the real SDK', function () {
  this.timeout(120_000);
  for (const cell of ARM_CELLS) {
    it(`${cell.name}: ${cell.expect === 'recovers' ? 'every resource verified' : 'affected resources unverified, the rest verified'}, exit ${cell.exit}, within ${cell.boundSeconds} s`, async () => {
      const outcome = await runArmCell(cell);
      assert.deepEqual(armCellProblems(cell, outcome), [], JSON.stringify([...outcome.statuses], null, 1));
    });
  }
});
