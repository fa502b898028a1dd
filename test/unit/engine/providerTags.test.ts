import { strict as assert } from 'node:assert';
import type { Value } from '../../../src/model';
import { resolveRoot } from '../../../src/engine/resolve';
import { resultFor } from '../../../src/engine/results';
import { awsTypeSchema } from '../../../src/providers/aws/schema';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { memoryIo, moduleFrom, stateJson, textAt } from './helpers';

const DIR = '/ws';
const state = stateJson([{ type: 'aws_vpc', name: 'main', instances: [{ attributes: { id: 'vpc-1' } }] }]);

async function verdict(hcl: string, live: Record<string, Value>) {
  const files = { 'main.tf': hcl, 'terraform.tfstate': state };
  const root = await resolveRoot(moduleFrom(DIR, files), Object.keys(files), { io: memoryIo(DIR, files), parse: parseHcl });
  const inst = root.instances.find((i) => i.address === 'aws_vpc.main')!;
  return resultFor(inst, { status: 'found', attributes: live }, awsTypeSchema('aws_vpc', 'vpc-1'));
}

const vpc = (tags: Record<string, string>, cidr = '10.0.0.0/16'): Record<string, Value> => ({ cidr_block: cidr, instance_tenancy: 'default', tags });

describe('engine: provider default_tags, ignore_tags and lifecycle.ignore_changes', () => {
  const provider = `provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = {
      Owner = "platform"
    }
  }
  ignore_tags {
    key_prefixes = ["kubernetes.io/"]
  }
}
`;

  it('expects the provider default tags on a resource that declares tags, pointing fixes at the provider block', async () => {
    const hcl = `${provider}resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  tags = { Name = "main" }\n}\n`;
    assert.equal((await verdict(hcl, vpc({ Name: 'main', Owner: 'platform', 'kubernetes.io/cluster/x': 'owned' }))).status, 'in-sync');
    const r = await verdict(hcl, vpc({ Name: 'main', Owner: 'someone' }));
    assert.deepEqual(r.drifts.map((d) => [d.attribute, d.expected, d.actual]), [['tags.Owner', 'platform', 'someone']]);
    assert.equal(textAt(hcl, r.drifts[0].origin!.range), '"platform"');
  });

  it('honours lifecycle ignore_changes for whole attributes and single tag keys', async () => {
    const hcl = `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  tags = { Name = "main", Env = "prod" }\n  lifecycle {\n    ignore_changes = [cidr_block, tags["Env"]]\n  }\n}\n`;
    const r = await verdict(hcl, vpc({ Name: 'main', Env: 'dev' }, '10.9.0.0/16'));
    assert.equal(r.status, 'in-sync', JSON.stringify(r.drifts));
    const all = await verdict(hcl.replace('[cidr_block, tags["Env"]]', 'all'), vpc({ Name: 'x' }, '10.9.0.0/16'));
    assert.equal(all.status, 'in-sync');
  });
});
