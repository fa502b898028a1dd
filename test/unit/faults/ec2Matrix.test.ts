// Issue 15, the fault matrix on AWS: for each fault on one call type or region, through the real
// @aws-sdk/client-ec2 against the fake EC2, the affected resources end unverified with a reason a person
// can act on, nothing else changes, no false finding, the scan ends within its bound, and the exit code
// follows the honest-result rules. `npm run bench -- faults` prints the same cells as a table.
import { strict as assert } from 'node:assert';
import { cellProblems, EC2_CELLS, runCell } from './ec2Matrix';

describe('fault matrix (issue 15): EC2 through the real SDK', function () {
  this.timeout(120_000);
  for (const cell of EC2_CELLS) {
    it(`${cell.name}: ${cell.expect === 'recovers' ? 'every resource verified' : 'affected resources unverified, the rest verified'}, exit ${cell.exit}, within ${cell.boundSeconds} s`, async () => {
      const outcome = await runCell(cell);
      assert.deepEqual(cellProblems(cell, outcome), [], JSON.stringify([...outcome.statuses], null, 1));
    });
  }
});
