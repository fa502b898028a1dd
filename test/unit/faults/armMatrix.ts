// The Azure fault matrix: each fault injected on one Resource Manager path of the HTTPS fake while the
// others answer, and a real scan (engine, Azure provider, @azure/arm-resources) run against it. Three
// storage accounts are read through one collection listing (nextLink paging), the resource group and
// the network security group by ID. Shared by armMatrix.test.ts and `npm run bench -- faults`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanWorkspace } from '../../../src/engine/scan';
import { scanExit } from '../../../src/cli/exitCode';
import { createAzureProvider } from '../../../src/providers/azure/provider';
import { FakeArm, type ArmFault } from '../../fakes/arm/server';
import { SUB, nsgBody, resourceGroupBody, storageBody } from '../../fakes/arm/examples';
import { quietLogger, staticCredential } from '../azure/helpers';
import type { CellOutcome } from './ec2Matrix';

const rg = `/subscriptions/${SUB}/resourceGroups/app`;
const STORAGE = `${rg}/providers/Microsoft.Storage/storageAccounts`;
const NSG = `${rg}/providers/Microsoft.Network/networkSecurityGroups/web-nsg`;

export const ARM_ADDRESSES = ['azurerm_resource_group.app', 'azurerm_storage_account.a', 'azurerm_storage_account.b', 'azurerm_storage_account.c', 'azurerm_network_security_group.web'];

const TF = `provider "azurerm" {
  features {}
  subscription_id = "${SUB}"
}

resource "azurerm_resource_group" "app" {
  name     = "app"
  location = "westeurope"
}

resource "azurerm_storage_account" "a" {
  name                = "sta"
  resource_group_name = "app"
}

resource "azurerm_storage_account" "b" {
  name                = "stb"
  resource_group_name = "app"
}

resource "azurerm_storage_account" "c" {
  name                = "stc"
  resource_group_name = "app"
}

resource "azurerm_network_security_group" "web" {
  name                = "web-nsg"
  resource_group_name = "app"
}
`;

const STATE: [string, string][] = [
  ['azurerm_resource_group.app', rg],
  ['azurerm_storage_account.a', `${STORAGE}/sta`],
  ['azurerm_storage_account.b', `${STORAGE}/stb`],
  ['azurerm_storage_account.c', `${STORAGE}/stc`],
  ['azurerm_network_security_group.web', NSG],
];

function state(): string {
  const resources = STATE.map(([address, id]) => {
    const [type, name] = address.split('.');
    return { mode: 'managed', type, name, provider: 'provider["registry.terraform.io/hashicorp/azurerm"]', instances: [{ schema_version: 0, attributes: { id }, sensitive_attributes: [] }] };
  });
  return JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'faults', outputs: {}, resources });
}

export interface ArmFaultCell {
  name: string;
  /** Path → fault. */
  faults: [path: string, fault: ArmFault][];
  affects(address: string): boolean;
  expect: 'unverified' | 'recovers';
  reason?: RegExp;
  boundSeconds: number;
  exit: 0 | 1;
}

/** The per-call timeout (seconds) and retries the matrix runs with. */
export const ARM_TIMEOUT_SECONDS = 1;
const RETRY = { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 50 };

const nsg = (a: string) => a === 'azurerm_network_security_group.web';
const none = () => false;

export const ARM_CELLS: ArmFaultCell[] = [
  { name: '429 with Retry-After, then answers', faults: [[NSG, { status: 429, retryAfter: 1, times: 1 }]], affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: '429 without Retry-After, then answers', faults: [[NSG, { status: 429, retryAfter: 0, times: 1 }]], affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: '429 forever', faults: [[NSG, { status: 429, retryAfter: 0 }]], affects: nsg, expect: 'unverified', reason: /^throttled by Azure Resource Manager after retries \(TooManyRequests\)$/, boundSeconds: 60, exit: 0 },
  { name: '403 on one resource', faults: [[NSG, { status: 403 }]], affects: nsg, expect: 'unverified', reason: /^no permission: Microsoft\.Network\/networkSecurityGroups\/read is missing \(AuthorizationFailed\)$/, boundSeconds: 30, exit: 0 },
  { name: '404 on a list: read by ID instead', faults: [[STORAGE, { status: 404 }]], affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: '500 burst that recovers', faults: [[NSG, { status: 500, times: 2 }]], affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: '500 that never recovers', faults: [[NSG, { status: 500 }]], affects: nsg, expect: 'unverified', reason: /^HTTP 500 InternalServerError/, boundSeconds: 60, exit: 0 },
  { name: 'accepted, never answered (timeout)', faults: [[NSG, { status: 500, wire: 'hang' }]], affects: nsg, expect: 'unverified', reason: /^no answer from Azure Resource Manager within 1 s \(request timeout; raise it with --timeout or DRIFTLENS_TIMEOUT\)$/, boundSeconds: 60, exit: 1 },
  { name: 'connection reset mid-body', faults: [[NSG, { status: 500, wire: 'reset-mid-body' }]], affects: nsg, expect: 'unverified', reason: /^the connection to Azure Resource Manager dropped in the middle of an answer \(Error reading response as text: aborted\)$/, boundSeconds: 60, exit: 1 },
  { name: 'truncated JSON (200)', faults: [[NSG, { status: 500, wire: 'truncated' }]], affects: nsg, expect: 'unverified', reason: /^HTTP 200 PARSE_ERROR: .*Unterminated string in JSON/, boundSeconds: 30, exit: 0 },
  { name: 'a nextLink that points back at itself: cut, the rest read by ID', faults: [[STORAGE, { status: 500, wire: 'next-link-loop' }]], affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: 'token refused mid-scan (401)', faults: [[NSG, { status: 401 }]], affects: nsg, expect: 'unverified', reason: /^Azure rejected the credentials \(InvalidAuthenticationToken\)/, boundSeconds: 30, exit: 1 },
];

/** Runs one scan with `cell`'s faults on a fresh fake Resource Manager. */
export async function runArmCell(cell: ArmFaultCell): Promise<CellOutcome> {
  const fake = await FakeArm.start({ pageSize: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-armfaults-'));
  try {
    fake.put(resourceGroupBody('app'));
    for (const n of ['sta', 'stb', 'stc']) fake.put(storageBody('app', n));
    fake.put(nsgBody('app', 'web-nsg', [{ name: 'https', priority: 100, port: '443' }]));
    for (const [path, fault] of cell.faults) fake.fault(path, fault);
    writeFileSync(join(dir, 'main.tf'), TF);
    writeFileSync(join(dir, 'terraform.tfstate'), state());
    const provider = createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: staticCredential(), env: {}, retry: RETRY, timeoutSeconds: ARM_TIMEOUT_SECONDS });
    const started = performance.now();
    const { result } = await scanWorkspace({ dir, providers: [provider], logger: quietLogger });
    const seconds = (performance.now() - started) / 1000;
    const statuses = new Map(result.resources.map((r) => [r.address, { status: r.status, reason: r.reason }]));
    const findings = result.resources.reduce((n, r) => n + r.drifts.length + (r.status === 'missing' ? 1 : 0), 0);
    return { seconds, exit: scanExit(result).code, statuses, findings, errors: result.errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await fake.close();
  }
}

export function armCellProblems(cell: ArmFaultCell, o: CellOutcome): string[] {
  const problems: string[] = [];
  if (o.findings > 0) problems.push(`${o.findings} false finding(s)`);
  for (const address of ARM_ADDRESSES) {
    const got = o.statuses.get(address);
    if (!got) {
      problems.push(`${address}: not in the report`);
      continue;
    }
    const hit = cell.expect === 'unverified' && cell.affects(address);
    if (hit && (got.status !== 'unverified' || !cell.reason?.test(got.reason ?? ''))) problems.push(`${address}: ${got.status} (${got.reason ?? 'no reason'}), expected unverified matching ${cell.reason}`);
    if (!hit && got.status !== 'in-sync') problems.push(`${address}: ${got.status} (${got.reason ?? ''}), expected verified in sync`);
  }
  if (o.seconds > cell.boundSeconds) problems.push(`took ${o.seconds.toFixed(1)} s, bound ${cell.boundSeconds} s`);
  if (o.exit !== cell.exit) problems.push(`exit ${o.exit}, expected ${cell.exit}`);
  return problems;
}
