// Drift age in the editor: the words CodeLens and the tree show from `firstSeen`, the per-folder history
// file in the extension's storage (two scans a day apart), and re-comparisons after an edit keeping it.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockAges, codeLensTitle, findingAge, lastFullScanLine, summarizeBlock } from '../../../src/editor/labels';
import { carryFirstSeen, historyFileFor, recordHistory } from '../../../src/editor/scanHistory';
import type { DeclaredResource, Drift, ResourceResult, ScanResult } from '../../../src/model';

const DAY1 = '2026-11-02T09:00:00.000Z';
const at = (iso: string, plusMs: number) => new Date(Date.parse(iso) + plusMs);
const DAY = 86_400_000;

function drift(attribute: string, firstSeen?: string): Drift {
  return { attribute, expected: 't3.micro', actual: 't3.large', severity: 'warning', message: `${attribute}: changed`, ...(firstSeen ? { firstSeen } : {}) } as Drift;
}

function resource(address: string, status: ResourceResult['status'], drifts: Drift[], root = '/w'): ResourceResult {
  return { address, type: 'aws_instance', provider: 'aws', resource: { root, address } as DeclaredResource, liveId: 'i-1', status, drifts, unverifiedAttributes: [] };
}

function result(scannedAt: string, resources: ResourceResult[]): ScanResult {
  return { scannedAt, root: '/w', resources, unmanaged: [], errors: [], summary: {} as ScanResult['summary'] };
}

describe('editor: drift age', () => {
  it('says how long a finding has been open, nothing without a history', () => {
    assert.equal(findingAge(DAY1, at(DAY1, 3 * DAY + 5000)), '3 days');
    assert.equal(findingAge(DAY1, at(DAY1, 2 * 3600_000)), '2 h');
    assert.equal(findingAge(DAY1, at(DAY1, 5 * 60_000)), '5 min');
    assert.equal(findingAge(DAY1, at(DAY1, 10_000)), 'just now');
    assert.equal(findingAge(undefined, new Date()), undefined);
    assert.equal(findingAge('not a date', new Date()), undefined);
  });

  it('CodeLens: "1 drifted since 3 days" from the oldest open drift; unchanged without a history', () => {
    const now = at(DAY1, 3 * DAY);
    const instances = [resource('aws_instance.web', 'drifted', [drift('instance_type', at(DAY1, DAY).toISOString()), drift('tags.Owner', DAY1)])];
    const ages = blockAges(instances, now);
    assert.deepEqual(ages, { drifted: '3 days' });
    assert.equal(codeLensTitle(summarizeBlock(instances), now, now, undefined, ages), '2 drifted since 3 days · checked just now');
    const none = [resource('aws_instance.web', 'drifted', [drift('instance_type')])];
    assert.deepEqual(blockAges(none, now), {});
    assert.equal(codeLensTitle(summarizeBlock(none), now, now, undefined, blockAges(none, now)), '1 drifted · checked just now');
  });

  it('a missing instance: "missing in the cloud since 2 h"', () => {
    const now = at(DAY1, 2 * 3600_000);
    const r = { ...resource('aws_instance.worker', 'missing', []), firstSeen: DAY1 };
    assert.equal(codeLensTitle(summarizeBlock([r]), now, now, undefined, blockAges([r], now)), 'missing in the cloud since 2 h · checked just now');
  });

  it('status bar: the last full scan is the latest cloud read over the workspace folders, in UTC', () => {
    assert.equal(lastFullScanLine([new Date(DAY1), at(DAY1, 90 * 60_000)]), 'Last full scan: 2026-11-02 10:30 UTC');
    assert.equal(lastFullScanLine([]), undefined);
  });

  describe('history in the extension storage', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'driftlens-editor-history-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('two scans a day apart: the second keeps the first firstSeen; one file per workspace folder', async () => {
      const warnings: string[] = [];
      const first = result(DAY1, [resource('aws_instance.web', 'drifted', [drift('instance_type')])]);
      assert.equal(await recordHistory(dir, [{ folder: '/w', result: first }], (m) => warnings.push(m)), 1);
      assert.equal(first.resources[0].drifts[0].firstSeen, DAY1);
      const day2 = at(DAY1, DAY).toISOString();
      const second = result(day2, [resource('aws_instance.web', 'drifted', [drift('instance_type'), drift('ami')])]);
      await recordHistory(dir, [{ folder: '/w', result: second }], (m) => warnings.push(m));
      assert.equal(second.resources[0].drifts[0].firstSeen, DAY1);
      assert.equal(second.resources[0].drifts[1].firstSeen, day2);
      assert.deepEqual(warnings, []);
      assert.ok(existsSync(historyFileFor(dir, '/w')));
      assert.notEqual(historyFileFor(dir, '/w'), historyFileFor(dir, '/other'));
      assert.equal(readFileSync(historyFileFor(dir, '/w'), 'utf8').trim().split('\n').length, 2, 'one line per change, not per scan');
    });

    it('a history that cannot be written is a warning, never a failed scan', async () => {
      const warnings: string[] = [];
      const blocked = join(dir, 'file');
      writeFileSync(blocked, 'not a directory');
      const r = result(DAY1, [resource('aws_instance.web', 'drifted', [drift('instance_type')])]);
      assert.equal(await recordHistory(blocked, [{ folder: '/w', result: r }], (m) => warnings.push(m)), 0);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /Drift history for \/w not updated/);
    });
  });

  it('a re-comparison after an edit keeps firstSeen of the findings still there, and only those', () => {
    const before = result(DAY1, [
      resource('aws_instance.web', 'drifted', [drift('instance_type', DAY1)]),
      { ...resource('aws_instance.worker', 'missing', []), firstSeen: DAY1 },
    ]);
    const after = result(DAY1, [
      resource('aws_instance.web', 'drifted', [drift('instance_type'), drift('ami')]),
      resource('aws_instance.worker', 'missing', []),
      resource('aws_instance.web', 'drifted', [drift('instance_type')], '/w/other-root'),
    ]);
    carryFirstSeen(before, after);
    assert.equal(after.resources[0].drifts[0].firstSeen, DAY1);
    assert.equal(after.resources[0].drifts[1].firstSeen, undefined);
    assert.equal(after.resources[1].firstSeen, DAY1);
    assert.equal(after.resources[2].drifts[0].firstSeen, undefined, 'another root is another finding');
  });
});
