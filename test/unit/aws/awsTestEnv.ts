// Shared setup for the AWS provider tests: the fake EC2, the SDK pointed at it through the
// standard AWS_ENDPOINT_URL_EC2 variable, dummy credentials, and env restored afterwards.
import type { Binding, FetchContext, LiveResult, LiveStateProvider, Logger } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2, type FakeEc2Options } from '../../fakes/ec2';
import type { Ec2Seed } from '../../fakes/ec2/seed';
import { startFakeSts, type FakeSts } from '../../fakes/sts';
import { startFakeS3 } from '../../fakes/s3';
import { startFakeIam } from '../../fakes/iam';
import { startFakeSsm } from '../../fakes/ssm';
import { startFakeCloudControl } from '../../fakes/cloudcontrol';
import { startFakeRoute53 } from '../../fakes/route53';
import { startFakeElbv2 } from '../../fakes/elbv2';
import type { LoopbackServer } from '../../fakes/awsHttp';

const AWS_VARS = [
  'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_SSM', 'AWS_ENDPOINT_URL_CLOUDCONTROL', 'AWS_ENDPOINT_URL_ROUTE_53', 'AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN',
];

/** Replaces every AWS_* variable the SDK reads with `values`; returns the function that restores them. */
export function setAwsEnv(values: Record<string, string>): () => void {
  const saved = new Map(AWS_VARS.map((k) => [k, process.env[k]]));
  for (const k of AWS_VARS) delete process.env[k];
  // No shared config files, no instance metadata: only what the test sets.
  Object.assign(process.env, { AWS_CONFIG_FILE: '/nonexistent/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials', AWS_EC2_METADATA_DISABLED: 'true' }, values);
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** The account the tests' fixed keys belong to (the fixtures' state ARNs name it). */
export const FAKE_ACCOUNT = '123456789012';
export const FAKE_ACCESS_KEY = 'AKIAFAKEFAKEFAKE0001';
const FAKE_SECRET = 'fake-secret-key-for-tests';

// One fake STS for the whole run (a root hook): the provider asks GetCallerIdentity to cross-check state's
// ARNs, and a test must never reach the real STS.
let sharedSts: FakeSts | undefined;
// Empty S3, IAM, SSM and Cloud Control fakes for the same reason: a fixture's bucket or role must never
// resolve a real AWS host (a test that seeds them starts its own).
let sharedServices: Record<'S3' | 'IAM' | 'SSM' | 'CLOUDCONTROL' | 'ROUTE_53' | 'ELASTIC_LOAD_BALANCING_V2', LoopbackServer> | undefined;
before(async () => {
  sharedSts = await startFakeSts({ [FAKE_ACCESS_KEY]: { account: FAKE_ACCOUNT, arn: `arn:aws:iam::${FAKE_ACCOUNT}:user/driftlens-tests`, secretAccessKey: FAKE_SECRET } });
  sharedServices = { S3: await startFakeS3(), IAM: await startFakeIam(), SSM: await startFakeSsm(), CLOUDCONTROL: await startFakeCloudControl(), ROUTE_53: await startFakeRoute53(), ELASTIC_LOAD_BALANCING_V2: await startFakeElbv2() };
});
after(async () => {
  await sharedSts?.close();
  sharedSts = undefined;
  await Promise.all(Object.values(sharedServices ?? {}).map((s) => s.close()));
  sharedServices = undefined;
});

/** AWS_ENDPOINT_URL_S3 / _IAM / _SSM / _CLOUDCONTROL / _ROUTE_53 / _ELASTIC_LOAD_BALANCING_V2 of the run's empty fakes (root hook above). */
export const sharedServiceEndpoints = (): Record<string, string> =>
  Object.fromEntries(Object.entries(sharedServices ?? {}).map(([k, s]) => [`AWS_ENDPOINT_URL_${k}`, s.url]));

/** The run's fake STS endpoint (started by the root hook above). */
export const sharedStsUrl = (): string => {
  if (!sharedSts) throw new Error('the shared fake STS is not running (awsTestEnv root hook)');
  return sharedSts.url;
};

export const fakeCredentials = (endpoint: string): Record<string, string> => ({
  AWS_ENDPOINT_URL_EC2: endpoint,
  AWS_ENDPOINT_URL_STS: sharedStsUrl(),
  ...sharedServiceEndpoints(),
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0001',
  AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
  AWS_REGION: 'us-east-1',
});

export const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export function fetchContext(signal = new AbortController().signal): FetchContext {
  return { signal, logger: quietLogger };
}

export function binding(type: string, liveId: string, declaredAttributes: string[], region?: string, address?: string): Binding {
  return {
    address: address ?? `${type}.${liveId.replace(/[^a-z0-9]/gi, '_')}`,
    type,
    liveId,
    providerConfig: { provider: 'aws', region, settings: {} },
    declaredAttributes,
  };
}

export function resultFor(results: Map<Binding, LiveResult>, b: Binding): LiveResult {
  const r = results.get(b);
  if (!r) throw new Error(`no result for ${b.address}`);
  return r;
}

export function foundAttributes(results: Map<Binding, LiveResult>, b: Binding): Record<string, unknown> {
  const r = resultFor(results, b);
  if (r.status !== 'found') throw new Error(`${b.address}: expected found, got ${JSON.stringify(r)}`);
  return r.attributes;
}

export const hexId = (prefix: string, n: number): string => `${prefix}-${n.toString(16).padStart(17, '0')}`;

/** A small account: one VPC, two subnets, a web and a db group, two instances. */
export function smallAccount(): Ec2Seed {
  return {
    vpcs: [{ id: 'vpc-0a1b2c3d4e5f60001', cidrBlock: '10.0.0.0/16', enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: 'main', 'aws:cloudformation:stack-name': 'legacy' } }],
    subnets: [
      { id: 'subnet-0a1b2c3d4e5f60001', vpcId: 'vpc-0a1b2c3d4e5f60001', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a', mapPublicIpOnLaunch: true, tags: { Name: 'public-a' } },
      { id: 'subnet-0a1b2c3d4e5f60002', vpcId: 'vpc-0a1b2c3d4e5f60001', cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1b', tags: { Name: 'private-b' } },
    ],
    securityGroups: [
      {
        id: 'sg-0a1b2c3d4e5f60001', name: 'web', description: 'web servers', vpcId: 'vpc-0a1b2c3d4e5f60001', tags: { Name: 'web' },
        ingress: [
          { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'], description: 'https' },
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.0.0.0/8'], description: 'ssh' },
          { protocol: '-1', securityGroups: ['sg-0a1b2c3d4e5f60001'] },
        ],
        egress: [{ protocol: '-1', cidrBlocks: ['0.0.0.0/0'] }],
      },
      {
        id: 'sg-0a1b2c3d4e5f60002', name: 'db', description: 'database', vpcId: 'vpc-0a1b2c3d4e5f60001',
        ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, securityGroups: ['sg-0a1b2c3d4e5f60001'], prefixListIds: ['pl-0a1b2c3d'] }],
      },
    ],
    instances: [
      {
        id: 'i-0a1b2c3d4e5f60001', ami: 'ami-0abcdef1234567890', instanceType: 't3.micro', subnetId: 'subnet-0a1b2c3d4e5f60001',
        securityGroupIds: ['sg-0a1b2c3d4e5f60001'], keyName: 'deploy', privateIp: '10.0.1.10', publicIp: '54.1.2.3', monitoring: true,
        ebsOptimized: true, sourceDestCheck: false, disableApiTermination: true, iamInstanceProfile: 'web-profile',
        tags: { Name: 'web-1', Env: 'prod', 'aws:autoscaling:groupName': 'asg' }, rootVolume: { size: 20, type: 'gp3', encrypted: true }, httpTokens: 'required',
      },
      { id: 'i-0a1b2c3d4e5f60002', ami: 'ami-0abcdef1234567890', instanceType: 't3.small', subnetId: 'subnet-0a1b2c3d4e5f60002', securityGroupIds: ['sg-0a1b2c3d4e5f60002', 'sg-0a1b2c3d4e5f60001'], privateIp: '10.0.2.20', httpTokens: 'optional' },
    ],
  };
}

export const INSTANCE_ATTRIBUTES = [
  'ami', 'instance_type', 'subnet_id', 'vpc_security_group_ids', 'key_name', 'availability_zone', 'private_ip', 'associate_public_ip_address', 'monitoring',
  'ebs_optimized', 'disable_api_termination', 'source_dest_check', 'iam_instance_profile', 'tags', 'root_block_device', 'metadata_options',
];

/**
 * Mocha wiring for fake EC2 endpoints: `start(seed)` starts one and points the SDK at it (stopping
 * any earlier one), `pointAt(url)` points the SDK at another endpoint, `setEnv(values)` replaces the
 * AWS environment, `stop()` ends it early; after
 * each test everything is closed and the environment restored. Call inside a `describe`.
 */
export function useFakeEc2(): {
  start: (seed: Ec2Seed, options?: FakeEc2Options) => Promise<FakeEc2>;
  pointAt: (url: string) => void;
  /** Replaces the AWS environment for the rest of the test (restored afterwards). */
  setEnv: (values: Record<string, string>) => void;
  stop: () => Promise<void>;
} {
  let fake: FakeEc2 | undefined;
  let restore: (() => void) | undefined;
  const stop = async () => {
    restore?.();
    await fake?.close();
    fake = undefined;
    restore = undefined;
  };
  const setEnv = (values: Record<string, string>) => {
    restore?.();
    restore = setAwsEnv(values);
  };
  const pointAt = (url: string) => setEnv(fakeCredentials(url));
  afterEach(stop);
  return {
    start: async (seed, options = {}) => {
      await stop();
      fake = await startFakeEc2(seed, options);
      pointAt(fake.url);
      return fake;
    },
    pointAt,
    setEnv,
    stop,
  };
}

/** The provider as the tests use it: credentials allowed, few retries so fault tests stay quick. */
export const testProvider = (): LiveStateProvider => createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });

/** How many calls of `action` the fake received. */
export const callCount = (f: FakeEc2, action: string): number => f.calls.filter((c) => c.action === action).length;
