// What the editor's results store does with a scan of some roots (mergeRootResult): exactly those roots'
// findings, errors and unmanaged entries replaced in place, ARM template results and other roots kept.
import { strict as assert } from 'node:assert';
import type { DeclaredResource, ResourceResult, ScanError, ScanResult, UnmanagedResource } from '../../../src/model';
import { mergeRootResult } from '../../../src/engine/partialScan';
import { ARM_TEMPLATE_PROVIDER } from '../../../src/engine/armTemplates/armTemplateScan';
import { summarize } from '../../../src/engine/results';

function resource(root: string, address: string, status: ResourceResult['status'], liveId: string | null = null, provider = 'aws'): ResourceResult {
  return { address, type: 'aws_instance', provider, resource: { root, address, file: `${root}/main.tf` } as DeclaredResource, liveId, status, drifts: [], unverifiedAttributes: [] };
}

function result(at: string, resources: ResourceResult[], roots: string[], errors: ScanError[] = [], unmanaged: UnmanagedResource[] = []): ScanResult {
  return { scannedAt: at, root: '/w', resources, unmanaged, errors, summary: summarize(resources, unmanaged), roots: roots.map((dir) => ({ dir, moduleDirs: dir === '/w/dev' ? ['/w/modules/app'] : [] })) };
}

const syntax = (file: string, message = 'bad'): ScanError => ({ kind: 'syntax', file, message, severity: 'warning' });

describe('engine: a scan of some roots merged into the last full result', () => {
  const before = result(
    'T1',
    [
      resource('/w/dev', 'aws_instance.a', 'drifted', 'i-1'),
      resource('/w/dev', 'aws_instance.b', 'in-sync', 'i-2'),
      resource('/w/prod', 'aws_instance.a', 'drifted', 'i-3'),
      // An ARM template beside dev's code: not a Terraform root, never re-scanned on save.
      resource('/w/dev', 'Microsoft.Network/publicIPAddresses/ip', 'in-sync', '/subscriptions/s/ip', ARM_TEMPLATE_PROVIDER),
    ],
    ['/w/dev', '/w/prod'],
    [syntax('/w/dev/broken.tf'), syntax('/w/modules/app/main.tf'), syntax('/w/prod/x.tf'), { kind: 'provider', message: 'aws us-east-1: throttled', severity: 'warning' }],
    [{ type: 'aws_instance', liveId: 'i-9' }, { type: 'aws_instance', liveId: 'i-8' }],
  );

  it('replaces the root\'s findings where they were, keeps the others and the ARM results, recounts', () => {
    const partial = result('T2', [resource('/w/dev', 'aws_instance.a', 'in-sync', 'i-1'), resource('/w/dev', 'aws_instance.c', 'missing', 'i-7')], ['/w/dev']);
    const merged = mergeRootResult(before, partial, ['/w/dev']);
    assert.deepEqual(merged.resources.map((r) => `${r.resource.root} ${r.address} ${r.status}`), [
      '/w/dev aws_instance.a in-sync',
      '/w/dev aws_instance.c missing',
      '/w/prod aws_instance.a drifted',
      '/w/dev Microsoft.Network/publicIPAddresses/ip in-sync',
    ]);
    assert.deepEqual(merged.summary, { resources: 4, inSync: 2, drifted: 1, missing: 1, unverified: 0, unmanaged: 2, verified: 4 });
    assert.equal(merged.scannedAt, 'T2');
    assert.deepEqual(before.resources.length, 4, 'the previous result is not changed');
  });

  it('errors: the root\'s own and its modules\' files replaced; other roots\' and file-less ones kept, never twice', () => {
    const partial = result('T2', [resource('/w/dev', 'aws_instance.a', 'in-sync', 'i-1')], ['/w/dev'], [syntax('/w/dev/other.tf'), { kind: 'provider', message: 'aws us-east-1: throttled', severity: 'warning' }]);
    const merged = mergeRootResult(before, partial, ['/w/dev']);
    assert.deepEqual(merged.errors.map((e) => e.file ?? e.message), ['/w/prod/x.tf', '/w/dev/other.tf', 'aws us-east-1: throttled']);
  });

  it('unmanaged: the new listing wins, nothing any root now declares stays unmanaged', () => {
    // dev now declares i-9 (an import block); its listing finds i-5 and i-3 (prod's, in the same VPC).
    const partial = result('T2', [resource('/w/dev', 'aws_instance.imported', 'in-sync', 'i-9')], ['/w/dev'], [], [{ type: 'aws_instance', liveId: 'i-5' }, { type: 'aws_instance', liveId: 'i-3' }]);
    const merged = mergeRootResult(before, partial, ['/w/dev']);
    assert.deepEqual(merged.unmanaged.map((u) => u.liveId).sort(), ['i-5', 'i-8']);
    assert.equal(merged.summary.unmanaged, 2);
  });

  it('a new root is added before the ARM results, and the roots stay in folder order', () => {
    const partial = result('T2', [resource('/w/app', 'aws_instance.n', 'in-sync', 'i-6')], ['/w/app']);
    const merged = mergeRootResult(before, partial, ['/w/app']);
    assert.deepEqual(merged.resources.map((r) => r.address).slice(3), ['aws_instance.n', 'Microsoft.Network/publicIPAddresses/ip']);
    assert.deepEqual(merged.roots?.map((r) => r.dir), ['/w/app', '/w/dev', '/w/prod']);
  });

  it('a root whose code now declares nothing: its findings go', () => {
    const merged = mergeRootResult(before, result('T2', [], ['/w/prod']), ['/w/prod']);
    assert.deepEqual(merged.resources.map((r) => `${r.resource.root} ${r.address}`), ['/w/dev aws_instance.a', '/w/dev aws_instance.b', '/w/dev Microsoft.Network/publicIPAddresses/ip']);
  });
});
