// Terraform type → CloudFormation type for the types public modules use most that DriftLens has no
// deep reader for: found or missing through Cloud Control GetResource, tags compared, properties that
// map one to one compared, the rest of the block reported as "existence and tags only".
// Only properties whose value Terraform keeps exactly as CloudFormation returns it (no version prefixes such as
// RDS engine_version "8.0" vs "8.0.35", no alias-vs-ARN key IDs, no objects for strings).
// `id`: the CloudFormation primary identifier from the Terraform ID (or a state attribute when the
// Terraform ID is another value); `props`: Terraform attribute → CloudFormation property.

import type { CloudControlMapping } from './cloudControlMapping';
import { CLOUD_CONTROL_TABLE_2 } from './cloudControlTable2';
import { CLOUD_CONTROL_TABLE_3 } from './cloudControlTable3';

export type { CloudControlMapping };

const lastSegment = (arn: string) => arn.split('/').pop() ?? arn;

export const CLOUD_CONTROL_TABLE: Record<string, CloudControlMapping> = {
  aws_lambda_function: { cfn: 'AWS::Lambda::Function', props: { runtime: 'Runtime', handler: 'Handler', memory_size: 'MemorySize', timeout: 'Timeout', description: 'Description', role: 'Role', architectures: 'Architectures' }, permissions: ['lambda:GetFunction', 'lambda:GetFunctionCodeSigningConfig', 'lambda:GetRuntimeManagementConfig'] },
  aws_lambda_alias: { cfn: 'AWS::Lambda::Alias', idFrom: 'arn', tags: false, props: { function_version: 'FunctionVersion', description: 'Description' }, permissions: ['lambda:GetAlias', 'lambda:GetProvisionedConcurrencyConfig'] },
  aws_kms_key: { cfn: 'AWS::KMS::Key', props: { description: 'Description', enable_key_rotation: 'EnableKeyRotation', key_usage: 'KeyUsage', multi_region: 'MultiRegion' }, permissions: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'] },
  aws_kms_alias: { cfn: 'AWS::KMS::Alias', tags: false, props: { target_key_id: 'TargetKeyId' }, permissions: ['kms:ListAliases'] },
  aws_cloudwatch_log_group: { cfn: 'AWS::Logs::LogGroup', props: { retention_in_days: 'RetentionInDays', kms_key_id: 'KmsKeyId' }, permissions: ['logs:DescribeLogGroups', 'logs:ListTagsForResource', 'logs:GetDataProtectionPolicy'] },
  aws_cloudwatch_metric_alarm: { cfn: 'AWS::CloudWatch::Alarm', props: { comparison_operator: 'ComparisonOperator', evaluation_periods: 'EvaluationPeriods', metric_name: 'MetricName', namespace: 'Namespace', threshold: 'Threshold', alarm_description: 'AlarmDescription' }, permissions: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'] },
  aws_cloudwatch_dashboard: { cfn: 'AWS::CloudWatch::Dashboard', tags: false, permissions: ['cloudwatch:GetDashboard'] },
  aws_sqs_queue: { cfn: 'AWS::SQS::Queue', props: { delay_seconds: 'DelaySeconds', visibility_timeout_seconds: 'VisibilityTimeout', message_retention_seconds: 'MessageRetentionPeriod', max_message_size: 'MaximumMessageSize', fifo_queue: 'FifoQueue', sqs_managed_sse_enabled: 'SqsManagedSseEnabled' }, permissions: ['sqs:GetQueueAttributes', 'sqs:ListQueueTags'] },
  aws_sns_topic: { cfn: 'AWS::SNS::Topic', props: { display_name: 'DisplayName', fifo_topic: 'FifoTopic', kms_master_key_id: 'KmsMasterKeyId' }, permissions: ['sns:GetTopicAttributes', 'sns:ListTagsForResource', 'sns:ListSubscriptionsByTopic', 'sns:GetDataProtectionPolicy'] },
  aws_dynamodb_table: { cfn: 'AWS::DynamoDB::Table', props: { billing_mode: 'BillingMode', table_class: 'TableClass', deletion_protection_enabled: 'DeletionProtectionEnabled' }, permissions: ['dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups', 'dynamodb:DescribeContributorInsights', 'dynamodb:DescribeKinesisStreamingDestination', 'dynamodb:DescribeTimeToLive', 'dynamodb:ListTagsOfResource', 'dynamodb:GetResourcePolicy'] },
  aws_ecr_repository: { cfn: 'AWS::ECR::Repository', props: { image_tag_mutability: 'ImageTagMutability' }, permissions: ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:GetRepositoryPolicy', 'ecr:ListTagsForResource'] },
  aws_lb: { cfn: 'AWS::ElasticLoadBalancingV2::LoadBalancer', props: { name: 'Name', load_balancer_type: 'Type', ip_address_type: 'IpAddressType' }, permissions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeTags'] },
  aws_lb_target_group: { cfn: 'AWS::ElasticLoadBalancingV2::TargetGroup', props: { name: 'Name', port: 'Port', protocol: 'Protocol', target_type: 'TargetType', vpc_id: 'VpcId' }, permissions: ['elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetGroupAttributes', 'elasticloadbalancing:DescribeTags'] },
  aws_lb_listener: { cfn: 'AWS::ElasticLoadBalancingV2::Listener', tags: false, props: { port: 'Port', protocol: 'Protocol', ssl_policy: 'SslPolicy' }, permissions: ['elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeListenerAttributes'] },
  aws_lb_listener_rule: { cfn: 'AWS::ElasticLoadBalancingV2::ListenerRule', tags: false, props: { priority: 'Priority' }, permissions: ['elasticloadbalancing:DescribeRules'] },
  aws_lambda_event_source_mapping: { cfn: 'AWS::Lambda::EventSourceMapping', props: { batch_size: 'BatchSize', enabled: 'Enabled' }, permissions: ['lambda:GetEventSourceMapping', 'lambda:ListTags'] },
  aws_autoscaling_group: { cfn: 'AWS::AutoScaling::AutoScalingGroup', props: { min_size: 'MinSize', max_size: 'MaxSize', desired_capacity: 'DesiredCapacity' }, numeric: ['MinSize', 'MaxSize', 'DesiredCapacity'], permissions: ['autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeLifecycleHooks', 'autoscaling:DescribeWarmPool', 'autoscaling:DescribeTrafficSources'] },
  aws_route53_zone: { cfn: 'AWS::Route53::HostedZone', tags: 'HostedZoneTags', permissions: ['route53:GetHostedZone', 'route53:ListTagsForResource', 'route53:ListQueryLoggingConfigs', 'route53:GetDNSSEC'] },
  aws_db_instance: { cfn: 'AWS::RDS::DBInstance', idFrom: 'identifier', props: { instance_class: 'DBInstanceClass', engine: 'Engine', allocated_storage: 'AllocatedStorage', multi_az: 'MultiAZ', publicly_accessible: 'PubliclyAccessible', storage_encrypted: 'StorageEncrypted', deletion_protection: 'DeletionProtection' }, numeric: ['AllocatedStorage'], permissions: ['rds:DescribeDBInstances'] },
  aws_rds_cluster: { cfn: 'AWS::RDS::DBCluster', props: { engine: 'Engine', storage_encrypted: 'StorageEncrypted', deletion_protection: 'DeletionProtection', database_name: 'DatabaseName' }, permissions: ['rds:DescribeDBClusters'] },
  aws_rds_cluster_instance: { cfn: 'AWS::RDS::DBInstance', props: { instance_class: 'DBInstanceClass', engine: 'Engine', publicly_accessible: 'PubliclyAccessible' }, permissions: ['rds:DescribeDBInstances'] },
  aws_db_subnet_group: { cfn: 'AWS::RDS::DBSubnetGroup', props: { description: 'DBSubnetGroupDescription' }, permissions: ['rds:DescribeDBSubnetGroups', 'rds:ListTagsForResource'] },
  aws_db_parameter_group: { cfn: 'AWS::RDS::DBParameterGroup', props: { family: 'Family', description: 'Description' }, permissions: ['rds:DescribeDBParameterGroups', 'rds:DescribeDBParameters', 'rds:ListTagsForResource'] },
  aws_rds_cluster_parameter_group: { cfn: 'AWS::RDS::DBClusterParameterGroup', props: { family: 'Family', description: 'Description' }, permissions: ['rds:DescribeDBClusterParameterGroups', 'rds:DescribeDBClusterParameters', 'rds:ListTagsForResource'] },
  aws_secretsmanager_secret: { cfn: 'AWS::SecretsManager::Secret', props: { description: 'Description' }, permissions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy'] },
  aws_ecs_cluster: { cfn: 'AWS::ECS::Cluster', idOf: lastSegment, permissions: ['ecs:DescribeClusters'] },
  aws_ecs_task_definition: { cfn: 'AWS::ECS::TaskDefinition', idFrom: 'arn', props: { family: 'Family', cpu: 'Cpu', memory: 'Memory', network_mode: 'NetworkMode' }, permissions: ['ecs:DescribeTaskDefinition'] },
  aws_eks_cluster: { cfn: 'AWS::EKS::Cluster', props: { version: 'Version', role_arn: 'RoleArn' }, permissions: ['eks:DescribeCluster'] },
  aws_efs_file_system: { cfn: 'AWS::EFS::FileSystem', tags: 'FileSystemTags', props: { encrypted: 'Encrypted', performance_mode: 'PerformanceMode', throughput_mode: 'ThroughputMode' }, permissions: ['elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeBackupPolicy', 'elasticfilesystem:DescribeFileSystemPolicy', 'elasticfilesystem:DescribeLifecycleConfiguration'] },
  aws_sfn_state_machine: { cfn: 'AWS::StepFunctions::StateMachine', props: { role_arn: 'RoleArn', type: 'StateMachineType' }, permissions: ['states:DescribeStateMachine', 'states:ListTagsForResource'] },
  aws_kinesis_stream: { cfn: 'AWS::Kinesis::Stream', idFrom: 'name', props: { shard_count: 'ShardCount', retention_period: 'RetentionPeriodHours' }, permissions: ['kinesis:DescribeStreamSummary', 'kinesis:DescribeStreamConsumer', 'kinesis:ListTagsForStream'] },
  aws_apigatewayv2_api: { cfn: 'AWS::ApiGatewayV2::Api', props: { name: 'Name', protocol_type: 'ProtocolType' }, permissions: ['apigateway:GET'] },
  aws_cloudfront_distribution: { cfn: 'AWS::CloudFront::Distribution', permissions: ['cloudfront:GetDistribution', 'cloudfront:GetDistributionConfig', 'cloudfront:ListTagsForResource'] },
  aws_iam_openid_connect_provider: { cfn: 'AWS::IAM::OIDCProvider', permissions: ['iam:GetOpenIDConnectProvider'] },
  aws_elasticache_subnet_group: { cfn: 'AWS::ElastiCache::SubnetGroup', props: { description: 'Description' }, permissions: ['elasticache:DescribeCacheSubnetGroups', 'elasticache:ListTagsForResource'] },
  aws_ssm_document: { cfn: 'AWS::SSM::Document', props: { document_type: 'DocumentType' }, permissions: ['ssm:GetDocument', 'ssm:ListTagsForResource'] },
  ...CLOUD_CONTROL_TABLE_2,
  ...CLOUD_CONTROL_TABLE_3,
};

/** The CloudFormation primary identifier, or undefined when neither the ID nor state gives it. */
export function cloudControlIdentifier(m: CloudControlMapping, liveId: string, state: Record<string, string> | undefined): string | undefined {
  if (m.idFrom) return state?.[m.idFrom] || undefined;
  if (m.idParts) {
    const parts = m.idParts.map((k) => state?.[k] ?? '');
    return parts.every((v) => v !== '') ? parts.join('|') : undefined;
  }
  return m.idOf ? m.idOf(liveId, state ?? {}) : liveId;
}
