import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Log } from 'sarif';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { scanCommand } from '../../../src/cli/scanCommand';
import { applyConsoleDrift, FIXTURES, rangeOf, tempDir } from './helpers';

const REPO = resolve(__dirname, '..', '..', '..');
const FIXTURE = join(FIXTURES, 'ec2-basic');
const SCHEMA = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (TypeScript entry, as `node dist/cli.js` runs the bundle) in a child process; async, so the fake keeps answering. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli.ts'), ...args], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', AWS_CONFIG_FILE: '/nonexistent/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials', AWS_EC2_METADATA_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('driftlens scan (CLI, end to end against the fake EC2)', function () {
  this.timeout(60000);
  let fake: FakeEc2;

  beforeEach(async () => {
    fake = await startFakeEc2(JSON.parse(readFileSync(join(FIXTURE, 'seed.json'), 'utf8')));
  });
  afterEach(() => fake.close());

  it('prints the JSON contract with exactly the four console changes and exits 2', async () => {
    applyConsoleDrift(fake.state);
    const run = await cli(['scan', FIXTURE, '--format', 'json'], fakeCredentials(fake.url));
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(report), ['version', 'scannedAt', 'root', 'summary', 'resources', 'unmanaged', 'errors']);
    assert.equal(report.version, 1);
    assert.equal(report.root, FIXTURE);
    assert.ok(!Number.isNaN(Date.parse(report.scannedAt)));
    assert.deepEqual(report.summary, { resources: 8, inSync: 3, drifted: 3, missing: 1, unverified: 1, unmanaged: 0, verified: 7 });
    assert.deepEqual(report.unmanaged, []);
    for (const r of report.resources) {
      assert.deepEqual(Object.keys(r).filter((k) => k !== 'reason' && k !== 'severity'), ['address', 'type', 'provider', 'file', 'range', 'liveId', 'status', 'drifts']);
      assert.deepEqual(Object.keys(r.range.start), ['line', 'character'], 'ranges carry no offsets');
    }
    const by = Object.fromEntries(report.resources.map((r: { address: string }) => [r.address, r]));
    const instancesTf = readFileSync(join(FIXTURE, 'instances.tf'), 'utf8');
    const mainTf = readFileSync(join(FIXTURE, 'main.tf'), 'utf8');

    assert.equal(by['aws_instance.web[0]'].file, 'instances.tf');
    assert.equal(by['aws_instance.web[0]'].liveId, 'i-0a1b2c3d4e5f60001');
    assert.deepEqual(by['aws_instance.web[0]'].drifts, [
      { attribute: 'instance_type', expected: 't3.micro', actual: 't3.large', severity: 'warning', range: rangeOf(instancesTf, 'var.instance_type'), fixable: true },
    ]);
    assert.deepEqual(by['aws_instance.api'].drifts, [{ attribute: 'tags.Team', expected: 'platform', actual: 'data', severity: 'info', range: rangeOf(instancesTf, '"platform"'), fixable: true }]);
    assert.equal(by['aws_instance.worker'].status, 'missing');
    assert.deepEqual(by['aws_instance.worker'].drifts, []);
    const ingress = by['aws_security_group.web'].drifts;
    assert.equal(ingress.length, 1);
    assert.deepEqual([ingress[0].attribute, ingress[0].severity, ingress[0].fixable], ['ingress', 'error', false]);
    // Only a rule the code does not declare: on the resource header, never on a declared sibling block.
    assert.equal(ingress[0].range.start.line, rangeOf(mainTf, 'resource "aws_security_group" "web"').start.line);
    assert.equal(by['aws_s3_directory_bucket.logs'].status, 'unverified');
    assert.equal(by['aws_s3_directory_bucket.logs'].reason, 'unsupported type');
    for (const a of ['aws_instance.web[1]', 'aws_vpc.main', 'aws_subnet.a']) assert.equal(by[a].status, 'in-sync', a);
    assert.equal(by['aws_vpc.main'].file, 'main.tf');
    assert.deepEqual(by['aws_vpc.main'].range.start, rangeOf(mainTf, 'resource "aws_vpc" "main"').start);
  });

  it('exits 0 with a text table and summary when nothing drifted', async () => {
    const run = await cli(['scan', FIXTURE], fakeCredentials(fake.url));
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    // The report leads with what was not verified (the S3 bucket: no mapper), then the table.
    assert.equal(lines[0], 'not verified: 1 of 8 resources — unsupported type (1)');
    assert.match(lines[2], /^STATUS\s+RESOURCE\s+LIVE ID\s+LOCATION$/);
    assert.match(run.stdout, /^in sync\s+aws_instance\.web\[0\]\s+i-0a1b2c3d4e5f60001\s+instances\.tf:1$/m);
    assert.equal(lines[lines.length - 1], '8 resources, 7 verified: 7 in sync, 0 drifted, 0 missing, 1 unverified');
    assert.equal(run.stderr, '', 'no progress when stderr is not a terminal');
  });

  it('says in the text table where a value written elsewhere is, so a fix goes to the variable default', async () => {
    applyConsoleDrift(fake.state);
    const run = await cli(['scan', FIXTURE, '--format', 'text'], fakeCredentials(fake.url));
    assert.equal(run.code, 2, run.stderr);
    const variablesTf = readFileSync(join(FIXTURE, 'variables.tf'), 'utf8');
    const defaultLine = rangeOf(variablesTf, '"t3.micro"').start.line + 1;
    assert.match(run.stdout, new RegExp(`instance_type: code says "t3\\.micro", live is "t3\\.large"  \\(line \\d+; written at variables\\.tf:${defaultLine}\\)`));
    // A tag written in the block itself has no "written at": the squiggle and the fix are the same place.
    assert.match(run.stdout, /tags\.Team: code says "platform", live is "data" {2}\(line \d+\)$/m);
  });

  it('emits SARIF 2.1.0 that the official schema accepts, one result per finding at the value', async () => {
    applyConsoleDrift(fake.state);
    const run = await cli(['scan', FIXTURE, '--format', 'sarif'], fakeCredentials(fake.url));
    assert.equal(run.code, 2, run.stderr);
    const log: Log = JSON.parse(run.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(SCHEMA);
    assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors, null, 2));
    // The schema does reject what SARIF forbids (1-based lines), so the check above means something.
    const broken = structuredClone(log);
    broken.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0;
    assert.equal(validate(broken), false);
    const results = log.runs[0].results ?? [];
    assert.deepEqual(results.map((r) => `${r.ruleId}:${r.level}`).sort(), ['drift.changed:error', 'drift.changed:note', 'drift.changed:warning', 'drift.missing:error']);
    const type = results.find((r) => r.message.text?.includes('instance_type'))!;
    const instancesTf = readFileSync(join(FIXTURE, 'instances.tf'), 'utf8');
    const range = rangeOf(instancesTf, 'var.instance_type');
    assert.deepEqual(type.locations?.[0].physicalLocation, {
      artifactLocation: { uri: 'instances.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
    });
    const rules = log.runs[0].tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), ['drift.changed', 'drift.missing', 'drift.unverified']);
    assert.ok(rules.every((r) => r.helpUri?.startsWith('https://')));
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    const restore = setAwsEnv(fakeCredentials(fake.url));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), stderrIsTty: true, env: { ...process.env } };
      assert.equal(await scanCommand([FIXTURE, '--format', 'json'], io), 0);
      const clearLine = '\r\u001b[K';
      assert.ok(err.some((e) => e.startsWith(`${clearLine}fetch `) && e.includes('/7')), JSON.stringify(err));
      assert.equal(err[err.length - 1], clearLine, 'the progress line is cleared before the report');
      assert.equal(JSON.parse(out.join('')).summary.inSync, 7);
    } finally {
      restore();
    }
  });

  it('fails with an actionable message and exit 1 on bad input or no credentials', async () => {
    const missing = await cli(['scan', join(FIXTURE, 'nope')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /folder .*nope does not exist/);
    const format = await cli(['scan', FIXTURE, '--format', 'xml']);
    assert.equal(format.code, 1);
    assert.match(format.stderr, /unknown format "xml"; use text, json or sarif/);
    const ws = tempDir({}, 'ec2-basic');
    try {
      ws.write('terraform.tfstate', '{"version": 3}');
      const oldState = await cli(['scan', ws.dir, '--format', 'json'], fakeCredentials(fake.url));
      assert.equal(oldState.code, 1);
      assert.match(oldState.stderr, /^error: .*terraform\.tfstate: .*format version 3; DriftLens reads state format version 4/m);
      assert.equal(JSON.parse(oldState.stdout).summary.unverified, 8);
    } finally {
      ws.remove();
    }
    const noCreds = await cli(['scan', FIXTURE], { AWS_ENDPOINT_URL_EC2: fake.url, AWS_REGION: 'us-east-1' });
    assert.equal(noCreds.code, 1);
    assert.match(noCreds.stderr, /no AWS credentials found: set AWS_PROFILE or run `aws sso login`/);
    assert.equal(fake.calls.length, 0);
  });
});
