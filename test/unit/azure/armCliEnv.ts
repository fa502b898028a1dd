// What a CLI run against the fake Resource Manager needs: a temp HOME, the fake's CA trusted through
// NODE_EXTRA_CA_CERTS, and the stand-in `az` on PATH (DefaultAzureCredential → AzureCliCredential hands
// out the token the fake accepts). Shared by the Azure CLI suites.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeArm } from '../../fakes/arm/server';
import { REPO, runCli, type CliRun } from '../engine/cliRun';

export interface ArmCliEnv {
  env: Record<string, string>;
  /** The temp HOME (also holds az.log, the stand-in's call log). */
  tmp: string;
  cli(args: string[]): Promise<CliRun>;
  dispose(): void;
}

export function armCliEnv(fake: FakeArm, prefix: string): ArmCliEnv {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(tmp, 'ca.pem'), fake.ca);
  const env: Record<string, string> = {
    PATH: `${join(REPO, 'test', 'fakes', 'arm', 'bin')}:${process.env.PATH ?? ''}`,
    HOME: tmp,
    NODE_EXTRA_CA_CERTS: join(tmp, 'ca.pem'),
    AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
    FAKE_AZ_LOG: join(tmp, 'az.log'),
    DRIFTLENS_AZURE_ENDPOINT: fake.url,
  };
  return { env, tmp, cli: (args) => runCli(args, env), dispose: () => rmSync(tmp, { recursive: true, force: true }) };
}
