// Cloud Control round two (issue 12, the long tail): compound identifiers built from state in the schema's
// order, identifiers the ID cannot give left unverified (never a false "missing"), sub-resources read through
// their parent (missing when the parent lacks them, as the provider's read function says), and access denied
// naming the action — against the strict fake (unknown type, wrong identifier shape rejected) with the real SDK.
import assert from 'node:assert/strict';
import type { Binding, LiveResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { CLOUD_CONTROL_TABLE } from '../../../src/providers/aws/services/cloudControl/cloudControlTable';
import { ccKey, startFakeCloudControl, type FakeCloudControl } from '../../fakes/cloudcontrol';
import { CFN_TYPES } from '../../fakes/cloudcontrol/cfnTypes';
import { binding, fetchContext, FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/admins`;
const QUEUE = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/jobs`;
const ALB = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/web/1234`;
const ACL = `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/web/abcd`;
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
const ADMIN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`;

function withState(b: Binding, state: Record<string, string>): Binding {
  return { ...b, stateAttributes: state };
}

describe('Cloud Control round two: the long tail of module types (issue 12)', () => {
  let cc: FakeCloudControl;
  let restore: () => void;
  const fetchOne = async (b: Binding): Promise<LiveResult> => (await createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 }).fetch([b], fetchContext())).get(b)!;
  beforeEach(async () => {
    cc = await startFakeCloudControl({
      [ccKey('AWS::EKS::AccessEntry', `${ROLE}|main`)]: { ClusterName: 'main', PrincipalArn: ROLE, Type: 'STANDARD', Tags: [{ Key: 'Team', Value: 'a' }], AccessPolicies: [{ PolicyArn: VIEW, AccessScope: { Type: 'cluster' } }] },
      [ccKey('AWS::EKS::Addon', 'main|coredns')]: { ClusterName: 'main', AddonName: 'coredns', AddonVersion: 'v1.11.1-eksbuild.4' },
      [ccKey('AWS::EKS::IdentityProviderConfig', 'okta|main|OIDC')]: { ClusterName: 'main', IdentityProviderConfigName: 'okta', Type: 'OIDC' },
      [ccKey('AWS::Lambda::Permission', 'app-fn|AllowS3')]: { FunctionName: 'app-fn', Id: 'AllowS3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' },
      [ccKey('AWS::SQS::QueueInlinePolicy', QUEUE)]: { Queue: QUEUE, PolicyDocument: { Version: '2012-10-17', Statement: [] } },
      [ccKey('AWS::SNS::TopicInlinePolicy', TOPIC)]: { TopicArn: TOPIC, PolicyDocument: { Version: '2012-10-17', Statement: [] } },
      [ccKey('AWS::SQS::Queue', QUEUE)]: { QueueUrl: QUEUE, RedrivePolicy: { deadLetterTargetArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:dlq`, maxReceiveCount: 5 } },
      [ccKey('AWS::WAFv2::WebACLAssociation', `${ALB}|${ACL}`)]: { ResourceArn: ALB, WebACLArn: ACL },
      [ccKey('AWS::S3::Bucket', 'site')]: { BucketName: 'site', WebsiteConfiguration: { IndexDocument: 'index.html' }, MetricsConfigurations: [{ Id: 'EntireBucket' }] },
    });
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_CLOUDCONTROL: cc.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1' });
  });
  afterEach(async () => {
    restore();
    await cc.close();
  });

  it('every table type names a CloudFormation type the service knows', () => {
    const unknown = Object.entries(CLOUD_CONTROL_TABLE).filter(([, m]) => CFN_TYPES[m.cfn] === undefined).map(([t]) => t);
    assert.deepEqual(unknown, []);
  });

  it('EKS access entry and add-on: found by the compound identifier in the schema\'s order, tags and one-to-one properties compared', async () => {
    const entry = await fetchOne(withState(binding('aws_eks_access_entry', `main:${ROLE}`, ['tags', 'type']), { cluster_name: 'main', principal_arn: ROLE }));
    assert.deepEqual(entry, { status: 'found', attributes: { tags: { Team: 'a' }, type: 'STANDARD' } });
    assert.equal(cc.calls.at(-1)?.input.Identifier, `${ROLE}|main`);
    const addon = await fetchOne(withState(binding('aws_eks_addon', 'main:coredns', ['addon_version']), { cluster_name: 'main', addon_name: 'coredns' }));
    assert.deepEqual(addon, { status: 'found', attributes: { addon_version: 'v1.11.1-eksbuild.4' } });
    const waf = await fetchOne(withState(binding('aws_wafv2_web_acl_association', `${ACL},${ALB}`, []), { web_acl_arn: ACL, resource_arn: ALB }));
    assert.equal(waf.status, 'found');
    const idp = await fetchOne(binding('aws_eks_identity_provider_config', 'main:okta', []));
    assert.equal(idp.status, 'found');
  });

  it('missing when Cloud Control says ResourceNotFound', async () => {
    const gone = await fetchOne(withState(binding('aws_eks_addon', 'main:vpc-cni', ['addon_version']), { cluster_name: 'main', addon_name: 'vpc-cni' }));
    assert.deepEqual([gone.status, gone.status === 'not-found' && /ResourceNotFoundException/.test(gone.reason ?? '')], ['not-found', true]);
    const perm = await fetchOne(withState(binding('aws_lambda_permission', 'AllowSns', []), { function_name: 'app-fn', statement_id: 'AllowSns' }));
    assert.equal(perm.status, 'not-found');
  });

  it('an identifier state cannot give is unverified, never missing, and no call is sent', async () => {
    const before = cc.calls.length;
    const noState = await fetchOne(binding('aws_eks_access_entry', `main:${ROLE}`, ['tags']));
    assert.deepEqual([noState.status, noState.status === 'error' && noState.kind], ['error', 'other']);
    const qualified = await fetchOne(withState(binding('aws_lambda_permission', 'AllowS3', []), { function_name: 'app-fn', statement_id: 'AllowS3', qualifier: '3' }));
    assert.equal(qualified.status, 'error');
    assert.match(qualified.status === 'error' ? qualified.reason : '', /qualified permission/);
    assert.equal(cc.calls.length, before);
    const found = await fetchOne(withState(binding('aws_lambda_permission', 'AllowS3', []), { function_name: 'app-fn', statement_id: 'AllowS3' }));
    assert.equal(found.status, 'found');
  });

  it('policies and split configurations read through their parent: found when the parent holds them, missing when it does not', async () => {
    assert.equal((await fetchOne(binding('aws_sqs_queue_policy', QUEUE, ['policy']))).status, 'found');
    assert.equal((await fetchOne(binding('aws_sns_topic_policy', TOPIC, ['policy']))).status, 'found');
    assert.equal((await fetchOne(binding('aws_sqs_queue_redrive_policy', QUEUE, ['redrive_policy']))).status, 'found');
    const allow = await fetchOne(binding('aws_sqs_queue_redrive_allow_policy', QUEUE, ['redrive_allow_policy']));
    assert.deepEqual([allow.status, allow.status === 'not-found' && allow.reason], ['not-found', `GetResource AWS::SQS::Queue ${QUEUE}: no RedriveAllowPolicy`]);
    assert.equal((await fetchOne(binding('aws_s3_bucket_website_configuration', 'site', ['index_document']))).status, 'found');
    assert.equal((await fetchOne(binding('aws_s3_bucket_cors_configuration', 'site,111122223333', ['cors_rule']))).status, 'not-found');
    assert.equal(cc.calls.at(-1)?.input.Identifier, 'site');
    assert.equal((await fetchOne(binding('aws_s3_bucket_notification', 'site', ['eventbridge']))).status, 'found');
    assert.equal((await fetchOne(binding('aws_s3_bucket_notification', 'gone', ['eventbridge']))).status, 'not-found');
  });

  it('an element of the parent\'s list: found while listed under its key, missing when the parent no longer lists it', async () => {
    assert.equal((await fetchOne(binding('aws_s3_bucket_metric', 'site:EntireBucket', ['filter']))).status, 'found');
    const gone = await fetchOne(binding('aws_s3_bucket_metric', 'site:Docs', ['filter']));
    assert.deepEqual([gone.status, gone.status === 'not-found' && gone.reason], ['not-found', 'GetResource AWS::S3::Bucket site: no MetricsConfigurations element with Id Docs']);
    assert.equal((await fetchOne(binding('aws_s3_bucket_inventory', 'site:Weekly', ['destination']))).status, 'not-found');
    const state = { cluster_name: 'main', principal_arn: ROLE };
    assert.equal((await fetchOne(withState(binding('aws_eks_access_policy_association', `main#${ROLE}#${VIEW}`, ['access_scope']), { ...state, policy_arn: VIEW }))).status, 'found');
    assert.equal((await fetchOne(withState(binding('aws_eks_access_policy_association', `main#${ROLE}#${ADMIN}`, ['access_scope']), { ...state, policy_arn: ADMIN }))).status, 'not-found');
  });

  it('access denied names the action and is never missing', async () => {
    cc.denied.add('AWS::Lambda::Permission');
    const r = await fetchOne(withState(binding('aws_lambda_permission', 'AllowS3', []), { function_name: 'app-fn', statement_id: 'AllowS3' }));
    assert.deepEqual([r.status, r.status === 'error' && r.kind, r.status === 'error' && r.action], ['error', 'access-denied', 'cloudcontrol:GetResource']);
  });
});
