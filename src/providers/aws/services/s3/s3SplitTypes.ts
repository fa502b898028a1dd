// The bucket's split resources (AWS provider v4+): one GET each, mapped as their read functions
// (internal/service/s3/bucket_*.go) set the attributes. A bucket made public, encryption removed or
// weakened, and a policy opened to everyone are errors.
import type { Binding, LiveResult, Severity, Value } from '../../../../model';
import type { ServiceCall, ServiceType } from '../serviceType';
import { normalizePolicy, policySeverity } from '../policyDocument';
import { bucketOf, found, getOn, s3Action } from './s3Read';

const split = (type: string, operation: string, read: (b: Binding, call: ServiceCall) => Promise<LiveResult>, schema?: ServiceType['schema']): ServiceType => ({
  type,
  service: 's3',
  depth: 'deep',
  reads: `s3:${operation}`,
  permissions: [s3Action(operation)],
  read,
  schema,
});

/** Turning a block-public setting off exposes the bucket. */
const offIsError = (expected: Value, actual: Value): Severity => (expected === true && actual === false ? 'error' : 'warning');

export const publicAccessBlockType = split(
  'aws_s3_bucket_public_access_block',
  'GetPublicAccessBlock',
  async (b, call) => {
    const o = await getOn(b, call, 'GetPublicAccessBlock', 'NoSuchPublicAccessBlockConfiguration');
    if ('result' in o) return o.result;
    const c = o.out.PublicAccessBlockConfiguration ?? {};
    // resourceBucketPublicAccessBlockRead: absent booleans are false.
    return found({
      bucket: bucketOf(b),
      block_public_acls: c.BlockPublicAcls ?? false,
      block_public_policy: c.BlockPublicPolicy ?? false,
      ignore_public_acls: c.IgnorePublicAcls ?? false,
      restrict_public_buckets: c.RestrictPublicBuckets ?? false,
    });
  },
  () => ({ attributes: Object.fromEntries(['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].map((k) => [k, { severity: offIsError }])) }),
);

export const versioningType = split(
  'aws_s3_bucket_versioning',
  'GetBucketVersioning',
  async (b, call) => {
    const o = await getOn(b, call, 'GetBucketVersioning');
    if ('result' in o) return o.result;
    // flattenBucketVersioningConfiguration: no Status means never enabled, "Disabled".
    const conf: Record<string, Value> = { status: o.out.Status ?? 'Disabled' };
    if (o.out.MFADelete) conf.mfa_delete = o.out.MFADelete;
    return found({ bucket: bucketOf(b), versioning_configuration: [conf] });
  },
  () => ({ attributes: { versioning_configuration: { block: 'list', attributes: { status: {}, mfa_delete: {} } } } }),
);

/** Encryption removed (no rule) or weakened from KMS to S3-managed keys. */
const encryptionSeverity = (expected: Value, actual: Value): Severity => {
  const kms = (v: Value) => typeof v === 'string' && v.startsWith('aws:kms');
  return actual === null || actual === undefined || actual === '' || (kms(expected) && !kms(actual)) ? 'error' : 'warning';
};

export const encryptionType = split(
  'aws_s3_bucket_server_side_encryption_configuration',
  'GetBucketEncryption',
  async (b, call) => {
    const o = await getOn(b, call, 'GetBucketEncryption', 'ServerSideEncryptionConfigurationNotFoundError');
    if ('result' in o) return o.result;
    const rules = (o.out.ServerSideEncryptionConfiguration?.Rules ?? []) as { ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string; KMSMasterKeyID?: string }; BucketKeyEnabled?: boolean }[];
    // flattenServerSideEncryptionConfigurationRules: kms_master_key_id "" when unset, bucket_key_enabled false.
    const rule = rules.map((r) => ({
      apply_server_side_encryption_by_default: r.ApplyServerSideEncryptionByDefault
        ? [{ sse_algorithm: r.ApplyServerSideEncryptionByDefault.SSEAlgorithm ?? '', kms_master_key_id: r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID ?? '' }]
        : [],
      bucket_key_enabled: r.BucketKeyEnabled ?? false,
    }));
    return found({ bucket: bucketOf(b), rule });
  },
  () => ({
    attributes: {
      rule: {
        block: 'set',
        severity: () => 'error',
        attributes: {
          apply_server_side_encryption_by_default: { block: 'list', attributes: { sse_algorithm: { severity: encryptionSeverity }, kms_master_key_id: { severity: () => 'error' } } },
          bucket_key_enabled: {},
        },
      },
    },
  }),
);

/** A bucket policy that grants everyone (`Principal: "*"`) makes the bucket public. */
export const bucketPolicyType = split(
  'aws_s3_bucket_policy',
  'GetBucketPolicy',
  async (b, call) => {
    const o = await getOn(b, call, 'GetBucketPolicy', 'NoSuchBucketPolicy');
    if ('result' in o) return o.result;
    return found({ bucket: bucketOf(b), policy: String(o.out.Policy ?? '') });
  },
  () => ({ attributes: { policy: { normalize: normalizePolicy, severity: policySeverity } } }),
);

export const ownershipControlsType = split(
  'aws_s3_bucket_ownership_controls',
  'GetBucketOwnershipControls',
  async (b, call) => {
    const o = await getOn(b, call, 'GetBucketOwnershipControls', 'OwnershipControlsNotFoundError');
    if ('result' in o) return o.result;
    const rules = (o.out.OwnershipControls?.Rules ?? []) as { ObjectOwnership?: string }[];
    return found({ bucket: bucketOf(b), rule: rules.map((r) => ({ object_ownership: r.ObjectOwnership ?? '' })) });
  },
  // ACLs enabled again (BucketOwnerEnforced → ObjectWriter) re-opens the ACL path to public objects.
  () => ({ attributes: { rule: { block: 'list', attributes: { object_ownership: { severity: (e, a) => (e === 'BucketOwnerEnforced' && a !== e ? 'error' : 'warning') } } } } }),
);

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTH_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

/**
 * The canned ACL the grants amount to. The provider's read keeps `acl` from the ID (it cannot be read
 * back); we derive it from GetBucketAcl so a bucket opened by ACL in the console is seen.
 */
export function cannedAcl(grants: { Grantee?: { URI?: string }; Permission?: string }[]): string | undefined {
  const to = (uri: string) => new Set(grants.filter((g) => g.Grantee?.URI === uri).map((g) => g.Permission));
  const all = to(ALL_USERS);
  const auth = to(AUTH_USERS);
  if (all.has('READ') && all.has('WRITE')) return 'public-read-write';
  if (all.has('READ')) return 'public-read';
  if (auth.has('READ')) return 'authenticated-read';
  if (all.size === 0 && auth.size === 0 && grants.every((g) => g.Grantee?.URI === undefined)) return grants.length <= 1 ? 'private' : undefined;
  return undefined;
}

export const aclType = split(
  'aws_s3_bucket_acl',
  'GetBucketAcl',
  async (b, call) => {
    const o = await getOn(b, call, 'GetBucketAcl');
    if ('result' in o) return o.result;
    const acl = cannedAcl(o.out.Grants ?? []);
    const attributes: Record<string, Value> = { bucket: bucketOf(b) };
    if (acl) attributes.acl = acl;
    return acl ? found(attributes) : { status: 'found', attributes, unreadable: { acl: 'the grants are not a canned ACL' } };
  },
  () => ({ attributes: { acl: { severity: (_e, a) => (typeof a === 'string' && a.startsWith('public') ? 'error' : 'warning') } } }),
);

export const lifecycleType = split(
  'aws_s3_bucket_lifecycle_configuration',
  'GetBucketLifecycleConfiguration',
  async (b, call) => {
    const o = await getOn(b, call, 'GetBucketLifecycleConfiguration', 'NoSuchLifecycleConfiguration');
    if ('result' in o) return o.result;
    const rules = (o.out.Rules ?? []) as { ID?: string; Status?: string }[];
    return found({ bucket: bucketOf(b), rule: rules.map((r) => ({ id: r.ID ?? '', status: r.Status ?? '' })) });
  },
  // Rules are matched by id; only id and status are read (filters and actions are "not read").
  () => ({ attributes: { rule: { block: 'set', key: ['id'], attributes: { id: {}, status: {} } } } }),
);

export const loggingType = split(
  'aws_s3_bucket_logging',
  'GetBucketLogging',
  async (b, call) => {
    const o = await getOn(b, call, 'GetBucketLogging');
    if ('result' in o) return o.result;
    // findLoggingEnabled: no LoggingEnabled is NotFound, so the read function drops the resource.
    const l = o.out.LoggingEnabled;
    if (!l) return { status: 'not-found', reason: 'GetBucketLogging: logging is off (the provider\'s read function removes the resource from state)' };
    return found({ bucket: bucketOf(b), target_bucket: l.TargetBucket ?? '', target_prefix: l.TargetPrefix ?? '' });
  },
);

export const S3_SPLIT_TYPES: readonly ServiceType[] = [publicAccessBlockType, versioningType, encryptionType, bucketPolicyType, ownershipControlsType, aclType, lifecycleType, loggingType];
