// IAM user and account resources the modules declare beside users and groups, read as the provider's read
// functions (internal/service/iam): resourceUserPolicyRead (ID `user:name`, the document URL-decoded),
// resourceUserLoginProfileRead (ID the user name; only existence — the password is never read),
// resourceAccountPasswordPolicyRead (absent fields are 0/false), resourceAccountAliasRead (gone when
// ListAccountAliases lists none). NoSuchEntity is missing.
import type { Binding, LiveResult, TypeSchema, Value } from '../../../../model';
import { normalizePolicy, parsePolicy, policySeverity } from '../policyDocument';
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

const iam = (type: string, op: string, read: (b: Binding, call: ServiceCall) => Promise<LiveResult>, schema?: () => TypeSchema): ServiceType => ({
  type, service: 'iam', depth: 'deep', reads: `iam:${op}`, permissions: [`iam:${op}`], read, ...(schema ? { schema } : {}),
});

export const iamUserPolicyType = iam('aws_iam_user_policy', 'GetUserPolicy', async (b, call) => {
  const i = b.liveId.indexOf(':');
  if (i <= 0) return { status: 'error', kind: 'other', reason: `cannot read the user and policy name from the ID ${b.liveId} (user:name)` };
  const [user, name] = [b.liveId.slice(0, i), b.liveId.slice(i + 1)];
  const out = await orMissing('GetUserPolicy', () => call('GetUserPolicy', { UserName: user, PolicyName: name }));
  if (isResult(out)) return out;
  const doc = out.PolicyDocument as string | undefined;
  const parsed = doc === undefined ? undefined : parsePolicy(doc);
  return { status: 'found', attributes: { user, name, policy: parsed === undefined ? doc ?? '' : JSON.stringify(parsed) } };
}, () => ({ attributes: { policy: { normalize: normalizePolicy, severity: policySeverity } } }));

export const iamUserLoginProfileType = iam('aws_iam_user_login_profile', 'GetLoginProfile', async (b, call) => {
  const out = await orMissing('GetLoginProfile', () => call('GetLoginProfile', { UserName: b.liveId }));
  if (isResult(out)) return out;
  const attributes: Record<string, Value> = {};
  const unreadable: Record<string, string> = {};
  for (const a of b.declaredAttributes) {
    if (a === 'user') attributes.user = String(out.LoginProfile?.UserName ?? b.liveId);
    else if (a === 'password_reset_required') attributes.password_reset_required = out.LoginProfile?.PasswordResetRequired === true;
    // pgp_key and password_length only exist when the profile is created.
    else unreadable[a] = 'only known when the profile is created';
  }
  return Object.keys(unreadable).length ? { status: 'found', attributes, unreadable } : { status: 'found', attributes };
});

export const iamAccountPasswordPolicyType = iam('aws_iam_account_password_policy', 'GetAccountPasswordPolicy', async (_b, call) => {
  const out = await orMissing('GetAccountPasswordPolicy', () => call('GetAccountPasswordPolicy', {}));
  if (isResult(out)) return out;
  const p = out.PasswordPolicy ?? {};
  return {
    status: 'found',
    attributes: {
      allow_users_to_change_password: p.AllowUsersToChangePassword === true,
      hard_expiry: p.HardExpiry === true,
      max_password_age: p.MaxPasswordAge ?? 0,
      minimum_password_length: p.MinimumPasswordLength ?? 0,
      password_reuse_prevention: p.PasswordReusePrevention ?? 0,
      require_lowercase_characters: p.RequireLowercaseCharacters === true,
      require_numbers: p.RequireNumbers === true,
      require_symbols: p.RequireSymbols === true,
      require_uppercase_characters: p.RequireUppercaseCharacters === true,
      expire_passwords: p.ExpirePasswords === true,
    },
  };
});

export const iamAccountAliasType = iam('aws_iam_account_alias', 'ListAccountAliases', async (b, call) => {
  const out = await call('ListAccountAliases', {});
  const alias = ((out.AccountAliases ?? []) as string[])[0];
  if (!alias) return { status: 'not-found', reason: 'ListAccountAliases lists no alias' };
  return { status: 'found', attributes: { account_alias: alias } };
});

export const IAM_USER_ACCOUNT_TYPES: readonly ServiceType[] = [iamUserPolicyType, iamUserLoginProfileType, iamAccountPasswordPolicyType, iamAccountAliasType];
