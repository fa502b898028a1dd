// The AWS types read outside EC2: S3 and IAM in depth, SSM parameters, and the existence+tags types
// read through Cloud Control. Adding a type = its ServiceType + this list (+ a row appears in `driftlens types`).
import type { TypeCoverage, TypeSchema } from '../../../model';
import type { ServiceType } from './serviceType';
import { s3BucketType } from './s3/s3Bucket';
import { S3_SPLIT_TYPES } from './s3/s3SplitTypes';
import { IAM_TYPES } from './iam/iamTypes';
import { managedPolicyArnsSchema } from './iam/roleAttachments';
import { ssmParameterType } from './ssm/ssmParameter';
import { CLOUD_CONTROL_TYPES } from './cloudControl/cloudControlType';
import { IAM_PRINCIPAL_ATTACHMENT_TYPES } from './iam/principalAttachments';
import { IAM_USER_ACCOUNT_TYPES } from './iam/iamUserAccount';
import { IAM_USER_KEY_TYPES } from './iam/iamUserKeys';
import { S3_OBJECT_TYPES } from './s3/s3Object';
import { route53RecordType } from './route53/route53Record';
import { LB_TARGET_GROUP_ATTACHMENT_TYPES } from './elbv2/targetGroupAttachment';
import { LB_LISTENER_CERTIFICATE_TYPES } from './elbv2/listenerCertificate';
import { iamPolicyAttachmentType, policyAttachmentKey, policyAttachmentSchema, POLICY_ATTACHMENT } from './iam/policyAttachment';
import { normalizePolicy, policySeverity } from './policyDocument';

export const SERVICE_TYPES: readonly ServiceType[] = [s3BucketType, ...S3_SPLIT_TYPES, ...IAM_TYPES, ...IAM_PRINCIPAL_ATTACHMENT_TYPES, ...IAM_USER_ACCOUNT_TYPES, ...IAM_USER_KEY_TYPES, iamPolicyAttachmentType, ...S3_OBJECT_TYPES, ssmParameterType, route53RecordType, ...LB_TARGET_GROUP_ATTACHMENT_TYPES, ...LB_LISTENER_CERTIFICATE_TYPES, ...CLOUD_CONTROL_TYPES];

const BY_TYPE = new Map(SERVICE_TYPES.map((t) => [t.type, t]));

export const serviceTypeFor = (type: string): ServiceType | undefined => BY_TYPE.get(type);

/**
 * How a service type's attributes compare. `attachments`: role name → policy ARNs the code's
 * aws_iam_role_policy_attachment resources attach (roleAttachments.ts), for the role's managed policies.
 */
export function serviceTypeSchema(type: string, liveId: string | null | undefined, attachments: ReadonlyMap<string, ReadonlySet<string>>): TypeSchema | undefined {
  const t = BY_TYPE.get(type);
  if (!t) return undefined;
  if (type === POLICY_ATTACHMENT) return policyAttachmentSchema([...(attachments.get(policyAttachmentKey(liveId ?? '')) ?? [])][0]);
  const base = t.schema?.() ?? { attributes: {} };
  if (type !== 'aws_iam_role') return base;
  return {
    attributes: {
      ...base.attributes,
      tags: { tagMap: true },
      assume_role_policy: SERVICE_POLICY,
      managed_policy_arns: managedPolicyArnsSchema(attachments.get(liveId ?? '') ?? new Set()),
    },
  };
}

const SERVICE_POLICY = { normalize: normalizePolicy, severity: policySeverity };

export function serviceCoverage(): TypeCoverage[] {
  return SERVICE_TYPES.map((t) => ({ type: t.type, provider: 'aws', depth: t.depth, reads: t.reads, permissions: [...new Set(t.permissions)], ...(t.note ? { note: t.note } : {}) }));
}
