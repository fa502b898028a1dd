// Before asking EC2 for a group of resources: is this the account and region they live in? The region
// must be known, the credentials' account must pass the provider block's guards, and state's ARN /
// owner_id must agree with both. Anything else is unverified with the reason, never "missing".
import type { Binding, LiveResult } from '../../model';
import { accountGuardViolation, type AwsAccess } from './access';
import type { CredentialProvider } from './credentials';
import type { IdentityCache } from './identity';
import { placementMismatch, recordsAccount } from './placement';

/** The part of a fetch group the cross-check reads. */
export interface CheckedGroup {
  access: AwsAccess;
  bindings: Binding[];
}

export interface CrossCheckContext {
  identities: IdentityCache;
  signal: AbortSignal;
  note: (access: AwsAccess, message: string) => void;
}

/**
 * Answers the bindings that must not be asked here (no region, an account the block's guards refuse, state
 * placing them in another account or region) and returns the rest. One GetCallerIdentity per identity, and
 * only when something needs the account. Nothing is missing unless the right account and region said so.
 */
export async function crossCheck(g: CheckedGroup, region: string | undefined, creds: CredentialProvider | undefined, cc: CrossCheckContext, results: Map<Binding, LiveResult>): Promise<Binding[]> {
  const refuse = (list: Binding[], kind: 'other' | 'credentials', reason: string) => list.forEach((b) => results.set(b, { status: 'error', kind, reason }));
  if (!region) {
    refuse(g.bindings, 'other', 'no AWS region: set `region` in the provider block, AWS_REGION, or --region');
    return [];
  }
  const guarded = g.access.allowedAccountIds.length > 0 || g.access.forbiddenAccountIds.length > 0;
  let account: string | undefined;
  // As the Terraform provider (aws-sdk-go-base VerifyAccountIDAllowed with no account ID): skip_requesting_account_id
  // means no STS call, and then allowed_account_ids cannot pass while forbidden_account_ids has nothing to forbid.
  if (g.access.skipAccountId && g.access.allowedAccountIds.length > 0) {
    refuse(g.bindings, 'other', 'allowed_account_ids cannot be checked: the provider block sets skip_requesting_account_id');
    return [];
  }
  if (!g.access.skipAccountId && (guarded || g.bindings.some((b) => recordsAccount(b.stateAttributes)))) {
    const id = await cc.identities.get(g.access, g.access.stsRegion ?? region, creds, cc.signal);
    if ('account' in id) account = id.account;
    else if (id.unsigned) {
      // Nothing can be signed (no credentials, a role that cannot be assumed): EC2 would answer the same, once per binding.
      g.bindings.forEach((b) => results.set(b, id.unsigned!));
      return [];
    } else if (id.error !== 'cancelled') {
      cc.note(g.access, `cannot tell which account the credentials are for (GetCallerIdentity: ${id.error}); resources are not cross-checked against the account in state`);
      if (guarded) {
        refuse(g.bindings, 'credentials', 'allowed_account_ids / forbidden_account_ids cannot be checked: GetCallerIdentity failed');
        return [];
      }
    }
  }
  const violation = account && accountGuardViolation(g.access, account);
  if (violation) {
    refuse(g.bindings, 'credentials', violation);
    return [];
  }
  return g.bindings.filter((b) => {
    const why = placementMismatch(b.stateAttributes, account, region);
    if (why) results.set(b, { status: 'error', kind: 'other', reason: why });
    return !why;
  });
}

/** `aws (profile ops, role arn:aws:iam::…:role/x)`: whose identity a note is about. */
export function identityName(access: AwsAccess): string {
  const parts = [access.profile && `profile ${access.profile}`, access.roles.length > 0 && `role ${access.roles[access.roles.length - 1].roleArn}`].filter(Boolean);
  return parts.length ? `aws (${parts.join(', ')})` : 'aws';
}
