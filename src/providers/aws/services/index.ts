// The AWS types read outside EC2 (S3, IAM, SSM, Cloud Control), for the AWS provider.
export { fetchServiceBindings, classifyServiceError, type ServiceFetchOptions } from './serviceFetch';
export { SERVICE_TYPES, serviceTypeFor, serviceTypeSchema, serviceCoverage } from './serviceTypes';
export { roleAttachmentsOf } from './iam/roleAttachments';
export { normalizePolicy, policySeverity } from './policyDocument';
export { isReadOnly } from './serviceClients';
