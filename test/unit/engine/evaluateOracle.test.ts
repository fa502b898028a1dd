// Differential test of the evaluator: variables (defaults and tfvars in precedence order), locals,
// templates, operators, conditionals and for expressions, evaluated by the real `terraform console`
// in the same folder and by our evaluator; their `jsonencode` texts must be identical.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Value } from '../../../src/model';
import { engineCallFunction } from '../../../src/engine/functionsBridge';
import { createModuleScope } from '../../../src/iac/terraform/evalScope';
import { evaluateExpr } from '../../../src/iac/terraform/evaluate';
import { firstUnknown, toValue } from '../../../src/iac/terraform/evalValue';
import { jsonEncode } from '../../../src/iac/terraform/functions/encoding';
import { parseExpression, parseHcl } from '../../../src/iac/terraform/parser';
import { loadTfvars } from '../../../src/iac/terraform/tfvars';
import { evaluateWithTerraform, findTerraform } from '../depth/oracle/terraformConsole';
import { memoryIo, moduleFrom } from './helpers';

const files: Record<string, string> = {
  'variables.tf': `variable "region" {
  type    = string
  default = "us-east-1"
}
variable "size" {
  type    = string
  default = "t3.micro"
}
variable "env" {
  type    = string
  default = "dev"
}
variable "team" {
  type    = string
  default = "web"
}
variable "replicas" {
  type    = number
  default = 2
}
variable "azs" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b", "us-east-1c"]
}
variable "tags" {
  type = map(string)
  default = {
    Owner = "platform"
    Cost  = "42"
  }
}
variable "public" {
  type    = bool
  default = false
}
`,
  'locals.tf': `locals {
  name     = "\${var.env}-\${var.team}"
  prefix   = upper(local.name)
  subnets  = { for i, az in var.azs : az => cidrsubnet("10.0.0.0/16", 8, i) }
  first_az = var.azs[0]
  common   = merge(var.tags, { Env = var.env, Name = local.name })
  ports    = [for p in [22, 80, 443] : p if p != 80]
  doubled  = var.replicas * 2 + 0.5
  banner   = <<-EOT
    Hello %{ if var.public }world%{ else }team%{ endif }!
    %{ for az in var.azs ~}
    - \${az}
    %{ endfor ~}
  EOT
}
`,
  'terraform.tfvars': 'env  = "staging"\nsize = "t3.small"\n',
  'terraform.tfvars.json': '{ "size": "t3.medium", "team": "api" }\n',
  'a.auto.tfvars': 'size = "m5.large"\nreplicas = 3\n',
  'b.auto.tfvars.json': '{ "size": "c5.xlarge", "azs": ["eu-west-1a", "eu-west-1b"] }\n',
};

const expressions = [
  'var.region',
  'var.size',
  'var.env',
  'var.team',
  'var.replicas',
  'var.azs',
  'var.tags',
  'var.public',
  'local.name',
  'local.prefix',
  'local.subnets',
  'local.first_az',
  'local.common',
  'local.ports',
  'local.doubled',
  'local.banner',
  '"${var.env}-${var.replicas}"',
  '"${local.doubled}"',
  'var.replicas > 2 ? "big" : "small"',
  'var.public || var.replicas >= 3',
  '!var.public && var.env == "staging"',
  'var.env != "prod"',
  '-var.replicas + 10 % 4',
  '[for k, v in local.common : "${k}=${v}" if k != "Cost"]',
  '{ for az in var.azs : substr(az, -1, 1) => az }',
  'length(var.azs) * var.replicas',
  'var.azs[*]',
  '[for s in var.azs : { name = s, upper = upper(s) }][1].upper',
  'local.subnets["eu-west-1b"]',
  'lookup(var.tags, "Owner", "none")',
  'try(var.tags.Missing, "fallback")',
  'can(var.tags.Missing)',
  '"%{ for i, az in var.azs }${i}:${az}%{ if i < length(var.azs) - 1 },%{ endif }%{ endfor }"',
  'join("/", [var.region, local.first_az])',
  'tostring(var.replicas)',
  '7 % 3',
  '"a" == "a" ? null : "x"',
];

function ours(expr: string, scope: ReturnType<typeof createModuleScope>): string {
  const { expr: tree, diagnostics } = parseExpression(expr);
  if (diagnostics.length) return `<syntax: ${diagnostics[0].message}>`;
  const v = evaluateExpr(tree, { scope, file: '/oracle/expr.tf' });
  const u = firstUnknown(v);
  if (u) return `<unknown: ${u.reason}>`;
  return jsonEncode(toValue(v) as Value);
}

describe('engine: evaluation, differential test against terraform console', function () {
  this.timeout(120_000);
  let dir = '';
  let theirs: (string | null)[] = [];
  let scope: ReturnType<typeof createModuleScope>;

  before(async function () {
    const cli = findTerraform();
    if (!cli) {
      console.warn('\n!! terraform CLI NOT FOUND on PATH: the evaluation differential test did NOT run (set DRIFTLENS_TERRAFORM).\n');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'driftlens-evaloracle-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    theirs = (await evaluateWithTerraform(cli!, dir, expressions)).results;
    const index = moduleFrom(dir, files);
    const tfvars = await loadTfvars(dir, Object.keys(files), memoryIo(dir, files).readFile, parseHcl);
    scope = createModuleScope({ index, tfvars: tfvars.values, callFunction: engineCallFunction(dir) });
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Terraform accepts every case (the table is valid HCL Terraform evaluates)', () => {
    assert.deepEqual(expressions.filter((_, i) => theirs[i] === null), []);
  });

  it('differs only in precision where Terraform uses arbitrary-precision numbers (a known divergence)', async () => {
    const cli = findTerraform()!;
    const [exact] = (await evaluateWithTerraform(cli, dir, ['1 / 3'])).results;
    assert.match(exact ?? '', /^0\.3{40,}/);
    assert.equal(ours('1 / 3', scope), '0.3333333333333333');
  });

  for (const [i, expr] of expressions.entries()) {
    it(`evaluates ${expr} as Terraform does`, () => {
      assert.equal(ours(expr, scope), theirs[i]);
    });
  }
});
