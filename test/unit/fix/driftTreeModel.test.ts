import { strict as assert } from 'node:assert';
import type { DeclaredResource, Drift, ResourceResult } from '../../../src/model';
import { attentionCount, buildTreeModel, type ScanLike } from '../../../src/views/driftTreeModel';

const pos = (line: number) => ({ line, character: 0, offset: line * 10 });
const range = (line: number) => ({ start: pos(line), end: pos(line) });

function resource(address: string, file: string, line: number, root = '/w'): DeclaredResource {
  return { address, root, file, headerRange: range(line), range: range(line) } as DeclaredResource;
}

function result(address: string, status: ResourceResult['status'], decl: DeclaredResource, drifts: string[] = []): ResourceResult {
  return {
    address, type: address.split('.')[0], provider: 'aws', resource: decl, liveId: 'x', status,
    drifts: drifts.map((attribute): Drift => ({ attribute, expected: 1, actual: 2, severity: 'warning', message: '', fixable: true, sensitive: false, location: { file: decl.file, range: range(0) } })),
    unverifiedAttributes: [],
  };
}

describe('drift tree model', () => {
  const web = resource('aws_instance.web', '/w/compute.tf', 2);
  const api = resource('aws_instance.api', '/w/compute.tf', 16);
  const sg = resource('aws_security_group.web', '/w/network.tf', 22);
  const scan: ScanLike = {
    folder: '/w',
    result: {
      root: '/w',
      resources: [
        result('aws_security_group.web', 'drifted', sg, ['ingress']),
        result('aws_instance.api', 'drifted', api, ['tags.Owner']),
        result('aws_instance.web', 'drifted', web, ['instance_type', 'tags.Env']),
        result('aws_instance.gone', 'missing', resource('aws_instance.gone', '/w/compute.tf', 40)),
        result('aws_vpc.main', 'in-sync', resource('aws_vpc.main', '/w/network.tf', 0)),
      ],
      unmanaged: [],
    },
  };

  it('groups by status in a fixed order and hides empty groups and in-sync resources', () => {
    const model = buildTreeModel([scan]);
    assert.deepEqual(model.roots.map((g) => [g.status, g.children.length]), [['drifted', 3], ['missing', 1]]);
  });

  it('orders resources by file, then line as a number (17 after 3), and says where with a 1-based line', () => {
    const drifted = buildTreeModel([scan]).roots[0].children.map((n) => (n.kind === 'resource' ? `${n.result.address} ${n.where}` : ''));
    assert.deepEqual(drifted, ['aws_instance.web compute.tf:3', 'aws_instance.api compute.tf:17', 'aws_security_group.web network.tf:23']);
  });

  it('gives stable ids (reveal finds nodes again after a refresh) and parent links', () => {
    const a = buildTreeModel([scan]);
    const b = buildTreeModel([scan]);
    const node = a.resources.get('/w\u0000aws_instance.web');
    assert.ok(node);
    assert.equal(node.id, b.resources.get('/w\u0000aws_instance.web')?.id);
    assert.deepEqual(node.children.map((c) => [c.drift?.attribute, c.parent === node, c.result === node.result]), [['instance_type', true, true], ['tags.Env', true, true]]);
    assert.equal(node.parent.status, 'drifted');
  });

  it('keeps root modules apart when they reuse an address', () => {
    const prod = resource('aws_instance.web', '/w/prod/main.tf', 1, '/w/prod');
    const model = buildTreeModel([{ folder: '/w', result: { root: '/w', unmanaged: [], resources: [result('aws_instance.web', 'drifted', web, ['a']), result('aws_instance.web', 'drifted', prod, ['a'])] } }]);
    assert.equal(model.resources.size, 2);
    assert.equal(new Set(model.roots[0].children.map((n) => n.id)).size, 2);
  });

  it('counts drifted and missing resources for the badge', () => {
    assert.equal(attentionCount(buildTreeModel([scan])), 4);
    assert.equal(attentionCount(buildTreeModel([])), 0);
  });
});
