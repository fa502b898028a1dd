// IAM (global: us-east-1), read as the provider's read functions in internal/service/iam set each
// attribute: resourceRoleRead (assume_role_policy URL-decoded and compared as a policy, description ""
// when absent, permissions_boundary the ARN or ""), resourcePolicyRead (the default version's document),
// resourceRolePolicyRead (ID `role:name`), resourceRolePolicyAttachmentRead (gone when the role no longer
// lists the policy), resourceInstanceProfileRead, resourceUserRead, resourceGroupRead. NoSuchEntity is missing.
import type { Binding, LiveResult, TypeSchema, Value } from '../../../../model';
import { isSystemTag } from '../../tags';
import { serviceErrorCode, type Output, type ServiceCall, type ServiceType } from '../serviceType';
import { ADMIN_POLICY, normalizePolicy, parsePolicy, policySeverity } from '../policyDocument';
import { attachmentOf } from './roleAttachments';

const iamTags = (tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key && !isSystemTag(t.Key)).map((t) => [t.Key!, t.Value ?? '']));

/** The document as the provider stores it: URL-decoded JSON text. */
const decoded = (doc: string | undefined): string => (doc === undefined ? '' : parsePolicy(doc) === undefined ? doc : JSON.stringify(parsePolicy(doc)));

const POLICY: TypeSchema['attributes'][string] = { normalize: normalizePolicy, severity: policySeverity };

async function orMissing(what: string, run: () => Promise<Output>): Promise<Output | LiveResult> {
  try {
    return await run();
  } catch (e) {
    if (serviceErrorCode(e) === 'NoSuchEntity') return { status: 'not-found', reason: `${what}: NoSuchEntity` };
    throw e;
  }
}
const isResult = (x: Output | LiveResult): x is LiveResult => typeof x.status === 'string' && (x.status === 'not-found' || x.status === 'error' || x.status === 'found');

/** Every managed policy attached to a role (ListAttachedRolePolicies, following Marker). */
export async function attachedPolicies(role: string, call: ServiceCall): Promise<string[]> {
  const arns: string[] = [];
  let marker: string | undefined;
  do {
    const out = await call('ListAttachedRolePolicies', { RoleName: role, ...(marker ? { Marker: marker } : {}) });
    for (const p of (out.AttachedPolicies ?? []) as { PolicyArn?: string }[]) if (p.PolicyArn) arns.push(p.PolicyArn);
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return arns;
}

const iam = (type: string, reads: string, permissions: string[], read: (b: Binding, call: ServiceCall) => Promise<LiveResult>, schema?: () => TypeSchema): ServiceType => ({
  type, service: 'iam', depth: 'deep', reads: `iam:${reads}`, permissions, read, ...(schema ? { schema } : {}),
});

export const iamRoleType = iam('aws_iam_role', 'GetRole', ['iam:GetRole', 'iam:ListAttachedRolePolicies'], async (b, call) => {
  const out = await orMissing('GetRole', () => call('GetRole', { RoleName: b.liveId }));
  if (isResult(out)) return out;
  const r = out.Role ?? {};
  const attributes: Record<string, Value> = {
    name: r.RoleName ?? b.liveId,
    path: r.Path ?? '/',
    description: r.Description ?? '',
    max_session_duration: r.MaxSessionDuration ?? 3600,
    assume_role_policy: decoded(r.AssumeRolePolicyDocument),
    permissions_boundary: r.PermissionsBoundary?.PermissionsBoundaryArn ?? '',
    tags: iamTags(r.Tags),
  };
  const unreadable: Record<string, string> = {};
  try {
    attributes.managed_policy_arns = await attachedPolicies(b.liveId, call);
  } catch (e) {
    unreadable.managed_policy_arns = `ListAttachedRolePolicies failed: ${serviceErrorCode(e)}`;
  }
  return Object.keys(unreadable).length ? { status: 'found', attributes, unreadable } : { status: 'found', attributes };
});

export const iamPolicyType = iam('aws_iam_policy', 'GetPolicy', ['iam:GetPolicy', 'iam:GetPolicyVersion'], async (b, call) => {
  const out = await orMissing('GetPolicy', () => call('GetPolicy', { PolicyArn: b.liveId }));
  if (isResult(out)) return out;
  const p = out.Policy ?? {};
  const version = await orMissing('GetPolicyVersion', () => call('GetPolicyVersion', { PolicyArn: b.liveId, VersionId: p.DefaultVersionId }));
  if (isResult(version)) return version;
  return {
    status: 'found',
    attributes: { arn: b.liveId, name: p.PolicyName ?? '', path: p.Path ?? '/', description: p.Description ?? '', policy: decoded(version.PolicyVersion?.Document), tags: iamTags(p.Tags) },
  };
}, () => ({ attributes: { policy: POLICY, tags: { tagMap: true } } }));

export const iamRolePolicyType = iam('aws_iam_role_policy', 'GetRolePolicy', ['iam:GetRolePolicy'], async (b, call) => {
  const [role, name] = b.liveId.split(':');
  if (!role || !name) return { status: 'error', kind: 'other', reason: `cannot read the role and policy name from the ID ${b.liveId} (role:name)` };
  const out = await orMissing('GetRolePolicy', () => call('GetRolePolicy', { RoleName: role, PolicyName: name }));
  if (isResult(out)) return out;
  return { status: 'found', attributes: { role, name, policy: decoded(out.PolicyDocument) } };
}, () => ({ attributes: { policy: POLICY } }));

export const iamRolePolicyAttachmentType = iam('aws_iam_role_policy_attachment', 'ListAttachedRolePolicies', ['iam:ListAttachedRolePolicies'], async (b, call) => {
  const a = attachmentOf(b);
  if (!a) return { status: 'error', kind: 'other', reason: 'cannot tell the role and policy ARN: state and code name neither' };
  let arns: string[];
  try {
    arns = await attachedPolicies(a.role, call);
  } catch (e) {
    if (serviceErrorCode(e) === 'NoSuchEntity') return { status: 'not-found', reason: `role ${a.role} does not exist` };
    throw e;
  }
  if (!arns.includes(a.policyArn)) return { status: 'not-found', reason: `${a.policyArn} is no longer attached to ${a.role}` };
  return { status: 'found', attributes: { role: a.role, policy_arn: a.policyArn } };
}, () => ({ attributes: { policy_arn: { severity: (_e, a) => (typeof a === 'string' && ADMIN_POLICY.test(a) ? 'error' : 'warning') } } }));

export const iamInstanceProfileType = iam('aws_iam_instance_profile', 'GetInstanceProfile', ['iam:GetInstanceProfile'], async (b, call) => {
  const out = await orMissing('GetInstanceProfile', () => call('GetInstanceProfile', { InstanceProfileName: b.liveId }));
  if (isResult(out)) return out;
  const p = out.InstanceProfile ?? {};
  // resourceInstanceProfileRead: role is the first (only) role's name, "" when none.
  return { status: 'found', attributes: { name: p.InstanceProfileName ?? b.liveId, path: p.Path ?? '/', role: p.Roles?.[0]?.RoleName ?? '', tags: iamTags(p.Tags) } };
});

export const iamUserType = iam('aws_iam_user', 'GetUser', ['iam:GetUser'], async (b, call) => {
  const out = await orMissing('GetUser', () => call('GetUser', { UserName: b.liveId }));
  if (isResult(out)) return out;
  const u = out.User ?? {};
  return { status: 'found', attributes: { name: u.UserName ?? b.liveId, path: u.Path ?? '/', permissions_boundary: u.PermissionsBoundary?.PermissionsBoundaryArn ?? '', tags: iamTags(u.Tags) } };
});

export const iamGroupType = iam('aws_iam_group', 'GetGroup', ['iam:GetGroup'], async (b, call) => {
  const out = await orMissing('GetGroup', () => call('GetGroup', { GroupName: b.liveId, MaxItems: 1 }));
  if (isResult(out)) return out;
  return { status: 'found', attributes: { name: out.Group?.GroupName ?? b.liveId, path: out.Group?.Path ?? '/' } };
});

export const IAM_TYPES: readonly ServiceType[] = [iamRoleType, iamPolicyType, iamRolePolicyType, iamRolePolicyAttachmentType, iamInstanceProfileType, iamUserType, iamGroupType];
