// aws_lb_target_group_attachment, read as resourceAttachmentRead / findTargetHealthDescription do
// (internal/service/elbv2/target_group_attachment.go): DescribeTargetHealth of the target (Id, and Port and
// AvailabilityZone when the code sets them); TargetGroupNotFound or InvalidTarget, or a target whose health
// reason is Target.NotRegistered or Target.DeregistrationInProgress, removes the attachment; exactly one other
// description is the attachment. The read sets no attribute: the identity is the attachment's whole state.
// Batched: one call per target group naming all its declared targets; when one of them is invalid (the call
// fails as a whole with InvalidTarget) each target of that group is asked alone.
import type { Binding, LiveResult, Value } from '../../../../model';
import { identityOf } from '../../bindingValues';
import { serviceErrorCode, type Output, type ReadFailure, type ServiceCall, type ServiceType } from '../serviceType';

const GROUP_GONE = new Set(['TargetGroupNotFound', 'TargetGroupNotFoundException']);
const INVALID_TARGET = new Set(['InvalidTarget', 'InvalidTargetException']);
const GONE_REASONS = new Set(['Target.NotRegistered', 'Target.DeregistrationInProgress']);

interface Target {
  groupArn: string;
  id: string;
  port?: number;
  az?: string;
}

function targetOf(b: Binding): Target | undefined {
  const groupArn = identityOf(b, 'target_group_arn');
  const id = identityOf(b, 'target_id');
  if (!groupArn || !id) return undefined;
  const port = identityOf(b, 'port');
  const az = identityOf(b, 'availability_zone');
  return { groupArn, id, ...(port && Number(port) > 0 ? { port: Number(port) } : {}), ...(az ? { az } : {}) };
}

const describe = (t: Target): Record<string, unknown> => ({ Id: t.id, ...(t.port !== undefined ? { Port: t.port } : {}), ...(t.az ? { AvailabilityZone: t.az } : {}) });

/** The answer for one target out of DescribeTargetHealth's descriptions (findTargetHealthDescription's filter). */
function verdict(t: Target, b: Binding, descriptions: Output[]): LiveResult {
  const mine = descriptions.filter((d) => d.Target?.Id === t.id && (t.port === undefined || d.Target?.Port === t.port) && (!t.az || d.Target?.AvailabilityZone === t.az));
  const present = mine.filter((d) => d.TargetHealth && !GONE_REASONS.has(String(d.TargetHealth.Reason ?? '')));
  const where = `${t.id}${t.port !== undefined ? `:${t.port}` : ''} in ${t.groupArn}`;
  if (present.length === 0) return { status: 'not-found', reason: `target ${where} is ${mine[0]?.TargetHealth?.Reason ?? 'not registered'}` };
  if (present.length > 1) return { status: 'error', kind: 'other', reason: `target ${where} is registered on ${present.length} ports: set port to tell which` };
  const d = present[0];
  const attributes: Record<string, Value> = { target_group_arn: t.groupArn, target_id: t.id };
  if (b.declaredAttributes.includes('port')) attributes.port = typeof d.Target?.Port === 'number' ? d.Target.Port : null;
  if (b.declaredAttributes.includes('availability_zone')) attributes.availability_zone = d.Target?.AvailabilityZone ?? null;
  return { status: 'found', attributes };
}

async function describeGroup(groupArn: string, targets: Target[], call: ServiceCall): Promise<Output[] | 'group-gone'> {
  try {
    return ((await call('DescribeTargetHealth', { TargetGroupArn: groupArn, Targets: targets.map(describe) })).TargetHealthDescriptions ?? []) as Output[];
  } catch (e) {
    if (GROUP_GONE.has(serviceErrorCode(e))) return 'group-gone';
    throw e;
  }
}

async function readMany(bindings: Binding[], call: ServiceCall): Promise<Map<Binding, LiveResult | ReadFailure>> {
  const out = new Map<Binding, LiveResult | ReadFailure>();
  const groups = new Map<string, { b: Binding; t: Target }[]>();
  for (const b of bindings) {
    const t = targetOf(b);
    if (!t) out.set(b, { status: 'error', kind: 'other', reason: 'cannot tell the target group and target: state and code name neither' });
    else (groups.get(t.groupArn) ?? groups.set(t.groupArn, []).get(t.groupArn)!).push({ b, t });
  }
  await Promise.all(
    [...groups].map(async ([groupArn, members]) => {
      try {
        await readGroup(groupArn, members, call, out);
      } catch (e) {
        // Access denied, throttling…: this group's targets are unverified, the other groups keep their answers.
        for (const { b } of members) if (!out.has(b)) out.set(b, { failed: e });
      }
    }),
  );
  return out;
}

/** One target group: all its declared targets in one call; one invalid target fails it, so each is then asked alone. */
async function readGroup(groupArn: string, members: { b: Binding; t: Target }[], call: ServiceCall, out: Map<Binding, LiveResult | ReadFailure>): Promise<void> {
  const gone: LiveResult = { status: 'not-found', reason: `target group ${groupArn} does not exist` };
  let descriptions: Output[] | 'group-gone';
  try {
    descriptions = await describeGroup(groupArn, members.map((m) => m.t), call);
  } catch (e) {
    if (!INVALID_TARGET.has(serviceErrorCode(e))) throw e;
    await Promise.all(
      members.map(async ({ b, t }) => {
        try {
          const one = await describeGroup(groupArn, [t], call);
          out.set(b, one === 'group-gone' ? gone : verdict(t, b, one));
        } catch (err) {
          if (!INVALID_TARGET.has(serviceErrorCode(err))) throw err;
          out.set(b, { status: 'not-found', reason: `target ${t.id} is not a valid target (InvalidTarget)` });
        }
      }),
    );
    return;
  }
  for (const { b, t } of members) out.set(b, descriptions === 'group-gone' ? gone : verdict(t, b, descriptions));
}

const attachmentType = (type: string): ServiceType => ({
  type,
  service: 'elbv2',
  depth: 'deep',
  reads: 'elasticloadbalancing:DescribeTargetHealth',
  permissions: ['elasticloadbalancing:DescribeTargetHealth'],
  readMany,
});

/** aws_alb_target_group_attachment is the provider's other name for the same resource. */
export const LB_TARGET_GROUP_ATTACHMENT_TYPES: readonly ServiceType[] = [attachmentType('aws_lb_target_group_attachment'), attachmentType('aws_alb_target_group_attachment')];
