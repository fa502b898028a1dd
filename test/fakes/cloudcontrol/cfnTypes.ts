// The fake's type registry: CloudFormation types Cloud Control serves, each with the number of parts of its
// schema's primaryIdentifier (AWS::EKS::AccessEntry is PrincipalArn|ClusterName → 2). Written from the
// resource provider schemas, not from the DriftLens table, so a wrong type name or identifier shape fails.
export const CFN_TYPES: Record<string, number> = {
  'AWS::Lambda::Function': 1, 'AWS::Lambda::Alias': 1, 'AWS::Lambda::EventSourceMapping': 1, 'AWS::Lambda::LayerVersion': 1,
  'AWS::Lambda::Permission': 2, 'AWS::Lambda::EventInvokeConfig': 2,
  'AWS::KMS::Key': 1, 'AWS::KMS::Alias': 1, 'AWS::Logs::LogGroup': 1, 'AWS::CloudWatch::Alarm': 1, 'AWS::CloudWatch::Dashboard': 1,
  'AWS::SQS::Queue': 1, 'AWS::SQS::QueueInlinePolicy': 1, 'AWS::SNS::Topic': 1, 'AWS::SNS::TopicInlinePolicy': 1,
  'AWS::DynamoDB::Table': 1, 'AWS::ECR::Repository': 1,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 1, 'AWS::ElasticLoadBalancingV2::TargetGroup': 1, 'AWS::ElasticLoadBalancingV2::Listener': 1,
  'AWS::ElasticLoadBalancingV2::ListenerRule': 1, 'AWS::ElasticLoadBalancingV2::TrustStore': 1,
  'AWS::AutoScaling::AutoScalingGroup': 1, 'AWS::Route53::HostedZone': 1,
  'AWS::RDS::DBInstance': 1, 'AWS::RDS::DBCluster': 1, 'AWS::RDS::DBSubnetGroup': 1, 'AWS::RDS::DBParameterGroup': 1,
  'AWS::RDS::DBClusterParameterGroup': 1, 'AWS::RDS::OptionGroup': 1, 'AWS::Redshift::ClusterSubnetGroup': 1,
  'AWS::SecretsManager::Secret': 1, 'AWS::ECS::Cluster': 1, 'AWS::ECS::TaskDefinition': 1,
  'AWS::EKS::Cluster': 1, 'AWS::EKS::AccessEntry': 2, 'AWS::EKS::Addon': 2, 'AWS::EKS::FargateProfile': 2,
  'AWS::EKS::PodIdentityAssociation': 1, 'AWS::EKS::IdentityProviderConfig': 3,
  'AWS::EFS::FileSystem': 1, 'AWS::StepFunctions::StateMachine': 1, 'AWS::Kinesis::Stream': 1, 'AWS::ApiGatewayV2::Api': 1,
  'AWS::CloudFront::Distribution': 1, 'AWS::IAM::OIDCProvider': 1, 'AWS::ElastiCache::SubnetGroup': 1, 'AWS::SSM::Document': 1,
  'AWS::CodeDeploy::Application': 1, 'AWS::Events::Rule': 1, 'AWS::RolesAnywhere::Profile': 1, 'AWS::RolesAnywhere::TrustAnchor': 1,
  'AWS::S3::Bucket': 1, 'AWS::Lambda::Url': 1, 'AWS::WAFv2::WebACLAssociation': 2,
};
