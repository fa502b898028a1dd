// Who the AWS provider asks and where: assume_role through the SDK's own credential providers
// (AssumeRole served by the fake STS), the account and region in state cross-checked with
// GetCallerIdentity and the region called, the block's account guards. "Not found" from the
// wrong account or region is never "missing".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Binding, ProviderConfig } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';
import { startFakeSts, type FakeSts } from '../../fakes/sts';
import { binding, FAKE_ACCESS_KEY, FAKE_ACCOUNT, fakeCredentials, fetchContext, resultFor, smallAccount, useFakeEc2 } from './awsTestEnv';

const WEB = 'i-0a1b2c3d4e5f60001';
const OTHER = '222222222222';
const ROLE = `arn:aws:iam::${OTHER}:role/drift-reader`;

const withConfig = (b: Binding, config: Partial<ProviderConfig>, stateAttributes?: Record<string, string>): Binding => ({
  ...b,
  providerConfig: { provider: 'aws', settings: {}, ...config },
  ...(stateAttributes ? { stateAttributes } : {}),
});
const instanceArn = (account: string, region = 'us-east-1') => ({ arn: `arn:aws:ec2:${region}:${account}:instance/${WEB}` });

describe('AWS provider: identity, assumed roles and placement cross-checks', () => {
  const fakes = useFakeEc2();
  let sts: FakeSts | undefined;
  afterEach(async () => {
    await sts?.close();
    sts = undefined;
  });

  /** A fake STS where the test key belongs to FAKE_ACCOUNT and may assume ROLE (external ID "drift-ext") in OTHER. */
  const startSts = async () => {
    sts = await startFakeSts(
      { [FAKE_ACCESS_KEY]: { account: FAKE_ACCOUNT, arn: `arn:aws:iam::${FAKE_ACCOUNT}:user/ci`, secretAccessKey: 'fake-secret-key-for-tests' } },
      { [ROLE]: { trustedAccounts: [FAKE_ACCOUNT], externalId: 'drift-ext' } },
    );
    return sts;
  };
  const provider = () => createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });

  it('assume_role goes through the SDK against STS; the EC2 calls are signed with the assumed credentials', async () => {
    const ec2 = await fakes.start(smallAccount());
    const s = await startSts();
    fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: s.url });
    const b = withConfig(binding('aws_instance', WEB, ['instance_type']), {
      settings: { assume_role: [{ role_arn: ROLE, session_name: 'driftlens', external_id: 'drift-ext' }] },
    }, instanceArn(OTHER));
    const results = await provider().fetch([b], fetchContext());
    assert.equal(resultFor(results, b).status, 'found');
    const assumes = s.calls.filter((c) => c.action === 'AssumeRole');
    assert.equal(assumes.length, 1);
    assert.equal(assumes[0].accessKeyId, FAKE_ACCESS_KEY);
    assert.deepEqual([assumes[0].params.RoleArn, assumes[0].params.RoleSessionName, assumes[0].params.ExternalId], [ROLE, 'driftlens', 'drift-ext']);
    const assumedKey = [...s.principals].find(([, p]) => p.account === OTHER)?.[0];
    assert.match(assumedKey ?? '', /^ASIA/);
    assert.deepEqual(ec2.calls.map((c) => c.accessKeyId), [assumedKey]);
    // The identity check ran as the role too: state's account (OTHER) matched, so the instance was asked for.
    assert.deepEqual(s.calls.filter((c) => c.action === 'GetCallerIdentity').map((c) => c.accessKeyId), [assumedKey]);
  });

  it('a named profile is the source of the first role, and several assume_role blocks chain in order', async () => {
    const ec2 = await fakes.start(smallAccount());
    const s = await startSts();
    const third = 'arn:aws:iam::333333333333:role/audit';
    s.roles.set(third, { trustedAccounts: [OTHER] });
    s.principals.set('AKIAOPSPROFILE000001', { account: FAKE_ACCOUNT, arn: `arn:aws:iam::${FAKE_ACCOUNT}:user/ops`, secretAccessKey: 'ops-secret' });
    const dir = mkdtempSync(join(tmpdir(), 'driftlens-sts-'));
    try {
      writeFileSync(join(dir, 'credentials'), '[ops]\naws_access_key_id = AKIAOPSPROFILE000001\naws_secret_access_key = ops-secret\n');
      fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: s.url, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
      const b = withConfig(binding('aws_instance', WEB, ['instance_type']), {
        profile: 'ops',
        settings: { profile: 'ops', assume_role: [{ role_arn: ROLE, session_name: 'first', external_id: 'drift-ext' }, { role_arn: third, session_name: 'second' }] },
      });
      const results = await provider().fetch([b], fetchContext());
      assert.equal(resultFor(results, b).status, 'found');
      const keyOf = (account: string) => [...s.principals].find(([k, p]) => p.account === account && k.startsWith('ASIA'))?.[0];
      assert.deepEqual(
        s.calls.filter((c) => c.action === 'AssumeRole').map((c) => [c.params.RoleArn, c.accessKeyId]),
        [[ROLE, 'AKIAOPSPROFILE000001'], [third, keyOf(OTHER)]],
      );
      assert.deepEqual(ec2.calls.map((c) => c.accessKeyId), [keyOf('333333333333')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a role the trust policy refuses makes the resource unverified with the role and the reason, never missing', async () => {
    const ec2 = await fakes.start(smallAccount());
    const s = await startSts();
    fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: s.url });
    const b = withConfig(binding('aws_instance', WEB, ['instance_type']), { settings: { assume_role: [{ role_arn: ROLE, external_id: 'wrong' }] } });
    const r = resultFor(await provider().fetch([b], fetchContext()), b);
    assert.equal(r.status, 'error');
    assert.equal(r.status === 'error' && r.kind, 'credentials');
    assert.match(r.status === 'error' ? r.reason : '', /cannot assume role arn:aws:iam::222222222222:role\/drift-reader \(AccessDenied/);
    assert.doesNotMatch(r.status === 'error' ? r.reason : '', /wrong/);
    assert.equal(ec2.calls.length, 0);
  });

  it("state's account differs from the credentials' account: unverified with both accounts, and EC2 is not asked", async () => {
    const ec2 = await fakes.start(smallAccount());
    const s = await startSts();
    fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: s.url });
    const elsewhere = withConfig(binding('aws_instance', WEB, ['instance_type']), {}, instanceArn('111111111111'));
    const owned = withConfig(binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block']), {}, { owner_id: FAKE_ACCOUNT });
    const gone = withConfig(binding('aws_subnet', 'subnet-0a1b2c3d4e5f69999', ['cidr_block']), {}, { owner_id: '111111111111' });
    const results = await provider().fetch([elsewhere, owned, gone], fetchContext());
    assert.deepEqual(resultFor(results, elsewhere), { status: 'error', kind: 'other', reason: `state says account 111111111111, credentials are for ${FAKE_ACCOUNT}` });
    assert.equal(resultFor(results, owned).status, 'found');
    // Its ID does not exist in this account, but it lives in another: unverified, never missing.
    assert.equal(resultFor(results, gone).status, 'error');
    assert.deepEqual(ec2.calls.map((c) => c.action), ['DescribeVpcs']);
    assert.equal(s.calls.filter((c) => c.action === 'GetCallerIdentity').length, 1, 'one GetCallerIdentity per identity, whatever the types');
  });

  it("state's region differs from the region called: unverified with both regions", async () => {
    const ec2 = await fakes.start(smallAccount());
    const b = withConfig(binding('aws_instance', WEB, ['instance_type']), { region: 'us-east-1' }, instanceArn(FAKE_ACCOUNT, 'eu-west-1'));
    const r = resultFor(await provider().fetch([b], fetchContext()), b);
    assert.deepEqual(r, { status: 'error', kind: 'other', reason: 'state says region eu-west-1, the provider configuration resolves to us-east-1' });
    assert.equal(ec2.calls.length, 0);
  });

  it('allowed_account_ids / forbidden_account_ids violated: unverified with the reason', async () => {
    const ec2 = await fakes.start(smallAccount());
    const s = await startSts();
    fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: s.url });
    const notAllowed = withConfig(binding('aws_instance', WEB, ['instance_type']), { alias: 'a', settings: { allowed_account_ids: ['111111111111'] } });
    const forbidden = withConfig(binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block']), { alias: 'f', settings: { forbidden_account_ids: [FAKE_ACCOUNT] } });
    const allowed = withConfig(binding('aws_subnet', 'subnet-0a1b2c3d4e5f60001', ['cidr_block']), { alias: 'ok', settings: { allowed_account_ids: [FAKE_ACCOUNT] } });
    const results = await provider().fetch([notAllowed, forbidden, allowed], fetchContext());
    assert.deepEqual(resultFor(results, notAllowed), { status: 'error', kind: 'credentials', reason: `credentials are for account ${FAKE_ACCOUNT}, which the provider block's allowed_account_ids (111111111111) does not allow` });
    assert.deepEqual(resultFor(results, forbidden), { status: 'error', kind: 'credentials', reason: `credentials are for account ${FAKE_ACCOUNT}, which the provider block's forbidden_account_ids forbids` });
    assert.equal(resultFor(results, allowed).status, 'found');
    assert.deepEqual(ec2.calls.map((c) => c.action), ['DescribeSubnets']);
  });

  it('sts_region: STS is asked there, EC2 in the region of the resources', async () => {
    const ec2 = await fakes.start(smallAccount());
    const s = await startSts();
    fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: s.url });
    const b = withConfig(binding('aws_instance', WEB, ['instance_type']), {
      region: 'eu-west-1',
      settings: { region: 'eu-west-1', sts_region: 'us-west-2', assume_role: [{ role_arn: ROLE, external_id: 'drift-ext' }] },
    }, instanceArn(OTHER, 'eu-west-1'));
    assert.equal(resultFor(await provider().fetch([b], fetchContext()), b).status, 'found');
    assert.deepEqual([...new Set(s.calls.map((c) => `${c.action} ${c.region}`))].sort(), ['AssumeRole us-west-2', 'GetCallerIdentity us-west-2']);
    assert.deepEqual(ec2.calls.map((c) => c.region), ['eu-west-1']);
  });

  it('skip_requesting_account_id: no STS call, as the Terraform provider; the region is still cross-checked', async () => {
    const ec2 = await fakes.start(smallAccount());
    const s = await startSts();
    fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: s.url });
    const b = withConfig(binding('aws_instance', WEB, ['instance_type']), { settings: { skip_requesting_account_id: true } }, instanceArn('111111111111'));
    const r = resultFor(await provider().fetch([b], fetchContext()), b);
    assert.equal(r.status, 'found');
    assert.equal(s.calls.length, 0);
  });

  it('a region written as an unknown value is unverified with the reason, never looked up in a default region', async () => {
    const ec2 = await fakes.start(smallAccount());
    const b = withConfig(binding('aws_instance', WEB, ['instance_type']), { unknown: { region: 'var.region has no value' } });
    const r = resultFor(await provider().fetch([b], fetchContext()), b);
    assert.deepEqual(r, { status: 'error', kind: 'other', reason: 'region unknown: var.region has no value' });
    assert.equal(ec2.calls.length, 0);
  });

  it('GetCallerIdentity failing is one note, the cross-check is skipped and nothing turns missing', async () => {
    const ec2 = await fakes.start(smallAccount());
    // STS answers for no key the tests sign with: InvalidClientTokenId.
    sts = await startFakeSts({});
    fakes.setEnv({ ...fakeCredentials(ec2.url), AWS_ENDPOINT_URL_STS: sts.url });
    const p = provider();
    const a = withConfig(binding('aws_instance', WEB, ['instance_type']), {}, instanceArn(FAKE_ACCOUNT));
    const v = withConfig(binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block']), {}, { owner_id: FAKE_ACCOUNT });
    const results = await p.fetch([a, v], fetchContext());
    assert.equal(resultFor(results, a).status, 'found');
    assert.equal(resultFor(results, v).status, 'found');
    const notes = p.fetchNotes?.() ?? [];
    assert.equal(notes.length, 1);
    assert.equal(notes[0].kind, 'credentials');
    assert.match(notes[0].message, /^aws: cannot tell which account the credentials are for \(GetCallerIdentity: InvalidClientTokenId/);
  });

  it('the fake STS is as strict as STS: SigV4 checked with the secret, unknown keys refused', async () => {
    const s = await startSts();
    const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const ask = async (accessKeyId: string, secretAccessKey: string) => {
      const client = new STSClient({ endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
      try {
        return (await client.send(new GetCallerIdentityCommand({}))).Account;
      } catch (e) {
        return (e as { name?: string }).name;
      } finally {
        client.destroy();
      }
    };
    assert.equal(await ask(FAKE_ACCESS_KEY, 'fake-secret-key-for-tests'), FAKE_ACCOUNT);
    assert.equal(await ask(FAKE_ACCESS_KEY, 'another-secret'), 'SignatureDoesNotMatch');
    assert.equal(await ask('AKIAUNKNOWNKEY000001', 'x'), 'InvalidClientTokenId');
  });
});
