// IAM user policies, login profiles, the account password policy and alias (issue 12, long tail) against the
// IAM fake with the real SDK: found, missing as the provider's read functions say, access denied naming the action.
import assert from 'node:assert/strict';
import type { Binding, LiveResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeIam, type FakeIam } from '../../fakes/iam';
import { binding, fetchContext, FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

describe('IAM user and account resources (issue 12, long tail)', () => {
  let iam: FakeIam;
  let restore: () => void;
  const fetchOne = async (b: Binding): Promise<LiveResult> => (await createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch([b], fetchContext())).get(b)!;
  beforeEach(async () => {
    iam = await startFakeIam({ userPolicies: { ci: { deploy: DOC } }, loginProfiles: ['alice'], passwordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true }, aliases: ['acme-prod'] });
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_IAM: iam.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1' });
  });
  afterEach(async () => {
    restore();
    await iam.close();
  });

  it('user policy: the document URL-decoded by ID user:name; missing when deleted', async () => {
    const r = await fetchOne(binding('aws_iam_user_policy', 'ci:deploy', ['policy']));
    assert.deepEqual(r.status === 'found' && JSON.parse(String(r.attributes.policy)), JSON.parse(DOC));
    assert.equal((await fetchOne(binding('aws_iam_user_policy', 'ci:gone', ['policy']))).status, 'not-found');
  });

  it('login profile: existence only, the password never read; missing when removed in the console', async () => {
    assert.deepEqual(await fetchOne(binding('aws_iam_user_login_profile', 'alice', ['user', 'pgp_key'])), { status: 'found', attributes: { user: 'alice' }, unreadable: { pgp_key: 'only known when the profile is created' } });
    assert.equal((await fetchOne(binding('aws_iam_user_login_profile', 'bob', ['user']))).status, 'not-found');
  });

  it('password policy: absent fields are 0/false as the read function sets them; none at all is missing', async () => {
    const r = await fetchOne(binding('aws_iam_account_password_policy', 'iam-account-password-policy', ['minimum_password_length']));
    assert.deepEqual(r.status === 'found' && [r.attributes.minimum_password_length, r.attributes.require_symbols, r.attributes.require_numbers, r.attributes.max_password_age], [14, true, false, 0]);
    iam.seed.passwordPolicy = {};
    assert.equal((await fetchOne(binding('aws_iam_account_password_policy', 'iam-account-password-policy', ['minimum_password_length']))).status, 'not-found');
  });

  it('account alias: found while listed, missing when none; access denied names the action', async () => {
    assert.deepEqual(await fetchOne(binding('aws_iam_account_alias', 'acme-prod', ['account_alias'])), { status: 'found', attributes: { account_alias: 'acme-prod' } });
    iam.seed.aliases = [];
    assert.equal((await fetchOne(binding('aws_iam_account_alias', 'acme-prod', ['account_alias']))).status, 'not-found');
    iam.deny.add('GetLoginProfile');
    const denied = await fetchOne(binding('aws_iam_user_login_profile', 'alice', ['user']));
    assert.deepEqual([denied.status, denied.status === 'error' && denied.action], ['error', 'iam:GetLoginProfile']);
  });
});

describe('IAM access keys, SSH keys and group membership (issue 12, long tail)', () => {
  let iam: FakeIam;
  let restore: () => void;
  const fetchOne = async (b: Binding): Promise<LiveResult> => (await createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch([b], fetchContext())).get(b)!;
  const withState = (b: Binding, s: Record<string, string>): Binding => ({ ...b, stateAttributes: s });
  beforeEach(async () => {
    iam = await startFakeIam({ users: { ci: { accessKeys: { AKIAFAKEKEY000000001: 'Inactive' }, sshKeys: { APKAFAKE01: 'Active' } }, alice: {} }, groups: { devs: { members: ['alice', 'ci'] } } });
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_IAM: iam.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1' });
  });
  afterEach(async () => {
    restore();
    await iam.close();
  });

  it('access key: its status read from the user\'s list (deactivated in the console shows); deleted is missing without printing the key ID', async () => {
    assert.deepEqual(await fetchOne(withState(binding('aws_iam_access_key', 'AKIAFAKEKEY000000001', ['status']), { user: 'ci' })), { status: 'found', attributes: { user: 'ci', status: 'Inactive' } });
    const gone = await fetchOne(withState(binding('aws_iam_access_key', 'AKIAFAKEKEY000000002', ['status']), { user: 'ci' }));
    assert.equal(gone.status, 'not-found');
    assert.ok(!JSON.stringify(gone).includes('AKIA'));
  });

  it('SSH key: read with the state\'s encoding; missing when deleted', async () => {
    assert.deepEqual(await fetchOne(withState(binding('aws_iam_user_ssh_key', 'APKAFAKE01', ['status']), { username: 'ci', encoding: 'SSH' })), { status: 'found', attributes: { username: 'ci', encoding: 'SSH', status: 'Active' } });
    assert.equal((await fetchOne(withState(binding('aws_iam_user_ssh_key', 'APKAFAKE02', ['status']), { username: 'ci', encoding: 'SSH' }))).status, 'not-found');
  });

  it('group membership: the group\'s users as a set; a deleted group is missing', async () => {
    assert.deepEqual(await fetchOne(withState(binding('aws_iam_group_membership', 'devs-members', ['users']), { group: 'devs' })), { status: 'found', attributes: { group: 'devs', users: ['alice', 'ci'] } });
    assert.equal((await fetchOne(withState(binding('aws_iam_group_membership', 'ops-members', ['users']), { group: 'ops' }))).status, 'not-found');
  });
});
