// The sandbox demo, for a newcomer with no cloud account: the fake AWS of the tests, seeded
// from examples/sandbox/.sandbox/cloud.json with drift, and the real CLI (or VS Code) against it.
//
//   npm run demo                 build, scan the sandbox, print the report
//   npm run demo -- --editor     the same workspace in VS Code (code-server) with the extension installed from
//                  [--port N]    its VSIX, as a user has it: a clean copy in a temp folder, a normal window; Ctrl+C to stop
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { installExtension, startCodeServer, type CodeServerOptions } from './editor/codeServer';
import { packageVsix } from './package';
import { startFakeCloud, withFakeCloud, type FakeCloud } from './editor/fakeCloud';
import { ensureCodeServer, ROOT } from './editor/paths';
import { workbenchUrl } from './editor/workbench';

const SANDBOX = join(ROOT, 'examples/sandbox');

const EXPLANATION = `
What you're seeing
  The sandbox (examples/sandbox) is a small Terraform stack: a VPC, a subnet, a security group,
  four EC2 instances and an S3 bucket, with a terraform.tfstate that maps each address to its
  cloud ID. The "cloud" is a local fake EC2 endpoint that speaks the real EC2 API; somebody has
  been busy in its console:
    - aws_instance.web was resized to t3.large; the code takes t3.micro from the default of
      var.web_instance_type in variables.tf (that is where a fix goes);
    - the Owner tag of aws_instance.api was edited to "data-team";
    - SSH (port 22) from 0.0.0.0/0 was added to aws_security_group.web (an error: exposure);
    - aws_instance.worker was terminated (missing);
    - a security group, launch-wizard-1, was created in the VPC the code manages: no code
      declares it, so it is listed as unmanaged (the VPC's default group, which Terraform
      never creates, is not).
  aws_instance.bastion, the VPC, the subnet and aws_s3_bucket.artifacts (read from the fake S3)
  are in sync.
  The scan exits 2 (drift found), as \`terraform plan -detailed-exitcode\` would.

Next: npm run demo -- --editor   (the same workspace in VS Code, with squiggles, CodeLens and the tree)
`;

/** `toStderr`: keep stdout for a machine-readable report. */
function build(toStderr = false): void {
  (toStderr ? console.error : console.log)('> npm run build');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: toStderr ? ['ignore', 2, 2] : 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** Async on purpose: the fake cloud lives in this process and must keep answering while the CLI runs. */
async function cli(args: string[], cloud: FakeCloud): Promise<{ status: number; stdout: string; stderr: string }> {
  // The fake cloud's endpoint and dummy credentials go to the child only, never into this process.
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, env: withFakeCloud(cloud), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  if (signal) stderr += `driftlens was stopped by ${signal}\n`;
  return { status: code ?? 1, stdout, stderr };
}

const USAGE = `usage: npm run demo [-- SCAN-OPTIONS]       scan the sandbox against its fake cloud (any \`driftlens scan\` option: --format json, --fail-on-unverified…)
       npm run demo -- --editor [--port N]  the same workspace in VS Code (code-server); Ctrl+C to stop
       npm run sandbox                      the fake cloud alone, to run the CLI or VS Code against it yourself
`;

/** `scanFlags`: options passed through to `driftlens scan` (text format unless they name one). */
async function scanDemo(scanFlags: string[]): Promise<number> {
  const named = scanFlags.some((f) => f === '--format' || f === '-f' || f.startsWith('--format='));
  const text = !named || scanFlags.includes('text') || scanFlags.includes('--format=text');
  build(!text);
  const cloud = await startFakeCloud(SANDBOX, join(ROOT, '.vscode-test/demo/aws'));
  try {
    const args = ['scan', 'examples/sandbox', ...(named ? [] : ['--format', 'text']), ...scanFlags];
    // A machine-readable report stays alone on stdout (pipe it to jq); the narration goes to stderr.
    const say = (m: string) => (text ? console.log(m) : console.error(m));
    say(`> driftlens ${args.join(' ')}   (fake EC2 at ${cloud.ec2.url}, region ${cloud.region})\n`);
    const r = await cli(args, cloud);
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    if (r.status === 1) {
      console.error('\nThe demo failed: the CLI reported an error (exit 1).');
      return 1;
    }
    say(`\n(exit code ${r.status}: ${r.status === 2 ? 'drift found' : 'no drift'})`);
    if (text) console.log(EXPLANATION);
    return 0;
  } finally {
    await cloud.close();
  }
}

async function editorDemo(port: number | undefined): Promise<number> {
  const installDir = ensureCodeServer();
  // A clean copy in a temp folder: quick-fixes never edit the repository's sandbox, and Git finds no
  // parent repository to ask about (a copy inside this checkout would be in one).
  const stateDir = mkdtempSync(join(tmpdir(), 'driftlens-demo-'));
  const workspace = join(stateDir, 'sandbox');
  mkdirSync(stateDir, { recursive: true });
  cpSync(SANDBOX, workspace, { recursive: true });

  // Installed from its VSIX, as a user has it: a normal window, not an "[Extension Development Host]".
  console.log('> packaging the extension (npm run build, vsce package)');
  const vsix = packageVsix(join(stateDir, 'driftlens.vsix'), true);
  const cloud = await startFakeCloud(workspace, join(stateDir, 'aws'));
  const options: CodeServerOptions = { installDir, stateDir: join(stateDir, 'server'), trustWorkspaces: true, env: withFakeCloud(cloud), port };
  installExtension(options, vsix.path);
  const server = await startCodeServer(options);
  const url = workbenchUrl(server.port, { folder: workspace });
  console.log(`
DriftLens sandbox in VS Code (code-server ${server.origin}, fake EC2 ${cloud.ec2.url})

  Open this URL in a browser on this machine (from another machine, forward the port first:
  ssh -L ${server.port}:127.0.0.1:${server.port} <this host>):

  ${url}

  Then: F1 → "DriftLens: Scan workspace for drift"; open compute.tf or network.tf; hover a squiggle,
  use the CodeLens, the DriftLens view in the activity bar, and the quick-fix "Update code to live value".
  The workspace is a copy at ${workspace} (removed on exit). Press Ctrl+C to stop.
`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nstopping…');
  await server.stop();
  await cloud.close();
  rmSync(stateDir, { recursive: true, force: true });
  return 0;
}

// The demo's own flags; everything else goes to `driftlens scan`, which says what it does not know.
const argv = process.argv.slice(2);
const { values, tokens } = parseArgs({ args: argv, options: { editor: { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: false, tokens: true });
const own = new Set(tokens.filter((t) => t.kind === 'option' && ['editor', 'port', 'help'].includes(t.name)).flatMap((t) => (t.kind === 'option' ? [t.index, ...(t.name === 'port' && t.inlineValue === false ? [t.index + 1] : [])] : [])));
const scanFlags = argv.filter((_, i) => !own.has(i));
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
(values.editor ? editorDemo(typeof values.port === 'string' ? Number(values.port) : undefined) : scanDemo(scanFlags)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
