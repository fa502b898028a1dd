// References to declared resources that state does not hold: an argument the target's block writes
// is as known as a literal (and keeps its origin); computed attributes stay unknown; state wins.
import { strict as assert } from 'node:assert';
import type { EvalValue } from '../../../src/iac/terraform/evalValue';
import { isSensitive, toValue } from '../../../src/iac/terraform/evalValue';
import { evaluateExpr } from '../../../src/iac/terraform/evaluate';
import { parseExpression } from '../../../src/iac/terraform/parser';
import { createModuleScope } from '../../../src/iac/terraform/evalScope';
import { parseState } from '../../../src/iac/terraform/state';
import { engineCallFunction } from '../../../src/engine/functionsBridge';
import { resolveRoot, type ResolvedRoot } from '../../../src/engine/resolve';
import { diskIo } from '../../../src/engine/workspaceIo';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { moduleFrom, stateJson, tempDir, textAt } from './helpers';

const DIR = '/ws';

function evalIn(files: Record<string, string>, source: string): EvalValue {
  const index = moduleFrom(DIR, files);
  const state = files['terraform.tfstate'] ? parseState(files['terraform.tfstate']) : undefined;
  const scope = createModuleScope({ index, state, callFunction: engineCallFunction(DIR) });
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

const azure = `locals {
  location = "West Europe"
}
resource "azurerm_resource_group" "app" {
  name     = "tf-rg"
  location = local.location
}
resource "azurerm_virtual_network" "main" {
  name                = "tf-vnet"
  resource_group_name = azurerm_resource_group.app.name
  location            = azurerm_resource_group.app.location
  address_space       = ["10.0.0.0/16"]
  tags                = null
}
`;

describe('engine: references to declared resources that state does not hold', () => {
  it('a written argument resolves to its evaluated value, with the origin of its literal', () => {
    const files = { 'main.tf': azure };
    const name = evalIn(files, 'azurerm_resource_group.app.name');
    assert.equal(known(name), 'tf-rg');
    assert.ok(name.kind === 'scalar' && name.origin);
    assert.equal(name.origin.file, `${DIR}/main.tf`);
    assert.equal(textAt(azure, name.origin.range), '"tf-rg"');
    // Through a chain: vnet.resource_group_name → rg.name; vnet.location → rg.location → local.location.
    const rg = evalIn(files, 'azurerm_virtual_network.main.resource_group_name');
    assert.ok(rg.kind === 'scalar' && rg.origin);
    assert.equal(textAt(azure, rg.origin.range), '"tf-rg"');
    const location = evalIn(files, 'azurerm_virtual_network.main.location');
    assert.ok(location.kind === 'scalar' && location.origin);
    assert.equal(textAt(azure, location.origin.range), '"West Europe"', 'follows to the locals literal');
    assert.deepEqual(known(evalIn(files, 'azurerm_virtual_network.main.address_space[0]')), '10.0.0.0/16');
    assert.equal(known(evalIn(files, '"${azurerm_virtual_network.main.name}-snet"')), 'tf-vnet-snet');
  });

  it('computed attributes, arguments the code does not set, null and whole objects stay unknown with the current reason', () => {
    const files = { 'main.tf': azure, 'terraform.tfstate': stateJson([]) };
    assert.equal(reason(evalIn(files, 'azurerm_resource_group.app.id')), 'azurerm_resource_group.app is not in state');
    assert.equal(reason(evalIn(files, 'azurerm_virtual_network.main.guid')), 'azurerm_virtual_network.main is not in state');
    assert.equal(reason(evalIn(files, 'azurerm_virtual_network.main.tags')), 'azurerm_virtual_network.main is not in state', 'null leaves it to the provider');
    assert.equal(reason(evalIn(files, 'azurerm_resource_group.app')), 'azurerm_resource_group.app is not in state');
    assert.equal(reason(evalIn({ 'main.tf': azure }, 'azurerm_resource_group.app.id')), 'azurerm_resource_group.app: no terraform.tfstate');
    const aws = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_subnet" "a" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, 1)\n}\n';
    assert.equal(reason(evalIn({ 'main.tf': aws }, 'aws_subnet.a.vpc_id')), 'aws_vpc.main: no terraform.tfstate');
    assert.equal(known(evalIn({ 'main.tf': aws }, 'aws_subnet.a.cidr_block')), '10.0.1.0/24');
  });

  it('state wins when it holds the resource', () => {
    const files = {
      'main.tf': azure,
      'terraform.tfstate': stateJson([{ type: 'azurerm_resource_group', name: 'app', instances: [{ attributes: { id: '/subscriptions/s/resourceGroups/renamed', name: 'renamed', location: 'westeurope' } }] }]),
    };
    const name = evalIn(files, 'azurerm_resource_group.app.name');
    assert.equal(known(name), 'renamed');
    assert.equal(name.kind === 'scalar' ? name.origin : 'x', undefined, 'a value from state has no literal to edit');
    assert.equal(known(evalIn(files, 'azurerm_resource_group.app.id')), '/subscriptions/s/resourceGroups/renamed');
    assert.equal(known(evalIn(files, 'azurerm_virtual_network.main.location')), 'westeurope');
  });

  it('a reference cycle is unknown and says so, as do arguments that ignore_changes lets drift', () => {
    const files = {
      'main.tf':
        'resource "aws_security_group" "a" {\n  name = aws_security_group.b.description\n}\n' +
        'resource "aws_security_group" "b" {\n  description = aws_security_group.a.name\n  name = "b"\n  lifecycle {\n    ignore_changes = [tags]\n  }\n  tags = { Env = "x" }\n}\n',
    };
    assert.equal(reason(evalIn(files, 'aws_security_group.a.name')), 'cycle: aws_security_group.a.name → aws_security_group.b.description → aws_security_group.a.name');
    assert.equal(known(evalIn(files, 'aws_security_group.b.name')), 'b');
    const throughLocal = { 'main.tf': 'locals {\n  sg = aws_security_group.c.name\n}\nresource "aws_security_group" "c" {\n  name = "${local.sg}-x"\n}\n' };
    assert.equal(reason(evalIn(throughLocal, 'local.sg')), 'cycle: local.sg → aws_security_group.c.name → local.sg');
    assert.equal(reason(evalIn(files, 'aws_security_group.b.tags')), 'aws_security_group.b: no terraform.tfstate');
  });

  it('a count / for_each instance: its own count.index / each.value; a missing key fails as in Terraform', () => {
    const files = {
      'main.tf':
        'resource "azurerm_subnet" "s" {\n  for_each = { a = "10.0.1.0/24", b = "10.0.2.0/24" }\n  name = "snet-${each.key}"\n  address_prefixes = [each.value]\n}\n' +
        'resource "aws_subnet" "x" {\n  count = 2\n  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)\n}\n' +
        'resource "aws_subnet" "u" {\n  count = var.n\n  cidr_block = "10.9.0.0/24"\n}\nvariable "n" {}\n',
    };
    assert.equal(known(evalIn(files, 'azurerm_subnet.s["b"].name')), 'snet-b');
    assert.deepEqual(known(evalIn(files, 'azurerm_subnet.s["a"].address_prefixes')), ['10.0.1.0/24']);
    assert.equal(known(evalIn(files, 'aws_subnet.x[1].cidr_block')), '10.0.1.0/24');
    assert.equal(known(evalIn(files, 'try(azurerm_subnet.s["c"].name, "none")')), 'none');
    assert.match(reason(evalIn(files, 'aws_subnet.x[2].cidr_block')), /aws_subnet\.x\[2\]: no such instance \(count\)/);
    assert.match(reason(evalIn(files, 'aws_subnet.u[0].cidr_block')), /^aws_subnet\.u: no terraform\.tfstate, and its count is not known \(var\.n has no value/);
    assert.equal(reason(evalIn(files, 'azurerm_subnet.s')), 'azurerm_subnet.s: no terraform.tfstate', 'the whole map of instances');
  });

  it('scan: a computed instance key, a module output and a sensitive argument resolve the same way', async () => {
    const t = tempDir({
      'main.tf':
        'resource "azurerm_subnet" "s" {\n  for_each = toset(["a", "b"])\n  name = "snet-${each.key}"\n  virtual_network_name = module.net.vnet_name\n}\n' +
        'resource "azurerm_network_interface" "n" {\n  for_each = toset(["a", "b"])\n  name = "nic-${azurerm_subnet.s[each.key].name}"\n  subnet_id = azurerm_subnet.s[each.key].id\n}\n' +
        'module "net" {\n  source = "./net"\n  prefix = "app"\n}\n' +
        'resource "aws_db_instance" "db" {\n  password = "hunter2"\n}\nresource "aws_ssm_parameter" "p" {\n  value = aws_db_instance.db.password\n}\n',
      'net/main.tf':
        'variable "prefix" {}\nresource "azurerm_virtual_network" "main" {\n  name = "${var.prefix}-vnet"\n}\noutput "vnet_name" {\n  value = azurerm_virtual_network.main.name\n}\n',
    });
    try {
      const index = moduleFrom(t.dir, { 'main.tf': (await diskIo.readFile(`${t.dir}/main.tf`))! });
      const root = await resolveRoot(index, ['main.tf'], { io: diskIo, parse: parseHcl, callFunction: engineCallFunction(t.dir) });
      assert.equal(desired(root, 'azurerm_network_interface.n["b"]', 'name'), 'nic-snet-b');
      assert.equal(unknownReason(root, 'azurerm_network_interface.n["b"]', 'subnet_id'), 'azurerm_subnet.s: no terraform.tfstate', 'id is computed');
      assert.equal(desired(root, 'azurerm_subnet.s["a"]', 'virtual_network_name'), 'app-vnet');
      const password = root.instances.find((i) => i.address === 'aws_ssm_parameter.p')?.desired.entries.get('value');
      assert.ok(password?.kind === 'attribute' && isSensitive(password.value), 'a sensitive argument stays sensitive through the reference');
    } finally {
      t.remove();
    }
  });
});

function entryValue(root: ResolvedRoot, address: string, attribute: string): EvalValue {
  const inst = root.instances.find((i) => i.address === address);
  assert.ok(inst, `${address} resolved`);
  const entry = inst.desired.entries.get(attribute);
  assert.ok(entry?.kind === 'attribute', `${address}.${attribute} declared`);
  return entry.value;
}

function desired(root: ResolvedRoot, address: string, attribute: string): unknown {
  return known(entryValue(root, address, attribute));
}

function unknownReason(root: ResolvedRoot, address: string, attribute: string): string {
  return reason(entryValue(root, address, attribute));
}
