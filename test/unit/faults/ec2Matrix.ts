// The EC2 fault matrix: each fault injected on one call type (or one region) of the fake EC2 while
// everything else answers, and a real scan (the engine, the AWS provider, @aws-sdk/client-ec2) run
// against it. Shared by the mocha suite (ec2Matrix.test.ts) and `npm run bench -- faults`.
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { scanExit } from '../../../src/cli/exitCode';
import type { Logger, ScanError } from '../../../src/model';
import { Ec2Error, startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { startFakeSts } from '../../fakes/sts';
import { ACCOUNT, ADDRESSES, seed, writeWorkspace } from './ec2Workspace';

type Where = (typeof ADDRESSES)[number];

export interface FaultCell {
  name: string;
  inject(fake: FakeEc2): void;
  /** The resources the fault reaches; every other one must still be verified. */
  affects(r: Where): boolean;
  /** `unverified`: the affected resources end unverified with `reason`; `recovers`: the SDK's retry gets through, all verified. */
  expect: 'unverified' | 'recovers';
  reason?: RegExp;
  /** The scan ends within this (generous for a loaded 2-core CI machine; the bench prints the real time). */
  boundSeconds: number;
  /** The CLI's exit code under the honest-result rules (exitCode.ts). */
  exit: 0 | 1;
}

/** Per-attempt request timeout and attempts the matrix runs with (the --timeout setting, maxAttempts). */
export const MATRIX_TIMEOUT_SECONDS = 1;
export const MATRIX_MAX_ATTEMPTS = 3;

const instances = (r: Where) => r.type === 'aws_instance';
const none = () => false;
const ec2Error = (code: string, message: string, status: number) => () => new Ec2Error(code, message, status);

export const EC2_CELLS: FaultCell[] = [
  { name: 'throttled twice (RequestLimitExceeded), then answers', inject: (f) => f.faults.throttle('DescribeInstances', 2), affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: 'throttled forever (RequestLimitExceeded 503)', inject: (f) => f.faults.throttle('DescribeInstances', Infinity), affects: instances, expect: 'unverified', reason: /^throttled by AWS \(RequestLimitExceeded\) after 3 attempts$/, boundSeconds: 60, exit: 0 },
  { name: 'throttled forever (Throttling 400)', inject: (f) => f.faults.error('DescribeInstances', Infinity, ec2Error('Throttling', 'Rate exceeded', 400)), affects: instances, expect: 'unverified', reason: /^throttled by AWS \(Throttling\) after 3 attempts$/, boundSeconds: 60, exit: 0 },
  { name: '403 on one action (UnauthorizedOperation)', inject: (f) => f.faults.deny('DescribeInstances'), affects: instances, expect: 'unverified', reason: /^access denied: the credentials lack ec2:DescribeInstances$/, boundSeconds: 20, exit: 0 },
  { name: '500 burst that recovers (InternalError ×2)', inject: (f) => f.faults.serverError('DescribeInstances', 2), affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: '500 that never recovers', inject: (f) => f.faults.serverError('DescribeInstances'), affects: instances, expect: 'unverified', reason: /^DescribeInstances failed with HTTP 500 after 3 attempts: InternalError/, boundSeconds: 60, exit: 0 },
  { name: 'accepted, never answered (request timeout)', inject: (f) => f.faults.wire('DescribeInstances', 'hang'), affects: instances, expect: 'unverified', reason: /^DescribeInstances: no answer from EC2 within 1 s \(request timeout; raise it with --timeout or DRIFTLENS_TIMEOUT\) after 3 attempts$/, boundSeconds: 60, exit: 1 },
  { name: 'half the body, then silence', inject: (f) => f.faults.wire('DescribeInstances', 'stall-mid-body'), affects: instances, expect: 'unverified', reason: /^DescribeInstances: the answer from EC2 stopped for 1 s \(idle timeout; raise it with --timeout or DRIFTLENS_TIMEOUT\) after 3 attempts$/, boundSeconds: 60, exit: 1 },
  { name: 'connection reset mid-body, once', inject: (f) => f.faults.wire('DescribeInstances', 'reset-mid-body', 1), affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: 'connection reset mid-body, always', inject: (f) => f.faults.wire('DescribeInstances', 'reset-mid-body'), affects: instances, expect: 'unverified', reason: /^cannot reach the EC2 endpoint \((ECONNRESET|ECONNABORTED|EPIPE)\) after 3 attempts$/, boundSeconds: 60, exit: 1 },
  { name: 'truncated XML (200, body cut in half)', inject: (f) => f.faults.wire('DescribeInstances', 'truncated'), affects: instances, expect: 'unverified', reason: /^DescribeInstances failed with HTTP 200: Error: @aws-sdk XML parse error/, boundSeconds: 60, exit: 0 },
  { name: 'a paging token that repeats forever', inject: (f) => f.faults.pagingLoop('DescribeInstances'), affects: instances, expect: 'unverified', reason: /DescribeInstances returned the same NextToken twice/, boundSeconds: 30, exit: 0 },
  { name: 'credentials expire mid-scan (ExpiredToken)', inject: (f) => f.faults.error('DescribeInstances', Infinity, ec2Error('ExpiredToken', 'The security token included in the request is expired', 400)), affects: instances, expect: 'unverified', reason: /^AWS rejected the credentials \(ExpiredToken\): check AWS_PROFILE or run `aws sso login`$/, boundSeconds: 30, exit: 1 },
  { name: 'one region unreachable (eu-west-1)', inject: (f) => f.faults.unreachableRegion('eu-west-1'), affects: (r) => r.region === 'eu-west-1', expect: 'unverified', reason: /^cannot reach the EC2 endpoint \((ECONNRESET|EPIPE)\) after 3 attempts$/, boundSeconds: 60, exit: 1 },
  { name: 'clock 1 h off (SDK corrects from Date)', inject: (f) => f.faults.clockSkew(3_600_000), affects: none, expect: 'recovers', boundSeconds: 30, exit: 0 },
  { name: 'clock refused on every try (RequestTimeTooSkewed)', inject: (f) => f.faults.error('DescribeInstances', Infinity, ec2Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403)), affects: instances, expect: 'unverified', reason: /^AWS refused the request's time \(RequestTimeTooSkewed\)( after \d attempts)?: this computer's clock is more than 15 minutes off; sync it \(NTP\) and scan again$/, boundSeconds: 60, exit: 1 },
];

export interface CellOutcome {
  seconds: number;
  exit: number;
  /** address → status and reason. */
  statuses: Map<string, { status: string; reason?: string }>;
  findings: number;
  errors: ScanError[];
}

const AWS_VARS = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL_STS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'DRIFTLENS_TIMEOUT'];
const ACCESS_KEY = 'AKIAFAKEFAKEFAKE0001';
const SECRET = 'fake-secret-key-for-tests';
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Runs one scan with `cell`'s fault injected; fakes and environment are restored afterwards. */
export async function runCell(cell: FaultCell): Promise<CellOutcome> {
  const ws = writeWorkspace();
  const ec2 = await startFakeEc2(seed());
  const sts = await startFakeSts({ [ACCESS_KEY]: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/faults`, secretAccessKey: SECRET } });
  const saved = new Map(AWS_VARS.map((k) => [k, process.env[k]]));
  for (const k of AWS_VARS) delete process.env[k];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_EC2: ec2.url,
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  try {
    cell.inject(ec2);
    const started = performance.now();
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: MATRIX_MAX_ATTEMPTS, timeoutSeconds: MATRIX_TIMEOUT_SECONDS });
    const { result } = await scanWorkspace({ dir: ws.dir, providers: [provider], logger: quiet });
    const seconds = (performance.now() - started) / 1000;
    const statuses = new Map(result.resources.map((r) => [r.address, { status: r.status, reason: r.reason }]));
    const findings = result.resources.reduce((n, r) => n + r.drifts.length + (r.status === 'missing' ? 1 : 0), 0);
    return { seconds, exit: scanExit(result).code, statuses, findings, errors: result.errors };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await ec2.close();
    await sts.close();
    ws.remove();
  }
}

/** What is wrong with an outcome for its cell (empty: the cell is green). */
export function cellProblems(cell: FaultCell, o: CellOutcome): string[] {
  const problems: string[] = [];
  if (o.findings > 0) problems.push(`${o.findings} false finding(s)`);
  for (const r of ADDRESSES) {
    const got = o.statuses.get(r.address);
    if (!got) {
      problems.push(`${r.address}: not in the report`);
      continue;
    }
    const hit = cell.expect === 'unverified' && cell.affects(r);
    if (hit && (got.status !== 'unverified' || !cell.reason?.test(got.reason ?? ''))) problems.push(`${r.address}: ${got.status} (${got.reason ?? 'no reason'}), expected unverified matching ${cell.reason}`);
    if (!hit && got.status !== 'in-sync') problems.push(`${r.address}: ${got.status} (${got.reason ?? ''}), expected verified in sync`);
  }
  if (o.seconds > cell.boundSeconds) problems.push(`took ${o.seconds.toFixed(1)} s, bound ${cell.boundSeconds} s`);
  if (o.exit !== cell.exit) problems.push(`exit ${o.exit}, expected ${cell.exit}`);
  return problems;
}
