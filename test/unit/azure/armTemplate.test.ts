// ARM templates: expression parsing, evaluation with origins, and the resource index.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArmExpression, readTemplateString } from '../../../src/iac/arm/expression';
import { loadArmTemplates, readParametersFile } from '../../../src/iac/arm/files';
import { indexArmTemplate, type ArmDeclaredResource } from '../../../src/iac/arm/template';
import { toValue, type EvalValue } from '../../../src/iac/terraform/evalValue';

const fixtures = resolve(__dirname, '../../fixtures/azure/arm');
const templateFile = join(fixtures, 'azuredeploy.json');
const SUB = '00000000-1111-2222-3333-444444444444';

function textAt(file: string, v: EvalValue): string {
  const o = v.kind === 'unknown' ? undefined : v.origin;
  assert.ok(o, 'value has an origin');
  assert.equal(o.file, file);
  return readFileSync(file, 'utf8').slice(o.range.start.offset, o.range.end.offset);
}

function byType(resources: ArmDeclaredResource[], type: string): ArmDeclaredResource {
  const r = resources.find((x) => x.type === type);
  assert.ok(r, `no ${type}`);
  return r;
}

describe('ARM template expressions', () => {
  it('parses nested calls, quoted quotes, property and index accessors', () => {
    assert.deepEqual(parseArmExpression("concat('it''s', parameters('a').b[0])"), {
      kind: 'call',
      name: 'concat',
      args: [
        { kind: 'string', value: "it's" },
        { kind: 'index', target: { kind: 'property', target: { kind: 'call', name: 'parameters', args: [{ kind: 'string', value: 'a' }] }, name: 'b' }, index: { kind: 'number', value: 0 } },
      ],
    });
  });

  it('tells literals, escapes and expressions apart', () => {
    assert.deepEqual(readTemplateString('plain'), { kind: 'literal', value: 'plain' });
    assert.deepEqual(readTemplateString('[[literal]'), { kind: 'literal', value: '[literal]' });
    assert.equal(readTemplateString("[toLower('A')]").kind, 'expression');
    const bad = readTemplateString("[concat('a']");
    assert.equal(bad.kind, 'invalid');
    assert.match(bad.kind === 'invalid' ? bad.message : '', /expected "\)"/);
  });
});

describe('ARM template index', () => {
  let resources: ArmDeclaredResource[];
  before(async () => {
    const loaded = await loadArmTemplates(fixtures);
    assert.deepEqual(loaded.templates.map((t) => t.file), [templateFile], 'parameters files and other JSON are not templates');
    resources = loaded.templates[0].resources;
  });

  it('indexes resources and nested children with full type, name and ID from .driftlens.json', () => {
    assert.deepEqual(
      resources.map((r) => [r.type, r.name.kind === 'scalar' ? r.name.value : r.name.kind === 'unknown' ? `unknown: ${r.name.reason}` : r.name.kind, r.apiVersion]),
      [
        ['Microsoft.Storage/storageAccounts', 'dlstore01', '2023-01-01'],
        ['Microsoft.Network/networkSecurityGroups', 'dl-web-nsg', '2023-11-01'],
        ['Microsoft.Network/virtualNetworks', 'dl-vnet', '2023-11-01'],
        ['Microsoft.Network/virtualNetworks/subnets', 'dl-vnet/web', '2023-11-01'],
        ['Microsoft.Compute/virtualMachines', 'dl-vm', '2024-03-01'],
        ['Microsoft.KeyVault/vaults', 'unknown: template function uniquestring() is only known at deployment or not evaluated by DriftLens', '2023-07-01'],
        ['Microsoft.Network/publicIPAddresses', '[not-an-expression]', '2023-11-01'],
      ],
    );
    assert.equal(byType(resources, 'Microsoft.Network/virtualNetworks/subnets').id, `/subscriptions/${SUB}/resourceGroups/arm-rg/providers/Microsoft.Network/virtualNetworks/dl-vnet/subnets/web`);
    assert.match(byType(resources, 'Microsoft.KeyVault/vaults').unverifiedReason ?? '', /name not known/);
    assert.equal(byType(resources, 'Microsoft.Network/publicIPAddresses').skipped, true, 'condition evaluates to false');
  });

  it('keeps the origin of every literal: the template, a parameter default, the parameters file, a variable', () => {
    const storage = byType(resources, 'Microsoft.Storage/storageAccounts');
    const props = storage.desired.get('properties')!.value;
    assert.equal(props.kind, 'map');
    const tls = props.kind === 'map' ? props.entries.get('minimumTlsVersion')! : undefined!;
    assert.equal(textAt(templateFile, tls), '"TLS1_2"');
    const tlsOrigin = tls.kind !== 'unknown' ? tls.origin! : undefined!;
    const lines = readFileSync(templateFile, 'utf8').split('\n');
    assert.equal(lines[tlsOrigin.range.start.line].slice(tlsOrigin.range.start.character, tlsOrigin.range.end.character), '"TLS1_2"');
    const sku = storage.desired.get('sku')!.value;
    const skuName = sku.kind === 'map' ? sku.entries.get('name')! : undefined!;
    assert.equal(toValue(skuName), 'Standard_LRS', 'the parameters file wins over the default');
    assert.equal(textAt(join(fixtures, 'azuredeploy.parameters.json'), skuName), '"Standard_LRS"');
    const tags = storage.desired.get('tags')!.value;
    assert.deepEqual(toValue(tags), { env: 'prod', owner: 'platform' });
    assert.equal(textAt(templateFile, tags.kind === 'map' ? tags.entries.get('env')! : tags), '"prod"');
    const location = storage.desired.get('location')!.value;
    assert.deepEqual(location, { kind: 'scalar', value: 'westeurope' }, 'resourceGroup().location from .driftlens.json, computed: no origin');
    const vmSize = byType(resources, 'Microsoft.Compute/virtualMachines').desired.get('properties')!.value;
    const size = vmSize.kind === 'map' && vmSize.entries.get('hardwareProfile')!;
    assert.equal(size && size.kind === 'map' && textAt(templateFile, size.entries.get('vmSize')!), '"Standard_B2s"', 'a parameter default is its own literal');
  });

  it('evaluates resourceId(), format(), subscription() and marks secure parameters sensitive', () => {
    const subnet = byType(resources, 'Microsoft.Network/virtualNetworks/subnets');
    const props = toValue(subnet.desired.get('properties')!.value) as Record<string, unknown>;
    assert.deepEqual(props.networkSecurityGroup, { id: `/subscriptions/${SUB}/resourceGroups/arm-rg/providers/Microsoft.Network/networkSecurityGroups/dl-web-nsg` });
    const vm = byType(resources, 'Microsoft.Compute/virtualMachines').desired.get('properties')!.value;
    const os = vm.kind === 'map' ? vm.entries.get('osProfile')! : undefined!;
    const password = os.kind === 'map' ? os.entries.get('adminPassword')! : undefined!;
    assert.equal(password.sensitive, true);
    const kv = toValue(byType(resources, 'Microsoft.KeyVault/vaults').desired.get('properties')!.value);
    assert.equal(kv, undefined, 'subscription().tenantId is unknown');
  });

  it('without a deployment target, resources are unverified with a reason that says what to add', () => {
    const text = readFileSync(templateFile, 'utf8');
    const index = indexArmTemplate(templateFile, text, { target: {} })!;
    const storage = byType(index.resources, 'Microsoft.Storage/storageAccounts');
    assert.equal(storage.id, undefined);
    assert.match(storage.unverifiedReason ?? '', /\.driftlens\.json/);
    const loc = storage.desired.get('location')!.value;
    assert.equal(loc.kind, 'unknown');
  });

  it('reports malformed JSON with a range and still indexes what it can', () => {
    const text = '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [ { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "x", } ,, ] }';
    const index = indexArmTemplate('/t.json', text, { target: { subscriptionId: 's', resourceGroup: 'g' } })!;
    assert.equal(index.resources.length, 1);
    assert.ok(index.diagnostics.some((d) => d.severity === 'error' && d.range.start.line === 1));
  });

  it('does not treat a subscription-scope template or other JSON as a resource-group template', () => {
    assert.equal(indexArmTemplate('/a.json', '{"$schema":"https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#","resources":[]}', { target: {} }), undefined);
    assert.equal(indexArmTemplate('/b.json', '{"name":"x"}', { target: {} }), undefined);
  });

  it('reads Key Vault references in a parameters file as unknown and sensitive', () => {
    const values = readParametersFile('/p.json', '{"parameters":{"pw":{"reference":{"keyVault":{"id":"/x"},"secretName":"s"}}}}', {});
    assert.deepEqual(values.get('pw'), { kind: 'unknown', reason: 'parameter "pw" comes from Key Vault', sensitive: true });
  });
});
