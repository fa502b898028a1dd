// Re-scan on save: which root modules a saved file concerns (pure), from the roots the last scan covered.
import { strict as assert } from 'node:assert';
import { isTerraformFile, rootsForSaves, type FolderRoots } from '../../../src/editor/saveRoots';

const W = '/ws';
const devprod: FolderRoots = {
  folder: W,
  roots: [
    { dir: `${W}/envs/dev`, moduleDirs: [`${W}/modules/app`, `${W}/modules/net`] },
    { dir: `${W}/envs/prod`, moduleDirs: [`${W}/modules/app`] },
    { dir: `${W}/tools`, moduleDirs: [`${W}/envs/dev/.terraform/modules/vpc`] },
  ],
  varFiles: [`${W}/shared/common.tfvars`],
};
const other: FolderRoots = { folder: '/other', roots: [{ dir: '/other', moduleDirs: [] }], varFiles: [] };

const of = (files: string[], folders: FolderRoots[] = [devprod, other]) => Object.fromEntries(rootsForSaves(files, folders));

describe('editor: roots of a saved file (re-scan on save)', () => {
  it('Terraform files only: .tf, .tf.json, .tfvars, .tfvars.json', () => {
    for (const f of ['a.tf', 'a.tf.json', 'terraform.tfvars', 'x.auto.tfvars.json']) assert.ok(isTerraformFile(`/w/${f}`), f);
    for (const f of ['a.json', 'terraform.tfstate', 'README.md', 'a.tfx', '.terraform.lock.hcl']) assert.ok(!isTerraformFile(`/w/${f}`), f);
    assert.deepEqual(of([`${W}/envs/dev/README.md`, `${W}/envs/dev/terraform.tfstate`]), {});
  });

  it('a file in a root\'s folder: that root only (a .tfvars there too)', () => {
    assert.deepEqual(of([`${W}/envs/dev/main.tf`]), { [W]: [`${W}/envs/dev`] });
    assert.deepEqual(of([`${W}/envs/prod/terraform.tfvars`]), { [W]: [`${W}/envs/prod`] });
    assert.deepEqual(of(['/other/main.tf.json']), { '/other': ['/other'] });
  });

  it('a module file: every root that calls the module, also through a downloaded module', () => {
    assert.deepEqual(of([`${W}/modules/app/main.tf`]), { [W]: [`${W}/envs/dev`, `${W}/envs/prod`] });
    assert.deepEqual(of([`${W}/modules/net/variables.tf`]), { [W]: [`${W}/envs/dev`] });
    assert.deepEqual(of([`${W}/envs/dev/.terraform/modules/vpc/main.tf`]), { [W]: [`${W}/tools`] });
  });

  it('a var file of the folder\'s terraform.varFiles: every root of the folder; another .tfvars elsewhere: none', () => {
    assert.deepEqual(of([`${W}/shared/common.tfvars`]), { [W]: [`${W}/envs/dev`, `${W}/envs/prod`, `${W}/tools`] });
    assert.deepEqual(of([`${W}/shared/unused.tfvars`]), {});
  });

  it('several saves: one scan of the union of their roots, per folder', () => {
    assert.deepEqual(of([`${W}/envs/prod/main.tf`, `${W}/modules/net/main.tf`, `${W}/envs/prod/outputs.tf`, '/other/main.tf']), {
      [W]: [`${W}/envs/dev`, `${W}/envs/prod`],
      '/other': ['/other'],
    });
  });

  it('a .tf file no scanned root or module holds: its own folder (a new root), never outside the workspace folders', () => {
    assert.deepEqual(of([`${W}/envs/staging/main.tf`]), { [W]: [`${W}/envs/staging`] });
    assert.deepEqual(of(['/elsewhere/main.tf']), {});
  });

  it('nested workspace folders: the innermost folder holds the file', () => {
    const inner: FolderRoots = { folder: `${W}/envs/prod`, roots: [{ dir: `${W}/envs/prod`, moduleDirs: [] }], varFiles: [] };
    assert.deepEqual(of([`${W}/envs/prod/main.tf`], [devprod, inner]), { [`${W}/envs/prod`]: [`${W}/envs/prod`] });
  });
});
