// Issue 18, bugs 1 and 2, at the engine: two roots (envs/dev, envs/prod) call one local module. Each
// instance belongs to the root that calls it (`resource.root`), so the editor can keep them apart, and
// an ignore rule written where that root reads it (`envs/dev/.driftignore`) holds for that root only.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveWorkspace, scanWorkspace } from '../../../src/engine/scan';
import { appendIgnoreRule, ignoreRuleFor } from '../../../src/engine/fix/ignoreFile';
import { createAwsProvider } from '../../../src/providers/aws';
import { useFakeEc2 } from '../aws/awsTestEnv';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURE = join(ROOT, 'test/fixtures/layouts/devprod');
const SEED = () => JSON.parse(readFileSync(join(ROOT, 'examples/sandbox/.sandbox/cloud.json'), 'utf8')).ec2;

describe('a local module shared by two roots (engine side of the editor fix)', () => {
  const ec2 = useFakeEc2();
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'driftlens-devprod-'));
    cpSync(FIXTURE, ws, { recursive: true });
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('gives each module instance the root module that calls it, not the module folder', async () => {
    const { roots } = await resolveWorkspace(ws);
    const seen = roots.flatMap((r) => r.instances.map((i) => [i.address, i.resource.root, i.resource.file]));
    assert.deepEqual(seen.sort(), [
      ['module.app.aws_instance.this', join(ws, 'envs/dev'), join(ws, 'modules/app/main.tf')],
      ['module.app.aws_instance.this', join(ws, 'envs/prod'), join(ws, 'modules/app/main.tf')],
    ]);
  });

  it('reports the drift of both roots, and an ignore rule in envs/dev/.driftignore holds for dev only', async () => {
    await ec2.start(SEED());
    const scan = async () => (await scanWorkspace({ dir: ws, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] })).result;
    const drifts = (r: Awaited<ReturnType<typeof scan>>) =>
      r.resources.map((x) => [x.resource.root.slice(ws.length + 1), x.status, x.drifts.map((d) => d.attribute).join(',')]).sort();
    assert.deepEqual(drifts(await scan()), [
      ['envs/dev', 'drifted', 'instance_type,tags.Environment'],
      ['envs/prod', 'drifted', 'instance_type,tags.Owner'],
    ]);
    // What "Ignore this drift" on dev's instance_type writes (diagnostics/fixes.ts: `<root>/.driftignore`).
    writeFileSync(join(ws, 'envs/dev/.driftignore'), appendIgnoreRule(undefined, ignoreRuleFor('module.app.aws_instance.this', 'instance_type'))!);
    assert.deepEqual(drifts(await scan()), [
      ['envs/dev', 'drifted', 'tags.Environment'],
      ['envs/prod', 'drifted', 'instance_type,tags.Owner'],
    ]);
  });
});
