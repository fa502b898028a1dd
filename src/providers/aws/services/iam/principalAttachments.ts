// aws_iam_group_policy_attachment and aws_iam_user_policy_attachment, read as the provider's
// resourceGroupPolicyAttachmentRead / resourceUserPolicyAttachmentRead do: list the principal's attached
// managed policies (following Marker); NoSuchEntity on the principal or the ARN absent from the list
// removes the attachment. The ID is a generated unique ID, so the principal and ARN come from state or code.
import type { Binding, LiveResult, Value } from '../../../../model';
import { ADMIN_POLICY } from '../policyDocument';
import { serviceErrorCode, type ServiceCall, type ServiceType } from '../serviceType';

type Principal = { kind: 'group' | 'user'; attribute: 'group' | 'user'; list: 'ListAttachedGroupPolicies' | 'ListAttachedUserPolicies'; nameParam: 'GroupName' | 'UserName' };

const GROUP: Principal = { kind: 'group', attribute: 'group', list: 'ListAttachedGroupPolicies', nameParam: 'GroupName' };
const USER: Principal = { kind: 'user', attribute: 'user', list: 'ListAttachedUserPolicies', nameParam: 'UserName' };

function attachmentOf(p: Principal, b: Binding): { name: string; policyArn: string } | undefined {
  const s = b.stateAttributes ?? {};
  const d = b.declared ?? {};
  const str = (v: Value | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);
  const fromId = /^([^/]+)\/(arn:.+)$/.exec(b.liveId);
  const name = str(s[p.attribute]) ?? str(d[p.attribute]) ?? fromId?.[1];
  const policyArn = str(s.policy_arn) ?? str(d.policy_arn) ?? fromId?.[2];
  return name && policyArn ? { name, policyArn } : undefined;
}

async function attached(p: Principal, name: string, call: ServiceCall): Promise<string[]> {
  const arns: string[] = [];
  let marker: string | undefined;
  do {
    const out = await call(p.list, { [p.nameParam]: name, ...(marker ? { Marker: marker } : {}) });
    for (const x of (out.AttachedPolicies ?? []) as { PolicyArn?: string }[]) if (x.PolicyArn) arns.push(x.PolicyArn);
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return arns;
}

async function read(p: Principal, b: Binding, call: ServiceCall): Promise<LiveResult> {
  const a = attachmentOf(p, b);
  if (!a) return { status: 'error', kind: 'other', reason: `cannot tell the ${p.kind} and policy ARN: state and code name neither` };
  let arns: string[];
  try {
    arns = await attached(p, a.name, call);
  } catch (e) {
    if (serviceErrorCode(e) === 'NoSuchEntity') return { status: 'not-found', reason: `${p.kind} ${a.name} does not exist` };
    throw e;
  }
  if (!arns.includes(a.policyArn)) return { status: 'not-found', reason: `${a.policyArn} is no longer attached to ${p.kind} ${a.name}` };
  return { status: 'found', attributes: { [p.attribute]: a.name, policy_arn: a.policyArn } };
}

const attachmentType = (type: string, p: Principal): ServiceType => ({
  type,
  service: 'iam',
  depth: 'deep',
  reads: `iam:${p.list}`,
  permissions: [`iam:${p.list}`],
  read: (b, call) => read(p, b, call),
  // An admin policy attached is an error, as for roles.
  schema: () => ({ attributes: { policy_arn: { severity: (_e, x) => (typeof x === 'string' && ADMIN_POLICY.test(x) ? 'error' : 'warning') } } }),
});

export const IAM_PRINCIPAL_ATTACHMENT_TYPES: readonly ServiceType[] = [
  attachmentType('aws_iam_group_policy_attachment', GROUP),
  attachmentType('aws_iam_user_policy_attachment', USER),
];
