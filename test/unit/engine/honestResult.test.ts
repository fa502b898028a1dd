// Issue 11, "An honest result": a scan that verified nothing is an error that says why, never a clean
// table with exit 0. End to end through the CLI against the fake EC2 (EC2 Query API over HTTP).
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Log } from 'sarif';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials } from '../aws/awsTestEnv';
import { applyConsoleDrift, FIXTURES, tempDir, type TempDir } from './helpers';
import { REPO, runCli } from './cliRun';

const FIXTURE = join(FIXTURES, 'ec2-basic');
const UNPARSEABLE = join(REPO, 'test', 'fixtures', 'honest-result', 'unparseable');
const SCHEMA = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));

interface JsonError {
  kind: string;
  message: string;
  file?: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const errorsOf = (stdout: string): JsonError[] => JSON.parse(stdout).errors;

/** A loopback port nothing listens on: connections are refused at once. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

/** ec2-basic without its S3 directory bucket (a type no mapper reads): every resource can be verified. */
function fullyVerifiable(): TempDir {
  const ws = tempDir({}, 'ec2-basic');
  const instances = readFileSync(join(ws.dir, 'instances.tf'), 'utf8');
  const without = instances.replace(/resource "aws_s3_directory_bucket" "logs" \{[^}]*\}\n?/, '');
  assert.notEqual(without, instances, 'the fixture declares the bucket this helper removes');
  ws.write('instances.tf', without);
  return ws;
}

describe('an honest result (issue 11): what could not be verified leads, and exit codes say it', function () {
  this.timeout(60000);
  let fake: FakeEc2;
  const temps: TempDir[] = [];

  beforeEach(async () => {
    fake = await startFakeEc2(JSON.parse(readFileSync(join(FIXTURE, 'seed.json'), 'utf8')));
  });
  afterEach(async () => {
    await fake.close();
    for (const t of temps.splice(0)) t.remove();
  });

  it('no AWS credentials: exit 1, the text leads with "not verified … no credentials (7)", one credentials error', async () => {
    const env = { AWS_ENDPOINT_URL_EC2: fake.url, AWS_REGION: 'us-east-1' };
    const text = await runCli(['scan', FIXTURE], env);
    assert.equal(text.code, 1, text.stderr);
    const lines = text.stdout.split('\n');
    assert.equal(lines[0], 'not verified: 8 of 8 resources — no credentials (7), unsupported type (1)');
    assert.match(lines[1], /^error: aws \(region us-east-1\): no AWS credentials found: set AWS_PROFILE or run `aws sso login` \(7 resource instances not verified\)$/);
    assert.match(text.stdout, /^STATUS\s+RESOURCE/m, 'the table follows');
    assert.equal(text.stdout.match(/^ +no credentials \(see above\)$/gm)?.length, 7, 'rows name the reason the error above spells out');
    assert.match(text.stdout, /^8 resources, 0 verified: 0 in sync, 0 drifted, 0 missing, 8 unverified$/m);
    // One line on stderr that says nothing was verified, and why.
    const said = text.stderr.trim().split('\n');
    assert.equal(said.length, 1, text.stderr);
    assert.match(said[0], /^driftlens scan: nothing could be verified: no credentials \(7 of 8\): no AWS credentials found: set AWS_PROFILE/);

    const json = await runCli(['scan', FIXTURE, '--format', 'json'], env);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout);
    assert.equal(report.summary.verified, 0);
    assert.equal(report.summary.unverified, 8);
    const credentials = report.errors.filter((e: JsonError) => e.kind === 'credentials');
    assert.equal(credentials.length, 1, 'once per provider and region, not once per resource');
    assert.deepEqual(Object.keys(credentials[0]), ['kind', 'message']);
    assert.equal(fake.calls.length, 0, 'no call goes out without credentials');
  });

  it('an endpoint that refuses connections: exit 1, one provider error that names it', async () => {
    const run = await runCli(['scan', FIXTURE, '--format', 'json'], fakeCredentials(await refusedUrl()));
    assert.equal(run.code, 1, run.stderr);
    const errors = errorsOf(run.stdout);
    assert.deepEqual(errors.map((e) => e.kind), ['provider']);
    assert.match(errors[0].message, /^aws \(region us-east-1\): cannot reach the EC2 endpoint \(ECONNREFUSED\).*\(7 resource instances not verified\)$/);
    assert.match(run.stderr, /^driftlens scan: nothing could be verified: endpoint unreachable \(7 of 8\)/m);
  });

  it('no state and no IDs to derive: exit 1, one state error for the root (not one per resource)', async () => {
    const bare = tempDir();
    temps.push(bare);
    for (const name of ['main.tf', 'instances.tf', 'variables.tf', 'terraform.tfvars']) bare.write(name, readFileSync(join(FIXTURE, name), 'utf8'));
    const run = await runCli(['scan', bare.dir, '--format', 'json'], fakeCredentials(fake.url));
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.summary.verified, 0);
    assert.deepEqual(report.errors, [{ kind: 'state', message: `not in state: no terraform.tfstate in ${bare.dir} (8 resource instances without a cloud ID)` }]);
    assert.match(run.stderr, /nothing could be verified: not in state: no terraform\.tfstate in .* \(8 of 8\)/);
    assert.equal(fake.calls.length, 0);
  });

  it('every file unparseable: exit 1 with the syntax errors at their ranges', async () => {
    const run = await runCli(['scan', UNPARSEABLE, '--format', 'json'], fakeCredentials(fake.url));
    assert.equal(run.code, 1, run.stderr);
    const errors = errorsOf(run.stdout);
    const syntax = errors.filter((e) => e.kind === 'syntax');
    assert.deepEqual([...new Set(syntax.map((e) => e.file))].sort(), ['main.tf', 'network.tf.json', 'subnet.tf']);
    const conflict = syntax.find((e) => e.file === 'main.tf' && e.message.includes('"<<"'));
    assert.deepEqual(conflict?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    const json = syntax.find((e) => e.file === 'network.tf.json');
    assert.deepEqual(json?.range?.start, { line: 0, character: 16 });
    assert.match(run.stderr, /nothing could be verified: .*; \d+ syntax errors in 3 files \(first: main\.tf:1: /);

    const text = await runCli(['scan', UNPARSEABLE], fakeCredentials(fake.url));
    assert.equal(text.code, 1);
    assert.match(text.stdout.split('\n')[0], /^not verified: 1 of 1 resource — not in state \(1\)$/);
    assert.match(text.stdout, /^warning: main\.tf:1:1: Expected an attribute or block definition, found "<<"\.$/m);
  });

  it('a folder that declares nothing: exit 1, never a clean result', async () => {
    const empty = tempDir({ 'README.md': '# nothing here\n' });
    temps.push(empty);
    const run = await runCli(['scan', empty.dir], fakeCredentials(fake.url));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^driftlens scan: nothing could be verified: no resources found under /m);
  });

  it('a broken state file: one state error, not one per resource, and exit 1', async () => {
    const ws = tempDir({}, 'ec2-basic');
    temps.push(ws);
    ws.write('terraform.tfstate', '{"version": 4, "resources": [');
    const run = await runCli(['scan', ws.dir, '--format', 'json'], fakeCredentials(fake.url));
    assert.equal(run.code, 1, run.stderr);
    const errors = errorsOf(run.stdout);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errors[0].kind, 'state');
    assert.equal(errors[0].file, 'terraform.tfstate');
    assert.match(errors[0].message, /is not valid JSON/);
    const text = await runCli(['scan', ws.dir], fakeCredentials(fake.url));
    assert.match(text.stdout.split('\n')[0], /^not verified: 8 of 8 resources — state unreadable \(8\)$/);
    assert.equal(text.stdout.match(/^error: /gm)?.length, 1, 'the state error is printed once');
    assert.equal(text.stdout.match(/is not valid JSON/g)?.length, 1, 'rows name the reason instead of repeating it');
    assert.equal(text.stdout.match(/^ +state unreadable \(see above\)$/gm)?.length, 8);
  });

  it('a --terraform path that does not exist: one config error for the root', async () => {
    const ws = tempDir({}, 'ec2-basic');
    temps.push(ws);
    rmSync(join(ws.dir, 'terraform.tfstate'));
    ws.write('backend.tf', 'terraform {\n  backend "s3" {}\n}\n');
    const run = await runCli(['scan', ws.dir, '--format', 'json', '--terraform', '/nonexistent/terraform'], fakeCredentials(fake.url));
    assert.equal(run.code, 1, run.stderr);
    const errors = errorsOf(run.stdout);
    assert.deepEqual(errors.map((e) => e.kind), ['config']);
    assert.match(errors[0].message, /^remote state unavailable: terraform not found at \/nonexistent\/terraform \(needed for the state of /);
  });

  it('a selected workspace the folder does not have: one config error, not "no terraform.tfstate"', async () => {
    const ws = tempDir({}, 'ec2-basic');
    temps.push(ws);
    const run = await runCli(['scan', ws.dir, '--format', 'json'], { ...fakeCredentials(fake.url), TF_WORKSPACE: 'staging' });
    assert.equal(run.code, 1, run.stderr);
    const errors = errorsOf(run.stdout);
    assert.deepEqual(errors.map((e) => e.kind), ['config']);
    assert.match(errors[0].message, /^unknown workspace "staging" \(from TF_WORKSPACE\): no terraform\.tfstate\.d\/staging\/terraform\.tfstate in /);
  });

  it('--fail-on-unverified: one unverified resource (no reader for S3 directory buckets) makes exit 1; without it the scan is clean', async () => {
    const lenient = await runCli(['scan', FIXTURE], fakeCredentials(fake.url));
    assert.equal(lenient.code, 0, lenient.stderr);
    const strict = await runCli(['scan', FIXTURE, '--fail-on-unverified'], fakeCredentials(fake.url));
    assert.equal(strict.code, 1, strict.stderr);
    assert.match(strict.stdout, /^8 resources, 7 verified: 7 in sync, 0 drifted, 0 missing, 1 unverified$/m, 'the report is still printed');
    assert.equal(strict.stderr, 'driftlens scan: 1 of 8 resources not verified (--fail-on-unverified): unsupported type (1)\n');
    // Unverified beats drift, as an error beats changes in `terraform plan -detailed-exitcode`.
    applyConsoleDrift(fake.state);
    assert.equal((await runCli(['scan', FIXTURE, '--fail-on-unverified'], fakeCredentials(fake.url))).code, 1);
  });

  it('a clean, fully verified scan exits 0 (also under --fail-on-unverified) and says how many were verified', async () => {
    const ws = fullyVerifiable();
    temps.push(ws);
    const run = await runCli(['scan', ws.dir, '--format', 'json', '--fail-on-unverified'], fakeCredentials(fake.url));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.summary, { resources: 7, inSync: 7, drifted: 0, missing: 0, unverified: 0, unmanaged: 0, verified: 7 });
    assert.deepEqual(report.errors, []);
    const text = await runCli(['scan', ws.dir], fakeCredentials(fake.url));
    assert.equal(text.code, 0);
    assert.match(text.stdout.split('\n')[0], /^STATUS\s+RESOURCE/, 'nothing to lead with: the table comes first');
  });

  it('drift exits 2; missing counts as drift and has the same severity in JSON and SARIF', async () => {
    const ws = fullyVerifiable();
    temps.push(ws);
    fake.state.terminateInstance('i-0a1b2c3d4e5f60004');
    const json = await runCli(['scan', ws.dir, '--format', 'json'], fakeCredentials(fake.url));
    assert.equal(json.code, 2, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.deepEqual([report.summary.missing, report.summary.drifted, report.summary.verified], [1, 0, 7]);
    const missing = report.resources.find((r: { address: string }) => r.address === 'aws_instance.worker');
    assert.equal(missing.status, 'missing');
    assert.equal(missing.severity, 'error');
    assert.ok(report.resources.filter((r: { status: string }) => r.status !== 'missing').every((r: object) => !('severity' in r)));
    const sarif = await runCli(['scan', ws.dir, '--format', 'sarif'], fakeCredentials(fake.url));
    assert.equal(sarif.code, 2);
    const log: Log = JSON.parse(sarif.stdout);
    const result = log.runs[0].results?.find((r) => r.ruleId === 'drift.missing');
    assert.equal(result?.level, missing.severity);
    assert.equal(log.runs[0].tool.driver.rules?.find((r) => r.id === 'drift.missing')?.defaultConfiguration?.level, missing.severity);
    assert.equal(log.runs[0].invocations?.[0].executionSuccessful, true);
  });

  it('SARIF: errors as toolExecutionNotifications (level, kind, location), a failed execution when nothing was verified, valid 2.1.0', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(SCHEMA);

    const noCreds = await runCli(['scan', FIXTURE, '--format', 'sarif'], { AWS_ENDPOINT_URL_EC2: fake.url, AWS_REGION: 'us-east-1' });
    assert.equal(noCreds.code, 1);
    const log: Log = JSON.parse(noCreds.stdout);
    assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors, null, 2));
    const invocation = log.runs[0].invocations![0];
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications?.map((n) => [n.level, n.properties?.kind]), [['error', 'credentials']]);
    assert.match(invocation.toolExecutionNotifications![0].message.text ?? '', /no AWS credentials found/);

    const broken = await runCli(['scan', UNPARSEABLE, '--format', 'sarif'], fakeCredentials(fake.url));
    const brokenLog: Log = JSON.parse(broken.stdout);
    assert.ok(validate(structuredClone(brokenLog)), JSON.stringify(validate.errors, null, 2));
    assert.equal(brokenLog.runs[0].invocations![0].executionSuccessful, false);
    const conflict = brokenLog.runs[0].invocations![0].toolExecutionNotifications!.find((n) => n.message.text?.includes('"<<"'));
    assert.equal(conflict?.properties?.kind, 'syntax');
    assert.deepEqual(conflict?.locations?.[0].physicalLocation, {
      artifactLocation: { uri: 'main.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 3 },
    });
  });
});
