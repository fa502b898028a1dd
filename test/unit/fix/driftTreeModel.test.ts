import { strict as assert } from 'node:assert';
import type { DeclaredResource, Drift, ResourceResult } from '../../../src/model';
import { attentionCount, buildTreeModel, rootDescription, type DriftNode, type ModuleNode, type RootNode, type ScanLike } from '../../../src/views/driftTreeModel';

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

  const labels = (nodes: readonly DriftNode[]) => nodes.map((n) => (n.kind === 'root' ? n.label : n.kind === 'module' ? n.prefix : n.kind === 'resource' ? `${n.label} ${n.where}` : n.kind === 'problem' ? `! ${n.error.message}` : n.kind));

  it('one root node per root module; in-sync resources hidden; drifted, then missing, each in file and line order (17 after 3)', () => {
    const model = buildTreeModel([scan]);
    assert.deepEqual(labels(model.roots), ['w']);
    const root = model.roots[0] as RootNode;
    assert.deepEqual(labels(root.children), ['aws_instance.web compute.tf:3', 'aws_instance.api compute.tf:17', 'aws_security_group.web network.tf:23', 'aws_instance.gone compute.tf:41']);
    assert.deepEqual(root.counts, { drifted: 3, missing: 1, unverified: 0 });
    assert.equal(rootDescription(root.counts), '3 drifted · 1 missing');
  });

  it('gives stable ids (reveal finds nodes again after a refresh) and parent links', () => {
    const a = buildTreeModel([scan]);
    const b = buildTreeModel([scan]);
    const node = a.resources.get('/w\u0000aws_instance.web');
    assert.ok(node);
    assert.equal(node.id, b.resources.get('/w\u0000aws_instance.web')?.id);
    assert.deepEqual(node.children.map((c) => [c.drift?.attribute, c.parent === node, c.result === node.result]), [['instance_type', true, true], ['tags.Env', true, true]]);
    assert.equal(node.parent.kind, 'root');
  });

  it('keeps root modules apart when they reuse an address', () => {
    const prod = resource('aws_instance.web', '/w/prod/main.tf', 1, '/w/prod');
    const model = buildTreeModel([{ folder: '/w', result: { root: '/w', unmanaged: [], resources: [result('aws_instance.web', 'drifted', web, ['a']), result('aws_instance.web', 'drifted', prod, ['a'])] } }]);
    assert.equal(model.resources.size, 2);
    assert.deepEqual(labels(model.roots), ['prod', 'w']);
  });

  // Issue 18, bug 1: envs/dev and envs/prod both call ../../modules/app. The same block reached from two
  // roots is two findings, each under its root and module instance, and no two nodes share an id.
  it('a module shared by two roots: root → module instance → resource, every id unique, paths say which file', () => {
    const shared = (root: string) => resource('module.app.aws_instance.this', '/w/modules/app/main.tf', 9, root);
    const devScan: ScanLike = { folder: '/w', result: { root: '/w', unmanaged: [], resources: [
      result('module.app.aws_instance.this', 'drifted', shared('/w/envs/dev'), ['instance_type', 'tags.Environment']),
      result('module.app.aws_instance.this', 'drifted', shared('/w/envs/prod'), ['instance_type']),
      result('aws_s3_bucket.logs', 'unverified', resource('aws_s3_bucket.logs', '/w/envs/prod/main.tf', 20, '/w/envs/prod')),
    ] } };
    const model = buildTreeModel([devScan]);
    assert.deepEqual(labels(model.roots), ['envs/dev', 'envs/prod']);
    const [dev, prod] = model.roots as RootNode[];
    // Several roots start collapsed (VS Code loads a row's children when it is expanded; reveal needs them); one root starts open.
    assert.deepEqual([dev.expanded, prod.expanded, (buildTreeModel([scan]).roots[0] as RootNode).expanded], [false, false, true]);
    assert.deepEqual(labels(dev.children), ['module.app']);
    assert.deepEqual(labels(prod.children), ['aws_s3_bucket.logs envs/prod/main.tf:21', 'module.app']);
    const mod = dev.children[0] as ModuleNode;
    assert.deepEqual(labels(mod.children), ['aws_instance.this modules/app/main.tf:10']);
    const ids: string[] = [];
    const walk = (nodes: readonly DriftNode[]) => {
      for (const n of nodes) {
        ids.push(n.id);
        if ('children' in n) walk(n.children);
      }
    };
    walk(model.roots);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
    assert.equal(model.resources.get('/w/envs/prod\u0000module.app.aws_instance.this')?.parent.kind, 'module');
    assert.equal(attentionCount(model), 2);
  });

  it('a module instance inside a module instance is one node named by its full prefix', () => {
    const deep = resource('module.net["eu"].module.sg.aws_security_group.this', '/w/modules/sg/main.tf', 0, '/w');
    const model = buildTreeModel([{ folder: '/w', result: { root: '/w', unmanaged: [], resources: [result(deep.address, 'drifted', deep, ['ingress'])] } }]);
    const root = model.roots[0] as RootNode;
    assert.deepEqual(labels(root.children), ['module.net["eu"].module.sg']);
    assert.deepEqual(labels((root.children[0] as ModuleNode).children), ['aws_security_group.this modules/sg/main.tf:1']);
  });

  it('problems go under the root they concern, first; unmanaged resources in their own group last', () => {
    const noState = { kind: 'state' as const, file: '/w/examples/a/terraform.tfstate', message: 'not in state: no terraform.tfstate in /w/examples/a', severity: 'warning' as const };
    const unverified = result('module.x.aws_instance.this', 'unverified', resource('module.x.aws_instance.this', '/w/main.tf', 3, '/w/examples/a'));
    // Without a file, the root the message names (the engine's "not in state" errors have none).
    const named = { kind: 'state' as const, message: 'not in state: no terraform.tfstate in /w/examples/a (2 resource instances without a cloud ID)', severity: 'warning' as const };
    const other = result('aws_vpc.x', 'drifted', resource('aws_vpc.x', '/w/main.tf', 1, '/w'), ['cidr_block']);
    const withoutFile = buildTreeModel([{ folder: '/w', result: { root: '/w', resources: [unverified, other], errors: [named], unmanaged: [] } }]);
    assert.deepEqual(labels((withoutFile.roots.find((r) => r.kind === 'root' && r.label === 'examples/a') as RootNode).children), [`! ${named.message}`, 'module.x']);
    const model = buildTreeModel([{ folder: '/w', result: { root: '/w', resources: [unverified], errors: [noState],
      unmanaged: [{ type: 'aws_security_group', liveId: 'sg-1', region: 'eu-west-1' }] } }]);
    assert.deepEqual(labels(model.roots), ['examples/a', 'group']);
    const root = model.roots[0] as RootNode;
    assert.deepEqual(labels(root.children), [`! ${noState.message}`, 'module.x']);
    assert.deepEqual(labels((root.children[1] as ModuleNode).children), ['aws_instance.this main.tf:4']);
    assert.equal(model.roots[1].kind === 'group' && model.roots[1].children[0].resource.liveId, 'sg-1');
  });

  it('counts drifted and missing resources for the badge', () => {
    assert.equal(attentionCount(buildTreeModel([scan])), 4);
    assert.equal(attentionCount(buildTreeModel([])), 0);
  });
});
