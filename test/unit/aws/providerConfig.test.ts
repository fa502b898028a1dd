// Where the provider looks for credentials, region and endpoint: the SDK's own chain and
// variables, a named profile, the provider block's region, then the CLI's --region.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchProgress } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';
import { createProviders } from '../../../src/providers/provider';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { binding, fakeCredentials, fetchContext, quietLogger, resultFor, setAwsEnv, smallAccount } from './awsTestEnv';

const WEB = 'i-0a1b2c3d4e5f60001';

describe('AWS provider configuration', () => {
  let fake: FakeEc2;
  let restore: () => void = () => {};
  let dir: string;
  beforeEach(async () => {
    fake = await startFakeEc2(smallAccount());
    dir = mkdtempSync(join(tmpdir(), 'driftlens-aws-'));
  });
  afterEach(async () => {
    restore();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a named profile from the shared files gives credentials and region; AWS_ENDPOINT_URL is honoured', async () => {
    writeFileSync(join(dir, 'config'), '[profile dev]\nregion = eu-central-1\n');
    writeFileSync(join(dir, 'credentials'), '[dev]\naws_access_key_id = AKIADEVPROFILE000001\naws_secret_access_key = dev-secret\n');
    restore = setAwsEnv({ AWS_ENDPOINT_URL: fake.url, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
    const inst = binding('aws_instance', WEB, ['instance_type']);
    const results = await createAwsProvider({ credentialsAllowed: true, profile: 'dev' }).fetch([inst], fetchContext());
    assert.equal(resultFor(results, inst).status, 'found');
    assert.deepEqual(fake.calls.map((c) => [c.region, c.accessKeyId]), [['eu-central-1', 'AKIADEVPROFILE000001']]);
  });

  it('the provider block profile and region win over the options', async () => {
    writeFileSync(join(dir, 'credentials'), '[ops]\naws_access_key_id = AKIAOPSPROFILE000001\naws_secret_access_key = ops-secret\n');
    restore = setAwsEnv({ ...fakeCredentials(fake.url), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
    const inBlock = { ...binding('aws_instance', WEB, ['ami']), providerConfig: { provider: 'aws', alias: 'ops', region: 'eu-west-2', profile: 'ops', settings: {} } };
    const plain = binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block']);
    const results = await createAwsProvider({ credentialsAllowed: true, region: 'ap-southeast-2' }).fetch([inBlock, plain], fetchContext());
    assert.equal(resultFor(results, inBlock).status, 'found');
    assert.equal(resultFor(results, plain).status, 'found');
    assert.deepEqual(fake.calls.map((c) => `${c.action} ${c.region} ${c.accessKeyId}`).sort(), [
      'DescribeInstances eu-west-2 AKIAOPSPROFILE000001',
      'DescribeVpcs ap-southeast-2 AKIAFAKEFAKEFAKE0001',
    ]);
  });

  it('reports progress per group up to the total, and createProviders wires the AWS provider', async () => {
    restore = setAwsEnv(fakeCredentials(fake.url));
    const [aws] = createProviders({ credentialsAllowed: true, aws: { maxAttempts: 2 } });
    assert.equal(aws.name, 'aws');
    const seen: FetchProgress[] = [];
    const bs = [binding('aws_instance', WEB, ['ami']), binding('aws_subnet', 'subnet-0a1b2c3d4e5f60001', ['cidr_block']), binding('aws_s3_directory_bucket', 'b', ['bucket'])];
    await aws.fetch(bs, { signal: new AbortController().signal, logger: quietLogger, progress: (p) => seen.push(p) });
    assert.equal(seen.length, 2);
    assert.deepEqual(seen.map((p) => p.total), [3, 3]);
    assert.equal(seen[seen.length - 1].done, 3);
  });
});
