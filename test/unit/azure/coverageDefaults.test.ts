// Issue 13 mappers on a GET that leaves every property out: each attribute reads as its azurerm 4.x read
// function sets it then (the open value where that is the service's default), never undefined.
import { strict as assert } from 'node:assert';
import type { Value } from '../../../src/model';
import { issue13Mappers } from '../../../src/providers/azure/mappers/issue13Mappers';
import type { ArmResource } from '../../../src/providers/azure/mappers/types';
import { SUB } from '../../fakes/arm/examples';

const rg = `/subscriptions/${SUB}/resourceGroups/app`;

function emptyOf(type: string): Record<string, Value> {
  const m = issue13Mappers.find((x) => x.type === type)!;
  // `…/providers/NS/parents/p0/…/types/x`: a path of the mapper's own ARM type.
  const [namespace, ...types] = m.armType.split('/');
  const path = types.map((t, i) => `${t}/${i === types.length - 1 ? 'x' : `p${i}`}`).join('/');
  const arm: ArmResource = { id: `${rg}/providers/${namespace}/${path}`, name: 'x', type: m.armType, properties: {} };
  return m.map(arm, {}, {}, arm.id);
}

describe('issue 13 mappers: defaults for properties the GET leaves out', () => {
  it('every attribute a mapper declares is answered (no undefined), for every new type', () => {
    for (const m of issue13Mappers) {
      if (m.absentReason) continue; // read through a parent that must hold the entry
      const attrs = emptyOf(m.type);
      for (const name of Object.keys(m.attributes)) {
        if (name === 'location') continue; // untracked children have none
        assert.notEqual(attrs[name], undefined, `${m.type}.${name}`);
      }
    }
  });

  it('the read functions\' defaults: open values where the service defaults to them', () => {
    const expect: [string, string, Value][] = [
      // resourceLogAnalyticsWorkspaceRead: ingestion/query true unless "Disabled", no cap → -1.
      ['azurerm_log_analytics_workspace', 'internet_ingestion_enabled', true],
      ['azurerm_log_analytics_workspace', 'internet_query_enabled', true],
      ['azurerm_log_analytics_workspace', 'daily_quota_gb', -1],
      ['azurerm_log_analytics_workspace', 'local_authentication_enabled', true],
      // resourceApplicationInsightsRead: true only when "Enabled".
      ['azurerm_application_insights', 'internet_ingestion_enabled', false],
      // resourceMsSqlServerRead: no minimalTlsVersion → "Disabled"; public access only when "Enabled".
      ['azurerm_mssql_server', 'minimum_tls_version', 'Disabled'],
      ['azurerm_mssql_server', 'public_network_access_enabled', false],
      // resourceRouteTableRead: !disableBgpRoutePropagation.
      ['azurerm_route_table', 'bgp_route_propagation_enabled', true],
      // resourceBastionHostRead: copy/paste on unless disabled.
      ['azurerm_bastion_host', 'copy_paste_enabled', true],
      // resourceKubernetesClusterNodePoolRead: mode User, os disk Managed, priority Regular.
      ['azurerm_kubernetes_cluster_node_pool', 'mode', 'User'],
      ['azurerm_kubernetes_cluster_node_pool', 'os_disk_type', 'Managed'],
      ['azurerm_kubernetes_cluster_node_pool', 'priority', 'Regular'],
      // resourceNetAppPoolRead: qos_type Auto.
      ['azurerm_netapp_pool', 'qos_type', 'Auto'],
      // Key Vault secret: dates "" when unset (resourceKeyVaultSecretRead).
      ['azurerm_key_vault_secret', 'expiration_date', ''],
      // Storage container: no publicAccess is "None" → private.
      ['azurerm_storage_container', 'container_access_type', 'private'],
      // Policy assignment: enforcementMode absent is Default → enforce.
      ['azurerm_resource_group_policy_assignment', 'enforce', true],
      // Cosmos DB: key-based metadata writes allowed unless disabled; local auth on unless disabled.
      ['azurerm_cosmosdb_account', 'access_key_metadata_writes_enabled', true],
      ['azurerm_cosmosdb_account', 'local_authentication_enabled', true],
    ];
    for (const [type, attr, value] of expect) assert.deepEqual(emptyOf(type)[attr], value, `${type}.${attr}`);
  });
});
