// The editor's `driftlens.terraform.varFiles` setting: paths relative to the folder, in order, never outside it.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { varFileArgs } from '../../../src/editor/varFiles';

describe('editor: driftlens.terraform.varFiles as --var-file arguments', () => {
  const folder = join('/', 'w', 'infra');

  it('resolves paths against the folder and keeps their order (a later file wins)', () => {
    assert.deepEqual(varFileArgs(folder, ['envs/prod.tfvars', './common.tfvars.json']), {
      args: [
        { kind: 'file', path: join(folder, 'envs', 'prod.tfvars') },
        { kind: 'file', path: join(folder, 'common.tfvars.json') },
      ],
      problems: [],
    });
    assert.deepEqual(varFileArgs(folder, undefined), { args: [], problems: [] });
  });

  it('refuses paths that leave the folder and entries that are not paths, saying so', () => {
    const { args, problems } = varFileArgs(folder, ['../secrets.tfvars', '/etc/passwd', 42, 'ok.tfvars']);
    assert.deepEqual(args, [{ kind: 'file', path: join(folder, 'ok.tfvars') }]);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /not inside the folder/);
    assert.ok(varFileArgs(folder, 'prod.tfvars').problems.length === 1);
  });
});
