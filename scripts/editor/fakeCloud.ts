// The fake cloud the editor runs against: the tests' fake EC2 (real Query wire protocol),
// seeded from a workspace's `.sandbox/cloud.json`, plus the environment that points the
// AWS SDK at it with dummy credentials and no way to pick up a real profile.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startFakeEc2, type Ec2Seed, type FakeEc2 } from '../../test/fakes/ec2';

/** `.sandbox/cloud.json`: what is live in the sandbox account. */
export interface CloudSeed {
  region: string;
  ec2: Ec2Seed;
}

export const SEED_FILE = '.sandbox/cloud.json';

export function readCloudSeed(workspace: string): CloudSeed | undefined {
  const file = join(workspace, SEED_FILE);
  if (!existsSync(file)) return undefined;
  const seed = JSON.parse(readFileSync(file, 'utf8')) as CloudSeed;
  if (typeof seed.region !== 'string' || typeof seed.ec2 !== 'object') throw new Error(`${file}: expected { "region": string, "ec2": { ... } }`);
  return seed;
}

export interface FakeCloud {
  ec2: FakeEc2;
  region: string;
  /** GET /calls → [{action, region}], DELETE /calls clears: lets the extension-host tests see what was called. */
  controlUrl: string;
  /** Variables that point a process at the fake cloud; merge with `withFakeCloud`, never into the parent's env. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startFakeCloud(workspace: string, stateDir: string): Promise<FakeCloud> {
  const seed = readCloudSeed(workspace);
  const region = seed?.region ?? 'us-east-1';
  const ec2 = await startFakeEc2(seed?.ec2 ?? {});
  const control = await startControl(ec2);
  const { port } = control.address() as AddressInfo;
  const controlUrl = `http://127.0.0.1:${port}`;

  // Empty config files: a developer's ~/.aws profile must never be used against (or instead of) the fake.
  mkdirSync(stateDir, { recursive: true });
  const awsConfig = join(stateDir, 'aws-config');
  const awsCredentials = join(stateDir, 'aws-credentials');
  writeFileSync(awsConfig, '');
  writeFileSync(awsCredentials, '');
  const env: NodeJS.ProcessEnv = {
    AWS_ENDPOINT_URL_EC2: ec2.url,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: awsCredentials,
    DRIFTLENS_FAKE_EC2_URL: ec2.url,
    DRIFTLENS_FAKE_EC2_CONTROL: controlUrl,
  };
  return {
    ec2,
    region,
    controlUrl,
    env,
    close: async () => {
      control.closeAllConnections();
      await new Promise<void>((r) => control.close(() => r()));
      await ec2.close();
    },
  };
}

function startControl(ec2: FakeEc2): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/calls' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ec2.calls.map((c) => ({ action: c.action, region: c.region }))));
    } else if (req.url === '/calls' && req.method === 'DELETE') {
      ec2.calls.length = 0;
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** This process's environment without any real AWS identity, plus the fake cloud's variables. */
export function withFakeCloud(cloud: FakeCloud, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return { ...env, ...cloud.env, ...extra };
}
