// `driftlens types`: the table comes from the providers' own mappers, so adding a mapper adds a row.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { AWS_MAPPERS } from '../../../src/providers/aws';
import { azureMappers } from '../../../src/providers/azure';
import type { TypeCoverage } from '../../../src/model';

const CLI = resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('driftlens types', () => {
  const run = (...args: string[]) => execFileSync(process.execPath, [CLI, 'types', ...args], { encoding: 'utf8' });

  it('lists every AWS and Azure mapper as deep, with the read it batches and its permissions', () => {
    const report = JSON.parse(run('--format', 'json')) as { version: number; types: TypeCoverage[]; summary: Record<string, { types: number; deep: number }> };
    assert.equal(report.version, 1);
    const byType = new Map(report.types.map((t) => [t.type, t]));
    for (const m of AWS_MAPPERS) {
      const row = byType.get(m.type);
      assert.equal(row?.depth, 'deep', m.type);
      assert.ok(row.permissions.includes(`ec2:${m.describe.operation}`), `${m.type} needs ec2:${m.describe.operation}`);
      for (const action of Object.values(m.normalization.onDemand)) assert.ok(row.permissions.includes(action), `${m.type} needs ${action}`);
    }
    for (const m of azureMappers) {
      const row = byType.get(m.type);
      assert.equal(row?.depth, 'deep', m.type);
      assert.ok(row.permissions.includes(`${m.armType}/read`), `${m.type} needs ${m.armType}/read`);
    }
    assert.equal(byType.get('azurerm_*')?.depth, 'existence+location+tags');
    assert.equal(report.summary.aws.deep, report.types.filter((t) => t.provider === 'aws' && t.depth === 'deep').length);
  });

  it('filters by provider, prints a table with a summary, and refuses an unknown format', () => {
    const text = run('--provider', 'aws');
    assert.match(text, /^TYPE\s+DEPTH\s+READS/);
    assert.match(text, /aws_instance\s+deep\s+ec2:DescribeInstances/);
    assert.doesNotMatch(text, /azurerm/);
    assert.match(text, /aws: \d+ types, \d+ deep/);
    assert.throws(() => execFileSync(process.execPath, [CLI, 'types', '--format', 'xml'], { encoding: 'utf8', stdio: 'pipe' }), /unknown format "xml"/);
  });
});
