import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentWorkspace, listWorkspaces, selectWorkspace, statePathFor, type WorkspaceFiles } from '../../../src/iac/terraform/workspaces';

const disk: WorkspaceFiles = {
  readFile: (p) => readFile(p, 'utf8').catch(() => undefined),
  readDir: (d) => readdir(d, { withFileTypes: true }).then((es) => es.map((e) => ({ name: e.name, isDirectory: e.isDirectory() })), () => []),
};

describe('terraform workspaces', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'driftlens-ws-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is "default" with terraform.tfstate when nothing selects another', async () => {
    const w = await selectWorkspace(root, disk, {});
    assert.deepEqual(w, { name: 'default', source: 'default', statePath: join(root, 'terraform.tfstate'), available: ['default'] });
  });

  it('reads .terraform/environment and lists terraform.tfstate.d', async () => {
    mkdirSync(join(root, '.terraform'));
    writeFileSync(join(root, '.terraform', 'environment'), 'staging\n');
    for (const n of ['staging', 'prod']) mkdirSync(join(root, 'terraform.tfstate.d', n), { recursive: true });
    writeFileSync(join(root, 'terraform.tfstate.d', 'stray-file'), '');
    const w = await selectWorkspace(root, disk, {});
    assert.deepEqual(w, {
      name: 'staging',
      source: '.terraform/environment',
      statePath: join(root, 'terraform.tfstate.d', 'staging', 'terraform.tfstate'),
      available: ['default', 'prod', 'staging'],
    });
    assert.deepEqual(await listWorkspaces(root, disk), ['default', 'prod', 'staging']);
  });

  it('TF_WORKSPACE wins over .terraform/environment; TF_DATA_DIR moves .terraform', async () => {
    mkdirSync(join(root, '.terraform'));
    writeFileSync(join(root, '.terraform', 'environment'), 'staging');
    assert.deepEqual(await currentWorkspace(root, disk, { TF_WORKSPACE: 'prod' }), { name: 'prod', source: 'TF_WORKSPACE' });
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'environment'), 'qa');
    assert.deepEqual(await currentWorkspace(root, disk, { TF_DATA_DIR: 'data' }), { name: 'qa', source: '.terraform/environment' });
  });

  it('refuses a workspace name that would leave terraform.tfstate.d', async () => {
    mkdirSync(join(root, '.terraform'));
    writeFileSync(join(root, '.terraform', 'environment'), '../../etc');
    const w = await selectWorkspace(root, disk, {});
    assert.ok('error' in w && /invalid workspace/.test(w.error));
    assert.throws(() => statePathFor(root, '../x'), /invalid workspace name/);
    assert.ok('error' in (await currentWorkspace(root, disk, { TF_WORKSPACE: 'a/b' })));
  });
});
