// A one-shot scan (the CLI's: nothing re-compares with it) lets go of each attribute's syntax tree and the
// index cache once resolved (issue 15), and reports exactly what a scan that keeps them reports.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanWorkspace } from '../../../src/engine/scan';
import { formatJson } from '../../../src/engine/report/json';
import { formatSarif } from '../../../src/engine/report/sarif';
import { formatText } from '../../../src/engine/report/text';
import type { DeclaredBody } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { applyConsoleDrift, FIXTURES } from './helpers';

const FIXTURE = join(FIXTURES, 'ec2-basic');

const expressionKinds = (body: DeclaredBody): string[] => [...Object.values(body.attributes).map((a) => a.expr.kind), ...body.blocks.flatMap((b) => expressionKinds(b.body))];

describe('engine: a one-shot scan', function () {
  let fake: FakeEc2;
  let restore: () => void;
  beforeEach(async () => {
    fake = await startFakeEc2(JSON.parse(readFileSync(join(FIXTURE, 'seed.json'), 'utf8')));
    restore = setAwsEnv(fakeCredentials(fake.url));
  });
  afterEach(async () => {
    restore();
    await fake.close();
  });

  const scan = (oneShot: boolean) => scanWorkspace({ dir: FIXTURE, oneShot, now: () => new Date('2026-01-02T03:04:05Z'), providers: [createAwsProvider({ credentialsAllowed: true })] });

  it('reports byte for byte what a kept scan reports (JSON, SARIF, text), drift included', async () => {
    applyConsoleDrift(fake.state);
    const kept = await scan(false);
    const oneShot = await scan(true);
    assert.ok(kept.result.summary.drifted > 0 && kept.result.summary.missing > 0);
    for (const format of [formatJson, formatSarif, formatText]) assert.equal(format(oneShot.result), format(kept.result));
  });

  it('keeps no expression and no index cache; the kept scan keeps both', async () => {
    const kept = await scan(false);
    const oneShot = await scan(true);
    assert.ok(kept.snapshot.indexCache);
    assert.equal(oneShot.snapshot.indexCache, undefined);
    const kinds = (r: typeof kept) => new Set(r.result.resources.flatMap((x) => expressionKinds(x.resource.body)));
    assert.deepEqual([...kinds(oneShot)], ['Invalid']);
    assert.ok(kinds(kept).has('Template'));
    // Names, files and ranges stay: what the reports and ignore rules read.
    assert.deepEqual(
      oneShot.result.resources.map((r) => [r.address, r.resource.file, r.resource.headerRange, Object.values(r.resource.body.attributes).map((a) => [a.name, a.nameRange, a.valueRange, a.expr.range])]),
      kept.result.resources.map((r) => [r.address, r.resource.file, r.resource.headerRange, Object.values(r.resource.body.attributes).map((a) => [a.name, a.nameRange, a.valueRange, a.valueRange])]),
    );
  });
});
