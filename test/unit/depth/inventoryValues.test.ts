// `driftlens inventory` shows evaluated values: per instance (count, for_each, modules), and the
// unknown attributes of a single resource filled in. No cloud call is involved.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInventory } from '../../../src/iac/inventory';
import { evaluateInventory, type EvaluatedInventoryResource } from '../../../src/engine/inventoryValues';

const platform = join(__dirname, '..', '..', 'fixtures', 'depth', 'platform');

function unknownsIn(v: unknown, out: string[] = [], at = ''): string[] {
  if (Array.isArray(v)) v.forEach((x, i) => unknownsIn(x, out, `${at}[${i}]`));
  else if (v !== null && typeof v === 'object') {
    if (typeof (v as { $unknown?: unknown }).$unknown === 'string') out.push(`${at}: ${(v as { $unknown: string }).$unknown}`);
    else for (const [k, x] of Object.entries(v)) unknownsIn(x, out, at ? `${at}.${k}` : k);
  }
  return out;
}

/** `files` (path → text) written in a new folder, its evaluated inventory, and the folder removed after. */
async function inventoryOf(files: Record<string, string>, check: (inv: { resources: EvaluatedInventoryResource[] }, dir: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-inv-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    check(await evaluateInventory(await buildInventory(dir), dir), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('inventory with evaluated values', () => {
  let resources: EvaluatedInventoryResource[];
  before(async () => {
    resources = (await evaluateInventory(await buildInventory(platform), platform)).resources;
  });

  it('lists every instance at its Terraform address, with its id from state', () => {
    const instances = resources.flatMap((r) => (r.instances ?? []).map((i) => `${i.address} ${i.id ?? '-'}`)).sort();
    // 15 instances in all; the 3 of staging's registry module live under .terraform/, which the inventory does not list.
    assert.equal(instances.length, 12);
    assert.ok(instances.includes('module.web["api"].module.security_group.aws_security_group.this sg-0c1e2d3c4b5a60002'));
    assert.ok(instances.includes('aws_s3_directory_bucket.logs["audit"] shop-prod-audit-logs'));
  });

  it('where the literal inventory had unknowns, the instances have values', () => {
    const web = resources.find((r) => r.root === 'modules/compute' && r.address === 'aws_instance.this')!;
    assert.ok(unknownsIn(web.attributes).length >= 4, 'the module alone cannot know its inputs');
    const first = web.instances!.find((i) => i.address === 'module.web.aws_instance.this[0]')!;
    assert.equal(first.attributes.instance_type, 't3.small');
    assert.equal(first.attributes.subnet_id, 'subnet-0aa01b2c3d4e5f600');
    assert.deepEqual(first.attributes.tags, { Component: 'web', Environment: 'Prod', ManagedBy: 'terraform', Name: 'shop-prod-web-01', Project: 'shop' });
    // Unknown only where it must be: nothing in this workspace needs a data source or an unset variable.
    assert.deepEqual(resources.flatMap((r) => (r.instances ?? []).flatMap((i) => unknownsIn(i.attributes, [], i.address))), []);
  });

  it('fills in a single resource, keeps what is unknown, and masks secrets', async () => {
    const main = [
      'variable "cidr" {\n  default = "10.1.0.0/16"\n}',
      'variable "password" {\n  sensitive = true\n  default   = "hunter2"\n}',
      'data "aws_ami" "x" {\n}',
      'resource "aws_vpc" "main" {\n  cidr_block = cidrsubnet(var.cidr, 4, 1)\n  tags = { Name = upper("main") }\n}',
      'resource "aws_db_instance" "db" {\n  password = var.password\n  engine   = "postgres"\n  ami      = data.aws_ami.x.id\n}',
    ].join('\n\n');
    await inventoryOf({ 'main.tf': main }, (inv, dir) => {
      const vpc = inv.resources.find((r) => r.address === 'aws_vpc.main')!;
      assert.deepEqual(vpc.attributes, { cidr_block: '10.1.16.0/20', tags: { Name: 'MAIN' } });
      assert.equal(vpc.instances![0].reason, `not in state: no terraform.tfstate in ${dir}`);
      const db = inv.resources.find((r) => r.address === 'aws_db_instance.db')!;
      assert.equal(db.instances![0].attributes.password, '(sensitive)');
      assert.equal(db.attributes.engine, 'postgres');
      assert.ok('$unknown' in (db.attributes.ami as object));
      assert.match((db.instances![0].attributes.ami as { $unknown: string }).$unknown, /data source data\.aws_ami\.x/);
    });
  });

  it('reads a module output on its own, as Terraform does: two modules may read each other\'s unrelated outputs', async () => {
    // naming.full needs network.suffix, which needs naming.base: no cycle, since base needs nothing.
    const files = {
      'naming/main.tf': 'variable "suffix" {}\noutput "base" {\n  value = "shop"\n}\noutput "full" {\n  value = "${var.suffix}-web"\n}\noutput "broken" {\n  value = var.nothing\n}\n',
      'network/main.tf': 'variable "base" {}\noutput "suffix" {\n  value = "${var.base}-prod"\n}\n',
      'main.tf': [
        'module "naming" {\n  source = "./naming"\n  suffix = module.network.suffix\n}',
        'module "network" {\n  source = "./network"\n  base   = module.naming.base\n}',
        'resource "aws_s3_bucket" "logs" {\n  bucket = module.naming.full\n}',
      ].join('\n\n'),
    };
    await inventoryOf(files, (inv) => {
      const logs = inv.resources.find((r) => r.address === 'aws_s3_bucket.logs')!;
      // Reading every output of `naming` at once made this a cycle (and `broken` is never read).
      assert.equal(logs.attributes.bucket, 'shop-prod-web');
    });
  });
});
