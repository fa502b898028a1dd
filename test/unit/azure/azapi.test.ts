// azapi_resource / azapi_update_resource: read at the api-version the block names, `body` compared
// path by path with the GET answer (the specs' own ContainerApps_Get example), ranges inside the body.
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/engine/fix/applyFixes';
import { fixEditForDrift } from '../../../src/engine/fix/fixEdit';
import { formatJson } from '../../../src/engine/report/json';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, resourceGroupBody, storageBody } from '../../fakes/arm/examples';
import { containerAppBody, rgPath } from '../../fakes/arm/specExamples2';
import { driftsOf, provider, scanTf } from './tfScan';

const azapi = `provider "azapi" {\n  subscription_id = "${SUB}"\n}\n`;
const appId = `${rgPath('apps')}/providers/Microsoft.App/containerApps/web`;
const saId = `${rgPath('apps')}/providers/Microsoft.Storage/storageAccounts/azapisa01`;

const containerApp = (extra = '') => `${azapi}
resource "azapi_resource" "app" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "web"
  parent_id = "/subscriptions/${SUB}/resourceGroups/apps"
  location  = "eastus"
  body = {
    properties = {
      managedEnvironmentId = "/subscriptions/${SUB}/resourcegroups/apps/providers/Microsoft.App/managedEnvironments/demokube"
      configuration = {
        ingress = {
          external   = true
          targetPort = 3000
          transport  = "auto"
        }
      }
      template = {
        containers = [{
          name  = "web"
          image = "repo/web:v4"
          resources = { cpu = 0.5, memory = "1Gi" }
        }]
        scale = { minReplicas = 1, maxReplicas = 5 }
      }
    }
  }
${extra}}
`;

describe('azapi resources against the fake Resource Manager', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('apps'));
    fake.put(containerAppBody('apps', 'web'));
    fake.put(storageBody('apps', 'azapisa01', { publicNetwork: 'Disabled' }));
  });
  afterEach(() => fake.close());

  it('reads at exactly the api-version of `type`, derives the ID from parent_id + name, and finds the spec body in sync', async () => {
    // Arguments of the azapi provider itself are not the resource's: nothing to verify, nothing unverified.
    const r = await scanTf(fake, containerApp('  response_export_values    = ["properties.configuration.ingress.fqdn"]\n  schema_validation_enabled = false\n'));
    const app = r.get('azapi_resource.app');
    assert.equal(app.liveId, appId);
    assert.equal(app.status, 'in-sync', JSON.stringify([app.reason, app.drifts, app.unverifiedAttributes]));
    assert.deepEqual(app.unverifiedAttributes, []);
    // ContainerApps 2025-01-01 is the newest stable version: azapi's own pin wins, with no provider discovery.
    assert.deepEqual(fake.requestsTo(appId).map((q) => q.query['api-version']), ['2024-03-01']);
    assert.equal(fake.requests.filter((q) => /\/providers\/Microsoft\.App$/i.test(q.path)).length, 0);
  });

  it('reports each changed body path once, on the literal inside the body, fixable; nothing else', async () => {
    fake.patch(appId, (a) => {
      const p = a.properties as { configuration: { ingress: { targetPort: number } }; template: { scale: { maxReplicas: number }; containers: { image: string }[] } };
      p.configuration.ingress.targetPort = 8080;
      p.template.scale.maxReplicas = 10;
      p.template.containers[0].image = 'repo/web:v5';
    });
    const tf = containerApp();
    const r = await scanTf(fake, tf);
    const app = r.get('azapi_resource.app');
    assert.deepEqual(driftsOf(app), [
      'body.properties.configuration.ingress.targetPort: 3000 → 8080 (warning)',
      'body.properties.template.containers[web].image: "repo/web:v4" → "repo/web:v5" (warning)',
      'body.properties.template.scale.maxReplicas: 5 → 10 (warning)',
    ]);
    const lines = (provider + tf).split('\n');
    for (const d of app.drifts) {
      const line = lines[d.location.range.start.line];
      const leaf = d.attribute.split('.').pop()!;
      assert.match(line, new RegExp(`\\b${leaf}\\s*=`), `${d.attribute} points at its literal, not at "${line.trim()}"`);
      assert.equal(d.fixable, true);
    }
    // The quick-fix rewrites the literals inside the body object, nothing else.
    const text = provider + tf;
    const edits = app.drifts.map((d) => fixEditForDrift(d, text)!);
    const after = applyEdits(text, edits).after;
    assert.deepEqual(
      after.split('\n').filter((l, i) => l !== text.split('\n')[i]).map((l) => l.trim()),
      ['targetPort = 8080', 'image = "repo/web:v5"', 'scale = { minReplicas = 1, maxReplicas = 10 }'],
    );
  });

  it('an azapi provider block without subscription_id still places the resource: parent_id holds it', async () => {
    const r = await scanTf(fake, containerApp().replace(azapi, 'provider "azapi" {}\n'));
    assert.equal(r.get('azapi_resource.app').liveId, appId);
    assert.equal(r.get('azapi_resource.app').status, 'in-sync');
  });

  it('jsonencode bodies (older code) compare too; their drift points at the body attribute', async () => {
    fake.patch(appId, (a) => ((a.properties as { configuration: { ingress: { external: boolean } } }).configuration.ingress.external = false));
    const tf = `${azapi}
resource "azapi_resource" "app" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "web"
  parent_id = "/subscriptions/${SUB}/resourceGroups/apps"
  location  = "East US"
  body = jsonencode({
    properties = { configuration = { ingress = { external = true, targetPort = 3000 } } }
  })
}
`;
    const app = (await scanTf(fake, tf)).get('azapi_resource.app');
    assert.deepEqual(driftsOf(app), ['body.properties.configuration.ingress.external: true → false (warning)']);
    assert.equal((provider + tf).split('\n')[app.drifts[0].location.range.start.line].trim(), 'body = jsonencode({');
  });

  it('a secret the GET does not return is unverified, never drift, and its value is never shown', async () => {
    const tf = containerApp().replace('      configuration = {\n', '      configuration = {\n        secrets = [{ name = "db", value = "s3cr3t-Value" }]\n');
    const r = await scanTf(fake, tf);
    const app = r.get('azapi_resource.app');
    assert.equal(app.status, 'in-sync');
    assert.deepEqual(app.unverifiedAttributes.map((u) => u.attribute), ['body.properties.configuration.secrets']);
    // Nowhere: not in the report, nor in what the diff view shows as the code's side.
    assert.doesNotMatch(formatJson(r), /s3cr3t-Value/);
    assert.doesNotMatch(JSON.stringify(app.desired), /s3cr3t-Value/);
  });

  it('ignore_body_changes and lifecycle.ignore_changes paths are not drift', async () => {
    fake.patch(appId, (a) => {
      const p = a.properties as { configuration: { ingress: { targetPort: number } }; template: { scale: { maxReplicas: number } } };
      p.configuration.ingress.targetPort = 8080;
      p.template.scale.maxReplicas = 10;
    });
    const viaBody = (await scanTf(fake, containerApp('  ignore_body_changes = ["properties.template.scale", "properties.configuration.ingress.targetPort"]\n'))).get('azapi_resource.app');
    assert.equal(viaBody.status, 'in-sync', JSON.stringify(viaBody.drifts));
    const viaLifecycle = (await scanTf(fake, containerApp('  lifecycle {\n    ignore_changes = [body.properties.template.scale.maxReplicas]\n  }\n'))).get('azapi_resource.app');
    assert.deepEqual(driftsOf(viaLifecycle), ['body.properties.configuration.ingress.targetPort: 3000 → 8080 (warning)']);
  });

  it('azapi_update_resource compares only the properties it sets, with exposure severity; a deleted target is missing, a type not known statically unverified', async () => {
    fake.patch(saId, (a) => ((a.properties as Record<string, unknown>).publicNetworkAccess = 'Enabled'));
    const tf = `${azapi}
variable "api" {
  type = string
}
resource "azapi_update_resource" "sa" {
  type        = "Microsoft.Storage/storageAccounts@2023-05-01"
  resource_id = "${saId}"
  body = {
    properties = { publicNetworkAccess = "Disabled", minimumTlsVersion = "tls1_2" }
  }
}
resource "azapi_update_resource" "gone" {
  type        = "Microsoft.Storage/storageAccounts@2023-05-01"
  resource_id = "${rgPath('apps')}/providers/Microsoft.Storage/storageAccounts/gone01"
  body        = { properties = { minimumTlsVersion = "TLS1_2" } }
}
resource "azapi_update_resource" "unknown" {
  type        = "Microsoft.Storage/storageAccounts@\${var.api}"
  resource_id = "${saId}"
  body        = { properties = { minimumTlsVersion = "TLS1_2" } }
}
`;
    const r = await scanTf(fake, tf);
    assert.deepEqual(driftsOf(r.get('azapi_update_resource.sa')), ['body.properties.publicNetworkAccess: "Disabled" → "Enabled" (error)']);
    assert.equal(r.get('azapi_update_resource.gone').status, 'missing');
    assert.equal(r.get('azapi_update_resource.unknown').status, 'unverified');
    assert.match(r.get('azapi_update_resource.unknown').reason ?? '', /type .* not known statically/);
  });
});
