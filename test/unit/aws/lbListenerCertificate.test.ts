// aws_lb_listener_certificate in depth (issue 12, the long tail) against the ELBv2 fake with the real SDK:
// found while the listener lists the certificate (not as its default), across NextMarker pages, one listing per
// listener; removed in the console or the listener deleted is missing; access denied names the IAM action.
import assert from 'node:assert/strict';
import type { Binding, LiveResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeElbv2, type FakeElbv2 } from '../../fakes/elbv2';
import { binding, fetchContext, FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const LISTENER = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/0123456789abcdef/fedcba9876543210';
const cert = (n: number) => `arn:aws:acm:eu-west-1:123456789012:certificate/0000-${String(n).padStart(4, '0')}`;
const attachment = (certificate: string, state = true): Binding => ({
  ...binding('aws_lb_listener_certificate', `${LISTENER}_${certificate}`, ['listener_arn', 'certificate_arn']),
  ...(state ? { stateAttributes: { listener_arn: LISTENER, certificate_arn: certificate } } : {}),
});

describe('aws_lb_listener_certificate in depth (issue 12, long tail)', () => {
  let elb: FakeElbv2;
  let restore: () => void;
  const fetchAll = async (bs: Binding[]): Promise<Map<Binding, LiveResult>> => createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch(bs, fetchContext());
  beforeEach(async () => {
    elb = await startFakeElbv2();
    // The default certificate first, then 401 more: the last one is on the second page of 400.
    elb.listeners[LISTENER] = [{ arn: cert(0), isDefault: true }, ...Array.from({ length: 401 }, (_, i) => ({ arn: cert(i + 1) }))];
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: elb.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'eu-west-1' });
  });
  afterEach(async () => {
    restore();
    await elb.close();
  });

  it('found across pages (one listing per listener); the ID alone is enough; the default certificate is not an attachment', async () => {
    const last = attachment(cert(401));
    const fromId = attachment(cert(1), false);
    const dflt = attachment(cert(0));
    const r = await fetchAll([last, fromId, dflt]);
    assert.deepEqual(r.get(last), { status: 'found', attributes: { listener_arn: LISTENER, certificate_arn: cert(401) } });
    assert.equal(r.get(fromId)?.status, 'found');
    assert.equal(r.get(dflt)?.status, 'not-found');
    assert.deepEqual(elb.calls.map((c) => [c.action, c.params.PageSize, c.params.Marker !== undefined]), [['DescribeListenerCertificates', '400', false], ['DescribeListenerCertificates', '400', true]]);
  });

  it('removed in the console or the listener deleted is missing; access denied is unverified naming the action', async () => {
    elb.listeners[LISTENER] = elb.listeners[LISTENER].filter((c) => c.arn !== cert(7));
    const removed = attachment(cert(7));
    assert.deepEqual((await fetchAll([removed])).get(removed), { status: 'not-found', reason: `${cert(7)} is no longer a certificate of ${LISTENER}` });
    delete elb.listeners[LISTENER];
    assert.deepEqual((await fetchAll([removed])).get(removed), { status: 'not-found', reason: `listener ${LISTENER} does not exist` });
    elb.deny.add('DescribeListenerCertificates');
    const denied = (await fetchAll([removed])).get(removed)!;
    assert.deepEqual([denied.status, denied.status === 'error' && denied.action], ['error', 'elasticloadbalancing:DescribeListenerCertificates']);
  });
});
