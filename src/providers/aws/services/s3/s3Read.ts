// Per-bucket S3 GETs with the error rules of the provider's read functions: NoSuchBucket is the
// resource gone; a sub-configuration's own NotFound code (NoSuchBucketPolicy…) is what the split
// resource's read function treats as "removed from state" — missing for that resource, an empty
// value for the bucket's own computed attribute; AccessDenied and the rest are thrown (unverified).
import type { Binding, LiveResult, Value } from '../../../../model';
import { serviceErrorCode, type Output, type ServiceCall } from '../serviceType';
import { isSystemTag } from '../../tags';

/** A Terraform S3 ID is the bucket, or `bucket,expected_bucket_owner[,acl]`. */
export const bucketOf = (b: Binding): string => b.liveId.split(',')[0];

/** The IAM action each S3 GET needs (they are not all named after the API operation). */
const S3_ACTIONS: Record<string, string> = {
  HeadBucket: 's3:ListBucket',
  HeadObject: 's3:GetObject',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
};
export const s3Action = (operation: string): string => S3_ACTIONS[operation] ?? `s3:${operation}`;

export const BUCKET_GONE = new Set(['NoSuchBucket', 'NotFound']);

export type Outcome = { out: Output } | { result: LiveResult };

/** One GET on the bucket: its output, or the verdict its error code means (`emptyCode`: the sub-resource is absent). */
export async function getOn(b: Binding, call: ServiceCall, operation: string, emptyCode?: string): Promise<Outcome> {
  try {
    return { out: await call(operation, { Bucket: bucketOf(b) }) };
  } catch (e) {
    const code = serviceErrorCode(e);
    if (BUCKET_GONE.has(code)) return { result: { status: 'not-found', reason: `${operation}: bucket ${bucketOf(b)} does not exist (${code})` } };
    if (emptyCode && code === emptyCode) return { result: { status: 'not-found', reason: `${operation}: ${code} (the provider's read function removes the resource from state)` } };
    throw e;
  }
}

/** GetBucketTagging's TagSet as a tags map; NoSuchTagSet is no tags (resourceBucketRead sets `{}`). */
export async function bucketTags(bucket: string, call: ServiceCall): Promise<Record<string, string>> {
  try {
    const out = await call('GetBucketTagging', { Bucket: bucket });
    const tags: Record<string, string> = {};
    for (const t of (out.TagSet ?? []) as { Key?: string; Value?: string }[]) if (t.Key && !isSystemTag(t.Key)) tags[t.Key] = t.Value ?? '';
    return tags;
  } catch (e) {
    if (serviceErrorCode(e) === 'NoSuchTagSet') return {};
    throw e;
  }
}

export const found = (attributes: Record<string, Value>): LiveResult => ({ status: 'found', attributes });
