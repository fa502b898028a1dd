// Scans a throw-away Terraform root (files written here, state optional) with the Azure provider
// against the fake Resource Manager: the engine's own compare decides, as in a real scan.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanWorkspace } from '../../../src/engine/scan';
import type { ResourceResult, ScanResult } from '../../../src/model';
import { createAzureProvider, type AzureProviderOptions } from '../../../src/providers/azure/provider';
import type { FakeArm } from '../../fakes/arm/server';
import { SUB } from '../../fakes/arm/examples';
import { quietLogger, staticCredential } from './helpers';

export const provider = `provider "azurerm" {\n  features {}\n  subscription_id = "${SUB}"\n}\n`;

/** One state entry: `azurerm_x.name` → its state ID. */
export type StateEntry = [address: string, id: string];

function stateOf(entries: StateEntry[]): string {
  const resources = entries.map(([address, id]) => {
    const [type, name] = address.split('.');
    return { mode: 'managed', type, name, provider: 'provider["registry.terraform.io/hashicorp/azurerm"]', instances: [{ schema_version: 0, attributes: { id }, sensitive_attributes: [] }] };
  });
  return JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'e1e1e1e1-0000-0000-0000-000000000000', outputs: {}, resources });
}

export async function scanTf(fake: FakeArm, tf: string, state?: StateEntry[], options: AzureProviderOptions = {}): Promise<ScanResult & { get(address: string): ResourceResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-azverdict-'));
  try {
    writeFileSync(join(dir, 'main.tf'), provider + tf);
    if (state) writeFileSync(join(dir, 'terraform.tfstate'), stateOf(state));
    const p = createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: staticCredential(), env: {}, retry: { maxRetries: 0 }, ...options });
    const { result } = await scanWorkspace({ dir, providers: [p], logger: quietLogger });
    return Object.assign(result, {
      get(address: string) {
        const r = result.resources.find((x) => x.address === address);
        if (!r) throw new Error(`no ${address} among ${result.resources.map((x) => x.address).join(', ')}`);
        return r;
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `attribute: expected → actual` of each drift, for short assertions. */
export function driftsOf(r: ResourceResult): string[] {
  return r.drifts.map((d) => `${d.attribute}: ${JSON.stringify(d.expected)} → ${JSON.stringify(d.actual)} (${d.severity})`);
}

/** Every resource in sync with nothing left unverified (and, given, how many there are): a spec example read as the code writes it. */
export function assertAllInSync(result: ScanResult, count?: number): void {
  for (const res of result.resources) {
    assert.equal(res.status, 'in-sync', `${res.address}: ${res.reason ?? ''} ${JSON.stringify(res.drifts)}`);
    assert.deepEqual(res.unverifiedAttributes, [], res.address);
  }
  if (count !== undefined) assert.equal(result.resources.length, count);
}
