// Issue 11, "Must show" on AWS: a platform root written like terraform-aws-modules (a local VPC module
// called twice, once through `providers = { aws = aws.west }`; an instance module under for_each with
// count inside; the region only in terraform.tfvars; default_tags; partial nested blocks; inline rules;
// ignore_changes on one tag; state whose ARNs carry account and region), served by the fake EC2 and
// STS, scanned by the real CLI. Console drift: every change found with its severity and nothing else;
// no credentials or another account's credentials verify nothing, say why, and never say "missing".
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { startFakeSts } from '../../fakes/sts';
import { fakeCredentials, FAKE_ACCOUNT } from '../aws/awsTestEnv';
import { REPO, runCli } from '../engine/cliRun';

const WS = join(REPO, 'test', 'fixtures', 'acceptance', 'aws');
const SG = 'sg-0a1b2c3d4e5f6a001';
const API0 = 'i-0a1b2c3d4e5f6a001';
const API1 = 'i-0a1b2c3d4e5f6a002';
const WORKER = 'i-0a1b2c3d4e5f6a003';
const DR_VPC = 'vpc-0a1b2c3d4e5f6b001';

interface Drift { attribute: string; expected: unknown; actual: unknown; severity: string }
interface Resource { address: string; status: string; provider: string; reason?: string; severity?: string; drifts: Drift[] }

/** What a console user did. */
function applyConsoleDrift(fake: FakeEc2): void {
  fake.state.setInstanceType(API1, 't3.large');
  fake.state.updateVolume('vol-0a1b2c3d4e5f6a002', { size: 40 });
  fake.state.setTag(API0, 'Owner', 'someone-else');
  // IMDSv1 allowed again.
  fake.state.updateInstance(API0, { httpTokens: 'optional' });
  // SSH opened to the world on the rule the code writes inline.
  fake.state.addIngressRule(SG, { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] });
  // A default tag of the aliased provider, in the other region.
  fake.state.setTag(DR_VPC, 'Project', 'other');
  fake.state.terminateInstance(WORKER);
}

/** Changes the code does not care about: ignored, undeclared sub-attributes, AWS-reserved tags. */
function applyChangesNobodyDeclared(fake: FakeEc2): void {
  fake.state.setTag(API0, 'LastDeployedBy', 'jenkins-4711');
  fake.state.setTag(API1, 'LastDeployedBy', undefined);
  // The root volume's type and IOPS and the metadata hop limit: the code writes only volume_size and http_tokens.
  fake.state.updateVolume('vol-0a1b2c3d4e5f6a001', { type: 'io1', iops: 5000 });
  fake.state.updateInstance(API1, { metadata: { httpPutResponseHopLimit: 1 } });
  fake.state.setTag(API1, 'aws:cloudformation:stack-name', 'legacy');
}

const driftsByAddress = (resources: Resource[]) =>
  Object.fromEntries(resources.filter((r) => r.status !== 'in-sync').map((r) => [r.address, r.status === 'missing' ? [r.status, r.reason, r.severity] : r.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity])]));

describe('issue 11 must-show, AWS: a terraform-aws-modules style platform through the CLI', function () {
  this.timeout(120000);
  let fake: FakeEc2;
  beforeEach(async () => {
    fake = await startFakeEc2(JSON.parse(readFileSync(join(WS, 'seed.json'), 'utf8')));
  });
  afterEach(() => fake.close());

  it('untouched: all 9 instances verified in sync in both regions (AWS_REGION and TF_VAR_region lose to terraform.tfvars), nothing unmanaged, exit 0', async () => {
    // terraform.tfvars beats TF_VAR_region; the provider block beats AWS_REGION.
    const run = await runCli(['scan', WS, '--format', 'json'], { ...fakeCredentials(fake.url), TF_VAR_region: 'us-east-1' });
    assert.equal(run.code, 0, run.stderr + run.stdout.slice(0, 3000));
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.summary, { resources: 9, inSync: 9, drifted: 0, missing: 0, unverified: 0, unmanaged: 0, verified: 9 });
    assert.deepEqual(report.errors, []);
    const providers = Object.fromEntries((report.resources as Resource[]).map((r) => [r.address, r.provider]));
    assert.equal(providers['module.vpc_dr.aws_vpc.this'], 'aws.west');
    assert.equal(providers['module.service["api"].aws_instance.this[1]'], 'aws');
    // Each region asked for its own resources only.
    const regions = new Set(fake.calls.map((c) => c.region));
    assert.deepEqual([...regions].sort(), ['eu-central-1', 'eu-west-1']);
    assert.ok(fake.calls.every((c) => c.action.startsWith('Describe')), 'read-only');
  });

  it('console drift: every change found once with its severity, nothing else, exit 2', async () => {
    applyConsoleDrift(fake);
    applyChangesNobodyDeclared(fake);
    const run = await runCli(['scan', WS, '--format', 'json'], fakeCredentials(fake.url));
    assert.equal(run.code, 2, run.stderr);
    const report = JSON.parse(run.stdout);
    const ssh = (source: string, description: string) => ({ protocol: 'tcp', fromPort: 22, toPort: 22, source, description });
    const https = (source: string) => ({ protocol: 'tcp', fromPort: 443, toPort: 443, source, description: 'HTTPS from the load balancer subnets' });
    const declaredRules = [https('cidr:10.0.1.0/24'), https('cidr:10.0.2.0/24'), ssh('cidr:10.0.0.0/8', 'SSH from the corporate network')];
    assert.deepEqual(driftsByAddress(report.resources), {
      'aws_security_group.app': [['ingress', declaredRules, [...declaredRules, ssh('cidr:0.0.0.0/0', '')], 'error']],
      'module.vpc_dr.aws_vpc.this': [['tags.Project', 'acme', 'other', 'info']],
      'module.service["api"].aws_instance.this[0]': [
        ['tags.Owner', 'platform', 'someone-else', 'info'],
        ['metadata_options.http_tokens', 'required', 'optional', 'error'],
      ],
      'module.service["api"].aws_instance.this[1]': [
        ['instance_type', 't3.micro', 't3.large', 'warning'],
        ['root_block_device.volume_size', 20, 40, 'warning'],
      ],
      'module.service["worker"].aws_instance.this[0]': ['missing', 'terminated', 'error'],
    });
    assert.deepEqual(report.summary, { resources: 9, inSync: 4, drifted: 4, missing: 1, unverified: 0, unmanaged: 0, verified: 9 });
    assert.deepEqual(report.unmanaged, []);
    assert.deepEqual(report.errors, []);
  });

  it('no credentials: exit 1, one error per provider configuration and region (text, JSON, SARIF), nothing missing', async () => {
    fake.state.terminateInstance(WORKER);
    const env = { AWS_ENDPOINT_URL_EC2: fake.url, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' };
    const text = await runCli(['scan', WS], env);
    assert.equal(text.code, 1, text.stdout);
    const lines = text.stdout.split('\n');
    assert.equal(lines[0], 'not verified: 9 of 9 resources — no credentials (9)');
    assert.match(lines[1], /^error: aws \(region eu-central-1\): no AWS credentials found.*\(7 resource instances not verified\)$/);
    assert.match(lines[2], /^error: aws\.west \(region eu-west-1\): no AWS credentials found.*\(2 resource instances not verified\)$/);
    assert.doesNotMatch(text.stdout, /^missing/im);
    assert.match(text.stderr, /^driftlens scan: nothing could be verified: no credentials \(9 of 9\)/);

    const json = JSON.parse((await runCli(['scan', WS, '--format', 'json'], env)).stdout);
    assert.deepEqual([json.summary.verified, json.summary.missing, json.summary.unverified], [0, 0, 9]);
    assert.deepEqual(json.errors.map((e: { kind: string }) => e.kind), ['credentials', 'credentials']);

    const sarif = await runCli(['scan', WS, '--format', 'sarif'], env);
    assert.equal(sarif.code, 1);
    const log: Log = JSON.parse(sarif.stdout);
    const invocation = log.runs[0].invocations![0];
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications!.map((n) => [n.level, n.properties?.kind, /^aws(\.west)? \(region eu-(central|west)-1\)/.test(n.message.text ?? '')]), [
      ['error', 'credentials', true],
      ['error', 'credentials', true],
    ]);
    assert.deepEqual(log.runs[0].results, [], 'no result for what was not seen');
    assert.equal(fake.calls.length, 0, 'no call goes out without credentials');
  });

  it("another account's credentials: every resource unverified naming both accounts, never missing, EC2 not asked, exit 1", async () => {
    fake.state.terminateInstance(WORKER);
    const other = await startFakeSts({ AKIAOTHERACCOUNT0001: { account: '222222222222', arn: 'arn:aws:iam::222222222222:user/ci', secretAccessKey: 'other-secret' } });
    try {
      const env = { AWS_ENDPOINT_URL_EC2: fake.url, AWS_ENDPOINT_URL_STS: other.url, AWS_ACCESS_KEY_ID: 'AKIAOTHERACCOUNT0001', AWS_SECRET_ACCESS_KEY: 'other-secret', AWS_REGION: 'us-east-1' };
      const run = await runCli(['scan', WS, '--format', 'json'], env);
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.deepEqual([report.summary.verified, report.summary.missing, report.summary.unverified], [0, 0, 9]);
      for (const r of report.resources as Resource[]) assert.match(r.reason ?? '', new RegExp(`state says account ${FAKE_ACCOUNT}, credentials are for 222222222222`), r.address);
      assert.equal(report.errors.length, 2, 'once per provider configuration and region');
      assert.equal(fake.calls.length, 0, 'nothing is looked up in the wrong account');
      assert.equal(other.calls.filter((c) => c.action === 'GetCallerIdentity').length, 1, 'one identity, asked once');
      const text = await runCli(['scan', WS], env);
      assert.match(text.stdout.split('\n')[0], /^not verified: 9 of 9 resources — other account or region \(9\)$/);
    } finally {
      await other.close();
    }
  });
});
