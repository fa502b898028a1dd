// The drift history and scans of some roots (re-scan on save): a finding of a root the scan did not cover is
// not remediated, keeps its firstSeen and is not "new" again; a covered root whose code now declares nothing
// has its findings resolved (its result lists no resource, but the scan says it covered that root).
import { strict as assert } from 'node:assert';
import type { DeclaredResource, Drift, ResourceResult, ScannedRoot, ScanResult } from '../../../src/model';
import { foldHistory, type HistoryEvent } from '../../../src/engine/history/historyEvents';
import { recordScan } from '../../../src/engine/history/recordScan';
import { summarizeHistory } from '../../../src/engine/history/historySummary';

const DAY1 = '2026-11-02T09:00:00.000Z';
const DAY2 = '2026-11-03T09:00:00.000Z';
const DAY3 = '2026-11-04T09:00:00.000Z';

const drift = (attribute: string): Drift => ({ attribute, expected: 't3.micro', actual: 't3.large', severity: 'warning', message: attribute, fixable: true, sensitive: false }) as Drift;

function resource(root: string, address: string, drifts: Drift[] = []): ResourceResult {
  return { address, type: 'aws_instance', provider: 'aws', resource: { root, address } as DeclaredResource, liveId: 'i-1', status: drifts.length ? 'drifted' : 'in-sync', drifts, unverifiedAttributes: [] };
}

function result(scannedAt: string, resources: ResourceResult[], roots?: string[]): ScanResult {
  const scanned: ScannedRoot[] | undefined = roots?.map((dir) => ({ dir, moduleDirs: [] }));
  return { scannedAt, root: '/w', resources, unmanaged: [], errors: [], summary: {} as ScanResult['summary'], ...(scanned ? { roots: scanned } : {}) };
}

const openFindings = (events: HistoryEvent[]) => [...foldHistory(events).values()].filter((s) => s.state === 'open').map((s) => `${s.finding.root} ${s.finding.address} ${s.finding.attribute} since ${s.firstSeen}`).sort();

describe('engine: drift history with scans of some roots', () => {
  it('a scan of one root resolves only that root\'s findings; the others stay open with their firstSeen', () => {
    const history: HistoryEvent[] = [];
    const full = result(DAY1, [resource('/w/dev', 'aws_instance.a', [drift('instance_type')]), resource('/w/prod', 'aws_instance.a', [drift('instance_type')])], ['/w/dev', '/w/prod']);
    history.push(...recordScan(full, history));
    // The user fixed dev and saved: only dev is scanned again, a day later.
    history.push(...recordScan(result(DAY2, [resource('/w/dev', 'aws_instance.a')], ['/w/dev']), history));
    assert.deepEqual(openFindings(history), ['prod aws_instance.a instance_type since 2026-11-02T09:00:00.000Z']);
    assert.equal(summarizeHistory(history, new Date(DAY3)).timeToRemediate?.count, 1);
    // The next full scan sees prod's drift still open: same episode, not new.
    const again = result(DAY3, [resource('/w/dev', 'aws_instance.a'), resource('/w/prod', 'aws_instance.a', [drift('instance_type')])], ['/w/dev', '/w/prod']);
    assert.deepEqual(recordScan(again, history), []);
    assert.deepEqual(again.resources[1].drifts[0], { ...drift('instance_type'), firstSeen: DAY1, isNew: false });
  });

  it('a scanned root whose code declares nothing any more: its findings are resolved', () => {
    const history: HistoryEvent[] = [];
    history.push(...recordScan(result(DAY1, [resource('/w/dev', 'aws_instance.a', [drift('instance_type')]), resource('/w/prod', 'aws_instance.b', [drift('tags.Env')])], ['/w/dev', '/w/prod']), history));
    // Every resource block of dev deleted, dev saved: a scan of dev lists nothing, yet it covered dev.
    const events = recordScan(result(DAY2, [], ['/w/dev']), history);
    assert.deepEqual(events.map((e) => `${e.state} ${e.finding.root} ${e.finding.address}`), ['resolved dev aws_instance.a']);
  });

  it('without the roots it covered (an older engine\'s result), the roots its resources name are the scope, as before', () => {
    const history: HistoryEvent[] = [];
    history.push(...recordScan(result(DAY1, [resource('/w/dev', 'aws_instance.a', [drift('instance_type')]), resource('/w/prod', 'aws_instance.b', [drift('tags.Env')])]), history));
    const events = recordScan(result(DAY2, [resource('/w/dev', 'aws_instance.a')]), history);
    assert.deepEqual(events.map((e) => `${e.state} ${e.finding.root} ${e.finding.address}`), ['resolved dev aws_instance.a']);
  });
});
