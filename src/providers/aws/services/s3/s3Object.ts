// aws_s3_object (and the older aws_s3_bucket_object), read as resourceObjectRead does: HeadObject on
// bucket/key; NotFound (404) removes it from state. A 403 — what S3 answers for a missing key when the
// caller lacks s3:ListBucket — is never "missing": it stays unverified. The body is never fetched.
import type { Binding, LiveResult } from '../../../../model';
import { NOT_READ_HERE, serviceErrorCode, type ServiceCall, type ServiceType } from '../serviceType';

/** The provider strips the ETag's quotes (resourceObjectRead: strings.Trim(etag, `"`)). */
const unquote = (s: string | undefined): string => (s ?? '').replace(/^"|"$/g, '');

async function read(b: Binding, call: ServiceCall): Promise<LiveResult> {
  const bucket = b.stateAttributes?.bucket || (typeof b.declared?.bucket === 'string' ? b.declared.bucket : undefined);
  const key = b.stateAttributes?.key || b.liveId;
  if (!bucket) return { status: 'error', kind: 'other', reason: 'cannot tell the bucket: state and code name none' };
  let out;
  try {
    out = await call('HeadObject', { Bucket: bucket, Key: key });
  } catch (e) {
    if (['NotFound', 'NoSuchKey', 'NoSuchBucket'].includes(serviceErrorCode(e))) return { status: 'not-found', reason: `HeadObject s3://${bucket}/${key}: ${serviceErrorCode(e)}` };
    throw e;
  }
  const attributes: Record<string, string> = {};
  const unreadable: Record<string, string> = {};
  for (const a of b.declaredAttributes) {
    if (a === 'bucket') attributes.bucket = bucket;
    else if (a === 'key') attributes.key = key;
    else if (a === 'content_type') attributes.content_type = String(out.ContentType ?? '');
    else if (a === 'etag') attributes.etag = unquote(out.ETag);
    else unreadable[a] = `${NOT_READ_HERE} (the object's body and metadata beyond its content type are not read)`;
  }
  return Object.keys(unreadable).length ? { status: 'found', attributes, unreadable } : { status: 'found', attributes };
}

const objectType = (type: string): ServiceType => ({
  type, service: 's3', depth: 'existence+tags', reads: 's3:HeadObject', permissions: ['s3:GetObject', 's3:ListBucket'], read,
});

export const S3_OBJECT_TYPES: readonly ServiceType[] = [objectType('aws_s3_object')];
