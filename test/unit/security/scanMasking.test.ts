import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '../../../src/model';
import { scanWorkspace } from '../../../src/engine/scan';
import { formatJson } from '../../../src/engine/report/json';
import { formatSarif } from '../../../src/engine/report/sarif';
import { formatText } from '../../../src/engine/report/text';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { FIXTURES, tempDir, type TempDir } from '../engine/helpers';
import { createAzureProvider } from '../../../src/providers/azure/provider';
import { scanArmTemplates } from '../../../src/engine/armTemplates/armTemplateScan';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody, vmBody } from '../../fakes/arm/examples';
import { context, staticCredential } from '../azure/helpers';

const ARM_FIXTURE = join(__dirname, '..', '..', 'fixtures', 'azure', 'arm');

const API = 'i-0a1b2c3d4e5f60003';

/** Every secret the workspace or the live cloud holds below: none may appear in any output. */
const SECRETS = ['hunter2-literal', 'live-pw-XYZ', 'st4te-pw-secret', 'live-owner-secret', 'st4te-user-secret', 'live-contact-secret', 'n0te-secret', 'live-note-secret', 'not-base64-t0ken'];

const API_BLOCK = `resource "aws_instance" "api" {
  ami           = local.ami
  instance_type = "t3.small"
  subnet_id     = aws_subnet.a.id
  monitoring    = true

  root_block_device {
    volume_size = 20
    volume_type = "gp3"
  }

  metadata_options {
    http_tokens = "required"
  }

  tags = {
    Name       = "api"
    Team       = "platform"
    DbPassword = "hunter2-literal"
    Owner      = aws_db_instance.db.password
    Contact    = aws_db_instance.db.username
    Note       = var.note
    ApiToken   = base64decode("!!not-base64-t0ken!!")
  }
}`;

const SECRETS_TF = `variable "note" {
  type      = string
  default   = "n0te-secret"
  sensitive = true
}

# Unsupported type: unverified, but its state attributes feed references.
resource "aws_db_instance" "db" {
  username = "app"
}
`;

/** The fixture's state plus an aws_db_instance whose password is not in `sensitive_attributes` (older states) and whose username is. */
function stateWithDb(dir: string): string {
  const state = JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8'));
  state.resources.push({
    mode: 'managed',
    type: 'aws_db_instance',
    name: 'db',
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        schema_version: 2,
        attributes: { id: 'db-1', identifier: 'db', password: 'st4te-pw-secret', username: 'st4te-user-secret' },
        sensitive_attributes: [[{ type: 'get_attr', value: 'username' }]],
      },
    ],
  });
  return JSON.stringify(state);
}

/** Everything of a result that leaves the engine for a report or the editor (the declared AST is the user's own source). */
function exposed(result: ScanResult): string {
  return JSON.stringify({
    errors: result.errors,
    resources: result.resources.map((r) => ({ reason: r.reason, drifts: r.drifts, unverified: r.unverifiedAttributes, desired: r.desired, live: r.live })),
  });
}

describe('security: a scan masks secrets in results and every report (fake EC2, real SDK)', function () {
  let fake: FakeEc2;
  let restore: () => void;
  let ws: TempDir;

  beforeEach(async () => {
    fake = await startFakeEc2(JSON.parse(readFileSync(join(FIXTURES, 'ec2-basic', 'seed.json'), 'utf8')));
    restore = setAwsEnv(fakeCredentials(fake.url));
    ws = tempDir({}, 'ec2-basic');
    const instances = readFileSync(join(ws.dir, 'instances.tf'), 'utf8');
    const start = instances.indexOf('resource "aws_instance" "api"');
    const end = instances.indexOf('resource "aws_instance" "worker"');
    ws.write('instances.tf', `${instances.slice(0, start)}${API_BLOCK}\n\n${instances.slice(end)}`);
    ws.write('secrets.tf', SECRETS_TF);
    ws.write('terraform.tfstate', stateWithDb(ws.dir));
    // The console changed every tag: each one is drift, shown or masked.
    fake.state.setTag(API, 'Team', 'data');
    fake.state.setTag(API, 'DbPassword', 'live-pw-XYZ');
    fake.state.setTag(API, 'Owner', 'live-owner-secret');
    fake.state.setTag(API, 'Contact', 'live-contact-secret');
    fake.state.setTag(API, 'Note', 'live-note-secret');
  });
  afterEach(async () => {
    restore();
    await fake.close();
    ws.remove();
  });

  const scan = () => scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true })] }).then((o) => o.result);

  it('shows "(sensitive)" for a literal secret by name, a sensitive variable and state-derived secrets, and never the value', async () => {
    const result = await scan();
    const api = result.resources.find((r) => r.address === 'aws_instance.api')!;
    assert.equal(api.status, 'drifted');
    const byAttr = Object.fromEntries(api.drifts.map((d) => [d.attribute, d]));
    for (const attr of ['tags.DbPassword', 'tags.Owner', 'tags.Contact', 'tags.Note']) {
      const d = byAttr[attr];
      assert.ok(d, `${attr} is drift`);
      assert.deepEqual([d.expected, d.actual, d.sensitive, d.fixable], ['(sensitive)', '(sensitive)', true, false], attr);
      assert.equal(d.message, `${attr}: code says "(sensitive)", live is "(sensitive)"`);
    }
    // Negative control: a tag that is no secret shows both values (so a leak would show the same way).
    assert.deepEqual([byAttr['tags.Team'].expected, byAttr['tags.Team'].actual, byAttr['tags.Team'].sensitive], ['platform', 'data', false]);
    // The failed base64decode would quote its argument: the reason of a secret does not.
    const token = api.unverifiedAttributes.find((u) => u.attribute === 'tags.ApiToken');
    assert.equal(token?.reason, 'not known (details hidden: sensitive value)');
    // The diff view's maps (the code's tags hold an unknown, so only the live side has them).
    assert.equal(api.desired?.instance_type, 't3.small');
    assert.equal((api.live?.tags as Record<string, unknown>).Team, 'data');
    assert.equal((api.live?.tags as Record<string, unknown>).Owner, '(sensitive)');

    const outputs = { results: exposed(result), json: formatJson(result), sarif: formatSarif(result), text: formatText(result) };
    for (const [name, out] of Object.entries(outputs)) {
      assert.match(out, /\(sensitive\)/, `${name} shows the mask`);
      assert.match(out, /"?data"?/, `${name} shows the non-secret live tag`);
      for (const secret of SECRETS) assert.ok(!out.includes(secret), `${name} leaks ${secret}`);
    }
    assert.ok(outputs.text.includes('tags.Team: code says "platform", live is "data"'), 'negative control: the text report shows plain values');
    assert.ok(fake.calls.every((c) => c.action.startsWith('Describe')), 'read-only calls');
  });
});

describe('security: an ARM template scan masks secure parameters deep inside properties', () => {
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    const rg = 'arm-rg';
    fake.put(resourceGroupBody(rg));
    fake.put(vmBody(rg, 'dl-vm', { size: 'Standard_B2s', tags: { env: 'prod' } }));
  });
  afterEach(() => fake.close());

  it('keeps the parameter file\'s password out of the diff maps, drifts and reasons', async () => {
    const provider = createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: staticCredential(), retry: { maxRetries: 1, retryDelayInMs: 5 }, env: {} });
    const scan = await scanArmTemplates({ dir: ARM_FIXTURE, provider }, context());
    const vm = scan.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachines')!;
    const osProfile = (vm.desired?.properties as { osProfile?: Record<string, unknown> } | undefined)?.osProfile;
    assert.equal(osProfile?.adminPassword, '(sensitive)');
    // Negative control: the rest of the same object is shown.
    assert.equal(typeof osProfile?.adminUsername, 'string');
    assert.notEqual(osProfile?.adminUsername, '(sensitive)');
    const out = JSON.stringify(scan.resources.map((r) => ({ reason: r.reason, drifts: r.drifts, unverified: r.unverifiedAttributes, desired: r.desired, live: r.live })));
    assert.ok(!out.includes(readArmPassword()), 'the secure parameter leaked');
  });
});

function readArmPassword(): string {
  const params = JSON.parse(readFileSync(join(ARM_FIXTURE, 'azuredeploy.parameters.json'), 'utf8'));
  return params.parameters.adminPassword.value as string;
}
