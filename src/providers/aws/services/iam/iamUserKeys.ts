// IAM user credentials and group membership, read as the provider's read functions (internal/service/iam):
// resourceAccessKeyRead (ListAccessKeys for the user, the key found by ID; its secret is never read),
// resourceUserSSHKeyRead (GetSSHPublicKey with the state's encoding), resourceGroupMembershipRead
// (GetGroup's users, paged; `users` is a set the resource owns exclusively). NoSuchEntity is missing.
import type { Binding, LiveResult } from '../../../../model';
import { serviceErrorCode, type Output, type ServiceCall, type ServiceType } from '../serviceType';

async function orMissing(what: string, run: () => Promise<Output>): Promise<Output | LiveResult> {
  try {
    return await run();
  } catch (e) {
    if (serviceErrorCode(e) === 'NoSuchEntity') return { status: 'not-found', reason: `${what}: NoSuchEntity` };
    throw e;
  }
}
const isResult = (x: Output | LiveResult): x is LiveResult => x.status === 'not-found';
const stateOrCode = (b: Binding, k: string): string | undefined => b.stateAttributes?.[k] || (typeof b.declared?.[k] === 'string' ? (b.declared[k] as string) : undefined);

export const iamAccessKeyType: ServiceType = {
  type: 'aws_iam_access_key', service: 'iam', depth: 'deep', reads: 'iam:ListAccessKeys', permissions: ['iam:ListAccessKeys'],
  read: async (b: Binding, call: ServiceCall) => {
    const user = stateOrCode(b, 'user');
    if (!user) return { status: 'error', kind: 'other', reason: 'cannot tell the user: state and code name none' };
    let marker: string | undefined;
    do {
      const out = await orMissing('ListAccessKeys', () => call('ListAccessKeys', { UserName: user, ...(marker ? { Marker: marker } : {}) }));
      if (isResult(out)) return out;
      const key = ((out.AccessKeyMetadata ?? []) as { AccessKeyId?: string; Status?: string }[]).find((k) => k.AccessKeyId === b.liveId);
      if (key) return { status: 'found', attributes: { user, status: key.Status ?? '' } };
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
    // The key ID is not printed: it names a credential.
    return { status: 'not-found', reason: `the access key is no longer listed for user ${user}` };
  },
};

export const iamUserSshKeyType: ServiceType = {
  type: 'aws_iam_user_ssh_key', service: 'iam', depth: 'deep', reads: 'iam:GetSSHPublicKey', permissions: ['iam:GetSSHPublicKey'],
  read: async (b: Binding, call: ServiceCall) => {
    const user = stateOrCode(b, 'username');
    const encoding = stateOrCode(b, 'encoding');
    if (!user || !encoding) return { status: 'error', kind: 'other', reason: 'cannot tell the user and encoding: state and code name none' };
    const out = await orMissing('GetSSHPublicKey', () => call('GetSSHPublicKey', { UserName: user, SSHPublicKeyId: b.liveId, Encoding: encoding }));
    if (isResult(out)) return out;
    return { status: 'found', attributes: { username: user, encoding, status: out.SSHPublicKey?.Status ?? '' } };
  },
};

export const iamGroupMembershipType: ServiceType = {
  type: 'aws_iam_group_membership', service: 'iam', depth: 'deep', reads: 'iam:GetGroup', permissions: ['iam:GetGroup'],
  schema: () => ({ attributes: { users: { set: true } } }),
  read: async (b: Binding, call: ServiceCall) => {
    const group = stateOrCode(b, 'group');
    if (!group) return { status: 'error', kind: 'other', reason: 'cannot tell the group: state and code name none' };
    const users: string[] = [];
    let marker: string | undefined;
    do {
      const out = await orMissing('GetGroup', () => call('GetGroup', { GroupName: group, ...(marker ? { Marker: marker } : {}) }));
      if (isResult(out)) return out;
      for (const u of (out.Users ?? []) as { UserName?: string }[]) if (u.UserName) users.push(u.UserName);
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
    return { status: 'found', attributes: { group, users } };
  },
};

export const IAM_USER_KEY_TYPES: readonly ServiceType[] = [iamAccessKeyType, iamUserSshKeyType, iamGroupMembershipType];
