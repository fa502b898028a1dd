// Round three of the Cloud Control table (issue 12, the ≥ 90 % target on 22 terraform-aws-modules
// repositories): Application Auto Scaling, ECS, ElastiCache, MSK, API Gateway v2, EventBridge, CloudWatch
// Logs, Route 53 DNSSEC and Resolver, and the rest of the long tail. Each CloudFormation type, its primary
// identifier (parts in the schema's order) and its read permissions come from the type's registry schema
// (`primaryIdentifier`, `handlers.read`); each identifier is built from the Terraform ID or from state
// attributes the provider's resource sets. Types whose state has no `id` (plugin-framework resources such
// as aws_cloudwatch_log_delivery_destination or the s3vectors types) are left out: without an ID the
// engine cannot bind them, so counting them as checked would overstate coverage. aws_s3_directory_bucket
// (AWS::S3Express::DirectoryBucket) is left out too: the test suite uses it as its unsupported type.
import type { CloudControlMapping } from './cloudControlMapping';

/** A compound Cloud Control identifier; undefined when a part is unknown. */
const join = (...parts: (string | undefined)[]): string | undefined => (parts.every((p) => p) ? parts.join('|') : undefined);

const APIGW = ['apigateway:GET'];

/** API Gateway v2 children: the Terraform ID is the child's own ID, the API (or domain) comes from state. */
const apiChild = (cfn: string, id: (own: string, s: Record<string, string>) => string | undefined, extra: Partial<CloudControlMapping> = {}): CloudControlMapping => ({
  cfn, tags: false, idOf: id, permissions: APIGW, ...extra,
});

const ELASTICACHE_TAGS = 'elasticache:ListTagsForResource';

export const CLOUD_CONTROL_TABLE_3: Record<string, CloudControlMapping> = {
  // Application Auto Scaling. The target's Terraform ID is the resource ID alone; the schema's identifier is
  // ResourceId|ScalableDimension|ServiceNamespace, all three in state (resourceTargetRead sets them).
  aws_appautoscaling_target: { cfn: 'AWS::ApplicationAutoScaling::ScalableTarget', tags: false, idParts: ['resource_id', 'scalable_dimension', 'service_namespace'], props: { min_capacity: 'MinCapacity', max_capacity: 'MaxCapacity' }, permissions: ['application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScheduledActions'] },
  // The policy's Terraform ID is its name; the schema's identifier is Arn|ScalableDimension (resourcePolicyRead sets arn).
  aws_appautoscaling_policy: { cfn: 'AWS::ApplicationAutoScaling::ScalingPolicy', tags: false, idParts: ['arn', 'scalable_dimension'], props: { policy_type: 'PolicyType' }, permissions: ['application-autoscaling:DescribeScalingPolicies'] },
  // EC2 Auto Scaling: the policy's ID is its name, the schema's identifier the ARN state records; a scheduled
  // action's is ScheduledActionName|AutoScalingGroupName.
  aws_autoscaling_policy: { cfn: 'AWS::AutoScaling::ScalingPolicy', idFrom: 'arn', tags: false, props: { policy_type: 'PolicyType' }, permissions: ['autoscaling:DescribePolicies'] },
  aws_autoscaling_schedule: { cfn: 'AWS::AutoScaling::ScheduledAction', idParts: ['scheduled_action_name', 'autoscaling_group_name'], tags: false, props: { recurrence: 'Recurrence' }, permissions: ['autoscaling:DescribeScheduledActions'] },
  // ID `asg,type,identifier` (resourceTrafficSourceAttachmentRead): present while the group lists the identifier.
  aws_autoscaling_traffic_source_attachment: {
    cfn: 'AWS::AutoScaling::AutoScalingGroup', tags: false,
    idOf: (id) => id.split(',')[0] || undefined,
    requiresItem: { list: 'TrafficSources', key: 'Identifier', value: (id) => { const p = id.split(','); return p.length >= 3 ? p.slice(2).join(',') : undefined; } },
    permissions: ['autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeTrafficSources'],
  },
  // CloudWatch Logs. Metric filter, stream and subscription filter IDs are their names; the log group from state.
  aws_cloudwatch_log_metric_filter: { cfn: 'AWS::Logs::MetricFilter', tags: false, idParts: ['log_group_name', 'name'], props: { pattern: 'FilterPattern' }, permissions: ['logs:DescribeMetricFilters'] },
  aws_cloudwatch_log_stream: { cfn: 'AWS::Logs::LogStream', tags: false, idParts: ['log_group_name', 'name'], permissions: ['logs:DescribeLogStreams'] },
  aws_cloudwatch_log_subscription_filter: { cfn: 'AWS::Logs::SubscriptionFilter', tags: false, idParts: ['name', 'log_group_name'], props: { filter_pattern: 'FilterPattern', destination_arn: 'DestinationArn' }, permissions: ['logs:DescribeSubscriptionFilters'] },
  // ID = the log group name; resourceDataProtectionPolicyRead removes it when the group has no policy.
  aws_cloudwatch_log_data_protection_policy: { cfn: 'AWS::Logs::LogGroup', tags: false, requires: 'DataProtectionPolicy', permissions: ['logs:DescribeLogGroups', 'logs:ListTagsForResource', 'logs:GetDataProtectionPolicy'] },
  aws_cloudwatch_log_delivery: { cfn: 'AWS::Logs::Delivery', permissions: ['logs:GetDelivery', 'logs:ListTagsForResource'] },
  aws_cloudwatch_query_definition: { cfn: 'AWS::Logs::QueryDefinition', tags: false, props: { name: 'Name', query_string: 'QueryString' }, permissions: ['logs:DescribeQueryDefinitions'] },
  // CloudWatch: IDs are the names.
  aws_cloudwatch_composite_alarm: { cfn: 'AWS::CloudWatch::CompositeAlarm', props: { alarm_rule: 'AlarmRule', actions_enabled: 'ActionsEnabled' }, permissions: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'] },
  aws_cloudwatch_metric_stream: { cfn: 'AWS::CloudWatch::MetricStream', props: { output_format: 'OutputFormat', firehose_arn: 'FirehoseArn', role_arn: 'RoleArn' }, permissions: ['cloudwatch:GetMetricStream', 'cloudwatch:ListTagsForResource'] },
  // EventBridge: IDs are the names.
  aws_cloudwatch_event_bus: { cfn: 'AWS::Events::EventBus', permissions: ['events:DescribeEventBus', 'events:ListTagsForResource'] },
  aws_cloudwatch_event_archive: { cfn: 'AWS::Events::Archive', tags: false, props: { event_source_arn: 'SourceArn', retention_days: 'RetentionDays' }, permissions: ['events:DescribeArchive'] },
  aws_cloudwatch_event_api_destination: { cfn: 'AWS::Events::ApiDestination', tags: false, props: { invocation_endpoint: 'InvocationEndpoint', http_method: 'HttpMethod' }, permissions: ['events:DescribeApiDestination'] },
  aws_cloudwatch_event_connection: { cfn: 'AWS::Events::Connection', tags: false, props: { authorization_type: 'AuthorizationType' }, permissions: ['events:DescribeConnection'] },
  // Identifier EventBusName|StatementId; event_bus_name defaults to "default" and may be an ARN, which the
  // schema's EventBusName (a name) does not take: unverified then.
  aws_cloudwatch_event_permission: {
    cfn: 'AWS::Events::EventBusPolicy', tags: false,
    idOf: (_id, s) => (s.event_bus_name?.startsWith('arn:') ? undefined : join(s.event_bus_name || 'default', s.statement_id)),
    noId: 'event_bus_name is an ARN (the schema identifies the bus by name)',
    permissions: ['events:DescribeEventBus'],
  },
  // ECS. The service's ID is its ARN and state's cluster the cluster ARN (resourceServiceRead), the schema's
  // identifier ServiceArn|Cluster. The task set's ID is `task_set_id,service,cluster`, the identifier Cluster|Service|Id.
  aws_ecs_service: { cfn: 'AWS::ECS::Service', idOf: (id, s) => join(id, s.cluster), permissions: ['ecs:DescribeServices'] },
  aws_ecs_task_set: { cfn: 'AWS::ECS::TaskSet', idOf: (id) => { const [set, service, cluster] = id.split(','); return join(cluster, service, set); }, permissions: ['ecs:DescribeTaskSets'] },
  aws_ecs_capacity_provider: { cfn: 'AWS::ECS::CapacityProvider', idFrom: 'name', permissions: ['ecs:DescribeCapacityProviders'] },
  // ID = the cluster name, the schema's identifier Cluster.
  aws_ecs_cluster_capacity_providers: { cfn: 'AWS::ECS::ClusterCapacityProviderAssociations', tags: false, permissions: ['ecs:DescribeClusters'] },
  // EKS managed node group: Terraform's ID is `cluster:nodegroup`; the schema's identifier is Id, the physical
  // resource ID CloudFormation returns as `cluster/nodegroup` (aws/aws-cdk issue 22442).
  aws_eks_node_group: {
    cfn: 'AWS::EKS::Nodegroup',
    idOf: (id) => { const i = id.indexOf(':'); return i > 0 && i < id.length - 1 ? `${id.slice(0, i)}/${id.slice(i + 1)}` : undefined; },
    props: { node_role_arn: 'NodeRole', capacity_type: 'CapacityType', ami_type: 'AmiType' },
    permissions: ['eks:DescribeNodegroup'],
  },
  // ElastiCache: IDs are the names / IDs the schemas identify by.
  aws_elasticache_replication_group: { cfn: 'AWS::ElastiCache::ReplicationGroup', props: { description: 'ReplicationGroupDescription', node_type: 'CacheNodeType' }, permissions: ['elasticache:DescribeReplicationGroups', ELASTICACHE_TAGS] },
  aws_elasticache_cluster: { cfn: 'AWS::ElastiCache::CacheCluster', props: { node_type: 'CacheNodeType', num_cache_nodes: 'NumCacheNodes' }, permissions: ['elasticache:DescribeCacheClusters', ELASTICACHE_TAGS] },
  aws_elasticache_parameter_group: { cfn: 'AWS::ElastiCache::ParameterGroup', props: { family: 'CacheParameterGroupFamily', description: 'Description' }, permissions: ['elasticache:DescribeCacheParameterGroups', 'elasticache:DescribeCacheParameters', ELASTICACHE_TAGS] },
  aws_elasticache_serverless_cache: { cfn: 'AWS::ElastiCache::ServerlessCache', props: { engine: 'Engine', description: 'Description' }, permissions: ['elasticache:DescribeServerlessCaches', ELASTICACHE_TAGS] },
  aws_elasticache_global_replication_group: { cfn: 'AWS::ElastiCache::GlobalReplicationGroup', tags: false, permissions: ['elasticache:DescribeGlobalReplicationGroups'] },
  aws_elasticache_user: { cfn: 'AWS::ElastiCache::User', props: { user_name: 'UserName', access_string: 'AccessString' }, permissions: ['elasticache:DescribeUsers', ELASTICACHE_TAGS] },
  aws_elasticache_user_group: { cfn: 'AWS::ElastiCache::UserGroup', permissions: ['elasticache:DescribeUserGroups', ELASTICACHE_TAGS] },
  // ID `user_group_id,user_id`: present while the group's UserIds hold the user (resourceUserGroupAssociationRead).
  aws_elasticache_user_group_association: {
    cfn: 'AWS::ElastiCache::UserGroup', tags: false,
    idOf: (id) => id.split(',')[0] || undefined,
    requiresItem: { list: 'UserIds', value: (id) => id.split(',')[1] || undefined },
    permissions: ['elasticache:DescribeUserGroups', ELASTICACHE_TAGS],
  },
  // MSK and MSK Connect: IDs are the ARNs the schemas identify by (the policy's and SCRAM association's: the cluster ARN).
  aws_msk_cluster: { cfn: 'AWS::MSK::Cluster', props: { cluster_name: 'ClusterName', kafka_version: 'KafkaVersion', number_of_broker_nodes: 'NumberOfBrokerNodes' }, permissions: ['kafka:DescribeCluster'] },
  aws_msk_serverless_cluster: { cfn: 'AWS::MSK::ServerlessCluster', props: { cluster_name: 'ClusterName' }, permissions: ['kafka:DescribeClusterV2'] },
  aws_msk_configuration: { cfn: 'AWS::MSK::Configuration', tags: false, props: { name: 'Name' }, permissions: ['kafka:DescribeConfiguration'] },
  aws_msk_cluster_policy: { cfn: 'AWS::MSK::ClusterPolicy', tags: false, permissions: ['kafka:GetClusterPolicy'] },
  aws_msk_vpc_connection: { cfn: 'AWS::MSK::VpcConnection', props: { authentication: 'Authentication', target_cluster_arn: 'TargetClusterArn', vpc_id: 'VpcId' }, permissions: ['kafka:DescribeVpcConnection'] },
  // The schema's read permissions also list kms:CreateGrant and secretsmanager:GetSecretValue; only the read of
  // the association itself is asked for (a denied extra surfaces as access denied, never as missing).
  aws_msk_scram_secret_association: { cfn: 'AWS::MSK::BatchScramSecret', tags: false, requires: 'SecretArnList', permissions: ['kafka:ListScramSecrets'] },
  aws_mskconnect_custom_plugin: { cfn: 'AWS::KafkaConnect::CustomPlugin', props: { name: 'Name', content_type: 'ContentType' }, permissions: ['kafkaconnect:DescribeCustomPlugin', 'kafkaconnect:ListTagsForResource'] },
  aws_mskconnect_worker_configuration: { cfn: 'AWS::KafkaConnect::WorkerConfiguration', props: { name: 'Name' }, permissions: ['kafkaconnect:DescribeWorkerConfiguration', 'kafkaconnect:ListTagsForResource'] },
  // API Gateway v2: the Terraform ID is the child's own ID; the schema's compound identifiers put the API first
  // except for authorizers and API mappings (AuthorizerId|ApiId, ApiMappingId|DomainName).
  aws_apigatewayv2_domain_name: { cfn: 'AWS::ApiGatewayV2::DomainName', permissions: APIGW },
  aws_apigatewayv2_vpc_link: { cfn: 'AWS::ApiGatewayV2::VpcLink', props: { name: 'Name' }, permissions: APIGW },
  aws_apigatewayv2_stage: { cfn: 'AWS::ApiGatewayV2::Stage', idOf: (id, s) => join(s.api_id, id), props: { name: 'StageName' }, permissions: APIGW },
  aws_apigatewayv2_route: apiChild('AWS::ApiGatewayV2::Route', (id, s) => join(s.api_id, id), { props: { route_key: 'RouteKey' } }),
  aws_apigatewayv2_integration: apiChild('AWS::ApiGatewayV2::Integration', (id, s) => join(s.api_id, id), { props: { integration_type: 'IntegrationType' } }),
  aws_apigatewayv2_deployment: apiChild('AWS::ApiGatewayV2::Deployment', (id, s) => join(s.api_id, id)),
  aws_apigatewayv2_authorizer: apiChild('AWS::ApiGatewayV2::Authorizer', (id, s) => join(id, s.api_id), { props: { authorizer_type: 'AuthorizerType' } }),
  aws_apigatewayv2_api_mapping: apiChild('AWS::ApiGatewayV2::ApiMapping', (id, s) => join(id, s.domain_name), { props: { api_mapping_key: 'ApiMappingKey' } }),
  aws_apigatewayv2_route_response: apiChild('AWS::ApiGatewayV2::RouteResponse', (id, s) => join(s.api_id, s.route_id, id)),
  aws_apigatewayv2_integration_response: apiChild('AWS::ApiGatewayV2::IntegrationResponse', (id, s) => join(s.api_id, s.integration_id, id)),
  // Route 53: DNSSEC by hosted zone ID; a key-signing key's ID is `hosted_zone_id,name`, the identifier HostedZoneId|Name.
  aws_route53_hosted_zone_dnssec: { cfn: 'AWS::Route53::DNSSEC', tags: false, permissions: ['route53:GetDNSSEC'] },
  aws_route53_key_signing_key: { cfn: 'AWS::Route53::KeySigningKey', tags: false, idParts: ['hosted_zone_id', 'name'], props: { key_management_service_arn: 'KeyManagementServiceArn', status: 'Status' }, permissions: ['route53:GetDNSSEC'] },
  // Route 53 Resolver: IDs are the resource IDs the schemas identify by.
  aws_route53_resolver_endpoint: { cfn: 'AWS::Route53Resolver::ResolverEndpoint', props: { direction: 'Direction', name: 'Name' }, permissions: ['route53resolver:GetResolverEndpoint', 'route53resolver:ListResolverEndpointIpAddresses', 'route53resolver:ListTagsForResource'] },
  aws_route53_resolver_rule: { cfn: 'AWS::Route53Resolver::ResolverRule', props: { domain_name: 'DomainName', rule_type: 'RuleType', resolver_endpoint_id: 'ResolverEndpointId' }, permissions: ['route53resolver:GetResolverRule', 'route53resolver:ListTagsForResource'] },
  aws_route53_resolver_rule_association: { cfn: 'AWS::Route53Resolver::ResolverRuleAssociation', tags: false, props: { resolver_rule_id: 'ResolverRuleId', vpc_id: 'VPCId' }, permissions: ['route53resolver:GetResolverRuleAssociation'] },
  aws_route53_resolver_firewall_domain_list: { cfn: 'AWS::Route53Resolver::FirewallDomainList', props: { name: 'Name' }, permissions: ['route53resolver:GetFirewallDomainList', 'route53resolver:ListTagsForResource'] },
  aws_route53_resolver_firewall_rule_group: { cfn: 'AWS::Route53Resolver::FirewallRuleGroup', props: { name: 'Name' }, permissions: ['route53resolver:GetFirewallRuleGroup', 'route53resolver:ListFirewallRules', 'route53resolver:ListTagsForResource'] },
  // A rule lives in its group's FirewallRules (resourceFirewallRuleRead finds it by group and domain list).
  aws_route53_resolver_firewall_rule: {
    cfn: 'AWS::Route53Resolver::FirewallRuleGroup', idFrom: 'firewall_rule_group_id', tags: false,
    requiresItem: { list: 'FirewallRules', key: 'FirewallDomainListId', value: (_id, s) => s.firewall_domain_list_id || undefined },
    permissions: ['route53resolver:GetFirewallRuleGroup', 'route53resolver:ListFirewallRules'],
  },
  // KMS: an external key is an AWS::KMS::Key of Origin EXTERNAL; a replica key has its own type. IDs are key IDs.
  aws_kms_external_key: { cfn: 'AWS::KMS::Key', props: { description: 'Description', enabled: 'Enabled', multi_region: 'MultiRegion' }, permissions: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'] },
  aws_kms_replica_key: { cfn: 'AWS::KMS::ReplicaKey', props: { description: 'Description', enabled: 'Enabled', primary_key_arn: 'PrimaryKeyArn' }, permissions: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:ListResourceTags'] },
  // Split policies read through their parent, gone when the parent's property is empty (the provider's read
  // functions remove them then). DynamoDB's ID is the resource ARN: a table's (a stream's is not a table).
  aws_sns_topic_data_protection_policy: { cfn: 'AWS::SNS::Topic', tags: false, requires: 'DataProtectionPolicy', permissions: ['sns:GetTopicAttributes', 'sns:GetDataProtectionPolicy'] },
  aws_dynamodb_resource_policy: {
    cfn: 'AWS::DynamoDB::Table', tags: false, requires: 'ResourcePolicy',
    idOf: (id) => /^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/([^/]+)$/.exec(id)?.[1],
    noId: 'the policy is not on a table (a stream policy has no CloudFormation read)',
    permissions: ['dynamodb:DescribeTable', 'dynamodb:GetResourcePolicy'],
  },
  aws_sns_topic_subscription: { cfn: 'AWS::SNS::Subscription', tags: false, props: { protocol: 'Protocol', endpoint: 'Endpoint', topic_arn: 'TopicArn' }, permissions: ['sns:GetSubscriptionAttributes'] },
  // Everything else identified by the Terraform ID itself (ARN or name), or by a state attribute.
  aws_acm_certificate: { cfn: 'AWS::CertificateManager::Certificate', props: { domain_name: 'DomainName' }, permissions: ['acm:DescribeCertificate', 'acm:ListTagsForCertificate'] },
  aws_codedeploy_deployment_group: { cfn: 'AWS::CodeDeploy::DeploymentGroup', idParts: ['app_name', 'deployment_group_name'], props: { deployment_config_name: 'DeploymentConfigName', service_role_arn: 'ServiceRoleArn' }, permissions: ['codedeploy:GetDeploymentGroup', 'codedeploy:ListTagsForResource'] },
  aws_glue_registry: { cfn: 'AWS::Glue::Registry', props: { description: 'Description' }, permissions: ['glue:GetRegistry', 'glue:GetTags'] },
  aws_glue_schema: { cfn: 'AWS::Glue::Schema', props: { data_format: 'DataFormat', compatibility: 'Compatibility' }, permissions: ['glue:GetSchema', 'glue:GetSchemaVersion', 'glue:GetTags'] },
  // ID `trust_store_arn,revocation_id`; the identifier RevocationId|TrustStoreArn.
  aws_lb_trust_store_revocation: { cfn: 'AWS::ElasticLoadBalancingV2::TrustStoreRevocation', tags: false, idParts: ['revocation_id', 'trust_store_arn'], permissions: ['elasticloadbalancing:DescribeTrustStoreRevocations'] },
  aws_pipes_pipe: { cfn: 'AWS::Pipes::Pipe', props: { source: 'Source', target: 'Target', role_arn: 'RoleArn' }, permissions: ['pipes:DescribePipe'] },
  aws_scheduler_schedule_group: { cfn: 'AWS::Scheduler::ScheduleGroup', permissions: ['scheduler:GetScheduleGroup', 'scheduler:ListTagsForResource'] },
  // ID `group/name`; the schema identifies a schedule by Name alone, which names one in the default group only.
  aws_scheduler_schedule: {
    cfn: 'AWS::Scheduler::Schedule', tags: false,
    idOf: (id) => { const [group, name] = id.split('/'); return group === 'default' && name ? name : undefined; },
    noId: 'a schedule outside the default group (the schema identifies schedules by name only)',
    props: { schedule_expression: 'ScheduleExpression', state: 'State' },
    permissions: ['scheduler:GetSchedule'],
  },
  aws_schemas_discoverer: { cfn: 'AWS::EventSchemas::Discoverer', idFrom: 'arn', props: { source_arn: 'SourceArn', description: 'Description' }, permissions: ['schemas:DescribeDiscoverer'] },
};
