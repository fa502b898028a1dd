// The ARM comparison rules on their own: one template resource against a live body, no network.
import { strict as assert } from 'node:assert';
import { compareArmResource } from '../../../src/iac/arm/compareTemplate';
import { indexArmTemplate } from '../../../src/iac/arm/template';
import { matchAll } from '../../../src/iac/arm/matching';

function resource(body: Record<string, unknown>) {
  const text = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    resources: [{ apiVersion: '2023-11-01', name: 'r', ...body }],
  });
  return indexArmTemplate('/t/azuredeploy.json', text, { target: { subscriptionId: 's', resourceGroup: 'rg' } })!.resources[0];
}

const attrs = (out: { drifts: { attribute: string }[] }) => out.drifts.map((d) => d.attribute);

describe('ARM comparison rules', () => {
  it('booleans and numbers written as strings equal the typed live value, in any case', () => {
    const r = resource({ type: 'Microsoft.Storage/storageAccounts', properties: { supportsHttpsTrafficOnly: 'True', isHnsEnabled: 'false', x: '8' } });
    assert.deepEqual(attrs(compareArmResource(r, { properties: { supportsHttpsTrafficOnly: true, isHnsEnabled: false, x: 8 } })), []);
    assert.deepEqual(attrs(compareArmResource(r, { properties: { supportsHttpsTrafficOnly: false, isHnsEnabled: false, x: 9 } })), ['properties.supportsHttpsTrafficOnly', 'properties.x']);
  });

  it('IDs ignore case; names, hostnames and other free text do not', () => {
    const r = resource({
      type: 'Microsoft.Network/networkInterfaces',
      properties: { networkSecurityGroup: { id: '/subscriptions/s/resourceGroups/RG/providers/Microsoft.Network/networkSecurityGroups/Web' }, dnsSettings: { internalDnsNameLabel: 'Web01' } },
    });
    const live = { properties: { networkSecurityGroup: { id: '/subscriptions/s/resourcegroups/rg/providers/microsoft.network/networksecuritygroups/web' }, dnsSettings: { internalDnsNameLabel: 'web01' } } };
    assert.deepEqual(attrs(compareArmResource(r, live)), ['properties.dnsSettings.internalDnsNameLabel']);
  });

  it('an ordered array of objects reports drift per index; the same objects in a set in another order are in sync', () => {
    const configs = [
      { properties: { privateIPAllocationMethod: 'Static', privateIPAddress: '10.0.0.4' } },
      { properties: { privateIPAllocationMethod: 'Static', privateIPAddress: '10.0.0.5' } },
    ];
    const ordered = resource({ type: 'Microsoft.Network/networkInterfaces', properties: { ipConfigurations: configs } });
    const swapped = [configs[1], configs[0]].map((c) => ({ ...c, etag: 'W/"x"', properties: { ...c.properties, provisioningState: 'Succeeded' } }));
    assert.deepEqual(attrs(compareArmResource(ordered, { properties: { ipConfigurations: swapped } })), [
      'properties.ipConfigurations[0].properties.privateIPAddress',
      'properties.ipConfigurations[1].properties.privateIPAddress',
    ]);
    const set = resource({ type: 'Microsoft.Network/loadBalancers', properties: { rules: configs } });
    assert.deepEqual(attrs(compareArmResource(set, { properties: { rules: swapped } })), []);
  });

  it('Key Vault access policies: a set of objects whose permissions are enums in any case; a lost permission is drift', () => {
    const policy = (objectId: string, secrets: string[]) => ({ tenantId: 't', objectId, permissions: { secrets } });
    const r = resource({ type: 'Microsoft.KeyVault/vaults', properties: { accessPolicies: [policy('a', ['Get', 'List']), policy('b', ['Get'])] } });
    const live = (aSecrets: string[]) => ({ properties: { accessPolicies: [policy('b', ['get']), { ...policy('a', aSecrets), applicationId: null }] } });
    assert.deepEqual(attrs(compareArmResource(r, live(['get', 'list']))), []);
    assert.deepEqual(attrs(compareArmResource(r, live(['get']))), ['properties.accessPolicies']);
  });

  it('write-only and secret-named properties are unverified whatever the live answer holds', () => {
    const r = resource({ type: 'Microsoft.Sql/servers', properties: { administratorLoginPassword: 'x', administratorLogin: 'sqladmin' } });
    const out = compareArmResource(r, { properties: { administratorLogin: 'sqladmin', administratorLoginPassword: null } });
    assert.deepEqual(attrs(out), []);
    assert.deepEqual(out.unverified.map((u) => u.attribute), ['properties.administratorLoginPassword']);
  });

  it('a declared object fitting several live ones still pairs every element (full matching, not first fit)', () => {
    const fits = (d: string, l: string) => l.startsWith(d);
    assert.equal(matchAll(['a', 'ab'], ['ab', 'a'], fits), true);
    assert.equal(matchAll(['a', 'ab'], ['ab', 'ac'], fits), true);
    assert.equal(matchAll(['ab', 'ab'], ['ab', 'ac'], fits), false);
  });
});
