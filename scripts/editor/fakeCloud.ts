// The fake cloud the editor runs against: the tests' fake EC2 (real Query wire protocol),
// seeded from a workspace's `.sandbox/cloud.json`, plus the environment that points the
// AWS SDK at it with dummy credentials and no way to pick up a real profile.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { makeLoopbackCertificate } from '../../test/fakes/arm/certificate';
import { startFakeEc2, type Ec2Seed, type FakeEc2 } from '../../test/fakes/ec2';
import { startFakeSts } from '../../test/fakes/sts';
import { startFakeS3, type FakeBucket } from '../../test/fakes/s3';
import { startFakeIam, type FakeIamSeed } from '../../test/fakes/iam';
import { startFakeSsm, type FakeParameter } from '../../test/fakes/ssm';
import { startFakeCloudControl } from '../../test/fakes/cloudcontrol';
import { startFakeCloudTrail, type TrailEvent } from '../../test/fakes/cloudtrail';

/** `.sandbox/cloud.json`: what is live in the sandbox account. */
export interface CloudSeed {
  region: string;
  ec2: Ec2Seed;
  /** S3 buckets, IAM, SSM parameters and Cloud Control resources (`AWS::KMS::Key|<id>` → properties); each optional. */
  s3?: Record<string, FakeBucket>;
  iam?: FakeIamSeed;
  ssm?: Record<string, FakeParameter>;
  cloudcontrol?: Record<string, Record<string, unknown>>;
  /** CloudTrail's event history, for `scan --attribution` (who changed a drifted resource). */
  cloudtrail?: TrailEvent[];
}

export const SEED_FILE = '.sandbox/cloud.json';

/** The sandbox's dummy key (the one STS knows), allowed to look up CloudTrail events. */
const SANDBOX_TRAIL_PRINCIPAL = { AKIAIOSFODNN7EXAMPLE: { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', arn: 'arn:aws:iam::123456789012:user/sandbox' } };

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
  /** GET /calls → [{action, region, params}], DELETE /calls clears: lets the extension-host tests see what was called. */
  controlUrl: string;
  /** Variables that point a process at the fake cloud; merge with `withFakeCloud`, never into the parent's env. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startFakeCloud(workspace: string, stateDir: string): Promise<FakeCloud> {
  const seed = readCloudSeed(workspace);
  const region = seed?.region ?? 'us-east-1';
  const ec2 = await startFakeEc2(seed?.ec2 ?? {});
  // STS for the account cross-check (GetCallerIdentity): the sandbox's dummy key is the example state's account.
  const sts = await startFakeSts({ AKIAIOSFODNN7EXAMPLE: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/sandbox', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
  // S3, IAM, SSM and Cloud Control too, empty unless seeded: no demo ever resolves a real AWS host.
  const services = { S3: await startFakeS3(seed?.s3), IAM: await startFakeIam(seed?.iam), SSM: await startFakeSsm(seed?.ssm), CLOUDCONTROL: await startFakeCloudControl(seed?.cloudcontrol), CLOUDTRAIL: await startFakeCloudTrail(seed?.cloudtrail ?? [], SANDBOX_TRAIL_PRINCIPAL) };
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
    AWS_ENDPOINT_URL_STS: sts.url,
    ...Object.fromEntries(Object.entries(services).map(([k, s]) => [`AWS_ENDPOINT_URL_${k}`, s.url])),
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: awsCredentials,
    DRIFTLENS_FAKE_EC2_URL: ec2.url,
    DRIFTLENS_FAKE_EC2_CONTROL: controlUrl,
    ...(await armTls(stateDir)),
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
      await sts.close();
      await Promise.all(Object.values(services).map((s) => s.close()));
    },
  };
}

function startControl(ec2: FakeEc2): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/calls' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ec2.calls.map((c) => ({ action: c.action, region: c.region, params: c.params }))));
    } else if (req.url === '/calls' && req.method === 'DELETE') {
      ec2.calls.length = 0;
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * A certificate for a fake Resource Manager that suites start inside the extension host (the Azure SDK
 * speaks HTTPS only). Made before the server starts: Node reads NODE_EXTRA_CA_CERTS once, at process start.
 * Also an empty Azure CLI config dir, so a developer's `az login` is never used.
 */
async function armTls(stateDir: string): Promise<NodeJS.ProcessEnv> {
  const { cert, key } = await makeLoopbackCertificate();
  const certFile = join(stateDir, 'arm-cert.pem');
  const keyFile = join(stateDir, 'arm-key.pem');
  const caFile = join(stateDir, 'extra-ca.pem');
  writeFileSync(certFile, cert);
  writeFileSync(keyFile, key);
  // Keep the CAs the shell already trusts (a corporate proxy's) next to ours.
  const inherited = process.env.NODE_EXTRA_CA_CERTS && existsSync(process.env.NODE_EXTRA_CA_CERTS) ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : '';
  writeFileSync(caFile, `${inherited}\n${cert}`);
  const azureConfig = join(stateDir, 'azure-config');
  mkdirSync(azureConfig, { recursive: true });
  return { NODE_EXTRA_CA_CERTS: caFile, DRIFTLENS_TEST_ARM_TLS_CERT: certFile, DRIFTLENS_TEST_ARM_TLS_KEY: keyFile, AZURE_CONFIG_DIR: azureConfig };
}

/** This process's environment without any real AWS or Azure identity, plus the fake cloud's variables. */
export function withFakeCloud(cloud: FakeCloud, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(AWS|AZURE|ARM)_/.test(k)) env[k] = v;
  return { ...env, ...cloud.env, ...extra };
}
