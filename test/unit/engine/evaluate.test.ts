import { strict as assert } from 'node:assert';
import type { EvalValue } from '../../../src/iac/terraform/evalValue';
import { toValue } from '../../../src/iac/terraform/evalValue';
import { evaluateExpr } from '../../../src/iac/terraform/evaluate';
import { parseExpression, parseHcl } from '../../../src/iac/terraform/parser';
import { createModuleScope } from '../../../src/iac/terraform/evalScope';
import { loadTfvars } from '../../../src/iac/terraform/tfvars';
import { parseState } from '../../../src/iac/terraform/state';
import { engineCallFunction } from '../../../src/engine/functionsBridge';
import { resolveRoot } from '../../../src/engine/resolve';
import { memoryIo, moduleFrom, stateJson, textAt } from './helpers';

const DIR = '/ws';

/** Evaluates `source` in the module made of `files` (with their tfvars and terraform.tfstate). */
async function evalIn(files: Record<string, string>, source: string): Promise<EvalValue> {
  const index = moduleFrom(DIR, files);
  const tfvars = await loadTfvars(DIR, Object.keys(files), memoryIo(DIR, files).readFile, parseHcl);
  const state = files['terraform.tfstate'] ? parseState(files['terraform.tfstate']) : undefined;
  const scope = createModuleScope({ index, tfvars: tfvars.values, state, callFunction: engineCallFunction(DIR) });
  const { expr, diagnostics } = parseExpression(source);
  assert.deepEqual(diagnostics, []);
  return evaluateExpr(expr, { scope, file: `${DIR}/expr.tf` });
}

function known(v: EvalValue): unknown {
  assert.notEqual(v.kind, 'unknown', v.kind === 'unknown' ? v.reason : '');
  return toValue(v);
}

function reason(v: EvalValue): string {
  assert.equal(v.kind, 'unknown');
  return v.kind === 'unknown' ? v.reason : '';
}

const variables = `variable "instance_type" {
  default = "t3.micro"
}
variable "region" {}
variable "tags" {
  default = {
    Env  = "dev"
    Team = "web"
  }
}
variable "password" {
  default   = "hunter2"
  sensitive = true
}
`;

describe('engine: evaluation', () => {
  it('takes a variable from its default and remembers where the default literal is written', async () => {
    const v = await evalIn({ 'variables.tf': variables }, 'var.instance_type');
    assert.equal(known(v), 't3.micro');
    assert.ok(v.kind === 'scalar' && v.origin);
    assert.equal(v.origin.file, `${DIR}/variables.tf`);
    assert.equal(textAt(variables, v.origin.range), '"t3.micro"');
    assert.deepEqual(v.origin.range.start, { line: 1, character: 12, offset: 39 });
  });

  it('gives each tag of a map its own origin', async () => {
    const v = await evalIn({ 'variables.tf': variables }, 'var.tags');
    assert.ok(v.kind === 'map');
    const team = v.entries.get('Team');
    assert.ok(team?.kind === 'scalar' && team.origin);
    assert.equal(textAt(variables, team.origin.range), '"web"');
  });

  it('applies tfvars in Terraform precedence order: terraform.tfvars < .tfvars.json < *.auto.tfvars in lexical order', async () => {
    const base = { 'variables.tf': variables, 'terraform.tfvars': 'instance_type = "t3.small"\nregion = "eu-west-1"\n' };
    assert.equal(known(await evalIn(base, 'var.instance_type')), 't3.small');
    const withJson = { ...base, 'terraform.tfvars.json': '{\n  "instance_type": "t3.medium"\n}\n' };
    const fromJson = await evalIn(withJson, 'var.instance_type');
    assert.equal(known(fromJson), 't3.medium');
    assert.ok(fromJson.kind === 'scalar' && fromJson.origin);
    assert.equal(fromJson.origin.file, `${DIR}/terraform.tfvars.json`);
    assert.deepEqual([fromJson.origin.range.start.line, fromJson.origin.range.start.character], [1, 19]);
    const withAuto = { ...withJson, 'b.auto.tfvars': 'instance_type = "t3.xlarge"\n', 'a.auto.tfvars.json': '{"instance_type": "t3.large"}' };
    const fromAuto = await evalIn(withAuto, 'var.instance_type');
    assert.equal(known(fromAuto), 't3.xlarge', 'b.auto.tfvars sorts after a.auto.tfvars.json and wins');
    assert.ok(fromAuto.kind === 'scalar' && fromAuto.origin?.file === `${DIR}/b.auto.tfvars`);
    assert.equal(textAt(withAuto['b.auto.tfvars'], fromAuto.origin.range), '"t3.xlarge"');
    // A variable no file sets keeps its default.
    assert.deepEqual(known(await evalIn(withAuto, 'var.tags')), { Env: 'dev', Team: 'web' });
  });

  it('resolves locals through other locals and reports a cycle as unknown', async () => {
    const files = { 'main.tf': 'locals {\n  name = "web-${local.env}"\n  env = var.env\n  a = local.b\n  b = local.a\n}\nvariable "env" { default = "prod" }\n' };
    assert.equal(known(await evalIn(files, 'local.name')), 'web-prod');
    assert.match(reason(await evalIn(files, 'local.a')), /cycle: local\.a → local\.b → local\.a/);
  });

  it('a template over two values is known but has no origin; "${x}" alone keeps x and its origin', async () => {
    const files = { 'variables.tf': variables, 'terraform.tfvars': 'region = "eu-west-1"\n' };
    const t = await evalIn(files, '"${var.instance_type}-${var.region}"');
    assert.equal(known(t), 't3.micro-eu-west-1');
    assert.equal(t.kind === 'scalar' ? t.origin : 'x', undefined);
    const single = await evalIn(files, '"${var.instance_type}"');
    assert.ok(single.kind === 'scalar' && single.origin?.file === `${DIR}/variables.tf`);
  });

  it('resolves resource references through state, with count and for_each instance keys', async () => {
    const files = {
      'main.tf': 'resource "aws_vpc" "main" {}\nresource "aws_instance" "web" {\n  count = 2\n}\nresource "aws_subnet" "s" {\n  for_each = toset(["a", "b"])\n}\nresource "aws_eip" "gone" {}\n',
      'terraform.tfstate': stateJson([
        { type: 'aws_vpc', name: 'main', instances: [{ attributes: { id: 'vpc-1', cidr_block: '10.0.0.0/16' } }] },
        { type: 'aws_instance', name: 'web', each: 'list', instances: [{ key: 1, attributes: { id: 'i-2' } }, { key: 0, attributes: { id: 'i-1' } }] },
        { type: 'aws_subnet', name: 's', each: 'map', instances: [{ key: 'a', attributes: { id: 'subnet-a' } }, { key: 'b', attributes: { id: 'subnet-b' } }] },
      ]),
    };
    assert.equal(known(await evalIn(files, 'aws_vpc.main.id')), 'vpc-1');
    assert.equal(known(await evalIn(files, 'aws_instance.web[1].id')), 'i-2');
    assert.deepEqual(known(await evalIn(files, 'aws_instance.web[*].id')), ['i-1', 'i-2']);
    assert.equal(known(await evalIn(files, 'aws_subnet.s["b"].id')), 'subnet-b');
    const fromState = await evalIn(files, 'aws_vpc.main.id');
    assert.equal(fromState.kind === 'scalar' ? fromState.origin : 'x', undefined, 'a value from state has no literal to edit');
    assert.match(reason(await evalIn(files, 'aws_eip.gone.public_ip')), /aws_eip\.gone is not in state/);
  });

  it('says why a value is unknown instead of guessing', async () => {
    const files = { 'variables.tf': variables, 'main.tf': 'data "aws_ami" "x" {}\nresource "aws_vpc" "main" {}\n' };
    assert.equal(reason(await evalIn(files, 'data.aws_ami.x.id')), 'data source data.aws_ami.x');
    assert.match(reason(await evalIn(files, 'var.region')), /^var\.region has no value/);
    assert.match(reason(await evalIn(files, 'var.nope')), /var\.nope is not declared/);
    assert.match(reason(await evalIn(files, 'module.net.vpc_id')), /module output module\.net/);
    assert.match(reason(await evalIn(files, 'aws_vpc.main.id')), /no terraform\.tfstate/);
    assert.match(reason(await evalIn(files, 'provider::aws::arn_parse("x")')), /provider::aws::arn_parse/);
    assert.match(reason(await evalIn(files, '"${data.aws_ami.x.id}-suffix"')), /data source data\.aws_ami\.x/);
  });

  it('computes operators, conditionals, for expressions and built-in functions over known values', async () => {
    const files = { 'variables.tf': variables };
    assert.equal(known(await evalIn(files, 'var.instance_type == "t3.micro" ? 2 * 4 : 1')), 8);
    const chosen = await evalIn(files, 'true ? "a" : "b"');
    assert.ok(chosen.kind === 'scalar' && chosen.origin, 'the chosen branch literal keeps its origin');
    assert.deepEqual(known(await evalIn(files, '{ for k, v in var.tags : lower(k) => upper(v) }')), { env: 'DEV', team: 'WEB' });
    assert.deepEqual(known(await evalIn(files, '[for s in ["a", "b"] : "${s}1" if s != "b"]')), ['a1']);
    assert.equal(known(await evalIn(files, 'cidrsubnet("10.0.0.0/16", 8, 2)')), '10.0.2.0/24');
    assert.equal(known(await evalIn(files, 'try(var.tags.Missing, "fallback")')), 'fallback');
    assert.equal(known(await evalIn(files, 'can(var.tags.Missing)')), false);
    // try stops at a value that is merely unknown: the answer depends on it.
    assert.match(reason(await evalIn(files, 'try(var.region, "x")')), /var\.region has no value/);
  });

  it('marks values of sensitive variables sensitive, also after computation', async () => {
    const files = { 'variables.tf': variables };
    const v = await evalIn(files, 'var.password');
    assert.equal(v.sensitive, true);
    const t = await evalIn(files, '"pw:${var.password}"');
    assert.equal(t.sensitive, true);
    assert.equal((await evalIn(files, 'nonsensitive(var.password)')).sensitive, undefined);
  });

  it('binds count.index and each.key/each.value per instance when resolving a root', async () => {
    const files = {
      'main.tf': 'resource "aws_instance" "web" {\n  count = 2\n  tags = { Name = "web-${count.index}" }\n}\nresource "aws_subnet" "s" {\n  for_each = { a = "10.0.1.0/24", b = "10.0.2.0/24" }\n  cidr_block = each.value\n  tags = { Name = each.key }\n}\n',
      'terraform.tfstate': stateJson([
        { type: 'aws_instance', name: 'web', each: 'list', instances: [{ key: 0, attributes: { id: 'i-0' } }, { key: 1, attributes: { id: 'i-1' } }] },
        { type: 'aws_subnet', name: 's', each: 'map', instances: [{ key: 'a', attributes: { id: 'subnet-a' } }] },
      ]),
    };
    const root = await resolveRoot(moduleFrom(DIR, files), Object.keys(files), { io: memoryIo(DIR, files), parse: parseHcl });
    const by = new Map(root.instances.map((i) => [i.address, i]));
    assert.deepEqual([...by.keys()], ['aws_instance.web[0]', 'aws_instance.web[1]', 'aws_subnet.s["a"]', 'aws_subnet.s["b"]']);
    const tags = (address: string) => {
      const e = by.get(address)?.desired.entries.get('tags');
      return e?.kind === 'attribute' ? toValue(e.value) : undefined;
    };
    assert.deepEqual(tags('aws_instance.web[1]'), { Name: 'web-1' });
    assert.deepEqual(tags('aws_subnet.s["a"]'), { Name: 'a' });
    assert.equal(by.get('aws_subnet.s["a"]')?.liveId, 'subnet-a');
    // for_each asks for "b" but state lacks it: unverified, never missing.
    assert.equal(by.get('aws_subnet.s["b"]')?.liveId, null);
    assert.equal(by.get('aws_subnet.s["b"]')?.unverifiedReason, 'not in state');
  });
});
