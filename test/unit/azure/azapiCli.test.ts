// Issue 13's "Must show", end to end: the real CLI in a child process (the Azure CLI credential served by
// a stand-in `az`, the real SDK over HTTPS) against the fake Resource Manager holding the Azure REST API
// specs' own example bodies, on an azurerm + azapi workspace: every console change found, nothing else,
// nothing falsely missing, the one console-made resource unmanaged.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyIssue13ConsoleDrift, issue13Ids, seedIssue13Workspace } from '../../fakes/arm/issue13Scenario';
import { FakeArm } from '../../fakes/arm/server';
import { armCliEnv, type ArmCliEnv } from './armCliEnv';
import type { CliRun } from '../engine/cliRun';

const REPO = resolve(__dirname, '..', '..', '..');
const FIXTURE = join(REPO, 'test', 'fixtures', 'azure', 'azurerm-azapi');

interface ReportResource {
  address: string;
  status: string;
  liveId: string | null;
  drifts: { attribute: string; severity: string; expected: unknown; actual: unknown; range: { start: { line: number } }; fixable: boolean }[];
}

describe('driftlens scan: azurerm + azapi workspace against the specs\' example bodies (CLI, end to end)', function () {
  this.timeout(60000);
  let fake: FakeArm;

  let armCli: ArmCliEnv;
  const cli = (args: string[]): Promise<CliRun> => armCli.cli(args);

  beforeEach(async () => {
    fake = await FakeArm.start({ token: 'fake-cli-token', pageSize: 3 });
    seedIssue13Workspace(fake);
    armCli = armCliEnv(fake, 'driftlens-issue13-');
  });
  afterEach(async () => {
    await fake.close();
    armCli.dispose();
  });

  it('in sync: every resource verified, exit 0', async () => {
    const run = await cli(['scan', FIXTURE, '--format', 'json']);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.resources.filter((r: ReportResource) => r.status !== 'in-sync').map((r: ReportResource) => [r.address, r.status, r.drifts]),
      [],
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(report.summary.verified, report.summary.resources);
  });

  it('console drift on new azurerm types and azapi bodies: each change once, with severity; nothing else; nothing missing', async () => {
    applyIssue13ConsoleDrift(fake);
    const run = await cli(['scan', FIXTURE, '--format', 'json']);
    assert.equal(run.code, 2, run.stderr);
    const report = JSON.parse(run.stdout) as { resources: ReportResource[]; unmanaged: unknown[]; summary: Record<string, number> };
    const drifts = report.resources.flatMap((r) => r.drifts.map((d) => `${r.address} ${d.attribute} ${JSON.stringify(d.expected)} → ${JSON.stringify(d.actual)} ${d.severity}`));
    assert.deepEqual(drifts.sort(), [
      'azapi_resource.app body.properties.configuration.ingress.targetPort 3000 → 8080 warning',
      'azapi_update_resource.sa_private body.properties.publicNetworkAccess "Disabled" → "Enabled" error',
      'azurerm_container_registry.acr admin_enabled false → true error',
      'azurerm_key_vault_secret.db expiration_date "2025-12-31T00:00:00Z" → "2026-12-31T00:00:00Z" warning',
      'azurerm_route_table.rt bgp_route_propagation_enabled true → false warning',
      'azurerm_user_assigned_identity.id tags.key2 "value2" → "changed" info',
    ]);
    assert.deepEqual(report.resources.filter((r) => r.status === 'missing' || r.status === 'unverified').map((r) => r.address), []);
    assert.equal(report.summary.resources, 9);
    // The azapi drift points into the body literal and can be fixed there.
    const port = report.resources.find((r) => r.address === 'azapi_resource.app')!.drifts[0];
    assert.equal(port.fixable, true);
    assert.match(readLine(port.range.start.line), /targetPort = 3000/);
    // The storage account azapi_update_resource manages is not "unmanaged"; the console-made identity is.
    assert.deepEqual(report.unmanaged, [{ type: 'azurerm_user_assigned_identity', liveId: issue13Ids.stray, region: 'eastus', name: 'handmade-id' }]);
    // Read-only; the secret's value is asked of no one and shown nowhere.
    assert.deepEqual([...new Set(fake.requests.map((r) => r.method))], ['GET']);
    assert.doesNotMatch(run.stdout, /not-a-real-password/);
    assert.ok(fake.requests.some((r) => r.path.toLowerCase() === issue13Ids.app.toLowerCase() && r.query['api-version'] === '2024-03-01'));
  });
});

function readLine(line: number): string {
  return readFileSync(join(FIXTURE, 'main.tf'), 'utf8').split('\n')[line];
}
