// Who changed it (issue 14, item 5), AWS: CloudTrail LookupEvents through the real SDK against the fake
// (JSON 1.1, SigV4-verified). The newest write event names the principal and how (console, CLI, Terraform);
// read-only events are skipped; missing permission is a quiet note; the JSON and text reports carry it.
import { strict as assert } from 'node:assert';
import { attributeChanges } from '../../../src/engine/attribution';
import { jsonReport } from '../../../src/engine/report/json';
import { formatText } from '../../../src/engine/report/text';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { viaOf } from '../../../src/providers/aws/attribution';
import { scanCommand } from '../../../src/cli/scanCommand';
import { startFakeCloudTrail, type FakeCloudTrail, type TrailEvent } from '../../fakes/cloudtrail';
import { FAKE_ACCESS_KEY, quietLogger, useFakeEc2 } from '../aws/awsTestEnv';
import { sandboxCopy, sandboxSeed } from './sandboxHarness';

const WEB = 'i-0a4f2c8e61b9d3704';
const WORKER = 'i-07c5d9e13b2a6f840';
const API = 'i-0e91b7c3a5d28f416';
const TERRAFORM_UA = 'APN/1.0 HashiCorp/1.0 Terraform/1.11.4 (+https://www.terraform.io) terraform-provider-aws/5.80.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.6 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.196.0';

const EVENTS: TrailEvent[] = [
  { eventName: 'RunInstances', eventTime: '2026-10-01T10:00:00.000Z', eventSource: 'ec2.amazonaws.com', region: 'eu-west-1', username: 'terraform-ci', arn: 'arn:aws:sts::123456789012:assumed-role/deployer/terraform-ci', userAgent: TERRAFORM_UA, resources: [{ type: 'AWS::EC2::Instance', name: WEB }] },
  { eventName: 'ModifyInstanceAttribute', eventTime: '2026-11-20T14:03:00.000Z', eventSource: 'ec2.amazonaws.com', region: 'eu-west-1', username: 'alice', arn: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', userAgent: 'AWS Internal', fromConsole: true, resources: [{ type: 'AWS::EC2::Instance', name: WEB }] },
  { eventName: 'DescribeInstances', eventTime: '2026-11-21T09:00:00.000Z', eventSource: 'ec2.amazonaws.com', region: 'eu-west-1', username: 'auditor', arn: 'arn:aws:iam::123456789012:user/auditor', userAgent: 'aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8', readOnly: true, resources: [{ type: 'AWS::EC2::Instance', name: WEB }] },
  { eventName: 'TerminateInstances', eventTime: '2026-11-22T08:30:00.000Z', eventSource: 'ec2.amazonaws.com', region: 'eu-west-1', username: 'bob', arn: 'arn:aws:iam::123456789012:user/bob', userAgent: 'aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8 exec-env/CloudShell', resources: [{ type: 'AWS::EC2::Instance', name: WORKER }] },
  // Another region's event for the same ID is not this resource's.
  { eventName: 'CreateTags', eventTime: '2026-11-23T08:30:00.000Z', eventSource: 'ec2.amazonaws.com', region: 'us-east-1', username: 'mallory', arn: 'arn:aws:iam::123456789012:user/mallory', userAgent: 'Boto3/1.34.0', resources: [{ type: 'AWS::EC2::Instance', name: API }] },
];

describe('workflow: who changed it (AWS CloudTrail)', function () {
  this.timeout(60000);
  const ec2 = useFakeEc2();
  let ws: ReturnType<typeof sandboxCopy>;
  let trail: FakeCloudTrail;
  beforeEach(() => (ws = sandboxCopy()));
  afterEach(async () => {
    ws.remove();
    await trail?.close();
    delete process.env.AWS_ENDPOINT_URL_CLOUDTRAIL;
  });

  const start = async (allowed = true) => {
    await ec2.start(sandboxSeed());
    trail = await startFakeCloudTrail(EVENTS, { [FAKE_ACCESS_KEY]: { secretAccessKey: 'fake-secret-key-for-tests', arn: 'arn:aws:iam::123456789012:user/driftlens-tests', allowed } }, { pageSize: 1 });
    process.env.AWS_ENDPOINT_URL_CLOUDTRAIL = trail.url;
  };
  const scanWithAttribution = async () => {
    const outcome = await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] });
    await attributeChanges(outcome, { signal: new AbortController().signal, logger: quietLogger });
    return outcome.result;
  };

  it('names the newest write event per drifted or missing resource: principal, via, time', async () => {
    await start();
    const result = await scanWithAttribution();
    const by = (address: string) => result.resources.find((r) => r.address === address)!;
    assert.deepEqual(by('aws_instance.web').changedBy, { principal: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', via: 'console', at: '2026-11-20T14:03:00.000Z', action: 'ModifyInstanceAttribute' });
    assert.deepEqual(by('aws_instance.worker').changedBy, { principal: 'arn:aws:iam::123456789012:user/bob', via: 'cli', at: '2026-11-22T08:30:00.000Z', action: 'TerminateInstances' });
    // Only us-east-1 has an event for api: asked in eu-west-1, where it lives, there is none.
    assert.equal(by('aws_instance.api').changedBy, undefined);
    assert.match(by('aws_instance.api').attributionNote!, /no change event/);
    // In-sync resources are never looked up; each lookup is one resource, signed for eu-west-1.
    assert.equal(by('aws_instance.bastion').changedBy, undefined);
    const names = new Set(trail.calls.map((c) => (c.body.LookupAttributes as { AttributeValue: string }[])[0].AttributeValue));
    assert.ok(!names.has('i-0d28a6f4e9c13b572'));
    assert.ok(trail.calls.every((c) => c.region === 'eu-west-1' && c.target === 'CloudTrail_20131101.LookupEvents'));

    const json = jsonReport(result).resources.find((r) => r.address === 'aws_instance.web')!;
    assert.deepEqual(json.changedBy, { principal: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', via: 'console', at: '2026-11-20T14:03:00.000Z' });
    assert.match(formatText(result), /changed by arn:aws:sts::123456789012:assumed-role\/Admin\/alice via console at 2026-11-20T14:03:00.000Z/);
  });

  it('without cloudtrail:LookupEvents: a quiet note per resource, the scan itself unchanged', async () => {
    await start(false);
    const result = await scanWithAttribution();
    const web = result.resources.find((r) => r.address === 'aws_instance.web')!;
    assert.equal(web.changedBy, undefined);
    assert.equal(web.attributionNote, 'no permission: cloudtrail:LookupEvents is not allowed');
    assert.ok(result.errors.every((e) => !/cloudtrail/i.test(e.message)));
    assert.equal(web.status, 'drifted');
  });

  it('scan --attribution puts changedBy in the JSON report; without it, CloudTrail is never called', async () => {
    await start();
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: () => {}, stderrIsTty: false, env: { ...process.env } };
    assert.equal(await scanCommand([ws.dir, '--format', 'json'], io), 2);
    assert.equal(trail.calls.length, 0);
    assert.ok(!out.includes('changedBy'));
    out = '';
    assert.equal(await scanCommand([ws.dir, '--format', 'json', '--attribution'], io), 2);
    const web = JSON.parse(out).resources.find((r: { address: string }) => r.address === 'aws_instance.web');
    assert.equal(web.changedBy.via, 'console');
  });

  it('tells console, CLI, Terraform and SDK apart from the user agent', () => {
    assert.equal(viaOf(TERRAFORM_UA, false), 'terraform');
    assert.equal(viaOf('aws-cli/2.17.0 md/awscrt#0.20.11 lang/python#3.11.8 botocore/2.4.5', false), 'cli');
    assert.equal(viaOf('console.ec2.amazonaws.com', false), 'console');
    assert.equal(viaOf('AWS Internal', true), 'console');
    assert.equal(viaOf('Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux', false), 'sdk');
    assert.equal(viaOf('aws-sdk-js/3.600.0 ua/2.1 os/linux', false), 'sdk');
    assert.equal(viaOf('AWS Internal', false), 'other');
  });
});
