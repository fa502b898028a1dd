// A root module whose state lives in an S3 backend, scanned from the editor: the extension runs the
// user's `terraform state pull` (a stand-in written here, named by the machine-scoped user setting
// driftlens.terraform.path), binds the live ID from the pulled state and compares against the runner's
// fake EC2. The root, the stand-ins and the settings are removed again at the end so the suites after
// this one (tree.test.ts counts resources) see the sandbox as shipped.
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { codeOf, driftLens, driftLensDiagnostics, fakeCalls, fileUri, rangeIn, scan, treeRows, workspaceDir } from './helpers';

type Api = Awaited<ReturnType<typeof driftLens>>;

const FOLDER = 'remote';
const MAIN = `${FOLDER}/main.tf`;
/** The sandbox's VPC, live in the runner's fake (examples/sandbox/.sandbox/cloud.json). */
const VPC_ID = 'vpc-0f3c1a9e2b7d64a15';
const ADDRESS = 'aws_vpc.shared';
// Environment differs from the fake ("staging"): exactly one drift, on that literal.
const mainTf = `terraform {
  backend "s3" {
    bucket = "shop-tfstate"
    key    = "network/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "shared" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name        = "shop-staging"
    Environment = "production"
  }
}
`;
const pulledState = {
  version: 4,
  terraform_version: '1.11.4',
  serial: 3,
  lineage: '9b2d7e41-0c5a-4f3e-8d16-2a7c9e0b5f13',
  outputs: {},
  resources: [
    {
      mode: 'managed',
      type: 'aws_vpc',
      name: 'shared',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 1, attributes: { id: VPC_ID, cidr_block: '10.20.0.0/16', tags: { Name: 'shop-staging', Environment: 'production' } }, sensitive_attributes: [] }],
    },
  ],
};

/** A `terraform` stand-in: logs every call (arguments and folder) to `marker`, prints the state only for `state pull`. */
function writeStandIn(path: string, marker: string, stateFile: string): void {
  writeFileSync(
    path,
    `#!/bin/sh\nprintf '%s|%s\\n' "$*" "$PWD" >> '${marker}'\n` +
      `if [ "$1" = state ] && [ "$2" = pull ] && [ $# -eq 2 ]; then cat '${stateFile}'; exit 0; fi\n` +
      `echo "Error: unexpected call: $*" >&2\nexit 1\n`,
  );
  chmodSync(path, 0o755);
}

const calls = (marker: string): string[] => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter((l) => l !== '') : []);

/** Changes a driftlens.* user setting and resolves once the change is seen (the extension listens first). */
async function setUserSetting(name: string, value: unknown): Promise<void> {
  const seen = configChanged(name);
  await vscode.workspace.getConfiguration('driftlens').update(name, value, vscode.ConfigurationTarget.Global);
  await seen;
}

function configChanged(name: string): Promise<void> {
  return new Promise((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`driftlens.${name}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
}

suite('Remote state: terraform state pull from the editor', () => {
  let api: Api;
  let tmp: string;
  let standIn: string;
  let marker: string;
  let remoteDir: string;
  /** The resource's row when it has this status (the tree groups by root, then module, then resource). */
  const resourceIn = async (status: 'Drifted' | 'Missing' | 'Unverified'): Promise<vscode.TreeItem | undefined> =>
    (await treeRows(api.testing.driftTree, status.toLowerCase() as 'drifted' | 'missing' | 'unverified')).find((r) => r.address === ADDRESS)?.item;
  const tooltipOf = (i: vscode.TreeItem | undefined) => (i?.tooltip instanceof vscode.MarkdownString ? i.tooltip.value : String(i?.tooltip));

  suiteSetup(async () => {
    api = await driftLens();
    remoteDir = join(workspaceDir(), FOLDER);
    // Initialized, as `terraform init` leaves a root: a root without .terraform is answered without the CLI.
    mkdirSync(join(remoteDir, '.terraform'), { recursive: true });
    writeFileSync(join(remoteDir, 'main.tf'), mainTf);
    tmp = mkdtempSync(join(tmpdir(), 'driftlens-remote-host-'));
    writeFileSync(join(tmp, 'pulled.json'), JSON.stringify(pulledState, null, 2));
    marker = join(tmp, 'calls.log');
    standIn = join(tmp, 'terraform');
    writeStandIn(standIn, marker, join(tmp, 'pulled.json'));
    await setUserSetting('terraform.path', standIn);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('driftlens').update('terraform.path', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('driftlens').update('terraform.remoteState', undefined, vscode.ConfigurationTarget.Global);
    rmSync(remoteDir, { recursive: true, force: true });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    // The suites after this one see the workspace as shipped.
    await scan();
  });

  test('the pulled state gives the live ID; the resource is compared: one drift on the exact literal', async () => {
    const run = await scan();
    assert.equal(run.kind, 'done', JSON.stringify(run));
    assert.deepEqual(calls(marker), [`state pull|${remoteDir}`], 'terraform state pull ran once, in the root module folder');

    const list = driftLensDiagnostics(fileUri(MAIN));
    assert.equal(list.length, 1, list.map((d) => d.message).join('\n'));
    assert.equal(codeOf(list[0]), 'drift.changed');
    assert.deepEqual(list[0].range, rangeIn(MAIN, '"production"'));
    assert.equal(list[0].message, 'tags.Environment: code says "production", live is "staging"');

    const shown = await resourceIn('Drifted');
    assert.ok(shown, `${ADDRESS} is not in the Drifted group`);
    assert.match(tooltipOf(shown), new RegExp(`\\(${VPC_ID}\\)`), 'the live ID comes from the pulled state');
    assert.ok((await fakeCalls()).some((c) => c.action === 'DescribeVpcs'), 'the VPC was read from the fake');
  });

  test('a machine-scoped path from the workspace is ignored: the user\'s stand-in runs, not the repository\'s', async () => {
    const config = () => vscode.workspace.getConfiguration('driftlens');
    const repoMarker = join(tmp, 'repo-calls.log');
    const repoStandIn = join(tmp, 'repo-terraform');
    writeStandIn(repoStandIn, repoMarker, join(tmp, 'pulled.json'));
    await assert.rejects(
      Promise.resolve(config().update('terraform.path', repoStandIn, vscode.ConfigurationTarget.Workspace)),
      'VS Code must refuse a workspace value for a machine-scoped setting',
    );
    // A cloned repository can still ship the value in .vscode/settings.json: write it there directly,
    // with a window-scoped value in the same write so there is an event to wait for.
    const settingsFile = join(workspaceDir(), '.vscode', 'settings.json');
    const original = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : undefined;
    const edited = { ...((original && parseJsonc(original)) || {}), 'driftlens.terraform.path': repoStandIn, 'driftlens.azure.armLocation': 'remote-state-suite' };
    const seen = configChanged('azure.armLocation');
    mkdirSync(join(workspaceDir(), '.vscode'), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify(edited, null, 2));
    try {
      await seen;
      assert.equal(config().get('azure.armLocation'), 'remote-state-suite', 'the workspace settings file was read');
      const before = calls(marker).length;
      assert.equal((await scan()).kind, 'done');
      assert.equal(calls(marker).length, before + 1, 'the user\'s stand-in ran');
      assert.deepEqual(calls(repoMarker), [], 'the repository\'s stand-in never ran');
      assert.equal(driftLensDiagnostics(fileUri(MAIN)).length, 1);
    } finally {
      const restored = configChanged('azure.armLocation');
      if (original === undefined) rmSync(settingsFile);
      else writeFileSync(settingsFile, original);
      await restored;
    }
  });

  test('with driftlens.terraform.remoteState off: unverified with the backend as reason, and terraform never runs', async () => {
    const before = calls(marker);
    await setUserSetting('terraform.remoteState', false);
    try {
      const run = await scan();
      assert.equal(run.kind, 'done', JSON.stringify(run));
      assert.deepEqual(calls(marker), before, 'the stand-in was executed');
      assert.equal(await resourceIn('Drifted'), undefined);
      const shown = await resourceIn('Unverified');
      assert.ok(shown, `${ADDRESS} is not in the Unverified group`);
      assert.match(tooltipOf(shown), /\(no live ID\)/);
      assert.match(tooltipOf(shown), /the state is in the "s3" backend; run `terraform state pull > terraform\.tfstate`/);
      assert.deepEqual(driftLensDiagnostics(fileUri(MAIN)), [], 'unverified is neither drift nor missing');
    } finally {
      await setUserSetting('terraform.remoteState', undefined);
    }
  });

  test('when terraform state pull fails, the resource is unverified with terraform\'s error — never missing', async () => {
    // The stand-in refuses anything but `state pull`: point the setting at a wrapper that adds an argument.
    const broken = join(tmp, 'terraform-broken');
    writeFileSync(broken, `#!/bin/sh\nexec '${standIn}' "$@" -lock=false\n`);
    chmodSync(broken, 0o755);
    const before = calls(marker).length;
    await setUserSetting('terraform.path', broken);
    try {
      assert.equal((await scan()).kind, 'done');
      assert.equal(calls(marker).length, before + 1);
      const shown = await resourceIn('Unverified');
      assert.ok(shown, `${ADDRESS} is not in the Unverified group`);
      assert.match(tooltipOf(shown), /remote state unavailable: unexpected call: state pull -lock=false/);
      assert.equal(await resourceIn('Missing'), undefined);
      assert.deepEqual(driftLensDiagnostics(fileUri(MAIN)), []);
    } finally {
      await setUserSetting('terraform.path', standIn);
    }
  });
});
