// Provider configurations as Terraform resolves them, end to end through the scan: a region from a
// variable without default (TF_VAR_, tfvars) or from nowhere, provider blocks inside modules and
// `providers = { aws = aws.west }`, and state's account checked against the credentials' (STS).
// The fake EC2 answers per region, as EC2 does: asking the wrong region would read as "missing".
import { strict as assert } from 'node:assert';
import type { ResourceResult } from '../../../src/model';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { startFakeSts, type FakeSts } from '../../fakes/sts';
import { FAKE_ACCOUNT, fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { tempDir, type TempDir } from './helpers';

const VPC = 'vpc-0a1b2c3d4e5f60001';
const VPC2 = 'vpc-0a1b2c3d4e5f60002';

/** A v4 state with one aws_vpc per (address, id), their ARNs in `region` of `account`. */
function state(vpcs: { module?: string; name: string; id: string; region: string; account?: string }[]): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'a3c1d2e4-0000-4000-8000-000000000001',
    outputs: {},
    resources: vpcs.map((v) => ({
      ...(v.module ? { module: v.module } : {}),
      mode: 'managed',
      type: 'aws_vpc',
      name: v.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 1, attributes: { id: v.id, cidr_block: '10.0.0.0/16', arn: `arn:aws:ec2:${v.region}:${v.account ?? FAKE_ACCOUNT}:vpc/${v.id}` }, sensitive_attributes: [] }],
    })),
  });
}

const VPC_BLOCK = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
const byAddress = (rs: ResourceResult[]) => Object.fromEntries(rs.map((r) => [r.address, r.reason ? `${r.status}: ${r.reason}` : r.status]));

describe('engine: AWS provider configuration as Terraform resolves it', function () {
  let ec2: FakeEc2;
  let restore: () => void = () => {};
  let ws: TempDir | undefined;
  let sts: FakeSts | undefined;

  beforeEach(async () => {
    // The VPCs live in eu-west-1 only; the environment's default region is us-east-1.
    ec2 = await startFakeEc2({ vpcs: [{ id: VPC, cidrBlock: '10.0.0.0/16', region: 'eu-west-1' }, { id: VPC2, cidrBlock: '10.0.0.0/16', region: 'eu-west-1' }] });
    restore = setAwsEnv(fakeCredentials(ec2.url));
  });
  afterEach(async () => {
    restore();
    await ec2.close();
    await sts?.close();
    sts = undefined;
    ws?.remove();
    ws = undefined;
  });

  const scan = (env: Record<string, string> = {}) =>
    scanWorkspace({ dir: ws!.dir, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })], variables: { env } }).then((o) => o.result);
  const regionsAsked = () => [...new Set(ec2.calls.map((c) => c.region))];

  const rootWithVariableRegion = (extra: Record<string, string> = {}) =>
    tempDir({
      'main.tf': `variable "region" {\n  type = string\n}\n\nprovider "aws" {\n  region = var.region\n}\n\n${VPC_BLOCK}`,
      'terraform.tfstate': state([{ name: 'main', id: VPC, region: 'eu-west-1' }]),
      ...extra,
    });

  it('a region from a variable without default, given by TF_VAR_region: found in that region', async () => {
    ws = rootWithVariableRegion();
    const result = await scan({ TF_VAR_region: 'eu-west-1' });
    assert.deepEqual(byAddress(result.resources), { 'aws_vpc.main': 'in-sync' });
    assert.deepEqual(regionsAsked(), ['eu-west-1']);
  });

  it('a region from a variable without default, given by terraform.tfvars: found in that region', async () => {
    ws = rootWithVariableRegion({ 'terraform.tfvars': 'region = "eu-west-1"\n' });
    const result = await scan();
    assert.deepEqual(byAddress(result.resources), { 'aws_vpc.main': 'in-sync' });
    assert.deepEqual(regionsAsked(), ['eu-west-1']);
  });

  it('a region nobody gives a value is unverified with the reason, never missing, and no region is asked', async () => {
    ws = rootWithVariableRegion();
    const result = await scan();
    const [vpc] = result.resources;
    assert.equal(vpc.status, 'unverified');
    assert.match(vpc.reason ?? '', /^region unknown: var\.region has no value .*TF_VAR_region.*--var/);
    assert.equal(result.summary.missing, 0);
    assert.equal(ec2.calls.length, 0);
  });

  it('a sensitive assume_role setting is never handed to the SDK: unverified with the reason, no call made', async () => {
    ws = tempDir({
      'main.tf': `variable "external_id" {\n  type      = string\n  sensitive = true\n  default   = "s3cr3t-ext"\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n  assume_role {\n    role_arn    = "arn:aws:iam::222222222222:role/reader"\n    external_id = var.external_id\n  }\n}\n\n${VPC_BLOCK}`,
      'terraform.tfstate': state([{ name: 'main', id: VPC, region: 'eu-west-1' }]),
    });
    const result = await scan();
    const [vpc] = result.resources;
    assert.equal(vpc.status, 'unverified');
    assert.match(vpc.reason ?? '', /^assume_role\.external_id unknown: its value is sensitive/);
    assert.doesNotMatch(JSON.stringify(result), /s3cr3t-ext/);
    assert.equal(ec2.calls.length, 0);
  });

  it('state says another account than the credentials: unverified with both accounts (one GetCallerIdentity)', async () => {
    ws = tempDir({
      'main.tf': `provider "aws" {\n  region = "eu-west-1"\n}\n\n${VPC_BLOCK}resource "aws_vpc" "other" {\n  cidr_block = "10.0.0.0/16"\n}\n`,
      'terraform.tfstate': state([{ name: 'main', id: VPC, region: 'eu-west-1', account: '111111111111' }, { name: 'other', id: VPC2, region: 'eu-west-1' }]),
    });
    sts = await startFakeSts({ AKIAFAKEFAKEFAKE0001: { account: FAKE_ACCOUNT, arn: `arn:aws:iam::${FAKE_ACCOUNT}:user/ci` } });
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
    const result = await scan();
    assert.deepEqual(byAddress(result.resources), {
      'aws_vpc.main': `unverified: state says account 111111111111, credentials are for ${FAKE_ACCOUNT}`,
      'aws_vpc.other': 'in-sync',
    });
    assert.deepEqual(sts.calls.map((c) => c.action), ['GetCallerIdentity']);
  });

  it('GetCallerIdentity failing is reported once, and the resources are still compared', async () => {
    ws = tempDir({
      'main.tf': `provider "aws" {\n  region = "eu-west-1"\n}\n\n${VPC_BLOCK}`,
      'terraform.tfstate': state([{ name: 'main', id: VPC, region: 'eu-west-1' }]),
    });
    sts = await startFakeSts({});
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
    const result = await scan();
    assert.deepEqual(byAddress(result.resources), { 'aws_vpc.main': 'in-sync' });
    const notes = result.errors.filter((e) => /GetCallerIdentity/.test(e.message));
    assert.equal(notes.length, 1);
    assert.equal(notes[0].kind, 'credentials');
  });

  it("a module's own provider block picks its region (evaluated with the module's inputs)", async () => {
    ws = tempDir({
      'main.tf': `provider "aws" {\n  region = "us-east-1"\n}\n\nmodule "net" {\n  source = "./modules/net"\n  region = "eu-west-1"\n}\n`,
      'modules/net/main.tf': `variable "region" {}\n\nprovider "aws" {\n  region = var.region\n}\n\n${VPC_BLOCK}`,
      'terraform.tfstate': state([{ module: 'module.net', name: 'main', id: VPC, region: 'eu-west-1' }]),
    });
    const result = await scan();
    assert.deepEqual(byAddress(result.resources), { 'module.net.aws_vpc.main': 'in-sync' });
    assert.deepEqual(regionsAsked(), ['eu-west-1']);
  });

  it('`providers = { aws = aws.west }` passes a configuration down, also one a module declares itself', async () => {
    ws = tempDir({
      'main.tf': `provider "aws" {\n  region = "us-east-1"\n}\n\nprovider "aws" {\n  alias  = "west"\n  region = "eu-west-1"\n}\n\nmodule "direct" {\n  source    = "./modules/vpc"\n  providers = { aws = aws.west }\n}\n\nmodule "outer" {\n  source = "./modules/outer"\n  region = "eu-west-1"\n}\n`,
      'modules/vpc/main.tf': VPC_BLOCK,
      'modules/outer/main.tf': `variable "region" {}\n\nprovider "aws" {\n  alias  = "eu"\n  region = var.region\n}\n\nmodule "inner" {\n  source    = "../vpc"\n  providers = { aws = aws.eu }\n}\n`,
      'terraform.tfstate': state([
        { module: 'module.direct', name: 'main', id: VPC, region: 'eu-west-1' },
        { module: 'module.outer.module.inner', name: 'main', id: VPC2, region: 'eu-west-1' },
      ]),
    });
    const result = await scan();
    assert.deepEqual(byAddress(result.resources), { 'module.direct.aws_vpc.main': 'in-sync', 'module.outer.module.inner.aws_vpc.main': 'in-sync' });
    assert.deepEqual(regionsAsked(), ['eu-west-1']);
  });
});
