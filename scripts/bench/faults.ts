// `npm run bench -- faults [--only aws|azure]`: the fault matrix of issue 15 as a table, one row per
// fault: what it hit, the reason the affected resources got, false findings, exit code, seconds and
// the bound the test suite holds it to. The same cells as test/unit/faults/*.test.ts.
import { parseArgs } from 'node:util';
import { cellProblems, EC2_CELLS, MATRIX_MAX_ATTEMPTS, MATRIX_TIMEOUT_SECONDS, runCell, type CellOutcome } from '../../test/unit/faults/ec2Matrix';
import { ARM_CELLS, ARM_TIMEOUT_SECONDS, armCellProblems, runArmCell } from '../../test/unit/faults/armMatrix';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

interface Row {
  cloud: string;
  fault: string;
  unverified: number;
  verified: number;
  findings: number;
  exit: number;
  seconds: string;
  bound: string;
  verdict: string;
  reason: string;
}

const rowOf = (cloud: string, name: string, bound: number, o: CellOutcome, problems: string[]): Row => {
  const all = [...o.statuses.values()];
  const reason = (all.find((s) => s.status === 'unverified')?.reason ?? '(all verified)').replace(/\s+/g, ' ');
  return {
    cloud,
    fault: name,
    unverified: all.filter((s) => s.status === 'unverified').length,
    verified: all.filter((s) => s.status === 'in-sync' || s.status === 'drifted').length,
    findings: o.findings,
    exit: o.exit,
    seconds: o.seconds.toFixed(1),
    bound: `${bound}`,
    verdict: problems.length === 0 ? 'green' : `RED: ${problems.join('; ')}`,
    reason: reason.length > 110 ? `${reason.slice(0, 107)}...` : reason,
  };
};

async function main(): Promise<void> {
  const rows: Row[] = [];
  if (values.only !== 'azure') {
    console.log(`EC2 (fake EC2 Query API over HTTP, @aws-sdk/client-ec2): --timeout ${MATRIX_TIMEOUT_SECONDS}, maxAttempts ${MATRIX_MAX_ATTEMPTS}, 8 resources in 2 regions`);
    for (const cell of EC2_CELLS) {
      const o = await runCell(cell);
      rows.push(rowOf('aws', cell.name, cell.boundSeconds, o, cellProblems(cell, o)));
    }
  }
  if (values.only !== 'aws') {
    console.log(`ARM (fake Resource Manager over HTTPS, @azure/arm-resources): --timeout ${ARM_TIMEOUT_SECONDS}, maxRetries 2, 5 resources`);
    for (const cell of ARM_CELLS) {
      const o = await runArmCell(cell);
      rows.push(rowOf('azure', cell.name, cell.boundSeconds, o, armCellProblems(cell, o)));
    }
  }
  const cols: (keyof Row)[] = ['cloud', 'fault', 'unverified', 'verified', 'findings', 'exit', 'seconds', 'bound', 'verdict', 'reason'];
  const width = (c: keyof Row) => Math.max(c.length, ...rows.map((r) => String(r[c]).length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(line(cols.map((c) => c.padEnd(width(c)))));
  console.log(line(cols.map((c) => '-'.repeat(width(c)))));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]).padEnd(width(c)))));
  const red = rows.filter((r) => r.verdict !== 'green').length;
  console.log(`\n${rows.length} cells, ${rows.length - red} green, ${red} red`);
  if (red > 0) process.exitCode = 1;
}

void main();
