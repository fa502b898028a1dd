// The unmanaged listing and `driftlens import`'s reads sign in as the fetch did: a provider block with
// assume_role lists the VPCs of the role's account with the role's credentials. With the base credentials
// the VPC IDs would match nothing in the other account, and "no unmanaged resources" would be a false answer.
import assert from 'node:assert/strict';
import type { Binding } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';
import { startFakeSts, type FakeSts } from '../../fakes/sts';
import { binding, FAKE_ACCESS_KEY, FAKE_ACCOUNT, fakeCredentials, fetchContext, resultFor, smallAccount, useFakeEc2 } from './awsTestEnv';

const WEB = 'i-0a1b2c3d4e5f60001';
const UNDECLARED = 'i-0a1b2c3d4e5f60002';
const OTHER = '222222222222';
const ROLE = `arn:aws:iam::${OTHER}:role/drift-reader`;

describe('AWS unmanaged listing and import reads as the assumed role', () => {
  const fakes = useFakeEc2();
  let sts: FakeSts | undefined;
  afterEach(async () => {
    await sts?.close();
    sts = undefined;
  });

  it('lists the managed VPC and reads an unmanaged instance for import with the assumed credentials only', async () => {
    const ec2 = await fakes.start(smallAccount());
    sts = await startFakeSts(
      { [FAKE_ACCESS_KEY]: { account: FAKE_ACCOUNT, arn: `arn:aws:iam::${FAKE_ACCOUNT}:user/ci`, secretAccessKey: 'fake-secret-key-for-tests' } },
      { [ROLE]: { trustedAccounts: [FAKE_ACCOUNT] } },
    );
    fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: sts.url });
    const web = binding('aws_instance', WEB, ['instance_type']);
    const b: Binding = { ...web, providerConfig: { ...web.providerConfig, settings: { assume_role: [{ role_arn: ROLE }] } }, stateAttributes: { arn: `arn:aws:ec2:us-east-1:${OTHER}:instance/${WEB}` } };
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });
    const ctx = fetchContext();
    assert.equal(resultFor(await provider.fetch([b], ctx), b).status, 'found');
    const listed = await provider.listUnmanaged!([WEB], ctx);
    assert.deepEqual(listed.errors, []);
    const undeclared = listed.unmanaged.find((u) => u.liveId === UNDECLARED);
    assert.ok(undeclared, JSON.stringify(listed.unmanaged));
    const reads = await provider.readUnmanaged!([undeclared], ctx);
    assert.equal(reads.get(undeclared)?.status, 'importable', JSON.stringify(reads.get(undeclared)));

    // Every EC2 call — fetch, listing and the import read — was signed as the role in OTHER; none with the base key.
    const accountOf = (key: string | undefined) => (key ? sts!.principals.get(key)?.account : undefined);
    assert.ok(ec2.calls.length > 4, 'fetch, listing and import read ran');
    assert.deepEqual([...new Set(ec2.calls.map((c) => accountOf(c.accessKeyId)))], [OTHER]);
    assert.ok(ec2.calls.every((c) => /^ASIA/.test(c.accessKeyId ?? '')));
    assert.ok(ec2.calls.some((c) => c.action === 'DescribeInstances' && c.params['InstanceId.1'] === UNDECLARED), 'the import read asked for the instance');
  });
});
