// aws_iam_group_policy_attachment / aws_iam_user_policy_attachment in depth against the IAM fake (real SDK):
// found while the principal lists the policy, missing when it is detached or the principal is gone (as the
// provider's read functions drop it), access denied naming the action, an admin policy an error.
import assert from 'node:assert/strict';
import type { Binding, LiveResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { serviceTypeFor } from '../../../src/providers/aws/services/serviceTypes';
import { startFakeIam, type FakeIam } from '../../fakes/iam';
import { binding, fetchContext, FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const READ = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const attachment = (type: string, principal: 'group' | 'user', name: string, arn: string): Binding =>
  ({ ...binding(type, `${name}-20240101000000000000000001`, ['policy_arn', principal]), stateAttributes: { [principal]: name, policy_arn: arn } });

describe('IAM group and user policy attachments (issue 12, long tail)', () => {
  let iam: FakeIam;
  let restore: () => void;
  const fetchOne = async (b: Binding): Promise<LiveResult> => (await createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch([b], fetchContext())).get(b)!;
  beforeEach(async () => {
    iam = await startFakeIam({ groups: { devs: { attached: [READ] } }, users: { ci: { attached: [READ, ADMIN] } } });
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_IAM: iam.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1' });
  });
  afterEach(async () => {
    restore();
    await iam.close();
  });

  it('found while attached; missing when detached or the principal is gone', async () => {
    assert.deepEqual(await fetchOne(attachment('aws_iam_group_policy_attachment', 'group', 'devs', READ)), { status: 'found', attributes: { group: 'devs', policy_arn: READ } });
    assert.equal((await fetchOne(attachment('aws_iam_user_policy_attachment', 'user', 'ci', ADMIN))).status, 'found');
    const detached = await fetchOne(attachment('aws_iam_group_policy_attachment', 'group', 'devs', ADMIN));
    assert.deepEqual([detached.status, detached.status === 'not-found' && detached.reason], ['not-found', `${ADMIN} is no longer attached to group devs`]);
    assert.equal((await fetchOne(attachment('aws_iam_user_policy_attachment', 'user', 'gone', READ))).status, 'not-found');
  });

  it('without state or code naming the principal it is unverified, never missing', async () => {
    const r = await fetchOne(binding('aws_iam_group_policy_attachment', 'devs-20240101000000000000000001', ['policy_arn']));
    assert.deepEqual([r.status, r.status === 'error' && r.kind], ['error', 'other']);
  });

  it('access denied names the action', async () => {
    iam.deny.add('ListAttachedUserPolicies');
    const r = await fetchOne(attachment('aws_iam_user_policy_attachment', 'user', 'ci', READ));
    assert.deepEqual([r.status, r.status === 'error' && r.kind, r.status === 'error' && r.action], ['error', 'access-denied', 'iam:ListAttachedUserPolicies']);
  });

  it('an admin policy attached is an error', () => {
    const sev = serviceTypeFor('aws_iam_user_policy_attachment')!.schema!().attributes.policy_arn.severity;
    assert.ok(typeof sev === 'function');
    assert.equal(sev(READ, ADMIN), 'error');
    assert.equal(sev(ADMIN, READ), 'warning');
  });
});
