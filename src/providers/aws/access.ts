// Who a provider block signs in as, read the way the Terraform AWS provider reads its configuration
// (internal/provider/provider.go, the `assume_role` / `allowed_account_ids` / `forbidden_account_ids`
// schema, handed to aws-sdk-go-base): `profile`, then each `assume_role` block in order (a chain,
// as provider v5 allows several), and the account guards checked once the account is known.
import type { ProviderConfig, Value } from '../../model';

export interface AssumeRole {
  roleArn: string;
  sessionName?: string;
  externalId?: string;
}

export interface AwsAccess {
  /** Named profile: the block's, else --profile; undefined lets the SDK pick (AWS_PROFILE, default). */
  profile?: string;
  /** Roles assumed in order, each with the credentials of the one before. */
  roles: AssumeRole[];
  allowedAccountIds: string[];
  forbiddenAccountIds: string[];
  /** `skip_requesting_account_id = true`: the provider never asks STS who it is (emulators without STS); neither do we. */
  skipAccountId: boolean;
  /** `sts_region`: where STS is asked (AssumeRole, GetCallerIdentity); else the region of the resources. */
  stsRegion?: string;
  /** One string per distinct identity: bindings with the same key share clients and one GetCallerIdentity. */
  key: string;
}

/** What a binding's configuration says about access, or why it cannot be known (a setting without a value). */
export function accessOf(config: ProviderConfig, fallbackProfile: string | undefined): AwsAccess | { reason: string } {
  const unknown = config.unknown ?? {};
  // Settings that decide where to look or as whom: guessing them would ask the wrong account or region.
  for (const [path, why] of Object.entries(unknown)) {
    const head = path.split('.')[0];
    if (head === 'region') return { reason: `region unknown: ${why}` };
    if (head === 'profile' || head === 'assume_role' || head === 'sts_region' || head === 'allowed_account_ids' || head === 'forbidden_account_ids') {
      return { reason: `${path} unknown: ${why}` };
    }
  }
  if (config.settings.assume_role_with_web_identity !== undefined || unknown.assume_role_with_web_identity) {
    return { reason: 'the provider block uses assume_role_with_web_identity, which DriftLens does not follow yet: scan with credentials for that role (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE)' };
  }
  const profile = config.profile ?? fallbackProfile;
  const roles: AssumeRole[] = [];
  for (const block of objects(config.settings.assume_role)) {
    const roleArn = text(block.role_arn);
    // aws-sdk-go-base assumes a role only when role_arn is set and not empty.
    if (!roleArn) continue;
    roles.push({ roleArn, ...(text(block.session_name) ? { sessionName: text(block.session_name) } : {}), ...(text(block.external_id) ? { externalId: text(block.external_id) } : {}) });
  }
  const allowedAccountIds = strings(config.settings.allowed_account_ids);
  const forbiddenAccountIds = strings(config.settings.forbidden_account_ids);
  const key = JSON.stringify([profile ?? '', roles.map((r) => [r.roleArn, r.sessionName ?? '', r.externalId ?? ''])]);
  const skipAccountId = config.settings.skip_requesting_account_id === true || config.settings.skip_requesting_account_id === 'true';
  const stsRegion = text(config.settings.sts_region);
  return { profile, roles, allowedAccountIds, forbiddenAccountIds, skipAccountId, ...(stsRegion ? { stsRegion } : {}), key };
}

/** Why an account may not be used under this block's guards (Terraform refuses to run then), or undefined. */
export function accountGuardViolation(access: AwsAccess, account: string): string | undefined {
  if (access.allowedAccountIds.length > 0 && !access.allowedAccountIds.includes(account)) {
    return `credentials are for account ${account}, which the provider block's allowed_account_ids (${access.allowedAccountIds.join(', ')}) does not allow`;
  }
  if (access.forbiddenAccountIds.includes(account)) return `credentials are for account ${account}, which the provider block's forbidden_account_ids forbids`;
  return undefined;
}

function objects(v: Value | undefined): Record<string, Value>[] {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
  return list.filter((x): x is Record<string, Value> => x !== null && typeof x === 'object' && !Array.isArray(x));
}

function strings(v: Value | undefined): string[] {
  return Array.isArray(v) ? v.flatMap((x) => (typeof x === 'string' || typeof x === 'number' ? [String(x)] : [])) : [];
}

function text(v: Value | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}
