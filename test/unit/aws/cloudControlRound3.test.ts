// Cloud Control round three (issue 12, ≥ 90 % on 22 module repositories): Application Auto Scaling, ECS,
// EKS node groups, ElastiCache, EventBridge, Scheduler and the rest, against the strict fake (unknown type or
// wrong identifier shape rejected) with the real SDK: identifiers built from ID and state in the schema's
// order, tags and one-to-one properties read, list membership for association types, and an identifier the
// ID cannot give left unverified without a call.
import assert from 'node:assert/strict';
import type { Binding, LiveResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { CLOUD_CONTROL_TABLE_3 } from '../../../src/providers/aws/services/cloudControl/cloudControlTable3';
import { serviceTypeFor } from '../../../src/providers/aws/services/serviceTypes';
import { ccKey, startFakeCloudControl, type FakeCloudControl } from '../../fakes/cloudcontrol';
import { CFN_TYPES } from '../../fakes/cloudcontrol/cfnTypes';
import { binding, fetchContext, FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const ACCOUNT = '123456789012';
const POLICY_ARN = `arn:aws:autoscaling:us-east-1:${ACCOUNT}:scalingPolicy:1111:resource/ecs/service/main/web:policyName/cpu`;
const SERVICE_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/main/web`;
const CLUSTER_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/main`;
const TG = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/web/abcd`;

const withState = (b: Binding, state: Record<string, string>): Binding => ({ ...b, stateAttributes: state });

describe('Cloud Control round three: the broad sample of module types (issue 12)', () => {
  let cc: FakeCloudControl;
  let restore: () => void;
  const fetchOne = async (b: Binding): Promise<LiveResult> => (await createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch([b], fetchContext())).get(b)!;
  beforeEach(async () => {
    cc = await startFakeCloudControl({
      [ccKey('AWS::ApplicationAutoScaling::ScalableTarget', 'service/main/web|ecs:service:DesiredCount|ecs')]: { ResourceId: 'service/main/web', ScalableDimension: 'ecs:service:DesiredCount', ServiceNamespace: 'ecs', MinCapacity: 1, MaxCapacity: 10 },
      [ccKey('AWS::ApplicationAutoScaling::ScalingPolicy', `${POLICY_ARN}|ecs:service:DesiredCount`)]: { Arn: POLICY_ARN, PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling' },
      [ccKey('AWS::ECS::Service', `${SERVICE_ARN}|${CLUSTER_ARN}`)]: { ServiceArn: SERVICE_ARN, Cluster: CLUSTER_ARN, Tags: [{ Key: 'Env', Value: 'prod' }] },
      [ccKey('AWS::EKS::Nodegroup', 'main/default')]: { ClusterName: 'main', NodegroupName: 'default', CapacityType: 'SPOT', Tags: { Team: 'platform' } },
      [ccKey('AWS::ElastiCache::ReplicationGroup', 'cache')]: { ReplicationGroupId: 'cache', CacheNodeType: 'cache.t4g.small', ReplicationGroupDescription: 'sessions', Tags: [{ Key: 'Env', Value: 'prod' }] },
      [ccKey('AWS::ElastiCache::UserGroup', 'app-users')]: { UserGroupId: 'app-users', UserIds: ['default', 'app'] },
      [ccKey('AWS::AutoScaling::AutoScalingGroup', 'web-asg')]: { AutoScalingGroupName: 'web-asg', TrafficSources: [{ Identifier: TG, Type: 'elbv2' }] },
      [ccKey('AWS::Logs::MetricFilter', '/app/web|errors')]: { LogGroupName: '/app/web', FilterName: 'errors', FilterPattern: 'ERROR' },
      [ccKey('AWS::Events::EventBusPolicy', 'default|AllowOrg')]: { EventBusName: 'default', StatementId: 'AllowOrg' },
    });
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_CLOUDCONTROL: cc.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1' });
  });
  afterEach(async () => {
    restore();
    await cc.close();
  });

  it('every round-three type names a CloudFormation type the fake registry knows, and is an existence+tags type', () => {
    assert.deepEqual(Object.entries(CLOUD_CONTROL_TABLE_3).filter(([, m]) => CFN_TYPES[m.cfn] === undefined).map(([t]) => t), []);
    assert.equal(serviceTypeFor('aws_appautoscaling_target')?.depth, 'existence+tags');
    assert.deepEqual(serviceTypeFor('aws_appautoscaling_policy')?.permissions, ['cloudcontrol:GetResource', 'application-autoscaling:DescribeScalingPolicies']);
  });

  it('Application Auto Scaling: ResourceId|ScalableDimension|ServiceNamespace and Arn|ScalableDimension from state; capacities compared', async () => {
    const target = await fetchOne(withState(binding('aws_appautoscaling_target', 'service/main/web', ['min_capacity', 'max_capacity', 'tags']), { resource_id: 'service/main/web', scalable_dimension: 'ecs:service:DesiredCount', service_namespace: 'ecs' }));
    // The schema has no tags: declared tags are "existence and tags only", never drift.
    assert.deepEqual(target.status === 'found' && [target.attributes, Object.keys(target.unreadable ?? {})], [{ min_capacity: 1, max_capacity: 10 }, ['tags']]);
    assert.equal(cc.calls.at(-1)?.input.Identifier, 'service/main/web|ecs:service:DesiredCount|ecs');
    const policy = await fetchOne(withState(binding('aws_appautoscaling_policy', 'cpu', ['policy_type']), { arn: POLICY_ARN, scalable_dimension: 'ecs:service:DesiredCount' }));
    assert.deepEqual(policy, { status: 'found', attributes: { policy_type: 'TargetTrackingScaling' } });
    const gone = await fetchOne(withState(binding('aws_appautoscaling_target', 'service/main/api', []), { resource_id: 'service/main/api', scalable_dimension: 'ecs:service:DesiredCount', service_namespace: 'ecs' }));
    assert.equal(gone.status, 'not-found');
  });

  it('ECS service by ServiceArn|Cluster, EKS node group by cluster/nodegroup, ElastiCache replication group: tags compared', async () => {
    assert.deepEqual(await fetchOne(withState(binding('aws_ecs_service', SERVICE_ARN, ['tags']), { cluster: CLUSTER_ARN })), { status: 'found', attributes: { tags: { Env: 'prod' } } });
    assert.deepEqual(await fetchOne(binding('aws_eks_node_group', 'main:default', ['tags', 'capacity_type'])), { status: 'found', attributes: { tags: { Team: 'platform' }, capacity_type: 'SPOT' } });
    assert.equal(cc.calls.at(-1)?.input.Identifier, 'main/default');
    const rg = await fetchOne(binding('aws_elasticache_replication_group', 'cache', ['tags', 'node_type', 'description']));
    assert.deepEqual(rg, { status: 'found', attributes: { tags: { Env: 'prod' }, node_type: 'cache.t4g.small', description: 'sessions' } });
  });

  it('associations present while the parent lists them: a user in the group, a traffic source on the group', async () => {
    assert.equal((await fetchOne(binding('aws_elasticache_user_group_association', 'app-users,app', []))).status, 'found');
    const removed = await fetchOne(binding('aws_elasticache_user_group_association', 'app-users,ops', []));
    assert.deepEqual([removed.status, removed.status === 'not-found' && removed.reason], ['not-found', 'GetResource AWS::ElastiCache::UserGroup app-users: no UserIds element ops']);
    assert.equal((await fetchOne(binding('aws_autoscaling_traffic_source_attachment', `web-asg,elbv2,${TG}`, []))).status, 'found');
    assert.equal((await fetchOne(binding('aws_autoscaling_traffic_source_attachment', `web-asg,elbv2,${TG}-old`, []))).status, 'not-found');
  });

  it('an identifier the ID cannot give is unverified and nothing is asked: an ARN bus, a schedule outside the default group, a stream policy', async () => {
    const before = cc.calls.length;
    const arnBus = await fetchOne(withState(binding('aws_cloudwatch_event_permission', 'AllowOrg', []), { event_bus_name: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`, statement_id: 'AllowOrg' }));
    assert.match(arnBus.status === 'error' ? arnBus.reason : '', /event_bus_name is an ARN/);
    const schedule = await fetchOne(binding('aws_scheduler_schedule', 'ops/nightly', []));
    assert.match(schedule.status === 'error' ? schedule.reason : '', /outside the default group/);
    const stream = await fetchOne(binding('aws_dynamodb_resource_policy', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/t/stream/2024-01-01T00:00:00.000`, []));
    assert.equal(stream.status, 'error');
    assert.equal(cc.calls.length, before);
    const named = await fetchOne(withState(binding('aws_cloudwatch_event_permission', 'AllowOrg', []), { event_bus_name: 'default', statement_id: 'AllowOrg' }));
    assert.equal(named.status, 'found');
  });

  it('metric filter by LogGroupName|FilterName; access denied names the action, never missing', async () => {
    const mf = await fetchOne(withState(binding('aws_cloudwatch_log_metric_filter', 'errors', ['pattern']), { log_group_name: '/app/web', name: 'errors' }));
    assert.deepEqual(mf, { status: 'found', attributes: { pattern: 'ERROR' } });
    cc.denied.add('AWS::Logs::MetricFilter');
    const denied = await fetchOne(withState(binding('aws_cloudwatch_log_metric_filter', 'errors', ['pattern']), { log_group_name: '/app/web', name: 'errors' }));
    assert.deepEqual([denied.status, denied.status === 'error' && denied.kind, denied.status === 'error' && denied.action], ['error', 'access-denied', 'cloudcontrol:GetResource']);
  });
});
