// forEachResolvedRoot (scan.ts): the inventory's way to resolve a workspace, each root handed over as
// it is resolved and none kept. It must see exactly what resolveWorkspace returns, root for root.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachResolvedRoot, resolveWorkspace } from '../../../src/engine/scan';
import type { ResolvedRoot } from '../../../src/engine/resolve';
import { diskIo } from '../../../src/engine/workspaceIo';

const FIXTURE = join(__dirname, '..', '..', 'fixtures/layouts/devprod');

const summary = (roots: ResolvedRoot[]) => roots.map((r) => [r.dir, r.instances.map((i) => [i.address, i.resource.file, i.liveId ?? null, i.unverifiedReason ?? null])]);

describe('forEachResolvedRoot', () => {
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'driftlens-visit-'));
    cpSync(FIXTURE, ws, { recursive: true });
    // A root of its own with a variable, to see the variables reach each root.
    writeFileSync(join(ws, 'solo.tf'), 'variable "size" {}\nresource "aws_instance" "solo" {\n  instance_type = var.size\n}\n');
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('visits every root once, in resolveWorkspace order, with the same instances, and keeps none', async () => {
    const variables = { args: [{ kind: 'var' as const, name: 'size', value: 't3.small' }] };
    const { roots } = await resolveWorkspace(ws, diskIo, variables);
    const visited: ResolvedRoot[] = [];
    const result = await forEachResolvedRoot(ws, diskIo, variables, (root) => visited.push(root));
    assert.deepEqual(Object.keys(result), ['errors'], 'roots are handed over, not returned');
    assert.deepEqual(summary(visited), summary(roots));
    assert.deepEqual(visited.map((r) => r.dir), [ws, join(ws, 'envs/dev'), join(ws, 'envs/prod')]);
    const solo = visited[0].instances.find((i) => i.address === 'aws_instance.solo');
    const size = solo?.desired.entries.get('instance_type');
    assert.ok(size?.kind === 'attribute' && size.value.kind === 'scalar' && size.value.value === 't3.small');
  });
});
