import { strict as assert } from 'node:assert';
import { commandArgs } from '../../../src/cli/commandArgs';
import { fixCommand } from '../../../src/cli/fixCommand';
import { importCommand } from '../../../src/cli/importCommand';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), env: {} } };
}

describe('cli: the front matter of folder commands (commandArgs)', () => {
  const options = { only: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } } as const;

  it('takes --var/--var-file out in order, parses the rest and defaults the folder to "."', () => {
    const { io } = capture();
    const parsed = commandArgs('fix', 'USAGE', ['--var', 'a=1', '--only', 'aws_vpc.main', '--var', 'b=2', '--dry-run'], options, io);
    assert.ok(typeof parsed !== 'number');
    assert.equal(parsed.dir, '.');
    assert.deepEqual(parsed.values.only, ['aws_vpc.main']);
    assert.equal(parsed.values['dry-run'], true);
    assert.deepEqual(parsed.vars.map((v) => v.kind === 'var' ? v.name : v.kind), ['a', 'b']);
  });

  it('names the closest option for a typo, with the usage, exit 1', () => {
    const { out, io } = capture();
    assert.equal(commandArgs('fix', 'USAGE', ['--dryrun'], options, io), 1);
    assert.match(out.stderr, /^driftlens fix: unknown option "--dryrun" \(did you mean --dry-run\?\)\n\nUSAGE$/);
  });

  it('--help prints the usage on stdout, exit 0; two folders are refused', () => {
    const help = capture();
    assert.equal(commandArgs('import', 'USAGE', ['-h'], options, help.io), 0);
    assert.equal(help.out.stdout, 'USAGE');
    const two = capture();
    assert.equal(commandArgs('import', 'USAGE', ['a', 'b'], options, two.io), 1);
    assert.match(two.out.stderr, /expected at most one folder, got 2/);
  });

  it('fix and import go through it (a typo is caught before any scan)', async () => {
    const fix = capture();
    assert.equal(await fixCommand(['--severty', 'error'], fix.io), 1);
    assert.match(fix.out.stderr, /did you mean --severity\?/);
    const imp = capture();
    assert.equal(await importCommand(['--ids', 'i-1'], imp.io), 1);
    assert.match(imp.out.stderr, /did you mean --id\?/);
  });
});
