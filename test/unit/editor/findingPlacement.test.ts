// Issue 18, item 8: a live rule the code does not declare is reported on the resource header, never on
// an unrelated declared sibling (the HTTPS ingress block). The sandbox against its seeded fake EC2.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { useFakeEc2 } from '../aws/awsTestEnv';

const ROOT = join(__dirname, '..', '..', '..');
const SANDBOX = join(ROOT, 'examples/sandbox');

describe('where a drift the code does not declare is placed', () => {
  const ec2 = useFakeEc2();
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'driftlens-placement-'));
    cpSync(SANDBOX, ws, { recursive: true });
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  const scan = async () => (await scanWorkspace({ dir: ws, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] })).result;
  const ingressOf = async () => {
    const sg = (await scan()).resources.find((r) => r.address === 'aws_security_group.web')!;
    return { sg, drift: sg.drifts.find((d) => d.attribute === 'ingress')! };
  };

  it('an extra live ingress rule goes on the resource header, not on the HTTPS ingress block', async () => {
    await ec2.start(JSON.parse(readFileSync(join(SANDBOX, '.sandbox/cloud.json'), 'utf8')).ec2);
    const { sg, drift } = await ingressOf();
    assert.match(drift.message, /^ingress: live has 1 item the code does not declare: tcp 22 from/);
    assert.deepEqual(drift.location, { file: sg.resource.file, range: sg.resource.headerRange });
    assert.equal(drift.severity, 'error');
  });

  it('a declared rule the cloud lacks stays on the ingress block (the code that is not true)', async () => {
    const seed = JSON.parse(readFileSync(join(SANDBOX, '.sandbox/cloud.json'), 'utf8')).ec2;
    const web = seed.securityGroups.find((g: { name: string }) => g.name === 'shop-web');
    web.ingress = web.ingress.filter((r: { fromPort: number }) => r.fromPort !== 443);
    await ec2.start(seed);
    const { sg, drift } = await ingressOf();
    assert.notDeepEqual(drift.location.range, sg.resource.headerRange);
    const text = readFileSync(join(ws, 'network.tf'), 'utf8');
    assert.match(text.slice(drift.location.range.start.offset, drift.location.range.end.offset), /^ingress \{/);
  });
});
