// Failures are never drift and never missing: 403, throttling, 500s, network, credentials
// and cancellation, through the real SDK against the fake EC2.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';
import { Ec2Error, type FakeEc2 } from '../../fakes/ec2';
import { binding, fakeCredentials, fetchContext, foundAttributes, resultFor, smallAccount, useFakeEc2 } from './awsTestEnv';

const WEB = 'i-0a1b2c3d4e5f60001';
const DB = 'i-0a1b2c3d4e5f60002';

describe('AWS provider errors (real SDK against the fake EC2)', () => {
  const fakes = useFakeEc2();
  let fake: FakeEc2;
  beforeEach(async () => {
    fake = await fakes.start(smallAccount());
  });
  const provider = (maxAttempts = 2) => createAwsProvider({ credentialsAllowed: true, maxAttempts });

  it('403 UnauthorizedOperation → access-denied naming the action, never not-found; other types still answered', async () => {
    fake.faults.deny('DescribeInstances');
    const inst = binding('aws_instance', WEB, ['instance_type']);
    const vpc = binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block']);
    const results = await provider().fetch([inst, vpc], fetchContext());
    assert.deepEqual(resultFor(results, inst), { status: 'error', kind: 'access-denied', reason: 'access denied: the credentials lack ec2:DescribeInstances', action: 'ec2:DescribeInstances' });
    assert.equal(resultFor(results, vpc).status, 'found');
    assert.equal(fake.calls.filter((c) => c.action === 'DescribeInstances').length, 1, 'a 403 is not retried');
  });

  it('403 on an attribute call makes only that attribute unreadable, naming the action; the rest of the instance is read', async () => {
    fake.faults.deny('DescribeInstanceAttribute');
    const declares = binding('aws_instance', WEB, ['disable_api_termination', 'instance_type']);
    const plain = binding('aws_instance', DB, ['instance_type']);
    const results = await provider().fetch([declares, plain], fetchContext());
    const r = resultFor(results, declares);
    assert.equal(r.status, 'found');
    assert.deepEqual(r.status === 'found' && r.unreadable?.disable_api_termination, 'access denied: the credentials lack ec2:DescribeInstanceAttribute');
    assert.equal(foundAttributes(results, declares).instance_type, 't3.micro');
    assert.equal('disable_api_termination' in foundAttributes(results, declares), false);
    assert.equal(foundAttributes(results, plain).instance_type, 't3.small');
  });

  it('throttling, then success → the right answer after the SDK retries', async () => {
    fake.faults.throttle('DescribeInstances', 2);
    const inst = binding('aws_instance', WEB, ['instance_type']);
    const results = await provider(4).fetch([inst], fetchContext());
    assert.equal(foundAttributes(results, inst).instance_type, 't3.micro');
    assert.equal(fake.calls.filter((c) => c.action === 'DescribeInstances').length, 3);
  });

  it('throttling beyond the retries → throttled', async () => {
    fake.faults.throttle('DescribeSubnets', Infinity);
    const s = binding('aws_subnet', 'subnet-0a1b2c3d4e5f60001', ['cidr_block']);
    const r = resultFor(await provider(2).fetch([s], fetchContext()), s);
    assert.equal(r.status, 'error');
    assert.equal(r.status === 'error' && r.kind, 'throttled');
    assert.match(r.status === 'error' ? r.reason : '', /RequestLimitExceeded.*2 attempts/);
  });

  it('500s until the retries run out → an error with the code, never not-found', async () => {
    fake.faults.serverError('DescribeInstances');
    const inst = binding('aws_instance', WEB, ['instance_type']);
    const r = resultFor(await provider(2).fetch([inst], fetchContext()), inst);
    assert.equal(r.status, 'error');
    assert.equal(r.status === 'error' && r.kind, 'other');
    assert.match(r.status === 'error' ? r.reason : '', /HTTP 500.*InternalError/);
    assert.equal(fake.calls.length, 2);
  });

  it('an unexpected client error is reported with its code', async () => {
    fake.faults.error('DescribeVpcs', 1, () => new Ec2Error('InvalidParameterValue', 'something odd'));
    const v = binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block']);
    const r = resultFor(await provider().fetch([v], fetchContext()), v);
    assert.deepEqual(r, { status: 'error', kind: 'other', reason: 'DescribeVpcs failed with HTTP 400: InvalidParameterValue: something odd' });
  });

  it('AuthFailure (bad keys) → a credentials error a person can act on', async () => {
    fake.faults.error('*', Infinity, () => new Ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401));
    const inst = binding('aws_instance', WEB, ['ami']);
    const r = resultFor(await provider().fetch([inst], fetchContext()), inst);
    assert.equal(r.status === 'error' && r.kind, 'credentials');
    assert.match(r.status === 'error' ? r.reason : '', /AuthFailure.*aws sso login/);
  });

  it('no credentials anywhere → "no AWS credentials found", and nothing is sent', async () => {
    fakes.setEnv({ AWS_ENDPOINT_URL_EC2: fake.url, AWS_REGION: 'us-east-1' });
    const inst = binding('aws_instance', WEB, ['ami']);
    const r = resultFor(await provider().fetch([inst], fetchContext()), inst);
    assert.deepEqual(r, { status: 'error', kind: 'credentials', reason: 'no AWS credentials found: set AWS_PROFILE or run `aws sso login`' });
    assert.equal(fake.calls.length, 0);
  });

  it('an untrusted workspace uses no credentials and does not even load the SDK', async () => {
    let loaded = 0;
    const p = createAwsProvider({ credentialsAllowed: false, loadSdk: async () => { loaded++; return import('@aws-sdk/client-ec2'); } });
    const inst = binding('aws_instance', WEB, ['ami']);
    const r = resultFor(await p.fetch([inst], fetchContext()), inst);
    assert.deepEqual(r, { status: 'error', kind: 'credentials', reason: 'untrusted workspace: no credentials used' });
    assert.equal(loaded, 0);
    assert.equal(fake.calls.length, 0);
  });

  it('an endpoint nobody listens on → network error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    fakes.setEnv(fakeCredentials(`http://127.0.0.1:${port}`));
    const inst = binding('aws_instance', WEB, ['ami']);
    const r = resultFor(await provider(1).fetch([inst], fetchContext()), inst);
    assert.equal(r.status === 'error' && r.kind, 'network');
    assert.match(r.status === 'error' ? r.reason : '', /ECONNREFUSED/);
  });

  it('an unreachable endpoint under load prints no listener-leak warning (each call in flight listens on the scan signal)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    fakes.setEnv(fakeCredentials(`http://127.0.0.1:${port}`));
    const warnings: string[] = [];
    const onWarning = (w: Error) => void warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      // As the CLI asks: five attempts, calls of several types and many batches in flight at once.
      const bindings = Array.from({ length: 2000 }, (_, i) => binding(['aws_instance', 'aws_subnet', 'aws_security_group', 'aws_vpc'][i % 4], `id-${String(i).padStart(17, '0')}`, []));
      const results = await createAwsProvider({ credentialsAllowed: true, maxAttempts: 5 }).fetch(bindings, fetchContext());
      assert.ok(bindings.every((b) => results.get(b)?.status === 'error'));
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')), []);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('cancellation: aborting while a call is in flight answers "cancelled" and sends nothing more', async () => {
    const gate = fake.faults.hold('DescribeInstances');
    const controller = new AbortController();
    const bs = [binding('aws_instance', WEB, ['ami']), binding('aws_security_group', 'sg-0a1b2c3d4e5f60001', ['name'])];
    // Concurrency 1: the security-group call waits behind the held one.
    const pending = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2, concurrency: 1 }).fetch(bs, fetchContext(controller.signal));
    await gate.reached;
    controller.abort();
    const results = await pending;
    for (const b of bs) assert.deepEqual(resultFor(results, b), { status: 'error', kind: 'cancelled', reason: 'cancelled' });
    gate.release();
    assert.deepEqual(fake.calls.map((c) => c.action), ['DescribeInstances']);
  });

  it('an already-aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const inst = binding('aws_instance', WEB, ['ami']);
    const r = resultFor(await provider().fetch([inst], fetchContext(controller.signal)), inst);
    assert.equal(r.status === 'error' && r.kind, 'cancelled');
    assert.equal(fake.calls.length, 0);
  });
});
