// aws_s3_object through HeadObject against the S3 fake (real SDK): found with its content type and ETag
// unquoted as the provider stores it, missing on 404, and a 403 (no s3:ListBucket) never missing.
import assert from 'node:assert/strict';
import type { Binding, LiveResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeS3, type FakeS3 } from '../../fakes/s3';
import { binding, fetchContext, FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

describe('S3 objects through HeadObject (issue 12, long tail)', () => {
  let s3: FakeS3;
  let restore: () => void;
  const fetchOne = async (b: Binding): Promise<LiveResult> => (await createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch([b], fetchContext())).get(b)!;
  const object = (key: string, attrs: string[], bucket = 'site'): Binding => ({ ...binding('aws_s3_object', key, attrs), stateAttributes: { bucket, key } });
  beforeEach(async () => {
    s3 = await startFakeS3({ site: { objects: { 'index.html': { contentType: 'text/html', etag: 'abc123' } } } });
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_S3: s3.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1' });
  });
  afterEach(async () => {
    restore();
    await s3.close();
  });

  it('found: content type and the ETag without quotes; other attributes unverified', async () => {
    assert.deepEqual(await fetchOne(object('index.html', ['content_type', 'etag', 'source'])), {
      status: 'found',
      attributes: { content_type: 'text/html', etag: 'abc123' },
      unreadable: { source: "existence and tags only (the object's body and metadata beyond its content type are not read)" },
    });
    assert.ok(s3.calls.every((c) => c.method === 'HEAD'));
  });

  it('missing when the key or the bucket is gone', async () => {
    assert.equal((await fetchOne(object('old.html', ['content_type']))).status, 'not-found');
    assert.equal((await fetchOne(object('index.html', ['content_type'], 'gone-bucket'))).status, 'not-found');
  });

  it('a 403 for a missing key (the caller lacks s3:ListBucket) is unverified, never missing', async () => {
    s3.buckets.get('site')!.deny = ['listBucket'];
    const r = await fetchOne(object('old.html', ['content_type']));
    assert.equal(r.status, 'error');
  });
});
