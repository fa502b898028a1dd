// Settings fit VS Code's scopes: what may differ per folder of a multi-root workspace is `resource`-scoped
// (and read per folder); what chooses credentials, endpoints or the program that runs is machine-only.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
const scopeOf = (name: string) => props[`driftlens.${name}`]?.scope;

describe('setting scopes (package.json)', () => {
  it('per-folder settings are resource-scoped: var files, severity overrides, scan on open', () => {
    for (const name of ['terraform.varFiles', 'severity.overrides', 'scan.onOpen']) assert.equal(scopeOf(name), 'resource', name);
  });

  it('credentials, endpoints and the terraform executable come only from user or machine settings', () => {
    for (const name of ['aws.profile', 'azure.resourceManagerEndpoint', 'terraform.path']) assert.equal(scopeOf(name), 'machine', name);
    for (const name of ['aws.region', 'azure.subscriptionId', 'azure.cloud', 'terraform.remoteState']) assert.equal(scopeOf(name), 'machine-overridable', name);
  });

  it('every setting names its scope, and the untrusted-workspace list holds every non-resource credential setting', () => {
    for (const [name, spec] of Object.entries(props)) assert.ok(spec.scope, `${name} has an explicit scope`);
    const restricted = new Set(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations as string[]);
    for (const [name, spec] of Object.entries(props)) {
      if (spec.scope === 'machine' || spec.scope === 'machine-overridable') assert.ok(restricted.has(name), `${name} is restricted in untrusted workspaces`);
    }
  });
});
