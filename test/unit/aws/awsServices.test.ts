// The S3, IAM, SSM and Cloud Control readers against their fakes (real SDKs): the error rules (NotFound
// of the resource → missing, a sub-configuration's NotFound → as the provider's read function, AccessDenied
// → unverified naming the IAM action), SSM batching without decryption, and policy documents compared as IAM does.
import assert from 'node:assert/strict';
import type { Binding, LiveResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { isReadOnly, normalizePolicy, policySeverity } from '../../../src/providers/aws/services';
import { startFakeS3 } from '../../fakes/s3';
import { startFakeSsm } from '../../fakes/ssm';
import { startFakeIam } from '../../fakes/iam';
import { binding, fetchContext, FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const provider = () => createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 });

function env(values: Record<string, string>): () => void {
  return setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1', ...values });
}

async function fetchOne(b: Binding): Promise<LiveResult> {
  return (await provider().fetch([b], fetchContext())).get(b)!;
}

describe('AWS services: S3, IAM, SSM readers (issue 12 items 3–4)', () => {
  let restore: (() => void) | undefined;
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    restore?.();
    restore = undefined;
    await Promise.all(closers.splice(0).map((c) => c()));
  });

  it('a bucket that does not exist is missing; a split resource whose configuration is gone is missing as its read function drops it; tags absent are {}', async () => {
    const s3 = await startFakeS3({ kept: { region: 'us-east-1' } });
    closers.push(s3.close);
    restore = env({ AWS_ENDPOINT_URL_S3: s3.url });
    assert.equal((await fetchOne(binding('aws_s3_bucket', 'gone', ['bucket']))).status, 'not-found');
    const pab = await fetchOne(binding('aws_s3_bucket_public_access_block', 'kept', ['block_public_acls']));
    assert.deepEqual([pab.status, pab.status === 'not-found' && /NoSuchPublicAccessBlockConfiguration/.test(pab.reason ?? '')], ['not-found', true]);
    const bucket = await fetchOne(binding('aws_s3_bucket', 'kept', ['tags']));
    assert.deepEqual(bucket.status === 'found' && bucket.attributes.tags, {});
  });

  it('a bucket in another region is followed there (x-amz-bucket-region) and read, never missing', async () => {
    const s3 = await startFakeS3({ eu: { region: 'eu-west-1', versioning: 'Suspended' } });
    closers.push(s3.close);
    restore = env({ AWS_ENDPOINT_URL_S3: s3.url });
    const r = await fetchOne(binding('aws_s3_bucket_versioning', 'eu', ['versioning_configuration']));
    assert.deepEqual(r.status === 'found' && r.attributes.versioning_configuration, [{ status: 'Suspended' }]);
    const bucket = await fetchOne(binding('aws_s3_bucket', 'eu', ['tags']));
    assert.deepEqual(bucket.status === 'found' && bucket.attributes.tags, {});
    assert.ok(s3.calls.some((c) => c.region === 'eu-west-1'));
  });

  it('AccessDenied is unverified naming the IAM action (s3:GetEncryptionConfiguration), never missing or drift', async () => {
    const s3 = await startFakeS3({ b: { deny: ['encryption'] } });
    closers.push(s3.close);
    restore = env({ AWS_ENDPOINT_URL_S3: s3.url });
    const r = await fetchOne(binding('aws_s3_bucket_server_side_encryption_configuration', 'b', ['rule']));
    assert.deepEqual(r, { status: 'error', kind: 'access-denied', reason: 'access denied: the credentials lack s3:GetEncryptionConfiguration', action: 's3:GetEncryptionConfiguration' });
  });

  it('SSM: GetParameters in batches of 10 without decryption, absent names missing, a SecureString value never read in clear', async () => {
    const seed = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`/p/${i}`, { type: 'String' as const, value: `v${i}` }]));
    const ssm = await startFakeSsm({ ...seed, '/secret': { type: 'SecureString', value: 'hunter2', version: 3 } });
    closers.push(ssm.close);
    restore = env({ AWS_ENDPOINT_URL_SSM: ssm.url });
    const bs = [...Object.keys(seed), '/secret', '/absent'].map((n) => binding('aws_ssm_parameter', n, ['value', 'type']));
    const secret = bs[23];
    secret.stateAttributes = { version: '2' };
    const results = await provider().fetch(bs, fetchContext());
    assert.equal(ssm.calls.filter((c) => c.operation === 'GetParameters').length, 3);
    assert.ok(ssm.calls.every((c) => c.input.WithDecryption !== true));
    assert.equal(results.get(bs[24])!.status, 'not-found');
    const r0 = results.get(bs[0])!;
    assert.equal(r0.status === 'found' && r0.attributes.value, 'v0');
    const s = results.get(secret)!;
    assert.ok(s.status === 'found' && !JSON.stringify(s).includes('hunter2'));
    // State says version 2, live is 3: changed outside Terraform.
    assert.equal(s.status === 'found' && s.attributes.value, 'changed outside Terraform');
  });

  it('IAM: a deleted role is missing; documents arrive URL-decoded', async () => {
    const iam = await startFakeIam({ roles: { r: { assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}' } } });
    closers.push(iam.close);
    restore = env({ AWS_ENDPOINT_URL_IAM: iam.url });
    const r = await fetchOne(binding('aws_iam_role', 'r', ['assume_role_policy']));
    assert.equal(r.status === 'found' && r.attributes.assume_role_policy, '{"Version":"2012-10-17","Statement":[]}');
    assert.equal((await fetchOne(binding('aws_iam_role', 'nobody', ['name']))).status, 'not-found');
  });

  it('policy documents compare as IAM does; a policy widened to * is an error', () => {
    const a = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*'], Principal: { AWS: '123456789012' } }, { Effect: 'Deny', Action: ['s3:*'], Resource: '*' }] });
    const b = JSON.stringify({ Statement: [{ Resource: '*', Action: 's3:*', Effect: 'Deny' }, { Principal: { AWS: ['arn:aws:iam::123456789012:root'] }, Resource: 'arn:aws:s3:::b/*', Action: ['s3:GetObject'], Effect: 'Allow' }], Version: '2012-10-17' });
    assert.equal(normalizePolicy(a), normalizePolicy(b));
    assert.equal(normalizePolicy(encodeURIComponent(a)), normalizePolicy(a));
    assert.notEqual(normalizePolicy(a), normalizePolicy(a.replace('2012-10-17', '2008-10-17')));
    assert.equal(policySeverity(a, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })), 'error');
    assert.equal(policySeverity(a, b.replace('s3:GetObject', 's3:GetObjectVersion')), 'warning');
  });

  it('only read calls can be sent: writes and decryption are refused before any request', () => {
    for (const op of ['GetBucketPolicy', 'ListAttachedRolePolicies', 'DescribeParameters', 'HeadBucket', 'GetResource']) assert.ok(isReadOnly(op, {}), op);
    for (const op of ['PutBucketPolicy', 'DeleteBucket', 'AttachRolePolicy', 'PutParameter', 'UpdateResource', 'CreateResource']) assert.ok(!isReadOnly(op, {}), op);
    assert.ok(!isReadOnly('GetParameters', { WithDecryption: true }));
  });
});

describe('AWS services: endpoints from workspace code are not followed', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('a provider block sending S3 or KMS to an emulator leaves those resources unverified with the fix, and asks nothing', async () => {
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1' });
    const bucket = binding('aws_s3_bucket', 'b', ['bucket']);
    const key = binding('aws_kms_key', 'k', ['tags']);
    for (const b of [bucket, key]) b.providerConfig.settings = { endpoints: [{ s3: 'http://localhost:4566', kms: 'http://localhost:4566' }] };
    const results = await createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch([bucket, key], fetchContext());
    assert.match((results.get(bucket) as { reason: string }).reason, /set AWS_ENDPOINT_URL_S3=http:\/\/localhost:4566/);
    assert.match((results.get(key) as { reason: string }).reason, /sends kms calls to http:\/\/localhost:4566.*AWS_ENDPOINT_URL_CLOUDCONTROL/);
  });
});

describe('AWS services: Cloud Control (existence + tags)', () => {
  let restore: (() => void) | undefined;
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    restore?.();
    await Promise.all(closers.splice(0).map((c) => c()));
  });

  it('reads tags and one-to-one properties; the rest of the block is "existence and tags only"; numbers CloudFormation sends as strings are numbers', async () => {
    const { startFakeCloudControl, ccKey } = await import('../../fakes/cloudcontrol');
    const cc = await startFakeCloudControl({ [ccKey('AWS::AutoScaling::AutoScalingGroup', 'workers')]: { AutoScalingGroupName: 'workers', MinSize: '1', MaxSize: '3', Tags: [{ Key: 'Team', Value: 'a', PropagateAtLaunch: true }] } });
    closers.push(cc.close);
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_CLOUDCONTROL: cc.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1' });
    const r = await fetchOne(binding('aws_autoscaling_group', 'workers', ['min_size', 'max_size', 'tags', 'launch_template']));
    assert.deepEqual(r, {
      status: 'found',
      attributes: { min_size: 1, max_size: 3, tags: { Team: 'a' } },
      unreadable: { launch_template: 'existence and tags only (aws_autoscaling_group is read through Cloud Control AWS::AutoScaling::AutoScalingGroup)' },
    });
    assert.equal((await fetchOne(binding('aws_autoscaling_group', 'gone', ['tags']))).status, 'not-found');
  });
});
