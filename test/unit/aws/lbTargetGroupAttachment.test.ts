// aws_lb_target_group_attachment in depth (issue 12, the long tail) against the ELBv2 fake (Query API, SigV4)
// with the real @aws-sdk/client-elastic-load-balancing-v2: one DescribeTargetHealth per target group naming all
// its declared targets; a target deregistered in the console (Target.NotRegistered or draining) or its group
// deleted is missing, as findTargetHealthDescription drops it; an invalid target fails the batch, so each target
// is asked alone; access denied is unverified naming elasticloadbalancing:DescribeTargetHealth.
import assert from 'node:assert/strict';
import type { Binding, LiveResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { isReadOnly } from '../../../src/providers/aws/services';
import { serviceTypeFor } from '../../../src/providers/aws/services/serviceTypes';
import { startFakeElbv2, type FakeElbv2 } from '../../fakes/elbv2';
import { binding, fetchContext, FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const TG = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef';
const OTHER = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/fedcba9876543210';

const attachment = (type: string, n: number, state: Record<string, string>, declared: string[] = ['target_group_arn', 'target_id']): Binding =>
  ({ ...binding(type, `arn:aws:elasticloadbalancing:tg-attachment-2024010100000000000000000${n}`, declared), stateAttributes: state });

describe('aws_lb_target_group_attachment in depth (issue 12, long tail)', () => {
  let elb: FakeElbv2;
  let restore: () => void;
  const fetchAll = async (bs: Binding[]): Promise<Map<Binding, LiveResult>> => createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch(bs, fetchContext());
  beforeEach(async () => {
    elb = await startFakeElbv2({
      [TG]: { port: 80, targets: [{ id: 'i-0a1b2c3d4e5f60001' }, { id: 'i-0a1b2c3d4e5f60002', port: 8080 }, { id: 'i-0a1b2c3d4e5f60003', state: 'draining', reason: 'Target.DeregistrationInProgress' }] },
      [OTHER]: { port: 443, targets: [{ id: '10.0.1.15', availabilityZone: 'all' }] },
    });
    elb.known.add('i-0a1b2c3d4e5f60009');
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: elb.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'eu-west-1' });
  });
  afterEach(async () => {
    restore();
    await elb.close();
  });

  it('found while registered, one call per target group; the port and zone read back', async () => {
    const a = attachment('aws_lb_target_group_attachment', 1, { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60001' });
    const b = attachment('aws_lb_target_group_attachment', 2, { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60002', port: '8080' }, ['target_group_arn', 'target_id', 'port']);
    const c = attachment('aws_alb_target_group_attachment', 3, { target_group_arn: OTHER, target_id: '10.0.1.15', availability_zone: 'all' }, ['target_group_arn', 'target_id', 'availability_zone']);
    const r = await fetchAll([a, b, c]);
    assert.deepEqual(r.get(a), { status: 'found', attributes: { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60001' } });
    assert.deepEqual(r.get(b), { status: 'found', attributes: { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60002', port: 8080 } });
    assert.deepEqual(r.get(c), { status: 'found', attributes: { target_group_arn: OTHER, target_id: '10.0.1.15', availability_zone: 'all' } });
    const calls = elb.calls.filter((x) => x.action === 'DescribeTargetHealth');
    assert.equal(calls.length, 2);
    assert.deepEqual(calls.find((x) => x.params.TargetGroupArn === TG)?.params['Targets.member.2.Port'], '8080');
    assert.equal(serviceTypeFor('aws_lb_target_group_attachment')?.depth, 'deep');
  });

  it('deregistered, draining, on another port, or its group deleted is missing; an invalid target is asked alone', async () => {
    elb.groups[TG].targets = elb.groups[TG].targets.filter((t) => t.id !== 'i-0a1b2c3d4e5f60001');
    const gone = attachment('aws_lb_target_group_attachment', 1, { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60001' });
    const draining = attachment('aws_lb_target_group_attachment', 2, { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60003' });
    const otherPort = attachment('aws_lb_target_group_attachment', 3, { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60002', port: '9090' });
    const r = await fetchAll([gone, draining, otherPort]);
    // i-…0001 is no longer registered anywhere: the batch fails with InvalidTarget, then each is asked alone.
    assert.deepEqual([r.get(gone)?.status, r.get(draining)?.status, r.get(otherPort)?.status], ['not-found', 'not-found', 'not-found']);
    const why = (x: LiveResult | undefined) => (x?.status === 'not-found' ? x.reason ?? '' : '');
    assert.match(why(r.get(draining)), /Target.DeregistrationInProgress/);
    assert.equal(elb.calls.length, 4);
    const known = attachment('aws_lb_target_group_attachment', 4, { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60009' });
    const r2 = await fetchAll([known]);
    assert.match(why(r2.get(known)), /Target.NotRegistered/);
    delete elb.groups[TG];
    const r3 = await fetchAll([draining]);
    assert.deepEqual(r3.get(draining), { status: 'not-found', reason: `target group ${TG} does not exist` });
  });

  it('access denied is unverified naming the IAM action; no identity in state or code is unverified, never missing', async () => {
    elb.deny.add('DescribeTargetHealth');
    const a = attachment('aws_lb_target_group_attachment', 1, { target_group_arn: TG, target_id: 'i-0a1b2c3d4e5f60001' });
    const none = binding('aws_lb_target_group_attachment', 'arn:aws:elasticloadbalancing:tg-attachment-x', ['target_id']);
    const r = await fetchAll([a, none]);
    const denied = r.get(a)!;
    assert.deepEqual([denied.status, denied.status === 'error' && denied.kind, denied.status === 'error' && denied.action], ['error', 'access-denied', 'elasticloadbalancing:DescribeTargetHealth']);
    const unknown = r.get(none)!;
    assert.deepEqual([unknown.status, unknown.status === 'error' && unknown.kind], ['error', 'other']);
  });

  it('the read calls of the new types pass the read-only guard; their write twins are refused before any request', () => {
    for (const op of ['DescribeTargetHealth', 'ListEntitiesForPolicy', 'GetHostedZone', 'ListResourceRecordSets']) assert.ok(isReadOnly(op, {}), op);
    for (const op of ['RegisterTargets', 'DeregisterTargets', 'ChangeResourceRecordSets', 'AttachRolePolicy', 'DetachUserPolicy']) assert.ok(!isReadOnly(op, {}), op);
  });
});
