// Issue 15: a call the server accepts and never answers ends as "no answer within N s", never a hung
// scan. The timeouts come from one place (src/providers/aws/httpHandler.ts); `--timeout` and
// DRIFTLENS_TIMEOUT set them. End to end through the CLI in a child process against the fake EC2.
import { strict as assert } from 'node:assert';
import { awsRequestHandler, awsTimeouts, DEFAULT_AWS_TIMEOUTS, timeoutReason } from '../../../src/providers/aws/httpHandler';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { startFakeSts, type FakeSts } from '../../fakes/sts';
import { runCli } from '../engine/cliRun';
import { ACCOUNT, seed, writeWorkspace } from './ec2Workspace';

describe('AWS request timeouts (issue 15)', function () {
  this.timeout(120_000);

  it('every client gets a connection, request and idle timeout, and the request timeout throws', () => {
    assert.deepEqual(awsRequestHandler(awsTimeouts(undefined, {})), { connectionTimeout: 5000, requestTimeout: 30000, throwOnRequestTimeout: true, socketTimeout: 30000 });
    assert.deepEqual(awsTimeouts(undefined, {}), DEFAULT_AWS_TIMEOUTS);
  });

  it('--timeout wins over DRIFTLENS_TIMEOUT, which wins over the default; nonsense is ignored', () => {
    assert.equal(awsTimeouts(7, { DRIFTLENS_TIMEOUT: '12' }).requestTimeoutMs, 7000);
    assert.equal(awsTimeouts(undefined, { DRIFTLENS_TIMEOUT: '12' }).requestTimeoutMs, 12000);
    assert.equal(awsTimeouts(undefined, { DRIFTLENS_TIMEOUT: 'soon' }).requestTimeoutMs, 30000);
    assert.equal(awsTimeouts(0.5, {}).connectionTimeoutMs, 500, 'connecting may never take longer than the whole request');
  });

  it('reads the handler\'s own timeout messages and nothing else', () => {
    assert.equal(timeoutReason(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 30000 ms requestTimeout.')), 'no answer from EC2 within 30 s (request timeout; raise it with --timeout or DRIFTLENS_TIMEOUT)');
    assert.match(timeoutReason(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.')) ?? '', /^could not connect to EC2 within 5 s \(connection timeout\)/);
    assert.equal(timeoutReason(new Error('read ECONNRESET')), undefined);
  });

  describe('the CLI against an EC2 that accepts DescribeInstances and never answers', () => {
    let ec2: FakeEc2;
    let sts: FakeSts;
    const ws = writeWorkspace();
    const env = () => ({
      AWS_ENDPOINT_URL_EC2: ec2.url,
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0001',
      AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests',
      AWS_REGION: 'us-east-1',
    });
    before(async () => {
      ec2 = await startFakeEc2(seed());
      sts = await startFakeSts({ AKIAFAKEFAKEFAKE0001: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/faults`, secretAccessKey: 'fake-secret-key-for-tests' } });
      ec2.faults.wire('DescribeInstances', 'hang');
    });
    after(async () => {
      await ec2.close();
      await sts.close();
      ws.remove();
    });

    it('--timeout 1: the scan ends, the instances are unverified with the reason, everything else verified, exit 1 with a provider error', async () => {
      const started = Date.now();
      const run = await runCli(['scan', ws.dir, '--format', 'json', '--timeout', '1'], env());
      const seconds = (Date.now() - started) / 1000;
      assert.equal(run.code, 1, run.stderr);
      assert.ok(seconds < 90, `took ${seconds} s`);
      const report = JSON.parse(run.stdout);
      const byAddress = new Map<string, { status: string; reason?: string }>(report.resources.map((r: { address: string }) => [r.address, r]));
      for (const a of ['aws_instance.web[0]', 'aws_instance.web[1]', 'aws_instance.eu']) {
        assert.equal(byAddress.get(a)?.status, 'unverified', a);
        assert.match(byAddress.get(a)?.reason ?? '', /^DescribeInstances: no answer from EC2 within 1 s \(request timeout; raise it with --timeout or DRIFTLENS_TIMEOUT\)/);
      }
      for (const a of ['aws_vpc.main', 'aws_subnet.a', 'aws_security_group.web', 'aws_vpc.eu', 'aws_subnet.eu']) assert.equal(byAddress.get(a)?.status, 'in-sync', a);
      assert.equal(report.summary.drifted + report.summary.missing, 0);
      const timeouts = report.errors.filter((e: { message: string }) => /no answer from EC2 within 1 s/.test(e.message));
      assert.deepEqual(timeouts.map((e: { kind: string }) => e.kind), ['provider', 'provider'], 'once per provider configuration (us-east-1 and aws.eu)');
    });

    it('DRIFTLENS_TIMEOUT does the same without the flag', async () => {
      const run = await runCli(['scan', ws.dir, '--format', 'json'], { ...env(), DRIFTLENS_TIMEOUT: '1' });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /no answer from EC2 within 1 s/);
    });

    it('a --timeout that is not a positive number is refused in one line', async () => {
      const run = await runCli(['scan', ws.dir, '--timeout', 'soon'], env());
      assert.equal(run.code, 1);
      assert.equal(run.stderr.trim(), 'driftlens scan: --timeout takes a number of seconds greater than 0, got "soon"');
    });
  });
});
