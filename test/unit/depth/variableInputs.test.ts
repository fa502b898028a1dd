// Variables as Terraform takes them: TF_VAR_ (raw string or HCL by the declared type), terraform.tfvars,
// *.auto.tfvars, --var-file and --var in command-line order. The precedence test runs the same folder
// and inputs through `terraform console` and through our loader + scope, and the values must match.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';
import { createModuleScope } from '../../../src/iac/terraform/evalScope';
import { toValue, type EvalValue } from '../../../src/iac/terraform/evalValue';
import { loadVariableInputs, parseVarArg, type VariableArg, type VariableInputs } from '../../../src/iac/terraform/variableInputs';
import { extractVarFlags } from '../../../src/cli/varFlags';
import type { ModuleIndex } from '../../../src/model';
import { findTerraform } from './oracle/terraformConsole';

const read = (p: string) => readFile(p, 'utf8').catch(() => undefined);

function indexOf(dir: string): ModuleIndex {
  const index = emptyModuleIndex(dir);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tf')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    declareFile(index, join(dir, name), parseHcl(text).body, text);
  }
  return index;
}

/** Every variable of `dir` as our evaluator sees it with these inputs. */
async function ours(dir: string, inputs: VariableInputs): Promise<{ values: Map<string, EvalValue>; errors: string[] }> {
  const index = indexOf(dir);
  const loaded = await loadVariableInputs(dir, readdirSync(dir), index.variables, read, parseHcl, inputs);
  const scope = createModuleScope({ index, tfvars: loaded.values });
  return { values: new Map(Object.keys(index.variables).map((n) => [n, scope.variable(n)])), errors: loaded.diagnostics.map((d) => d.message) };
}

/** The folder and inputs of the precedence case: each variable is set by one more layer than the one before. */
const files: Record<string, string> = {
  'variables.tf': [
    'p_default', 'p_env', 'p_tfvars', 'p_tfvars_json', 'p_auto_a', 'p_auto_b', 'p_file_one', 'p_files_two', 'p_var_then_file', 'p_file_then_var',
  ].map((n) => `variable "${n}" {\n  default = "default"\n}\n`).join('') +
    'variable "env_list" {\n  type = list(string)\n}\n' +
    'variable "env_map" {\n  type = map(number)\n}\n' +
    'variable "env_untyped" {}\n' +
    'variable "env_any" {\n  type = any\n}\n' +
    'variable "cli_number" {\n  type = number\n}\n' +
    'variable "env_bool" {\n  type = bool\n}\n' +
    'variable "tfvars_string" {\n  type = string\n}\n',
  'terraform.tfvars': 'p_tfvars = "terraform.tfvars"\np_tfvars_json = "terraform.tfvars"\np_auto_a = "terraform.tfvars"\ntfvars_string = 5\n',
  'terraform.tfvars.json': '{ "p_tfvars_json": "terraform.tfvars.json", "p_auto_a": "terraform.tfvars.json", "p_auto_b": "terraform.tfvars.json" }\n',
  'a.auto.tfvars': 'p_auto_a = "a.auto.tfvars"\np_auto_b = "a.auto.tfvars"\np_file_one = "a.auto.tfvars"\n',
  'b.auto.tfvars.json': '{ "p_auto_b": "b.auto.tfvars.json", "p_file_one": "b.auto.tfvars.json" }\n',
  'one.tfvars': 'p_file_one = "one.tfvars"\np_files_two = "one.tfvars"\np_var_then_file = "one.tfvars"\n',
  'two.tfvars.json': '{ "p_files_two": "two.tfvars.json", "p_var_then_file": "two.tfvars.json", "p_file_then_var": "two.tfvars.json" }\n',
};

const env: Record<string, string> = {
  TF_VAR_p_env: 'env',
  TF_VAR_p_tfvars: 'env',
  TF_VAR_env_list: '["a", "b"]',
  TF_VAR_env_map: '{ x = 1, y = "2" }',
  TF_VAR_env_untyped: '["kept", "as a string"]',
  TF_VAR_env_any: '{ k = ["v"] }',
  TF_VAR_env_bool: '1',
  TF_VAR_not_declared: 'ignored',
};

/** terraform -var-file=one.tfvars -var p_var_then_file=cli -var-file=two.tfvars.json -var p_file_then_var=cli -var cli_number=5.50 */
const cliArgs = ['--var-file', 'one.tfvars', '--var', 'p_var_then_file=cli', '--var-file=two.tfvars.json', '--var=p_file_then_var=cli', '--var', 'cli_number=5.50'];

describe('variables: TF_VAR_, tfvars, --var-file and --var as Terraform takes them', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-vars-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const inputs = (): VariableInputs => {
    const flags = extractVarFlags(cliArgs, dir);
    assert.ok(!('error' in flags));
    return { env, args: flags.vars };
  };

  it('matches terraform console on the whole precedence order and on type-driven parsing', async function () {
    const cli = findTerraform();
    if (!cli) {
      console.warn('\n!! terraform CLI NOT FOUND on PATH: the variables precedence oracle did NOT run.\n');
      this.skip();
    }
    const { values } = await ours(dir, inputs());
    const names = [...values.keys()];
    const expr = `jsonencode({ ${names.map((n) => `${n} = var.${n}`).join(', ')} })`;
    const tfArgs = ['console', '-no-color', ...cliArgs.map((a) => a.replace(/^--var-file$/, '-var-file').replace(/^--var$/, '-var').replace(/^--var-file=/, '-var-file=').replace(/^--var=/, '-var='))];
    const r = spawnSync(cli!.bin, tfArgs, {
      cwd: dir,
      input: `${expr}\n`,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null', NO_COLOR: '1', ...env },
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const theirs = JSON.parse(JSON.parse(r.stdout.trim())) as Record<string, unknown>;
    const mine = Object.fromEntries([...values].map(([n, v]) => [n, toValue(v)]));
    assert.deepEqual(mine, theirs);
    // The layers themselves, spelled out (what the oracle just confirmed).
    assert.deepEqual(
      Object.fromEntries(names.filter((n) => n.startsWith('p_')).map((n) => [n, mine[n]])),
      {
        p_default: 'default',
        p_env: 'env',
        p_tfvars: 'terraform.tfvars',
        p_tfvars_json: 'terraform.tfvars.json',
        p_auto_a: 'a.auto.tfvars',
        p_auto_b: 'b.auto.tfvars.json',
        p_file_one: 'one.tfvars',
        p_files_two: 'two.tfvars.json',
        p_var_then_file: 'two.tfvars.json',
        p_file_then_var: 'cli',
      },
    );
  });

  it('parses TF_VAR_ of a list or map type as HCL, and keeps it a raw string for an untyped variable', async () => {
    const { values } = await ours(dir, inputs());
    assert.deepEqual(toValue(values.get('env_list')!), ['a', 'b']);
    assert.deepEqual(toValue(values.get('env_map')!), { x: 1, y: 2 });
    assert.equal(toValue(values.get('env_untyped')!), '["kept", "as a string"]');
    assert.deepEqual(toValue(values.get('env_any')!), { k: ['v'] });
    assert.equal(toValue(values.get('env_bool')!), true);
    assert.equal(toValue(values.get('cli_number')!), 5.5);
    // Neither has a file to edit: the value says where it was given instead.
    const list = values.get('env_list')!;
    assert.ok(list.kind === 'list' && list.items[0].kind === 'scalar');
    assert.equal(list.items[0].origin, undefined);
    assert.equal(list.items[0].input, 'TF_VAR_env_list');
  });

  it('lets a later --var-file win over an earlier one and keeps the winning line as the origin', async () => {
    writeFileSync(join(dir, 'later.tfvars'), '# the later file\np_files_two = "later"\n');
    const args: VariableArg[] = [
      { kind: 'file', path: join(dir, 'one.tfvars') },
      { kind: 'file', path: join(dir, 'later.tfvars') },
    ];
    const { values } = await ours(dir, { env: {}, args });
    const v = values.get('p_files_two')!;
    assert.ok(v.kind === 'scalar');
    assert.equal(v.value, 'later');
    assert.equal(v.origin?.file, join(dir, 'later.tfvars'));
    assert.equal(v.origin?.range.start.line, 1);
    assert.equal(readFileSync(join(dir, 'later.tfvars'), 'utf8').slice(v.origin!.range.start.offset, v.origin!.range.end.offset), '"later"');
  });

  it('reports a --var-file that cannot be read, a bad HCL value and a value of the wrong type, never guessing', async () => {
    const { values, errors } = await ours(dir, { env: { TF_VAR_env_list: '["a",' }, args: [{ kind: 'file', path: join(dir, 'nope.tfvars') }, { kind: 'var', name: 'cli_number', value: ' 5' }] });
    assert.deepEqual(errors, ['TF_VAR_env_list is not a valid HCL value', 'cannot read the variables file nope.tfvars given with --var-file']);
    assert.equal(values.get('env_list')!.kind, 'unknown');
    const n = values.get('cli_number')!;
    assert.ok(n.kind === 'unknown' && /a number is required/.test(n.reason));
  });

  it('takes --var and --var-file out of the arguments in order, split at the first "="', () => {
    assert.deepEqual(extractVarFlags(['x', '--var', 'a=b=c', '--format', 'json', '--var-file=f.tfvars'], '/w'), {
      rest: ['x', '--format', 'json'],
      vars: [{ kind: 'var', name: 'a', value: 'b=c' }, { kind: 'file', path: '/w/f.tfvars' }],
    });
    assert.deepEqual(parseVarArg('list=["a"]'), { name: 'list', value: '["a"]' });
    assert.ok('error' in extractVarFlags(['--var', 'novalue']));
    assert.ok('error' in extractVarFlags(['--var-file']));
  });
});
