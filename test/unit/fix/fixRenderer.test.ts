// The quick-fix writes the syntax of the file the literal lives in: HCL for .tf/.tfvars, JSON for ARM
// templates, parameters files, .tf.json and .tfvars.json. Checked on real comparisons: ARM templates
// through the ARM indexer and comparison, Terraform JSON files through a scan against the fake EC2.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixEdit, fixEditForDrift, indentUnitOf, whyNotFixable } from '../../../src/engine/fix/fixEdit';
import { fixSyntaxFor } from '../../../src/engine/fix/fixRenderer';
import type { Drift, Range } from '../../../src/model';
import { scanWorkspace } from '../../../src/engine/scan';
import { compareArmResource } from '../../../src/iac/arm/compareTemplate';
import { readParametersFile } from '../../../src/iac/arm/files';
import { indexArmTemplate } from '../../../src/iac/arm/template';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { FIXTURES, tempDir, type TempDir } from '../engine/helpers';

const apply = (text: string, range: Range, newText: string) => text.slice(0, range.start.offset) + newText + text.slice(range.end.offset);

function fixed(drift: Drift, text: string): string {
  const edit = fixEditForDrift(drift, text);
  assert.ok(edit, `no fix for ${drift.attribute}: ${whyNotFixable(drift) ?? 'origin does not fit'}`);
  return apply(text, edit.range, edit.newText);
}

describe('engine/fix renderer choice', () => {
  it('picks the syntax by the origin file kind', () => {
    assert.deepEqual(fixSyntaxFor('/w/main.tf', '', 0), { kind: 'hcl' });
    assert.deepEqual(fixSyntaxFor('/w/terraform.tfvars', '', 0), { kind: 'hcl' });
    assert.deepEqual(fixSyntaxFor('/w/prod.auto.tfvars', '', 0), { kind: 'hcl' });
    assert.deepEqual(fixSyntaxFor('/w/terraform.tfvars.json', '{}', 0), { kind: 'json', strings: 'plain' });
    assert.deepEqual(fixSyntaxFor('/w/azuredeploy.json', '{}', 0), { kind: 'json', strings: 'arm' });
    assert.deepEqual(fixSyntaxFor('/w/azuredeploy.parameters.json', '{}', 0), { kind: 'json', strings: 'arm' });
    assert.deepEqual(fixSyntaxFor('/w/MAIN.TF.JSON', '{}', 0), { kind: 'json', strings: 'terraform-template' });
    const tfJson = '{ "variable": { "name": { "default": "web-${x}" } }, "resource": { "t": { "n": { "default": "a" } } } }';
    assert.deepEqual(fixSyntaxFor('/w/v.tf.json', tfJson, tfJson.indexOf('"web')), { kind: 'json', strings: 'plain' }, 'a variable default is not a template');
    assert.deepEqual(fixSyntaxFor('/w/v.tf.json', tfJson, tfJson.indexOf('"a"')), { kind: 'json', strings: 'terraform-template' });
  });

  it('finds the indentation step of a file: 2 or 4 spaces, tabs', () => {
    assert.equal(indentUnitOf('{\n    "a": {\n        "b": 1\n    }\n}\n'), '    ');
    assert.equal(indentUnitOf('{\n  "a": {\n    "b": 1\n  }\n}\n'), '  ');
    assert.equal(indentUnitOf('{\n\t"a": {\n\t\t"b": 1\n\t}\n}\n'), '\t');
    assert.equal(indentUnitOf('x = 1\n'), '  ');
  });

  it('writes JSON into a CRLF template with its own line endings', () => {
    const text = '{\r\n    "tags": { "a": "b" },\r\n    "x": 1\r\n}\r\n';
    const start = text.indexOf('{ "a"');
    const end = text.indexOf('},') + 1;
    const pos = (o: number) => ({ offset: o, line: text.slice(0, o).split('\n').length - 1, character: o - (text.lastIndexOf('\n', o - 1) + 1) });
    const edit = buildFixEdit(text, { file: '/w/t.json', range: { start: pos(start), end: pos(end) } }, { a: 'b', long: 'x'.repeat(100) });
    assert.ok(edit);
    assert.equal(apply(text, edit.range, edit.newText), `{\r\n    "tags": {\r\n        "a": "b",\r\n        "long": "${'x'.repeat(100)}"\r\n    },\r\n    "x": 1\r\n}\r\n`);
  });
});

describe('engine/fix on ARM template drift', () => {
  const file = '/w/azuredeploy.json';
  const paramsFile = '/w/azuredeploy.parameters.json';
  const template = [
    '{',
    '    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '    "parameters": {',
    '        "vmSize": { "type": "string", "defaultValue": "Standard_B2s" },',
    '        "sku": { "type": "string", "defaultValue": "Standard_GRS" },',
    '        "password": { "type": "secureString", "defaultValue": "old-secret" },',
    '        "settings": { "type": "secureObject", "defaultValue": { "key": "v" } },',
    '        "prefix": { "type": "string", "defaultValue": "dl" }',
    '    },',
    '    "resources": [',
    '        {',
    '            "type": "Microsoft.Compute/virtualMachines",',
    '            "apiVersion": "2024-03-01",',
    '            "name": "dl-vm",',
    '            "location": "westeurope",',
    '            "sku": { "name": "[parameters(\'sku\')]" },',
    '            "properties": {',
    '                "hardwareProfile": { "vmSize": "[parameters(\'vmSize\')]" },',
    '                "computerName": "[concat(parameters(\'prefix\'), \'-vm\')]",',
    '                "label": "[[literal]",',
    '                "osProfile": { "adminPassword": "[parameters(\'password\')]", "custom": "[parameters(\'settings\').key]" },',
    '                "licenseKey": "[parameters(\'password\')]",',
    '                "addressPrefixes": ["10.20.0.0/16"],',
    '                "dnsServers": ["[parameters(\'prefix\')]"],',
    '                "minimumTlsVersion": "TLS1_2"',
    '            }',
    '        }',
    '    ]',
    '}',
    '',
  ].join('\n');
  const params = '{\n  "parameters": {\n    "sku": { "value": "Standard_LRS" }\n  }\n}\n';
  const live = {
    location: 'westeurope',
    sku: { name: 'Standard_ZRS' },
    properties: {
      hardwareProfile: { vmSize: 'Standard_D4s_v5' },
      computerName: 'other-vm',
      label: '[changed]',
      osProfile: { adminPassword: 'new-secret', custom: 'w' },
      licenseKey: 'new-secret',
      addressPrefixes: ['10.30.0.0/16', '10.31.0.0/16'],
      dnsServers: ['1.1.1.1'],
      minimumTlsVersion: 'TLS1_0',
    },
  };
  const compare = (withParams: boolean) => {
    const supplied = withParams ? readParametersFile(paramsFile, params, {}) : undefined;
    const index = indexArmTemplate(file, template, { target: { subscriptionId: 's', resourceGroup: 'rg' }, supplied });
    assert.ok(index);
    const drifts = compareArmResource(index.resources[0], live).drifts;
    return (attribute: string) => {
      const d = drifts.find((x) => x.attribute === attribute);
      assert.ok(d, `no drift on ${attribute} among ${drifts.map((x) => x.attribute).join(', ')}`);
      return d;
    };
  };

  it('a property literal in the resource: only that JSON literal changes', () => {
    const drift = compare(false)('properties.minimumTlsVersion');
    assert.equal(drift.origin?.file, file);
    assert.equal(fixed(drift, template), template.replace('"TLS1_2"', '"TLS1_0"'));
  });

  it('a value from parameters(): the parameter defaultValue is edited, not the expression', () => {
    const drift = compare(false)('properties.hardwareProfile.vmSize');
    assert.equal(fixed(drift, template), template.replace('"defaultValue": "Standard_B2s"', '"defaultValue": "Standard_D4s_v5"'));
  });

  it('a value the parameters file supplies: the parameters file is edited', () => {
    const drift = compare(true)('sku.name');
    assert.equal(drift.origin?.file, paramsFile);
    assert.equal(fixed(drift, params), params.replace('"Standard_LRS"', '"Standard_ZRS"'));
    assert.equal(fixed(compare(false)('sku.name'), template), template.replace('"Standard_GRS"', '"Standard_ZRS"'), 'without the file: the default');
  });

  it('an array literal is rewritten whole, in the one-line style it had', () => {
    const drift = compare(false)('properties.addressPrefixes');
    assert.equal(drift.fixable, true);
    assert.equal(fixed(drift, template), template.replace('["10.20.0.0/16"]', '["10.30.0.0/16", "10.31.0.0/16"]'));
  });

  it('a live string that looks like an expression is written escaped', () => {
    assert.equal(fixed(compare(false)('properties.label'), template), template.replace('"[[literal]"', '"[[changed]"'));
  });

  it('no fix for computed values, arrays holding expressions, or secure parameters (securestring, secureObject)', () => {
    const at = compare(false);
    for (const attribute of ['properties.computerName', 'properties.dnsServers']) {
      assert.ok(whyNotFixable(at(attribute)), `${attribute} must not be fixable`);
    }
    // adminPassword is write-only (never returned by a real GET): unverified, so no drift to fix; a secure value the GET does return is masked.
    const password = at('properties.licenseKey');
    assert.equal(password.sensitive, true);
    assert.equal(password.actual, '(sensitive)');
    assert.match(whyNotFixable(password) ?? '', /sensitive/);
    const custom = at('properties.osProfile.custom');
    assert.equal(custom.sensitive, true, 'a property of a secureObject parameter is sensitive');
    assert.equal(fixEditForDrift(custom, template), undefined);
  });
});

describe('engine/fix on Terraform JSON files (.tfvars.json, .tf.json), against the fake EC2', () => {
  let fake: FakeEc2;
  let restore: () => void;
  let ws: TempDir;

  beforeEach(async () => {
    fake = await startFakeEc2(JSON.parse(readFileSync(join(FIXTURES, 'ec2-basic', 'seed.json'), 'utf8')));
    restore = setAwsEnv(fakeCredentials(fake.url));
    ws = tempDir({}, 'ec2-basic');
  });
  afterEach(async () => {
    restore();
    await fake.close();
    ws.remove();
  });

  const scanDrifts = async () => {
    const { result } = await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true })] });
    return result.resources.flatMap((r) => r.drifts.map((d) => ({ address: r.address, drift: d })));
  };

  it('a value from terraform.tfvars.json is written back as JSON there', async () => {
    const tfvarsJson = '{\n  "instance_type": "t3.micro",\n  "env": "prod"\n}\n';
    const file = ws.write('terraform.tfvars.json', tfvarsJson);
    fake.state.setInstanceType('i-0a1b2c3d4e5f60001', 't3.large');
    fake.state.setTag('i-0a1b2c3d4e5f60001', 'Env', 'prod-${region}');
    const drifts = (await scanDrifts()).filter((d) => d.address === 'aws_instance.web[0]');
    const type = drifts.find((d) => d.drift.attribute === 'instance_type')?.drift;
    assert.ok(type, `no instance_type drift among ${drifts.map((d) => d.drift.attribute).join(', ')}`);
    assert.equal(type.origin?.file, file);
    assert.equal(fixed(type, tfvarsJson), tfvarsJson.replace('"t3.micro"', '"t3.large"'));
    // JSON variable values are not templates: `${` is written as is (HCL would double it).
    const env = drifts.find((d) => d.drift.attribute === 'tags.Env')?.drift;
    assert.ok(env);
    assert.equal(env.origin?.file, file);
    assert.equal(fixed(env, tfvarsJson), tfvarsJson.replace('"prod"', () => '"prod-${region}"'));
  });

  it('a literal in a .tf.json resource is written as JSON, template sequences escaped', async () => {
    const instances = readFileSync(join(ws.dir, 'instances.tf'), 'utf8');
    const worker = instances.slice(instances.indexOf('resource "aws_instance" "worker"'), instances.indexOf('# No mapper for S3'));
    writeFileSync(join(ws.dir, 'instances.tf'), instances.replace(worker, ''));
    const tfJson = [
      '{',
      '    "variable": { "worker_name": { "default": "worker" } },',
      '    "resource": {',
      '        "aws_instance": {',
      '            "worker": {',
      '                "ami": "${local.ami}",',
      '                "instance_type": "t3.micro",',
      '                "subnet_id": "${aws_subnet.a.id}",',
      '                "tags": { "Name": "${var.worker_name}", "Team": "ops" }',
      '            }',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    const file = ws.write('worker.tf.json', tfJson);
    fake.state.setInstanceType('i-0a1b2c3d4e5f60004', 't3.large');
    fake.state.replaceTags('i-0a1b2c3d4e5f60004', { Name: 'worker-${env}', Team: 'ops-${env}' });
    const drifts = (await scanDrifts()).filter((d) => d.address === 'aws_instance.worker');
    const type = drifts.find((d) => d.drift.attribute === 'instance_type')?.drift;
    assert.ok(type, `no instance_type drift among ${drifts.map((d) => d.drift.attribute).join(', ')}`);
    assert.equal(type.origin?.file, file);
    assert.equal(fixed(type, tfJson), tfJson.replace('"t3.micro"', '"t3.large"'));
    // An argument is a template: `${` doubled. A variable default is not: written as is.
    const team = drifts.find((d) => d.drift.attribute === 'tags.Team')?.drift;
    assert.ok(team);
    assert.equal(fixed(team, tfJson), tfJson.replace('"ops"', () => '"ops-$${env}"'));
    const name = drifts.find((d) => d.drift.attribute === 'tags.Name')?.drift;
    assert.ok(name);
    assert.equal(fixed(name, tfJson), tfJson.replace('"default": "worker"', () => '"default": "worker-${env}"'));
  });
});
