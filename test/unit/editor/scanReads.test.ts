// The editor's on-demand reads about a finished scan (issue 14): "Who changed it?" for ONE resource —
// through the scan's own snapshot, or (the snapshot kept in the scan worker) through the providers and a
// local re-resolve of the resource's placement — and the import blocks for one unmanaged resource.
// Real SDKs against the fake EC2 and the fake CloudTrail (JSON 1.1, SigV4-verified).
import { strict as assert } from 'node:assert';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { attributeOne, isLiveSnapshot, planImport, resolvedReads, snapshotReads } from '../../../src/editor/scanReads';
import { startFakeCloudTrail, type FakeCloudTrail, type TrailEvent } from '../../fakes/cloudtrail';
import { FAKE_ACCESS_KEY, quietLogger, useFakeEc2 } from '../aws/awsTestEnv';
import { sandboxCopy, sandboxSeed } from '../workflow/sandboxHarness';

const WEB = 'i-0a4f2c8e61b9d3704';
const WORKER = 'i-07c5d9e13b2a6f840';
const EVENTS: TrailEvent[] = [
  { eventName: 'ModifyInstanceAttribute', eventTime: '2026-11-20T14:03:00.000Z', eventSource: 'ec2.amazonaws.com', region: 'eu-west-1', username: 'alice', arn: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', userAgent: 'AWS Internal', fromConsole: true, resources: [{ type: 'AWS::EC2::Instance', name: WEB }] },
  { eventName: 'TerminateInstances', eventTime: '2026-11-22T08:30:00.000Z', eventSource: 'ec2.amazonaws.com', region: 'eu-west-1', username: 'bob', arn: 'arn:aws:iam::123456789012:user/bob', userAgent: 'aws-cli/2.17.0 md/awscrt#0.20.11 lang/python#3.11.8', resources: [{ type: 'AWS::EC2::Instance', name: WORKER }] },
];
const ALICE = { principal: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', via: 'console', at: '2026-11-20T14:03:00.000Z', action: 'ModifyInstanceAttribute' };

describe('editor: on-demand reads about a finished scan', function () {
  this.timeout(60000);
  const ec2 = useFakeEc2();
  let ws: ReturnType<typeof sandboxCopy>;
  let trail: FakeCloudTrail | undefined;
  const ctx = () => ({ signal: new AbortController().signal, logger: quietLogger });
  beforeEach(() => (ws = sandboxCopy()));
  afterEach(async () => {
    ws.remove();
    await trail?.close();
    trail = undefined;
    delete process.env.AWS_ENDPOINT_URL_CLOUDTRAIL;
  });

  const start = async (allowed = true) => {
    await ec2.start(sandboxSeed());
    trail = await startFakeCloudTrail(EVENTS, { [FAKE_ACCESS_KEY]: { secretAccessKey: 'fake-secret-key-for-tests', arn: 'arn:aws:iam::123456789012:user/driftlens-tests', allowed } });
    process.env.AWS_ENDPOINT_URL_CLOUDTRAIL = trail.url;
    const outcome = await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] });
    const by = (address: string) => outcome.result.resources.find((r) => r.address === address)!;
    return { outcome, by };
  };
  const lookedUp = () => trail!.calls.map((c) => (c.body.LookupAttributes as { AttributeValue: string }[])[0].AttributeValue);

  it('one resource, one lookup, through the scan\'s snapshot; the scan\'s results are left as they were', async () => {
    const { outcome, by } = await start();
    assert.ok(isLiveSnapshot(outcome.snapshot));
    const answer = await attributeOne(by('aws_instance.web'), snapshotReads(outcome.snapshot), ctx());
    assert.deepEqual(answer, { changedBy: ALICE });
    assert.deepEqual([...new Set(lookedUp())], [WEB], 'only the resource asked about');
    assert.ok(trail!.calls.every((c) => c.region === 'eu-west-1'), 'asked where the resource lives');
    assert.equal(by('aws_instance.web').changedBy, undefined);
    assert.equal(by('aws_instance.worker').changedBy, undefined);
  });

  it('a snapshot kept in the scan worker: the same answer from the providers and the placement resolved again', async () => {
    const { by } = await start();
    assert.ok(!isLiveSnapshot({ dir: ws.dir, recompare: async () => undefined }));
    // eu-west-1 comes from the provider block, not from the environment: point the environment elsewhere.
    const region = process.env.AWS_REGION;
    process.env.AWS_REGION = 'us-east-1';
    try {
      const reads = resolvedReads([createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })], ws.dir, undefined);
      assert.deepEqual((await reads.placement(ws.dir, 'aws_instance.worker'))?.region, 'eu-west-1');
      const answer = await attributeOne(by('aws_instance.worker'), reads, ctx());
      assert.deepEqual(answer, { changedBy: { principal: 'arn:aws:iam::123456789012:user/bob', via: 'cli', at: '2026-11-22T08:30:00.000Z', action: 'TerminateInstances' } });
      assert.ok(trail!.calls.every((c) => c.region === 'eu-west-1'));
    } finally {
      if (region === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = region;
    }
  });

  it('in sync: nothing is looked up; no permission: the quiet note, never an error', async () => {
    const { outcome, by } = await start(false);
    const none = await attributeOne(by('aws_instance.bastion'), snapshotReads(outcome.snapshot), ctx());
    assert.match((none as { attributionNote: string }).attributionNote, /only drifted or missing/);
    assert.equal(trail!.calls.length, 0);
    const denied = await attributeOne(by('aws_instance.web'), snapshotReads(outcome.snapshot), ctx());
    assert.deepEqual(denied, { attributionNote: 'no permission: cloudtrail:LookupEvents is not allowed' });
  });

  it('import blocks for the one unmanaged resource asked for, with the scan\'s providers', async () => {
    const { outcome } = await start();
    const sg = outcome.result.unmanaged.find((u) => u.type === 'aws_security_group')!;
    const plan = await planImport(outcome.result, snapshotReads(outcome.snapshot), ws.dir, { types: [sg.type], ids: [sg.liveId] }, ctx());
    assert.deepEqual(plan.imported.map((i) => i.liveId), [sg.liveId]);
    assert.match(plan.text, new RegExp(`import \\{\\n  to = aws_security_group\\.\\w+\\n  id = "${sg.liveId}"\\n\\}`));
    assert.match(plan.text, /vpc_id += aws_vpc\.main\.id/, 'the managed VPC by reference');
  });
});
