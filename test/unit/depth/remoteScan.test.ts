// A root whose state lives in a backend: the scan pulls it through the `terraform` CLI (a stand-in
// written at test time), binds the ids, and a recompare reuses the pulled state without pulling again.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recompare, scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';

const vpcId = 'vpc-0123456789abcdef0';
const mainTf = `terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "net/terraform.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`;
const state = { version: 4, terraform_version: '1.11.4', serial: 2, lineage: 'x', outputs: {}, resources: [{ mode: 'managed', type: 'aws_vpc', name: 'main', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 1, attributes: { id: vpcId, cidr_block: '10.0.0.0/16' } }] }] };

describe('remote state in a scan (stand-in terraform CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  let bin: string;
  let fake: FakeEc2;
  let restore: () => void;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-remote-'));
    writeFileSync(join(dir, 'main.tf'), mainTf);
    // Initialized, as `terraform init` leaves a root (the last test takes it away).
    mkdirSync(join(dir, '.terraform'));
    writeFileSync(join(dir, 'pulled.json'), JSON.stringify(state));
    bin = join(dir, 'terraform-standin');
    writeFileSync(bin, `#!/bin/sh\necho pull >> "${dir}/calls"\nif [ -n "$FAIL" ]; then echo 'Error: Backend initialization required, please run "terraform init"' >&2; exit 1; fi\ncat "${dir}/pulled.json"\n`);
    chmodSync(bin, 0o755);
    fake = await startFakeEc2({ vpcs: [{ id: vpcId, cidrBlock: '10.0.0.0/16' }] });
    restore = setAwsEnv(fakeCredentials(fake.url));
  });
  afterEach(async () => {
    restore();
    await fake.close();
    delete process.env.FAIL;
    delete process.env.TF_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  const providers = () => [createAwsProvider({ credentialsAllowed: true })];

  it('pulls the state, binds the id and compares; a recompare does not pull again', async () => {
    const { result, snapshot } = await scanWorkspace({ dir, providers: providers(), remoteState: { terraformPath: bin } });
    assert.deepEqual(result.resources.map((r) => [r.address, r.liveId, r.status]), [['aws_vpc.main', vpcId, 'in-sync']]);
    const edited = mainTf.replace('10.0.0.0/16"\n}\n', '10.1.0.0/16"\n}\n');
    const again = await recompare(snapshot, new Map([[join(dir, 'main.tf'), edited]]));
    assert.deepEqual(again.resources.map((r) => [r.address, r.status, r.drifts.map((d) => d.attribute)]), [['aws_vpc.main', 'drifted', ['cidr_block']]]);
    assert.equal(readFileSync(join(dir, 'calls'), 'utf8'), 'pull\n');
  });

  it('without the option, or when the pull fails, the resource is unverified with the reason', async () => {
    const off = await scanWorkspace({ dir, providers: providers() });
    assert.match(off.result.resources[0].reason ?? '', /the state is in the "s3" backend/);
    process.env.FAIL = '1';
    const failed = await scanWorkspace({ dir, providers: providers(), remoteState: { terraformPath: bin } });
    assert.equal(failed.result.resources[0].status, 'unverified');
    assert.equal(failed.result.resources[0].reason, 'remote state unavailable: backend not initialized — run terraform init');
  });

  it('a root never initialized (no .terraform, no TF_DATA_DIR) is answered as terraform would, without running it', async () => {
    rmSync(join(dir, '.terraform'), { recursive: true });
    const scanned = await scanWorkspace({ dir, providers: providers(), remoteState: { terraformPath: bin } });
    assert.equal(scanned.result.resources[0].status, 'unverified');
    assert.equal(scanned.result.resources[0].reason, 'remote state unavailable: backend not initialized — run terraform init');
    assert.equal(existsSync(join(dir, 'calls')), false, 'the CLI ran');
    // TF_DATA_DIR puts the initialized data elsewhere: then only the CLI can tell.
    process.env.TF_DATA_DIR = join(dir, 'data');
    const elsewhere = await scanWorkspace({ dir, providers: providers(), remoteState: { terraformPath: bin } });
    assert.deepEqual(elsewhere.result.resources.map((r) => [r.liveId, r.status]), [[vpcId, 'in-sync']]);
    assert.equal(readFileSync(join(dir, 'calls'), 'utf8'), 'pull\n');
  });
});
