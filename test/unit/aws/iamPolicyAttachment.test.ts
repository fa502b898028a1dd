// aws_iam_policy_attachment in depth (issue 12, the long tail): the exclusive attachment read as
// resourcePolicyAttachmentRead does — ListEntitiesForPolicy followed across Marker pages, the sets users/roles/groups
// compared — end to end through the CLI against the IAM fake with the real SDK: in sync, a principal attached in
// the console is drift (an error for an admin policy), a set the code leaves out is exclusive too, the policy
// deleted or attached to no one is missing, access denied is unverified naming the action.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanCommand } from '../../../src/cli/scanCommand';
import { startFakeIam, type FakeIam } from '../../fakes/iam';
import { FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const ACCOUNT = '123456789012';
const READ_ARN = `arn:aws:iam::${ACCOUNT}:policy/app-read`;
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

const MAIN_TF = `provider "aws" {
  region = "us-east-1"
}

resource "aws_iam_policy_attachment" "read" {
  name       = "app-read"
  policy_arn = "${READ_ARN}"
  roles      = ["app", "worker"]
  users      = ["ci"]
}

resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  policy_arn = "${ADMIN}"
  groups     = ["ops"]
}
`;

const res = (name: string, attributes: Record<string, unknown>) => ({
  mode: 'managed', type: 'aws_iam_policy_attachment', name, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 0, attributes }],
});
const STATE = {
  version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'policy-attachment', outputs: {},
  resources: [
    res('read', { id: 'app-read', name: 'app-read', policy_arn: READ_ARN, roles: ['app', 'worker'], users: ['ci'], groups: [] }),
    res('admins', { id: 'admins', name: 'admins', policy_arn: ADMIN, roles: [], users: [], groups: ['ops'] }),
  ],
};

interface Report {
  summary: Record<string, number>;
  resources: { address: string; status: string; reason?: string; drifts: { attribute: string; expected: unknown; actual: unknown; severity: string }[] }[];
}

describe('aws_iam_policy_attachment in depth (issue 12, long tail)', () => {
  let dir: string;
  let iam: FakeIam;
  let restore: () => void;
  const scan = async (): Promise<{ code: number; report: Report; byAddress: (a: string) => Report['resources'][number] }> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await scanCommand([dir, '--format', 'json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s), stderrIsTty: false, env: process.env });
    assert.ok(out.length > 0, err.join(''));
    const report = JSON.parse(out.join('')) as Report;
    return { code, report, byAddress: (a) => report.resources.find((r) => r.address === a)! };
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-policy-attachment-'));
    writeFileSync(join(dir, 'main.tf'), MAIN_TF);
    writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(STATE));
    iam = await startFakeIam({
      policies: { [READ_ARN]: { name: 'app-read', document: DOC } },
      roles: { app: { assumeRolePolicy: '{}', attached: [READ_ARN] }, worker: { assumeRolePolicy: '{}', attached: [READ_ARN] } },
      users: { ci: { attached: [READ_ARN] }, mallory: {} },
      groups: { ops: { attached: [ADMIN] } },
    });
    // One entity per page: the reader must follow Marker to see them all.
    iam.pageSize = 1;
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_IAM: iam.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'us-east-1' });
  });
  afterEach(async () => {
    restore();
    await iam.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('in sync across pages; only read calls are sent', async () => {
    const { code, report } = await scan();
    assert.deepEqual(report.resources.map((r) => [r.address, r.status]).sort(), [['aws_iam_policy_attachment.admins', 'in-sync'], ['aws_iam_policy_attachment.read', 'in-sync']]);
    assert.equal(code, 0);
    const pages = iam.calls.filter((c) => c.action === 'ListEntitiesForPolicy' && c.params.PolicyArn === READ_ARN);
    assert.equal(pages.length, 3);
    assert.deepEqual(iam.calls.filter((c) => !/^(Get|List)/.test(c.action)), []);
  });

  it('a principal attached or detached in the console is drift; to an admin policy an error; a set the code leaves out is exclusive too', async () => {
    iam.seed.users.mallory.attached = [READ_ARN, ADMIN];
    iam.seed.roles.worker.attached = [];
    const { code, byAddress } = await scan();
    assert.equal(code, 2);
    const read = byAddress('aws_iam_policy_attachment.read');
    assert.deepEqual(read.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity]).sort(), [
      ['roles', ['app', 'worker'], ['app'], 'warning'],
      ['users', ['ci'], ['ci', 'mallory'], 'warning'],
    ]);
    const admins = byAddress('aws_iam_policy_attachment.admins');
    assert.deepEqual(admins.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity]), [['users', [], ['mallory'], 'error']]);
  });

  it('missing when the policy is deleted or attached to no one; access denied is unverified naming the action', async () => {
    delete iam.seed.policies[READ_ARN];
    iam.seed.groups.ops.attached = [];
    const { byAddress } = await scan();
    assert.deepEqual([byAddress('aws_iam_policy_attachment.read').status, byAddress('aws_iam_policy_attachment.read').reason], ['missing', `policy ${READ_ARN} does not exist`]);
    assert.deepEqual([byAddress('aws_iam_policy_attachment.admins').status, byAddress('aws_iam_policy_attachment.admins').reason], ['missing', `${ADMIN} is attached to no user, role or group`]);
    iam.deny.add('ListEntitiesForPolicy');
    const denied = (await scan()).byAddress('aws_iam_policy_attachment.admins');
    assert.equal(denied.status, 'unverified');
    assert.match(denied.reason ?? '', /iam:ListEntitiesForPolicy/);
  });
});
