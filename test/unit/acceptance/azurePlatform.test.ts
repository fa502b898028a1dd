// Issue 11, "Must show" on Azure: a platform written like an Azure Verified Modules consumer (resource
// group, VNet with subnets from a map, one with two address_prefixes; an NSG whose rule names application
// security groups; a storage account whose GET leaves out networkAcls and allowBlobPublicAccess; a
// diagnostic setting `<target>|<name>` in state; a role assignment at resource-group scope; AKS with a
// named system pool listed after a user pool, and that user pool; an address in the MC_* node group),
// served by the HTTPS fake Resource Manager, scanned by the real CLI.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { FakeArm } from '../../fakes/arm/server';
import { SUB } from '../../fakes/arm/examples';
import { REPO, type CliRun } from '../engine/cliRun';
import { NODE_RG, applyPlatformConsoleDrift, platformIds, seedPlatform } from './azurePlatform';
import { armCliEnv, type ArmCliEnv } from '../azure/armCliEnv';

const WS = join(REPO, 'test', 'fixtures', 'acceptance', 'azure');

interface Drift { attribute: string; expected: unknown; actual: unknown; severity: string }
interface Resource { address: string; status: string; liveId: string; reason?: string; severity?: string; drifts: Drift[] }

const driftsByAddress = (resources: Resource[]) =>
  Object.fromEntries(resources.filter((r) => r.status !== 'in-sync').map((r) => [r.address, r.status === 'missing' ? [r.status, r.severity] : r.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity])]));

describe('issue 11 must-show, Azure: an Azure Verified Modules style platform through the CLI', function () {
  this.timeout(120000);
  let fake: FakeArm;
  let env: Record<string, string>;

  let armCli: ArmCliEnv;
  const cli = (args: string[]): Promise<CliRun> => armCli.cli(['scan', WS, ...args]);

  beforeEach(async () => {
    fake = await FakeArm.start({ token: 'fake-cli-token', pageSize: 4 });
    seedPlatform(fake);
    armCli = armCliEnv(fake, 'driftlens-acceptance-');
    ({ env } = armCli);
  });
  afterEach(async () => {
    await fake.close();
    armCli.dispose();
  });

  it('untouched: 13 resources in sync (absent properties read as the open defaults the code declares), every declared argument read (role_definition_name through its role definition), nothing unmanaged, exit 0', async () => {
    const run = await cli(['--format', 'json']);
    assert.equal(run.code, 0, run.stderr + run.stdout.slice(0, 3000));
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.summary, { resources: 13, inSync: 13, drifted: 0, missing: 0, unverified: 0, unmanaged: 0, verified: 13 });
    assert.deepEqual(report.unmanaged, [], 'what AKS made in its node resource group is not unmanaged');
    assert.deepEqual(report.errors, []);
    const byAddress = Object.fromEntries((report.resources as Resource[]).map((r) => [r.address, r]));
    assert.equal(byAddress['azurerm_monitor_diagnostic_setting.aks'].liveId, `${platformIds.aks}|diag-aks`);
    assert.equal(byAddress['azurerm_public_ip.ingress'].liveId.split('/')[4], NODE_RG, 'node_resource_group from state');
    assert.deepEqual([...new Set(fake.requests.map((r) => r.method))], ['GET']);

    // The text report says which declared arguments no mapper reads, and nothing else.
    const text = await cli([]);
    assert.equal(text.code, 0);
    // role_definition_name is read through the role definition the assignment names, as azurerm does: nothing is left unread.
    assert.equal(text.stdout.match(/not verified/g), null, text.stdout.slice(0, 2000));
  });

  it('console drift: every change found once with its severity, nothing else, nothing falsely missing, exit 2', async () => {
    applyPlatformConsoleDrift(fake);
    const run = await cli(['--format', 'json']);
    assert.equal(run.code, 2, run.stderr);
    const report = JSON.parse(run.stdout);
    const asg = (n: string) => `/subscriptions/${SUB}/resourcegroups/rg-platform-prod/providers/microsoft.network/applicationsecuritygroups/${n}`;
    const webToDb = {
      name: 'allow-web-to-db', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_port_range: '*', destination_port_range: '5432',
      // Compared as IDs: the service's casing and the code's casing are the same group.
      source_application_security_group_ids: [asg('asg-web-platform-prod')], destination_application_security_group_ids: [asg('asg-db-platform-prod')],
    };
    const https = (source: string) => ({
      name: 'allow-https-from-corp', priority: 110, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_port_range: '*', destination_port_range: '443', source_address_prefix: source, destination_address_prefix: '*',
    });
    const drifts = driftsByAddress(report.resources);
    assert.deepEqual(drifts['azurerm_network_security_group.app'], [['security_rule', [https('10.0.0.0/8'), webToDb], [https('*'), webToDb], 'error']]);
    // The squiggle goes on the rule block that was widened.
    const nsgDrift = (report.resources as (Resource & { drifts: { range: { start: { line: number } } }[] })[]).find((r) => r.address === 'azurerm_network_security_group.app')!.drifts[0];
    assert.equal(nsgDrift.range.start.line, readFileSync(join(WS, 'main.tf'), 'utf8').split('\n').findIndex((l) => l.includes('"allow-https-from-corp"')) - 1);
    delete drifts['azurerm_network_security_group.app'];
    assert.deepEqual(drifts, {
      'azurerm_storage_account.assets': [['public_network_access_enabled', false, true, 'error']],
      'azurerm_virtual_network.this': [['tags.workload', 'platform', 'legacy', 'info']],
      // The pool the code names, though the API lists the user pool first.
      'azurerm_kubernetes_cluster.this': [['default_node_pool.node_count', 3, 5, 'warning']],
      'azurerm_role_assignment.platform_rg_reader': ['missing', 'error'],
    });
    assert.deepEqual(report.summary, { resources: 13, inSync: 8, drifted: 4, missing: 1, unverified: 0, unmanaged: 0, verified: 13 });
    assert.deepEqual(report.unmanaged, []);
    assert.deepEqual(report.errors, []);
  });

  it('--include-service-managed lists what AKS owns in its node resource group, with the owner', async () => {
    const run = await cli(['--format', 'json', '--include-service-managed']);
    assert.equal(run.code, 0, run.stderr);
    const unmanaged = JSON.parse(run.stdout).unmanaged as { name: string; managedBy?: string }[];
    assert.equal(unmanaged.length, 6);
    for (const u of unmanaged) assert.equal(u.managedBy, `AKS node resource group ${NODE_RG}`, u.name);
  });

  it('no Azure sign-in: exit 1, one credentials error (text, JSON, SARIF), nothing missing, nothing sent', async () => {
    env.PATH = process.env.PATH ?? '';
    const text = await cli([]);
    assert.equal(text.code, 1, text.stdout);
    assert.match(text.stdout.split('\n')[0], /^not verified: 13 of 13 resources — no credentials \(13\)$/);
    assert.equal(text.stdout.split('\n').filter((l) => l.startsWith('error: ')).length, 1, text.stdout);
    assert.match(text.stderr, /nothing could be verified: no credentials \(13 of 13\).*az login/);
    const json = JSON.parse((await cli(['--format', 'json'])).stdout);
    assert.deepEqual([json.summary.verified, json.summary.missing], [0, 0]);
    assert.deepEqual(json.errors.map((e: { kind: string }) => e.kind), ['credentials']);
    const sarif = await cli(['--format', 'sarif']);
    const log: Log = JSON.parse(sarif.stdout);
    assert.equal(log.runs[0].invocations![0].executionSuccessful, false);
    assert.deepEqual(log.runs[0].invocations![0].toolExecutionNotifications!.map((n) => [n.level, n.properties?.kind]), [['error', 'credentials']]);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(fake.requests.length, 0);
  });
});

