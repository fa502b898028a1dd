// Azure SQL server and database, PostgreSQL flexible server against the REST specs' own GET examples:
// in sync as a user writes them, each console change found once with its severity. The database's
// sku_name is the service objective ("BC_Gen5_2"), as resourceMsSqlDatabaseRead reads it, not sku.name.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { postgresFlexSpecBody, sqlDatabaseSpecBody, sqlServerSpecBody } from '../../fakes/arm/specExamples3';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const rg = rgPath('db');
const serverId = `${rg}/providers/Microsoft.Sql/servers/sqlcrudtest-4645`;
const databaseId = `${serverId}/databases/testdb`;
const pgId = `${rg}/providers/Microsoft.DBforPostgreSQL/flexibleServers/exampleserver`;

const workspace = `
resource "azurerm_mssql_server" "sql" {
  name                                 = "sqlcrudtest-4645"
  resource_group_name                  = "db"
  location                             = "japaneast"
  version                              = "12.0"
  administrator_login                  = "dummylogin"
  minimum_tls_version                  = "Disabled"
  public_network_access_enabled        = true
  outbound_network_restriction_enabled = true
  tags = { tagKey1 = "TagValue1" }
}
resource "azurerm_mssql_database" "db" {
  name                 = "testdb"
  server_id            = "${serverId}"
  sku_name             = "BC_Gen5_2"
  max_size_gb          = 250
  collation            = "SQL_Latin1_General_CP1_CI_AS"
  license_type         = "LicenseIncluded"
  zone_redundant       = false
  read_scale           = true
  storage_account_type = "Geo"
}
resource "azurerm_postgresql_flexible_server" "pg" {
  name                          = "exampleserver"
  resource_group_name           = "db"
  location                      = "westus"
  version                       = "16"
  sku_name                      = "GP_Standard_D4ds_v5"
  storage_mb                    = 131072
  storage_tier                  = "P10"
  auto_grow_enabled             = false
  backup_retention_days         = 7
  geo_redundant_backup_enabled  = true
  zone                          = "1"
  administrator_login           = "administratorlogin"
  public_network_access_enabled = true
}
`;

describe('database mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('db'));
    fake.put(sqlServerSpecBody('db', 'sqlcrudtest-4645'));
    fake.put(sqlDatabaseSpecBody('db', 'sqlcrudtest-4645', 'testdb'));
    fake.put(postgresFlexSpecBody('db', 'exampleserver'));
  });
  afterEach(() => fake.close());

  it('reads each example in sync as the code writes it', async () => {
    const r = await scanTf(fake, workspace);
    assertAllInSync(r, 3);
    assert.deepEqual(fake.requestsTo(serverId).map((q) => q.query['api-version']), ['2023-08-01']);
    assert.deepEqual(fake.requestsTo(pgId).map((q) => q.query['api-version']), ['2024-08-01']);
  });

  it('finds each console change once, nothing else', async () => {
    fake.patch(serverId, (s) => ((s.properties as { restrictOutboundNetworkAccess: string }).restrictOutboundNetworkAccess = 'Disabled'));
    fake.patch(databaseId, (d) => {
      const p = d.properties as Record<string, unknown>;
      p.currentServiceObjectiveName = 'BC_Gen5_4';
      p.requestedServiceObjectiveName = 'BC_Gen5_4';
      (d.sku as { capacity: number }).capacity = 4;
    });
    fake.patch(pgId, (s) => ((s.properties as { backup: { backupRetentionDays: number } }).backup.backupRetentionDays = 14));
    const r = await scanTf(fake, workspace);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, [
      'azurerm_mssql_server.sql outbound_network_restriction_enabled: true → false (error)',
      'azurerm_mssql_database.db sku_name: "BC_Gen5_2" → "BC_Gen5_4" (warning)',
      'azurerm_postgresql_flexible_server.pg backup_retention_days: 7 → 14 (warning)',
    ]);
  });

  it('TLS lowered and public access opened in the console are errors', async () => {
    const strict = workspace
      .replace('minimum_tls_version                  = "Disabled"', 'minimum_tls_version                  = "1.2"')
      .replace('public_network_access_enabled = true', 'public_network_access_enabled = false');
    fake.patch(serverId, (s) => ((s.properties as Record<string, unknown>).minimalTlsVersion = '1.2'));
    fake.patch(pgId, (s) => ((s.properties as { network: { publicNetworkAccess: string } }).network.publicNetworkAccess = 'Disabled'));
    let r = await scanTf(fake, strict);
    assert.deepEqual(r.resources.filter((x) => x.status !== 'in-sync').map((x) => x.address), []);
    fake.patch(serverId, (s) => ((s.properties as Record<string, unknown>).minimalTlsVersion = '1.0'));
    fake.patch(pgId, (s) => ((s.properties as { network: { publicNetworkAccess: string } }).network.publicNetworkAccess = 'Enabled'));
    r = await scanTf(fake, strict);
    assert.deepEqual(driftsOf(r.get('azurerm_mssql_server.sql')), ['minimum_tls_version: "1.2" → "1.0" (error)']);
    assert.deepEqual(driftsOf(r.get('azurerm_postgresql_flexible_server.pg')), ['public_network_access_enabled: false → true (error)']);
  });
});
