// Round two of the Cloud Control table (issue 12, the ≥ 90 % target): the long tail of types that
// terraform-aws-modules declare. Each CloudFormation type and primary identifier (order of the compound
// parts included) is taken from the type's resource provider schema; the identifier is built from the
// Terraform ID or state the way the Terraform provider's ID format allows. A type whose identifier
// cannot be told from state answers "cannot tell", never a guess (a wrong identifier is a false "missing").
import type { CloudControlMapping } from './cloudControlMapping';

/** The bucket of an S3 split resource: its Terraform ID is `bucket` or `bucket,expected_bucket_owner`. */
const bucketOf = (id: string) => id.split(',')[0] || undefined;

/** Everything the AWS::S3::Bucket read handler asks (its schema's read permissions). */
const S3_BUCKET_READ = [
  's3:GetAccelerateConfiguration', 's3:GetLifecycleConfiguration', 's3:GetBucketPublicAccessBlock', 's3:GetAnalyticsConfiguration',
  's3:GetBucketCORS', 's3:GetEncryptionConfiguration', 's3:GetInventoryConfiguration', 's3:GetBucketLogging', 's3:GetMetricsConfiguration',
  's3:GetBucketNotification', 's3:GetBucketVersioning', 's3:GetReplicationConfiguration', 's3:GetBucketWebsite',
  's3:GetBucketObjectLockConfiguration', 's3:GetBucketTagging', 's3:GetBucketOwnershipControls', 's3:GetIntelligentTieringConfiguration', 's3:ListBucket',
];

/** An S3 split configuration read through AWS::S3::Bucket: present iff the bucket holds `prop`. */
const s3Split = (prop: string): CloudControlMapping => ({ cfn: 'AWS::S3::Bucket', idOf: bucketOf, requires: prop, tags: false, permissions: S3_BUCKET_READ });

/** A named S3 bucket configuration (`bucket:name`), present iff the bucket's `list` holds an element with that Id. */
const s3Named = (list: string): CloudControlMapping => ({
  cfn: 'AWS::S3::Bucket',
  idOf: (id) => (id.includes(':') ? id.slice(0, id.indexOf(':')) : undefined),
  requiresItem: { list, key: 'Id', value: (id) => (id.includes(':') ? id.slice(id.indexOf(':') + 1) : undefined) },
  tags: false,
  permissions: S3_BUCKET_READ,
});

const SQS_QUEUE_READ = ['sqs:GetQueueAttributes', 'sqs:ListQueueTags'];

export const CLOUD_CONTROL_TABLE_2: Record<string, CloudControlMapping> = {
  // Lambda. aws_lambda_permission's ID is the statement ID; the schema's identifier is FunctionName|Id, and the
  // read handler finds the statement by Sid in GetPolicy(FunctionName). A qualified permission lives in the
  // version's or alias's policy, whose FunctionName form the schema does not pin down: not told, so unverified.
  aws_lambda_permission: { cfn: 'AWS::Lambda::Permission', tags: false, idOf: (_id, s) => (s.qualifier ? undefined : join(s.function_name, s.statement_id)), noId: 'a qualified permission (the schema does not say how FunctionName names the version or alias)', permissions: ['lambda:GetPolicy'] },
  // Identifier FunctionName|Qualifier; the provider's ID is `function_name[:qualifier]`. Without a qualifier
  // the provider reads the unqualified config, which the schema's required Qualifier cannot name: unverified.
  aws_lambda_function_event_invoke_config: { cfn: 'AWS::Lambda::EventInvokeConfig', tags: false, idOf: (_id, s) => (s.qualifier ? join(s.function_name, s.qualifier) : undefined), noId: 'an unqualified config (the schema requires a Qualifier)', props: { maximum_event_age_in_seconds: 'MaximumEventAgeInSeconds', maximum_retry_attempts: 'MaximumRetryAttempts' }, permissions: ['lambda:GetFunctionEventInvokeConfig'] },
  // The provider's ID is the layer version ARN, the schema's identifier LayerVersionArn.
  aws_lambda_layer_version: { cfn: 'AWS::Lambda::LayerVersion', tags: false, permissions: ['lambda:GetLayerVersion'] },
  // Identifier FunctionArn; an unqualified URL's is the function ARN state records (a qualified one: unverified).
  aws_lambda_function_url: { cfn: 'AWS::Lambda::Url', tags: false, idOf: (_id, s) => (s.qualifier ? undefined : s.function_arn || undefined), noId: 'a qualified URL (its FunctionArn form is not pinned down)', props: { authorization_type: 'AuthType', invoke_mode: 'InvokeMode' }, permissions: ['lambda:GetFunctionUrlConfig'] },
  // Identifier ResourceArn|WebACLArn (the provider's ID joins them the other way with ','). The schema's read
  // permissions also list write actions; only the read ones are asked for.
  aws_wafv2_web_acl_association: { cfn: 'AWS::WAFv2::WebACLAssociation', tags: false, idParts: ['resource_arn', 'web_acl_arn'], permissions: ['wafv2:GetWebACLForResource', 'wafv2:GetWebACL'] },
  // SQS/SNS policies: the provider's ID is the queue URL / topic ARN, the inline-policy types' identifiers.
  aws_sqs_queue_policy: { cfn: 'AWS::SQS::QueueInlinePolicy', tags: false, requires: 'PolicyDocument', permissions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl'] },
  aws_sns_topic_policy: { cfn: 'AWS::SNS::TopicInlinePolicy', tags: false, permissions: ['sns:GetTopicAttributes'] },
  // The provider's queue attribute handler (sqs/queue_redrive_policy.go, queue_redrive_allow_policy.go) reads the
  // queue attribute and treats an empty one as gone; AWS::SQS::Queue holds both, its identifier QueueUrl = the ID.
  aws_sqs_queue_redrive_policy: { cfn: 'AWS::SQS::Queue', tags: false, requires: 'RedrivePolicy', permissions: SQS_QUEUE_READ },
  aws_sqs_queue_redrive_allow_policy: { cfn: 'AWS::SQS::Queue', tags: false, requires: 'RedriveAllowPolicy', permissions: SQS_QUEUE_READ },
  // The provider's ID is the repository name; LifecyclePolicyNotFoundException removes it from state.
  aws_ecr_lifecycle_policy: { cfn: 'AWS::ECR::Repository', tags: false, requires: 'LifecyclePolicy', permissions: ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:GetRepositoryPolicy', 'ecr:ListTagsForResource'] },
  // EKS: compound identifiers from the state attributes (the provider's IDs join the same values with ':').
  aws_eks_access_entry: { cfn: 'AWS::EKS::AccessEntry', idParts: ['principal_arn', 'cluster_name'], props: { type: 'Type' }, permissions: ['eks:DescribeAccessEntry', 'eks:ListAssociatedAccessPolicies'] },
  aws_eks_addon: { cfn: 'AWS::EKS::Addon', idParts: ['cluster_name', 'addon_name'], props: { addon_version: 'AddonVersion', service_account_role_arn: 'ServiceAccountRoleArn' }, permissions: ['eks:DescribeAddon'] },
  // resourceAccessPolicyAssociationRead: gone when the entry's associated policies no longer list the ARN.
  aws_eks_access_policy_association: { cfn: 'AWS::EKS::AccessEntry', idParts: ['principal_arn', 'cluster_name'], tags: false, requiresItem: { list: 'AccessPolicies', key: 'PolicyArn', value: (_id, s) => s.policy_arn || undefined }, permissions: ['eks:DescribeAccessEntry', 'eks:ListAssociatedAccessPolicies'] },
  aws_eks_fargate_profile: { cfn: 'AWS::EKS::FargateProfile', idParts: ['cluster_name', 'fargate_profile_name'], props: { pod_execution_role_arn: 'PodExecutionRoleArn' }, permissions: ['eks:DescribeFargateProfile'] },
  aws_eks_pod_identity_association: { cfn: 'AWS::EKS::PodIdentityAssociation', idFrom: 'association_arn', props: { namespace: 'Namespace', service_account: 'ServiceAccount', role_arn: 'RoleArn' }, permissions: ['eks:DescribePodIdentityAssociation'] },
  // The provider's ID is `cluster:config_name` (a cluster name has no ':'); OIDC is the only type it manages.
  aws_eks_identity_provider_config: { cfn: 'AWS::EKS::IdentityProviderConfig', idOf: (id) => { const i = id.indexOf(':'); return i > 0 ? join(id.slice(i + 1), id.slice(0, i), 'OIDC') : undefined; }, permissions: ['eks:DescribeIdentityProviderConfig'] },
  // Name-identified types whose Terraform ID is the name (or idFrom names the attribute holding it).
  // resourceInstanceRoleAssociationRead: gone when the instance's AssociatedRoles no longer hold the role.
  aws_db_instance_role_association: { cfn: 'AWS::RDS::DBInstance', idFrom: 'db_instance_identifier', tags: false, requiresItem: { list: 'AssociatedRoles', key: 'RoleArn', value: (_id, s) => s.role_arn || undefined }, permissions: ['rds:DescribeDBInstances'] },
  aws_db_option_group: { cfn: 'AWS::RDS::OptionGroup', props: { engine_name: 'EngineName', major_engine_version: 'MajorEngineVersion' }, permissions: ['rds:DescribeOptionGroups', 'rds:ListTagsForResource'] },
  aws_redshift_subnet_group: { cfn: 'AWS::Redshift::ClusterSubnetGroup', props: { description: 'Description' }, permissions: ['redshift:DescribeClusterSubnetGroups', 'redshift:DescribeTags', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs'] },
  aws_codedeploy_app: { cfn: 'AWS::CodeDeploy::Application', idFrom: 'name', props: { compute_platform: 'ComputePlatform' }, permissions: ['codedeploy:GetApplication', 'codedeploy:ListTagsForResource'] },
  // The provider's ID is `[bus/]name`; the schema's identifier is the rule ARN, which state records.
  aws_cloudwatch_event_rule: { cfn: 'AWS::Events::Rule', idFrom: 'arn', tags: false, props: { description: 'Description', schedule_expression: 'ScheduleExpression' }, permissions: ['events:DescribeRule', 'events:ListTargetsByRule'] },
  aws_rolesanywhere_profile: { cfn: 'AWS::RolesAnywhere::Profile', props: { name: 'Name', enabled: 'Enabled' }, permissions: ['rolesanywhere:GetProfile', 'rolesanywhere:ListTagsForResource'] },
  aws_rolesanywhere_trust_anchor: { cfn: 'AWS::RolesAnywhere::TrustAnchor', props: { name: 'Name', enabled: 'Enabled' }, permissions: ['rolesanywhere:GetTrustAnchor', 'rolesanywhere:ListTagsForResource'] },
  aws_lb_trust_store: { cfn: 'AWS::ElasticLoadBalancingV2::TrustStore', props: { name: 'Name' }, permissions: ['elasticloadbalancing:DescribeTrustStores', 'elasticloadbalancing:DescribeTags'] },
  // S3 split configurations the deep S3 reader does not cover, read through the bucket (the provider's read
  // functions remove them on NoSuchCORSConfiguration, NoSuchWebsiteConfiguration, an empty accelerate status,
  // ReplicationConfigurationNotFoundError, ObjectLockConfigurationNotFoundError).
  aws_s3_bucket_cors_configuration: s3Split('CorsConfiguration'),
  aws_s3_bucket_website_configuration: s3Split('WebsiteConfiguration'),
  aws_s3_bucket_accelerate_configuration: s3Split('AccelerateConfiguration'),
  aws_s3_bucket_replication_configuration: s3Split('ReplicationConfiguration'),
  aws_s3_bucket_object_lock_configuration: s3Split('ObjectLockConfiguration'),
  // Named bucket configurations: the provider's ID is `bucket:name`, its read removes them on NoSuchConfiguration;
  // AWS::S3::Bucket lists them by Id.
  aws_s3_bucket_analytics_configuration: s3Named('AnalyticsConfigurations'),
  aws_s3_bucket_intelligent_tiering_configuration: s3Named('IntelligentTieringConfigurations'),
  aws_s3_bucket_inventory: s3Named('InventoryConfigurations'),
  aws_s3_bucket_metric: s3Named('MetricsConfigurations'),
  // resourceBucketNotificationRead and resourceBucketRequestPaymentConfigurationRead drop these only on
  // NoSuchBucket (every bucket has both configurations), so they exist while the bucket does.
  aws_s3_bucket_notification: { cfn: 'AWS::S3::Bucket', idOf: bucketOf, tags: false, permissions: S3_BUCKET_READ },
  aws_s3_bucket_request_payment_configuration: { cfn: 'AWS::S3::Bucket', idOf: bucketOf, tags: false, permissions: S3_BUCKET_READ },
};

/** A compound Cloud Control identifier; undefined when a part is unknown. */
function join(...parts: (string | undefined)[]): string | undefined {
  return parts.every((p) => p) ? parts.join('|') : undefined;
}
