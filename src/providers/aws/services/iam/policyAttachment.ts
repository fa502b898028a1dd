// aws_iam_policy_attachment: the exclusive attachment of one managed policy to users, roles and groups,
// read as resourcePolicyAttachmentRead does (internal/service/iam/policy_attachment.go): every entity
// ListEntitiesForPolicy names (following Marker) as the sets `users`, `roles`, `groups` of names;
// NoSuchEntity on the policy, or no entity at all (findEntitiesForPolicyByARN's empty result), removes it.
// Exclusive: a set the code leaves out is empty in Terraform's eyes (the three are Optional, not Computed),
// so a principal attached in the console shows up as drift there too.
import type { AttributeSchema, Binding, LiveResult, TypeSchema, Value } from '../../../../model';
import { ADMIN_POLICY } from '../policyDocument';
import { serviceErrorCode, type ServiceCall, type ServiceType } from '../serviceType';

export const POLICY_ATTACHMENT = 'aws_iam_policy_attachment';

/** The key under which the attachment named `name` records its policy ARN among the code's attachments (role names hold no '/'). */
export const policyAttachmentKey = (name: string): string => `${POLICY_ATTACHMENT}/${name}`;

/** The policy ARN: the ID is the `name` argument, so it comes from state or the code. */
export function policyArnOf(b: Binding): string | undefined {
  const v = b.stateAttributes?.policy_arn ?? b.declared?.policy_arn;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

interface Entities {
  users: string[];
  roles: string[];
  groups: string[];
}

async function entitiesFor(policyArn: string, call: ServiceCall): Promise<Entities> {
  const out: Entities = { users: [], roles: [], groups: [] };
  let marker: string | undefined;
  do {
    const page = await call('ListEntitiesForPolicy', { PolicyArn: policyArn, ...(marker ? { Marker: marker } : {}) });
    for (const u of (page.PolicyUsers ?? []) as { UserName?: string }[]) if (u.UserName) out.users.push(u.UserName);
    for (const r of (page.PolicyRoles ?? []) as { RoleName?: string }[]) if (r.RoleName) out.roles.push(r.RoleName);
    for (const g of (page.PolicyGroups ?? []) as { GroupName?: string }[]) if (g.GroupName) out.groups.push(g.GroupName);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

async function read(b: Binding, call: ServiceCall): Promise<LiveResult> {
  const policyArn = policyArnOf(b);
  if (!policyArn) return { status: 'error', kind: 'other', reason: 'cannot tell the policy ARN: state and code name none' };
  let e: Entities;
  try {
    e = await entitiesFor(policyArn, call);
  } catch (err) {
    if (serviceErrorCode(err) === 'NoSuchEntity') return { status: 'not-found', reason: `policy ${policyArn} does not exist` };
    throw err;
  }
  if (e.users.length + e.roles.length + e.groups.length === 0) return { status: 'not-found', reason: `${policyArn} is attached to no user, role or group` };
  const sorted = (xs: string[]) => [...xs].sort();
  return { status: 'found', attributes: { name: b.liveId, policy_arn: policyArn, users: sorted(e.users), roles: sorted(e.roles), groups: sorted(e.groups) } };
}

/** A principal given an admin policy in the console is an error; any other membership change a warning. */
function membersSchema(policyArn: string | undefined): AttributeSchema {
  const admin = policyArn !== undefined && ADMIN_POLICY.test(policyArn);
  return {
    set: true,
    implied: [] as Value,
    severity: (expected: Value, actual: Value) => {
      const want = new Set(Array.isArray(expected) ? expected : []);
      const added = Array.isArray(actual) && actual.some((x) => !want.has(x));
      return admin && added ? 'error' : 'warning';
    },
  };
}

/** The schema for one attachment; `policyArn` from the code's attachments (serviceTypes.ts). */
export function policyAttachmentSchema(policyArn: string | undefined): TypeSchema {
  const members = membersSchema(policyArn);
  return { attributes: { users: members, roles: members, groups: members, policy_arn: { severity: (_e, a) => (typeof a === 'string' && ADMIN_POLICY.test(a) ? 'error' : 'warning') } } };
}

export const iamPolicyAttachmentType: ServiceType = {
  type: POLICY_ATTACHMENT,
  service: 'iam',
  depth: 'deep',
  reads: 'iam:ListEntitiesForPolicy',
  permissions: ['iam:ListEntitiesForPolicy'],
  read,
  schema: () => policyAttachmentSchema(undefined),
};
