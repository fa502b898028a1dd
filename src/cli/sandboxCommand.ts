// `driftlens sandbox`: the emulated cloud of the demo, for trying DriftLens by hand. Its fakes are not part
// of the CLI bundle: they ship as dist/sandbox.js beside it (built from scripts/sandbox/), or run from the
// repository's sources; the VSIX carries neither.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

type SandboxModule = { sandboxCommand(args: string[]): Promise<number> };

export async function sandboxCommand(args: string[]): Promise<number> {
  const candidates = [join(__dirname, 'sandbox.js'), join(__dirname, '..', '..', 'scripts', 'sandbox', 'sandbox.ts')];
  const file = candidates.find((c) => existsSync(c));
  if (!file) {
    process.stderr.write('driftlens sandbox: the sandbox is not installed with this copy of DriftLens; from a clone of the repository run `npm ci && npm run sandbox`\n');
    return 1;
  }
  // A computed path, so the bundler leaves the sandbox (and the fakes it carries) out of the CLI bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file chosen at run time, CommonJS like the bundle
  const sandbox = require(file) as SandboxModule;
  return sandbox.sandboxCommand(args);
}
