// aws_lb_listener_certificate (and aws_alb_…), read as resourceListenerCertificateRead /
// findListenerCertificateByTwoPartKey do (internal/service/elbv2/listener_certificate.go):
// DescribeListenerCertificates of the listener (PageSize 400, following NextMarker), the certificate that is
// not the listener's default and has the ARN; ListenerNotFound or no such certificate removes it. The read
// sets only listener_arn and certificate_arn. One listing per listener for all its declared certificates.
import type { Binding, LiveResult } from '../../../../model';
import { identityOf } from '../../bindingValues';
import { serviceErrorCode, type Output, type ReadFailure, type ServiceCall, type ServiceType } from '../serviceType';

const LISTENER_GONE = new Set(['ListenerNotFound', 'ListenerNotFoundException']);

/** State first; else the ID `listener_arn_certificate_arn` (an ARN holds no '_'). */
function keyOf(b: Binding): { listener: string; certificate: string } | undefined {
  const fromId = /^(arn:[^_]+)_(arn:[^_]+)$/.exec(b.liveId);
  const listener = identityOf(b, 'listener_arn') ?? fromId?.[1];
  const certificate = identityOf(b, 'certificate_arn') ?? fromId?.[2];
  return listener && certificate ? { listener, certificate } : undefined;
}

/** Every non-default certificate ARN of the listener; undefined when the listener is gone. */
async function certificatesOf(listener: string, call: ServiceCall): Promise<Set<string> | undefined> {
  const arns = new Set<string>();
  let marker: string | undefined;
  try {
    do {
      const page = await call('DescribeListenerCertificates', { ListenerArn: listener, PageSize: 400, ...(marker ? { Marker: marker } : {}) });
      for (const c of (page.Certificates ?? []) as Output[]) if (c.IsDefault !== true && c.CertificateArn) arns.add(String(c.CertificateArn));
      marker = page.NextMarker as string | undefined;
    } while (marker);
  } catch (e) {
    if (LISTENER_GONE.has(serviceErrorCode(e))) return undefined;
    throw e;
  }
  return arns;
}

async function readMany(bindings: Binding[], call: ServiceCall): Promise<Map<Binding, LiveResult | ReadFailure>> {
  const out = new Map<Binding, LiveResult | ReadFailure>();
  const byListener = new Map<string, { b: Binding; certificate: string }[]>();
  for (const b of bindings) {
    const k = keyOf(b);
    if (!k) out.set(b, { status: 'error', kind: 'other', reason: 'cannot tell the listener and certificate: state, code and the ID name neither' });
    else (byListener.get(k.listener) ?? byListener.set(k.listener, []).get(k.listener)!).push({ b, certificate: k.certificate });
  }
  await Promise.all(
    [...byListener].map(async ([listener, members]) => {
      try {
        const arns = await certificatesOf(listener, call);
        for (const { b, certificate } of members) {
          if (!arns) out.set(b, { status: 'not-found', reason: `listener ${listener} does not exist` });
          else if (!arns.has(certificate)) out.set(b, { status: 'not-found', reason: `${certificate} is no longer a certificate of ${listener}` });
          else out.set(b, { status: 'found', attributes: { listener_arn: listener, certificate_arn: certificate } });
        }
      } catch (e) {
        for (const { b } of members) out.set(b, { failed: e });
      }
    }),
  );
  return out;
}

const certificateType = (type: string): ServiceType => ({
  type,
  service: 'elbv2',
  depth: 'deep',
  reads: 'elasticloadbalancing:DescribeListenerCertificates',
  permissions: ['elasticloadbalancing:DescribeListenerCertificates'],
  readMany,
});

export const LB_LISTENER_CERTIFICATE_TYPES: readonly ServiceType[] = [certificateType('aws_lb_listener_certificate'), certificateType('aws_alb_listener_certificate')];
