// `npm run sandbox` / `driftlens sandbox [--port N] [--dir DIR]`: the demo's emulated AWS account,
// seeded with the sandbox's console drift, on one local port, until Ctrl+C — so anyone can try the CLI
// with their own flags, or the extension, without a cloud account.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeCloud } from '../editor/fakeCloud';
import { startGateway } from './gateway';

export const sandboxUsage = `usage: driftlens sandbox [--port N] [--dir DIR]

Starts a fake AWS account on 127.0.0.1 (EC2 and STS, speaking the real APIs) that holds the sandbox's
resources with some console drift, copies the sandbox Terraform workspace to DIR (default: a new temp
folder), prints the environment variables to export and the command to scan, and runs until Ctrl+C.
  --port N   the port of the fake AWS endpoint (default: a free one)
  --dir DIR  where the workspace copy goes (kept if it already holds files)
`;

/** Where the sandbox workspace ships: beside the bundle (npm package) or in the repository. */
function sandboxSource(): string {
  for (const candidate of [join(__dirname, '..', 'examples', 'sandbox'), join(__dirname, '..', '..', 'examples', 'sandbox')]) {
    if (existsSync(join(candidate, '.sandbox', 'cloud.json'))) return candidate;
  }
  throw new Error('the sandbox workspace (examples/sandbox) was not found next to DriftLens');
}

const quote = (v: string) => (/^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

export async function sandboxCommand(args: string[], signal?: AbortSignal): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    process.stderr.write(`driftlens sandbox: ${e instanceof Error ? e.message : String(e)}\n${sandboxUsage}`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(sandboxUsage);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`driftlens sandbox: --port needs a port number (0-65535), got "${values.port}"\n`);
    return 1;
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'driftlens-sandbox-state-'));
  const workspace = values.dir ? resolve(values.dir) : join(mkdtempSync(join(tmpdir(), 'driftlens-sandbox-')), 'sandbox');
  if (!existsSync(workspace) || readdirSync(workspace).length === 0) cpSync(sandboxSource(), workspace, { recursive: true });
  const cloud = await startFakeCloud(workspace, stateDir);
  let gateway;
  try {
    const targets: Record<string, string> = Object.fromEntries(Object.entries(cloudTargets(cloud.env)).map(([service, url]) => [service.toLowerCase(), url]));
    // Cloud Control signs as `cloudcontrolapi` while its endpoint variable is AWS_ENDPOINT_URL_CLOUDCONTROL.
    if (targets.cloudcontrol) targets.cloudcontrolapi = targets.cloudcontrol;
    gateway = await startGateway(targets, port);
  } catch (e) {
    await cloud.close();
    process.stderr.write(`driftlens sandbox: cannot listen on 127.0.0.1:${port}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const exports: Record<string, string> = { AWS_ENDPOINT_URL: gateway.url };
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_EC2_METADATA_DISABLED', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) {
    const v = cloud.env[key];
    if (v) exports[key] = v;
  }
  process.stdout.write(`DriftLens sandbox: a fake AWS account (${Object.keys(cloudTargets(cloud.env)).join(', ')}) on ${gateway.url}, region ${cloud.region}.
Workspace: ${workspace}  (a copy of examples/sandbox: a VPC, a subnet, a security group, four instances, a bucket)

In another terminal:

  export ${Object.entries(exports).map(([k, v]) => `${k}=${quote(v)}`).join(' \\\n         ')}
  driftlens scan ${quote(workspace)}                 # or --format json | sarif, --fail-on-unverified, …

Start VS Code from that terminal (\`code ${quote(workspace)}\`) and the extension scans the same fake account.
The credentials are dummies that only this sandbox accepts. Press Ctrl+C to stop.
`);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  await gateway.close();
  await cloud.close();
  rmSync(stateDir, { recursive: true, force: true });
  process.stdout.write(`sandbox stopped (the workspace copy stays at ${workspace})\n`);
  return 0;
}

function cloudTargets(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const m = /^AWS_ENDPOINT_URL_(\w+)$/.exec(key);
    if (m && value) out[m[1]] = value;
  }
  return out;
}

if (require.main === module) {
  sandboxCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`sandbox: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
