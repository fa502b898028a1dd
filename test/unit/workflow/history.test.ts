// Drift history and age (issue 14, item 4): scans a day apart against the sandbox's fake EC2 (clock injected)
// give each drift the firstSeen of the scan that first saw it; a fixed drift is resolved at the first scan
// without it; an unverified resource resolves nothing; the file holds one line per change, not per scan.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyCommand } from '../../../src/cli/historyCommand';
import { scanCommand } from '../../../src/cli/scanCommand';
import { compactHistory, parseHistory } from '../../../src/engine/history/historyEvents';
import { fileHistoryStore, updateHistory } from '../../../src/engine/history/historyFile';
import { recordScan } from '../../../src/engine/history/recordScan';
import { summarizeHistory } from '../../../src/engine/history/historySummary';
import { jsonReport } from '../../../src/engine/report/json';
import { formatText } from '../../../src/engine/report/text';
import { scanWorkspace } from '../../../src/engine/scan';
import type { ScanResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { useFakeEc2 } from '../aws/awsTestEnv';
import { captureIo, sandboxCopy, sandboxSeed } from './sandboxHarness';

const DAY1 = new Date('2026-11-02T09:00:00.000Z');
const day = (n: number) => new Date(DAY1.getTime() + (n - 1) * 86_400_000);
const WEB = 'i-0a4f2c8e61b9d3704';

describe('workflow: drift history and age', function () {
  this.timeout(60000);
  const ec2 = useFakeEc2();
  let ws: ReturnType<typeof sandboxCopy>;
  let file: string;
  beforeEach(() => {
    ws = sandboxCopy();
    file = join(mkdtempSync(join(tmpdir(), 'driftlens-history-')), 'history.jsonl');
  });
  afterEach(() => {
    ws.remove();
    rmSync(join(file, '..'), { recursive: true, force: true });
  });

  const scanAt = async (when: Date): Promise<ScanResult> => {
    const { result } = await scanWorkspace({ dir: ws.dir, now: () => when, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] });
    await updateHistory(result, fileHistoryStore(file));
    return result;
  };
  const drift = (r: ScanResult, address: string, attribute: string) => r.resources.find((x) => x.address === address)!.drifts.find((d) => d.attribute === attribute)!;

  it('two scans a day apart: firstSeen from the first; the text report marks only new findings', async () => {
    const fake = await ec2.start(sandboxSeed());
    const first = await scanAt(day(1));
    assert.equal(drift(first, 'aws_instance.web', 'instance_type').firstSeen, DAY1.toISOString());
    assert.match(formatText(first), /instance_type: .*\[new\]/);

    fake.state.setTag('i-0e91b7c3a5d28f416', 'Role', 'apis'); // a new drift on day 2 (the api instance's tags)
    const second = await scanAt(day(2));
    const json = jsonReport(second);
    const web = json.resources.find((r) => r.address === 'aws_instance.web')!;
    assert.equal(web.drifts.find((d) => d.attribute === 'instance_type')!.firstSeen, DAY1.toISOString());
    const missing = json.resources.find((r) => r.status === 'missing')!;
    assert.equal(missing.firstSeen, DAY1.toISOString());
    const text = formatText(second);
    assert.match(text, /instance_type: .*\[since 2026-11-02\]/);
    assert.doesNotMatch(text, /instance_type: .*\[new\]/);
    assert.equal(drift(second, 'aws_instance.api', 'tags.Role').firstSeen, day(2).toISOString());
    assert.match(text, /tags\.Role: .*\[new\]/);
    // One line per change, not per scan: a third identical scan writes nothing.
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    await scanAt(day(3));
    assert.equal(readFileSync(file, 'utf8').split('\n').filter(Boolean).length, lines);
  });

  it('a fixed drift is resolved at the first scan without it: time to remediate and events per day', async () => {
    const fake = await ec2.start(sandboxSeed());
    await scanAt(day(1));
    fake.state.setInstanceType(WEB, 't3.micro');
    const later = await scanAt(day(3));
    assert.equal(later.resources.find((r) => r.address === 'aws_instance.web')!.status, 'in-sync');
    const summary = summarizeHistory(parseHistory(readFileSync(file, 'utf8')), day(4));
    assert.deepEqual(summary.remediated.map((r) => [r.finding.address, r.finding.attribute, r.hours]), [['aws_instance.web', 'instance_type', 48]]);
    assert.deepEqual(summary.timeToRemediate, { median: 48, mean: 48, count: 1 });
    assert.equal(summary.perDay[0].day, '2026-11-02');
    assert.equal(summary.perDay[1].resolved, 1);
    assert.ok(summary.open.every((o) => o.ageDays === 3));

    const io = captureIo();
    assert.equal(await historyCommand(['--history', file, '--format', 'json'], io, () => day(4)), 0, io.err);
    assert.deepEqual(JSON.parse(io.out).timeToRemediate, { median: 48, mean: 48, count: 1 });
    const text = captureIo();
    await historyCommand(['--history', file], text, () => day(4));
    assert.match(text.out, /TIME TO REMEDIATE {2}median 48 h/);
  });

  it('an unverified resource resolves nothing (unknown is not in sync)', async () => {
    await ec2.start(sandboxSeed());
    const first = await scanAt(day(1));
    const events = parseHistory(readFileSync(file, 'utf8'));
    const blind: ScanResult = { ...first, scannedAt: day(2).toISOString(), resources: first.resources.map((r) => ({ ...r, status: 'unverified', drifts: [], reason: 'access denied' })) };
    assert.deepEqual(recordScan(blind, events), []);
  });

  it('compaction keeps open findings and drops long-resolved episodes', () => {
    const f = { root: '.', address: 'aws_instance.web', attribute: 'instance_type' };
    const g = { root: '.', address: 'aws_instance.api', attribute: 'tags.Owner' };
    const events = [
      { v: 1 as const, at: '2025-01-01T00:00:00.000Z', state: 'open' as const, finding: f },
      { v: 1 as const, at: '2025-01-02T00:00:00.000Z', state: 'resolved' as const, finding: f },
      { v: 1 as const, at: '2025-01-03T00:00:00.000Z', state: 'open' as const, finding: g },
      { v: 1 as const, at: '2025-01-04T00:00:00.000Z', state: 'open' as const, finding: g },
    ];
    assert.deepEqual(compactHistory(events, new Date('2026-06-01T00:00:00.000Z')), [events[2]]);
  });

  it('driftlens scan --history writes the file and the JSON report carries firstSeen', async () => {
    const fake = await ec2.start(sandboxSeed());
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (err += s), stderrIsTty: false, env: { ...process.env } };
    let out = '';
    let err = '';
    assert.equal(await scanCommand([ws.dir, '--format', 'json', '--history', file], io), 2, err);
    const report = JSON.parse(out);
    const d = report.resources.find((r: { address: string }) => r.address === 'aws_instance.web').drifts[0];
    assert.equal(d.firstSeen, report.scannedAt);
    assert.ok(parseHistory(readFileSync(file, 'utf8')).length >= 3);
    assert.ok(fake.calls.length > 0);
  });
});
