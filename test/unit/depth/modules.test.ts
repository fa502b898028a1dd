import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineCallFunction } from '../../../src/engine/functionsBridge';
import { parseTerraformText } from '../../../src/iac/moduleIndex';
import { createModuleScope } from '../../../src/iac/terraform/evalScope';
import { toValue } from '../../../src/iac/terraform/evalValue';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { loadTfvars } from '../../../src/iac/terraform/tfvars';
import {
  indexModuleFolder,
  instanceBindings,
  loadModuleTree,
  moduleDir,
  moduleInputs,
  moduleInstanceKeys,
  moduleInstancePrefix,
  moduleResources,
  providerMapping,
  relativeModulePath,
  readModuleManifest,
  type ModuleFiles,
  type ModuleNode,
} from '../../../src/iac/terraform/modules';

const platform = join(__dirname, '..', '..', 'fixtures', 'depth', 'platform');
const disk: ModuleFiles = {
  readFile: (p) => readFile(p, 'utf8').catch(() => undefined),
  readDir: (d) => readdir(d, { withFileTypes: true }).then((es) => es.map((e) => ({ name: e.name, isDirectory: e.isDirectory() })), () => []),
};

async function rootOf(dir: string) {
  const loaded = await indexModuleFolder(dir, disk, parseTerraformText);
  assert.ok(loaded);
  return loaded.index;
}

function flatten(node: ModuleNode, out: { key: string; dir: string }[] = []): { key: string; dir: string }[] {
  out.push({ key: node.key, dir: node.dir });
  for (const c of node.children) flatten(c, out);
  return out;
}

describe('modules: sources, tree, instances, inputs', () => {
  it('loads local modules, nested ones, and their outputs', async () => {
    const { tree, errors } = await loadModuleTree(await rootOf(join(platform, 'envs', 'prod')), disk, parseTerraformText);
    assert.deepEqual(errors, []);
    assert.deepEqual(flatten(tree), [
      { key: '', dir: join(platform, 'envs', 'prod') },
      { key: 'network', dir: join(platform, 'modules', 'network') },
      { key: 'web', dir: join(platform, 'modules', 'compute') },
      { key: 'web.security_group', dir: join(platform, 'modules', 'compute', 'modules', 'security-group') },
    ]);
    const network = tree.children[0];
    assert.deepEqual([...network.outputs.keys()], ['vpc_id', 'public_subnet_ids', 'public_subnet_cidrs']);
    assert.deepEqual(network.index.resources.map((r) => r.address), ['aws_vpc.this', 'aws_subnet.public']);
  });

  it('finds installed modules through .terraform/modules/modules.json', async () => {
    const staging = join(platform, 'envs', 'staging');
    const manifest = await readModuleManifest(staging, disk.readFile);
    assert.equal(manifest.get('network'), join(staging, '.terraform', 'modules', 'network'));
    const { tree, errors } = await loadModuleTree(await rootOf(staging), disk, parseTerraformText);
    assert.deepEqual(errors, []);
    assert.deepEqual(flatten(tree).map((n) => n.key), ['', 'network', 'web', 'web.security_group']);
    assert.deepEqual(tree.children[0].index.resources.map((r) => r.address), ['aws_vpc.main', 'aws_subnet.public']);
  });

  it('says when a registry module is not installed, and keeps going', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftlens-mod-'));
    try {
      writeFileSync(join(dir, 'main.tf'), 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n\nmodule "dyn" {\n  source = var.where\n}\n');
      const { tree, errors } = await loadModuleTree(await rootOf(dir), disk, parseTerraformText);
      assert.equal(tree.children.length, 0);
      assert.deepEqual(errors.map((e) => e.message), [
        'module.vpc: "terraform-aws-modules/vpc/aws" is not installed; run terraform init',
        'module.dyn: its source is not a literal string',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cuts a module that calls itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftlens-mod-'));
    try {
      writeFileSync(join(dir, 'main.tf'), 'module "self" {\n  source = "./"\n}\n');
      const { errors } = await loadModuleTree(await rootOf(dir), disk, parseTerraformText);
      assert.match(errors[0].message, /modules call each other in a loop/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names module instances as Terraform does', () => {
    assert.equal(moduleInstancePrefix('', 'net'), 'module.net.');
    assert.equal(moduleInstancePrefix('', 'net', 0), 'module.net[0].');
    assert.equal(moduleInstancePrefix('module.web["api"].', 'sg'), 'module.web["api"].module.sg.');
    const call = { name: 'x', file: '/f', range: { start: { offset: 0, line: 0, character: 0 }, end: { offset: 0, line: 0, character: 0 } }, source: '../m', body: { attributes: {}, blocks: [] } };
    assert.deepEqual(moduleDir(call, '/ws/envs/prod', 'x', new Map()), { dir: '/ws/envs/m' });
  });

  it('expands for_each and evaluates inputs in the caller, keeping the caller origins', async () => {
    const staging = join(platform, 'envs', 'staging');
    const index = await rootOf(staging);
    const tfvars = await loadTfvars(staging, ['terraform.tfvars'], disk.readFile, parseHcl);
    const scope = createModuleScope({ index, tfvars: tfvars.values, callFunction: engineCallFunction(staging), workspace: 'blue' });
    const web = index.moduleCalls.find((c) => c.name === 'web')!;
    const keys = moduleInstanceKeys(web, scope);
    assert.deepEqual([...keys.keys].sort(), ['admin', 'api']);
    const inputs = moduleInputs(web, scope, instanceBindings('api', keys.values));
    assert.equal(toValue(inputs.get('name')!), 'shop-blue-api');
    assert.equal(toValue(inputs.get('instance_type')!), 't3.small');
    assert.deepEqual(toValue(inputs.get('ingress_ports')!), [443]);
    assert.deepEqual(toValue(inputs.get('tags')!), { Tier: 'api' });
    assert.equal(inputs.has('source') || inputs.has('for_each'), false);
    // The literal lives in terraform.tfvars: a quick-fix on the instance type edits that line.
    const type = inputs.get('instance_type')!;
    assert.equal(type.kind === 'scalar' && type.origin?.file, join(staging, 'terraform.tfvars'));
    const network = index.moduleCalls.find((c) => c.name === 'network')!;
    assert.deepEqual(moduleInstanceKeys(network, scope).keys, [undefined]);
    assert.deepEqual(toValue(moduleInputs(network, scope, new Map()).get('public_subnets')!), ['10.20.0.0/20', '10.20.16.0/20']);
  });

  it('maps provider configurations into modules, and lists every resource below a call', async () => {
    const text = 'module "a" {\n  source = "./a"\n  providers = {\n    aws = aws.west\n    aws.dns = aws\n  }\n}\nmodule "b" {\n  source = "./b"\n}\n';
    const { parseHcl: parse } = await import('../../../src/iac/terraform/parser');
    const { declareFile, emptyModuleIndex } = await import('../../../src/iac/terraform/declared');
    const index = emptyModuleIndex('/r');
    declareFile(index, '/r/main.tf', parse(text).body, text);
    const [a, b] = index.moduleCalls;
    assert.deepEqual([...providerMapping(a, new Map())], [['aws', 'aws.west'], ['aws.dns', 'aws']]);
    // Without `providers`, default configurations pass down as the parent sees them.
    assert.deepEqual([...providerMapping(b, new Map([['aws', 'aws.west'], ['aws.dns', 'aws']]))], [['aws', 'aws.west']]);
    assert.equal(relativeModulePath('/r/envs/prod', '/r/modules/net'), '../../modules/net');
    assert.equal(relativeModulePath('/r', '/r'), '.');
    const { tree } = await loadModuleTree(await rootOf(join(platform, 'envs', 'prod')), disk, parseTerraformText);
    const web = tree.children.find((c) => c.name === 'web')!;
    assert.deepEqual(moduleResources(web).map((r) => r.path + r.resource.address), ['aws_instance.this', 'module.security_group.aws_security_group.this']);
  });
});
