// aws_s3_bucket: HeadBucket for existence (the bucket's region is followed by the SDK), then only the
// GETs the declared attributes need. Since provider v4 the bucket's `policy`, `versioning`… are
// computed from the split resources' APIs; resourceBucketRead sets an absent one to its empty value.
import type { Value } from '../../../../model';
import type { ServiceType } from '../serviceType';
import { serviceErrorCode } from '../serviceType';
import { normalizePolicy, policySeverity } from '../policyDocument';
import { BUCKET_GONE, bucketOf, bucketTags, s3Action } from './s3Read';

export const s3BucketType: ServiceType = {
  type: 'aws_s3_bucket',
  service: 's3',
  depth: 'deep',
  reads: 's3:HeadBucket',
  permissions: [s3Action('HeadBucket'), 's3:GetBucketTagging', 's3:GetBucketPolicy', 's3:GetBucketVersioning'],
  schema: () => ({ attributes: { tags: { tagMap: true }, policy: { normalize: normalizePolicy, severity: policySeverity }, versioning: { block: 'list', attributes: { enabled: {}, mfa_delete: {} } } } }),
  async read(b, call) {
    const bucket = bucketOf(b);
    try {
      await call('HeadBucket', { Bucket: bucket });
    } catch (e) {
      if (BUCKET_GONE.has(serviceErrorCode(e))) return { status: 'not-found', reason: `HeadBucket: bucket ${bucket} does not exist` };
      throw e;
    }
    const declared = new Set(b.declaredAttributes);
    const attributes: Record<string, Value> = { bucket, id: bucket };
    if (declared.has('tags')) attributes.tags = await bucketTags(bucket, call);
    if (declared.has('policy')) {
      try {
        attributes.policy = String((await call('GetBucketPolicy', { Bucket: bucket })).Policy ?? '');
      } catch (e) {
        // resourceBucketRead: NoSuchBucketPolicy sets policy to "".
        if (serviceErrorCode(e) !== 'NoSuchBucketPolicy') throw e;
        attributes.policy = '';
      }
    }
    if (declared.has('versioning')) {
      const v = await call('GetBucketVersioning', { Bucket: bucket });
      // flattenVersioning: enabled only for "Enabled"; mfa_delete only for "Enabled".
      attributes.versioning = [{ enabled: v.Status === 'Enabled', mfa_delete: v.MFADelete === 'Enabled' }];
    }
    return { status: 'found', attributes };
  },
};
