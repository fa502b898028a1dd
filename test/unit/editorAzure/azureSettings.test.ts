// The Azure settings and activation in package.json, and the rule that reads machine-scoped values
// from user/remote settings only (a cloned repo must not redirect the token).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iacFileGlobs } from '../../../src/editor/commands';
import { chosenValue, isSet, settings } from '../../../src/editor/settingKeys';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties;

describe('editor Azure settings', () => {
  it('a machine setting takes only the user/remote value: workspace and folder values are ignored', () => {
    const endpoint = settings['azure.resourceManagerEndpoint'];
    const fromRepo = { workspaceValue: 'https://attacker.example/', workspaceFolderValue: 'https://attacker.example/' };
    assert.equal(chosenValue(endpoint, fromRepo, 'https://attacker.example/'), undefined);
    assert.equal(chosenValue(endpoint, { ...fromRepo, globalValue: 'https://stack.contoso.local/' }, 'https://attacker.example/'), 'https://stack.contoso.local/');
    // Other scopes keep VS Code's effective value (which already honours Workspace Trust).
    assert.equal(chosenValue(settings['azure.subscriptionId'], { workspaceValue: 'x' }, 'x'), 'x');
    assert.equal(isSet({}), false);
    assert.equal(isSet({ workspaceValue: 'AzureChinaCloud' }), true);
  });

  it('contributes the Azure settings with safe scopes; the endpoint is machine-only and restricted when untrusted', () => {
    assert.equal(props['driftlens.azure.resourceManagerEndpoint'].scope, 'machine');
    assert.equal(props['driftlens.azure.subscriptionId'].scope, 'machine-overridable');
    assert.equal(props['driftlens.azure.cloud'].scope, 'machine-overridable');
    assert.deepEqual(props['driftlens.azure.cloud'].enum, ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);
    for (const name of ['driftlens.azure.resourceManagerEndpoint', 'driftlens.azure.subscriptionId', 'driftlens.azure.cloud']) {
      assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(name), name);
    }
    const guid = new RegExp(props['driftlens.azure.subscriptionId'].pattern);
    assert.ok(guid.test('00000000-1111-2222-3333-444444444444') && guid.test(''));
    assert.ok(!guid.test('my-subscription'));
  });

  it('activates on Terraform and ARM template files (the globs the welcome view checks) and the ARM Tools language, never on `*`', () => {
    assert.deepEqual(pkg.activationEvents, [...iacFileGlobs.map((g) => `workspaceContains:${g}`), 'onLanguage:arm-template']);
    assert.ok(pkg.activationEvents.some((e: string) => e.endsWith('azuredeploy.json')));
    assert.ok(!pkg.activationEvents.includes('*'));
  });

  it('contributes "Sign in to Azure" in the palette', () => {
    const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'driftlens.signInToAzure');
    assert.deepEqual(cmd, { command: 'driftlens.signInToAzure', title: 'Sign in to Azure', category: 'DriftLens' });
    assert.ok(!pkg.contributes.menus.commandPalette.some((m: { command: string }) => m.command === 'driftlens.signInToAzure'));
  });
});
