// Issue 12 items 3–5, end to end through the CLI: a workspace with an S3 bucket and its split
// resources, an IAM role + policy + attachment, an SSM parameter and existence-checked types (Lambda,
// KMS, log group, SQS via Cloud Control), served by the S3/IAM/SSM/Cloud Control fakes with console
// drift applied: every change found with its severity, nothing else, and only read calls sent.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanCommand } from '../../../src/cli/scanCommand';
import { startFakeS3, type FakeS3 } from '../../fakes/s3';
import { startFakeIam, type FakeIam } from '../../fakes/iam';
import { startFakeSsm, type FakeSsm } from '../../fakes/ssm';
import { ccKey, startFakeCloudControl, type FakeCloudControl } from '../../fakes/cloudcontrol';
import { FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const ACCOUNT = '123456789012';
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111-2222`;
const POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/app-read`;
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app`;
const QUEUE_URL = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/app-queue`;

const MAIN_TF = `provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  tags   = { Env = "prod" }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "${KEY_ARN}"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TLSOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-logs/*", "arn:aws:s3:::acme-logs"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = { Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }
  })
  tags = { Env = "prod" }
}

resource "aws_iam_policy" "app" {
  name = "app-read"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::acme-logs/*" }]
  })
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.app.arn
}

resource "aws_ssm_parameter" "endpoint" {
  name  = "/app/endpoint"
  type  = "String"
  value = "https://api.example.com"
  tier  = "Standard"
  tags  = { Env = "prod" }
}

resource "aws_kms_key" "logs" {
  description         = "logs key"
  enable_key_rotation = true
  tags                = { Env = "prod" }
}

resource "aws_lambda_function" "fn" {
  function_name = "app-fn"
  runtime       = "python3.12"
  handler       = "main.handler"
  tags          = { Env = "prod" }
}

resource "aws_cloudwatch_log_group" "fn" {
  name              = "/aws/lambda/app-fn"
  retention_in_days = 30
}

resource "aws_sqs_queue" "jobs" {
  name                       = "app-queue"
  visibility_timeout_seconds = 30
  tags                       = { Env = "prod" }
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy    = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_eks_access_entry" "admins" {
  cluster_name  = "main"
  principal_arn = aws_iam_role.app.arn
  tags          = { Env = "prod" }
}

resource "aws_iam_group_policy_attachment" "devs" {
  group      = "devs"
  policy_arn = aws_iam_policy.app.arn
}
`;

const res = (type: string, name: string, attributes: Record<string, unknown>) => ({
  mode: 'managed', type, name, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 0, attributes }],
});

const STATE = {
  version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'services', outputs: {},
  resources: [
    res('aws_s3_bucket', 'logs', { id: 'acme-logs', bucket: 'acme-logs', arn: 'arn:aws:s3:::acme-logs' }),
    res('aws_s3_bucket_public_access_block', 'logs', { id: 'acme-logs', bucket: 'acme-logs' }),
    res('aws_s3_bucket_versioning', 'logs', { id: 'acme-logs', bucket: 'acme-logs' }),
    res('aws_s3_bucket_server_side_encryption_configuration', 'logs', { id: 'acme-logs', bucket: 'acme-logs' }),
    res('aws_s3_bucket_policy', 'logs', { id: 'acme-logs', bucket: 'acme-logs' }),
    res('aws_s3_bucket_ownership_controls', 'logs', { id: 'acme-logs', bucket: 'acme-logs' }),
    res('aws_iam_role', 'app', { id: 'app', name: 'app', arn: `arn:aws:iam::${ACCOUNT}:role/app` }),
    res('aws_iam_policy', 'app', { id: POLICY_ARN, arn: POLICY_ARN, name: 'app-read' }),
    res('aws_iam_role_policy_attachment', 'app', { id: 'app-20240101000000000000000001', role: 'app', policy_arn: POLICY_ARN }),
    res('aws_ssm_parameter', 'endpoint', { id: '/app/endpoint', name: '/app/endpoint', arn: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/endpoint`, version: '1' }),
    res('aws_kms_key', 'logs', { id: '1111-2222', key_id: '1111-2222', arn: KEY_ARN }),
    res('aws_lambda_function', 'fn', { id: 'app-fn', function_name: 'app-fn', arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:app-fn` }),
    res('aws_cloudwatch_log_group', 'fn', { id: '/aws/lambda/app-fn', name: '/aws/lambda/app-fn', arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/app-fn` }),
    res('aws_sqs_queue', 'jobs', { id: QUEUE_URL, name: 'app-queue', arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:app-queue` }),
    res('aws_sqs_queue_policy', 'jobs', { id: QUEUE_URL, queue_url: QUEUE_URL }),
    res('aws_eks_access_entry', 'admins', { id: `main:${ROLE_ARN}`, cluster_name: 'main', principal_arn: ROLE_ARN }),
    res('aws_iam_group_policy_attachment', 'devs', { id: 'devs-20240101000000000000000002', group: 'devs', policy_arn: POLICY_ARN }),
  ],
};

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] });
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: { Resource: ['arn:aws:s3:::acme-logs/*'], Action: 's3:GetObject', Effect: 'Allow' } });
// The bucket policy as S3 stores it: keys reordered, one-element lists as plain values.
const BUCKET_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'TLSOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-logs', 'arn:aws:s3:::acme-logs/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] });

interface Fakes { s3: FakeS3; iam: FakeIam; ssm: FakeSsm; cc: FakeCloudControl }

async function startAll(): Promise<Fakes> {
  const s3 = await startFakeS3({
    'acme-logs': {
      tags: { Env: 'prod' },
      publicAccessBlock: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      versioning: 'Enabled',
      encryption: { algorithm: 'aws:kms', kmsKeyId: KEY_ARN, bucketKey: true },
      policy: BUCKET_POLICY,
      ownership: 'BucketOwnerEnforced',
    },
  });
  const iam = await startFakeIam({
    roles: { app: { assumeRolePolicy: TRUST, attached: [POLICY_ARN], tags: { Env: 'prod' } } },
    groups: { devs: { attached: [POLICY_ARN] } },
    policies: { [POLICY_ARN]: { name: 'app-read', document: POLICY } },
  });
  const ssm = await startFakeSsm({ '/app/endpoint': { type: 'String', value: 'https://api.example.com', tags: { Env: 'prod' } } });
  const cc = await startFakeCloudControl({
    [ccKey('AWS::KMS::Key', '1111-2222')]: { KeyId: '1111-2222', Arn: KEY_ARN, Description: 'logs key', EnableKeyRotation: true, KeyUsage: 'ENCRYPT_DECRYPT', Tags: [{ Key: 'Env', Value: 'prod' }] },
    [ccKey('AWS::Lambda::Function', 'app-fn')]: { FunctionName: 'app-fn', Runtime: 'python3.12', Handler: 'main.handler', Tags: [{ Key: 'Env', Value: 'prod' }, { Key: 'aws:cloudformation:stack-name', Value: 'x' }] },
    [ccKey('AWS::Logs::LogGroup', '/aws/lambda/app-fn')]: { LogGroupName: '/aws/lambda/app-fn', RetentionInDays: 30 },
    [ccKey('AWS::SQS::QueueInlinePolicy', QUEUE_URL)]: { Queue: QUEUE_URL, PolicyDocument: { Version: '2012-10-17', Statement: [] } },
    [ccKey('AWS::EKS::AccessEntry', `${ROLE_ARN}|main`)]: { ClusterName: 'main', PrincipalArn: ROLE_ARN, Type: 'STANDARD', Tags: [{ Key: 'Env', Value: 'prod' }] },
    [ccKey('AWS::SQS::Queue', QUEUE_URL)]: { QueueUrl: QUEUE_URL, QueueName: 'app-queue', VisibilityTimeout: 30, Tags: [{ Key: 'Env', Value: 'prod' }] },
  });
  return { s3, iam, ssm, cc };
}

/** The console changes of the "must show". */
function applyConsoleDrift(f: Fakes): void {
  const b = f.s3.buckets.get('acme-logs')!;
  b.publicAccessBlock = { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: false };
  // DeleteBucketEncryption leaves S3's default, SSE-S3.
  delete b.encryption;
  f.iam.seed.policies[POLICY_ARN].document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  f.iam.seed.roles.app.attached!.push(ADMIN);
  f.cc.resources.get(ccKey('AWS::SQS::Queue', QUEUE_URL))!.Tags = [{ Key: 'Env', Value: 'dev' }];
  f.cc.resources.delete(ccKey('AWS::Logs::LogGroup', '/aws/lambda/app-fn'));
  f.cc.resources.delete(ccKey('AWS::EKS::AccessEntry', `${ROLE_ARN}|main`));
  f.iam.seed.groups.devs.attached = [];
}

interface Report {
  summary: Record<string, number>;
  resources: { address: string; status: string; reason?: string; drifts: { attribute: string; expected: unknown; actual: unknown; severity: string }[] }[];
}

async function scan(dir: string): Promise<{ code: number; report: Report }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await scanCommand([dir, '--format', 'json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s), stderrIsTty: false, env: process.env });
  assert.ok(out.length > 0, err.join(''));
  return { code, report: JSON.parse(out.join('')) as Report };
}

describe('S3, IAM, SSM and Cloud Control types end to end (issue 12 items 3–5)', () => {
  let dir: string;
  let fakes: Fakes;
  let restore: () => void;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-services-'));
    writeFileSync(join(dir, 'main.tf'), MAIN_TF);
    writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(STATE));
    fakes = await startAll();
    restore = setAwsEnv({
      // No EC2 resource here: a closed port proves none is asked.
      AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_STS: sharedStsUrl(),
      AWS_ENDPOINT_URL_S3: fakes.s3.url,
      AWS_ENDPOINT_URL_IAM: fakes.iam.url,
      AWS_ENDPOINT_URL_SSM: fakes.ssm.url,
      AWS_ENDPOINT_URL_CLOUDCONTROL: fakes.cc.url,
      AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests',
      AWS_REGION: 'us-east-1',
      AWS_MAX_ATTEMPTS: '1',
    });
  });
  afterEach(async () => {
    restore();
    await Promise.all([fakes.s3.close(), fakes.iam.close(), fakes.ssm.close(), fakes.cc.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('in sync before the console changes: every resource verified, policies equal as IAM compares them', async () => {
    const { code, report } = await scan(dir);
    const notInSync = report.resources.filter((r) => r.status !== 'in-sync' || r.drifts.length > 0).map((r) => [r.address, r.status, r.reason, r.drifts]);
    assert.deepEqual(notInSync, []);
    assert.equal(code, 0);
    assert.equal(report.summary.inSync, 17);
  });

  it('finds every console change with its severity, and nothing else', async () => {
    applyConsoleDrift(fakes);
    const { code, report } = await scan(dir);
    assert.equal(code, 2);
    const found = report.resources.flatMap((r) => (r.status === 'missing' ? [[r.address, 'missing']] : r.drifts.map((d) => [r.address, d.attribute, d.severity])));
    assert.deepEqual(found.sort(), [
      ['aws_cloudwatch_log_group.fn', 'missing'],
      ['aws_eks_access_entry.admins', 'missing'],
      ['aws_iam_group_policy_attachment.devs', 'missing'],
      ['aws_iam_policy.app', 'policy', 'error'],
      ['aws_iam_role.app', 'managed_policy_arns', 'error'],
      ['aws_s3_bucket_public_access_block.logs', 'block_public_policy', 'error'],
      ['aws_s3_bucket_public_access_block.logs', 'restrict_public_buckets', 'error'],
      ['aws_s3_bucket_server_side_encryption_configuration.logs', 'rule', 'error'],
      ['aws_sqs_queue.jobs', 'tags.Env', 'info'],
    ].sort());
    const role = report.resources.find((r) => r.address === 'aws_iam_role.app')!;
    assert.deepEqual([role.drifts[0].expected, role.drifts[0].actual], [[], [ADMIN]]);
  });

  it('sends only read calls, never asks SSM to decrypt, signs IAM in us-east-1', async () => {
    applyConsoleDrift(fakes);
    await scan(dir);
    assert.ok(fakes.s3.calls.length > 0 && fakes.s3.calls.every((c) => c.method === 'GET' || c.method === 'HEAD'));
    assert.ok(fakes.iam.calls.every((c) => /^(Get|List)/.test(c.action) && c.region === 'us-east-1'));
    assert.ok(fakes.ssm.calls.every((c) => /^(Get|Describe|List)/.test(c.operation) && c.input.WithDecryption !== true));
    assert.ok(fakes.cc.calls.every((c) => c.operation === 'GetResource'));
  });
});
