// azapi's read options and a value azurerm keeps from state, against the specs' example bodies:
// - ignore_casing = true: a body string that differs only in case is in sync (utils/json.go UpdateObject);
// - ignore_missing_property = false: a declared body path the GET does not return is drift (live null), where
//   the default (true) leaves it unverified; a redacted "****" answer is unverified by default; a declared
//   zero value the GET leaves out is never a difference (isZeroValue);
// - azurerm_mssql_database.license_type with no licenseType in the answer: resourceMsSqlDatabaseRead keeps the
//   state's value, so it is unverified, never drift to "".
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, resourceGroupBody } from '../../fakes/arm/examples';
import { containerAppBody, rgPath } from '../../fakes/arm/specExamples2';
import { sqlDatabaseSpecBody } from '../../fakes/arm/specExamples3';
import { driftsOf, scanTf } from './tfScan';

const azapi = `provider "azapi" {\n  subscription_id = "${SUB}"\n}\n`;
const appId = `${rgPath('apps')}/providers/Microsoft.App/containerApps/web`;

const app = (options: string, extraIngress = '') => `${azapi}
resource "azapi_resource" "app" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "web"
  parent_id = "/subscriptions/${SUB}/resourceGroups/apps"
  location  = "eastus"
${options}
  body = {
    properties = {
      workloadProfileName = "my-gp-01"
      configuration = {
        ingress = {
          transport  = "Auto"
          targetPort = 3000
          allowInsecure = false
${extraIngress}        }
        dapr = { appProtocol = "HTTP" }
      }
    }
  }
}
`;

describe('azapi read options and values azurerm keeps from state', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('apps'));
    fake.put(containerAppBody('apps', 'web'));
  });
  afterEach(() => fake.close());

  it('ignore_casing = true: strings equal but for case are in sync, everywhere in the body; without it they are drift', async () => {
    let r = await scanTf(fake, app('  ignore_casing = true'));
    let res = r.get('azapi_resource.app');
    assert.equal(res.status, 'in-sync', JSON.stringify([res.drifts, res.unverifiedAttributes]));
    assert.deepEqual(res.unverifiedAttributes, []);

    r = await scanTf(fake, app(''));
    res = r.get('azapi_resource.app');
    assert.deepEqual(driftsOf(res), [
      'body.properties.workloadProfileName: "my-gp-01" → "My-GP-01" (warning)',
      'body.properties.configuration.ingress.transport: "Auto" → "auto" (warning)',
      'body.properties.configuration.dapr.appProtocol: "HTTP" → "http" (warning)',
    ]);

    // A real change is still a change with ignore_casing.
    fake.patch(appId, (a) => ((a.properties as { configuration: { ingress: { transport: string } } }).configuration.ingress.transport = 'http2'));
    res = (await scanTf(fake, app('  ignore_casing = true'))).get('azapi_resource.app');
    assert.deepEqual(driftsOf(res), ['body.properties.configuration.ingress.transport: "Auto" → "http2" (warning)']);
  });

  it('ignore_missing_property: a path the GET leaves out is unverified by default, drift when false; a declared zero value never differs', async () => {
    const extra = '          clientCertificateMode = "require"\n          exposedPort = 0\n';
    let res = (await scanTf(fake, app('  ignore_casing = true', extra))).get('azapi_resource.app');
    assert.equal(res.status, 'in-sync', JSON.stringify(res.drifts));
    assert.deepEqual(res.unverifiedAttributes.map((u) => u.attribute), ['body.properties.configuration.ingress.clientCertificateMode']);

    res = (await scanTf(fake, app('  ignore_casing = true\n  ignore_missing_property = false', extra))).get('azapi_resource.app');
    assert.deepEqual(driftsOf(res), ['body.properties.configuration.ingress.clientCertificateMode: "require" → null (warning)']);
    assert.deepEqual(res.unverifiedAttributes, []);
  });

  it('a redacted answer ("****") is unverified by default, never drift', async () => {
    fake.patch(appId, (a) => ((a.properties as { configuration: { ingress: Record<string, unknown> } }).configuration.ingress.clientCertificateMode = '****'));
    const res = (await scanTf(fake, app('  ignore_casing = true', '          clientCertificateMode = "require"\n'))).get('azapi_resource.app');
    assert.equal(res.status, 'in-sync', JSON.stringify(res.drifts));
    assert.deepEqual(res.unverifiedAttributes.map((u) => u.attribute), ['body.properties.configuration.ingress.clientCertificateMode']);
  });

  it('azurerm_mssql_database.license_type without licenseType in the answer is unverified; with it, compared', async () => {
    fake.put(resourceGroupBody('db'));
    fake.put(sqlDatabaseSpecBody('db', 'sqlcrudtest-4645', 'testdb'));
    const dbId = `${rgPath('db')}/providers/Microsoft.Sql/servers/sqlcrudtest-4645/databases/testdb`;
    const tf = `
resource "azurerm_mssql_database" "db" {
  name         = "testdb"
  server_id    = "${rgPath('db')}/providers/Microsoft.Sql/servers/sqlcrudtest-4645"
  license_type = "BasePrice"
}
`;
    let res = (await scanTf(fake, tf)).get('azurerm_mssql_database.db');
    assert.deepEqual(driftsOf(res), ['license_type: "BasePrice" → "LicenseIncluded" (warning)']);
    fake.patch(dbId, (d) => delete (d.properties as Record<string, unknown>).licenseType);
    res = (await scanTf(fake, tf)).get('azurerm_mssql_database.db');
    assert.deepEqual(res.drifts, []);
    assert.deepEqual(res.unverifiedAttributes.map((u) => `${u.attribute}: ${u.reason}`), ['license_type: the service does not return licenseType for this database (azurerm keeps the value from state)']);
  });
});
