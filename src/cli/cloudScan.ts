// The scan that `fix` and `import` run before they write code: the same providers, variables and
// remote-state rules as `driftlens scan`, with the common flags parsed once here.
import { stat } from 'node:fs/promises';
import type { Logger } from '../model';
import { scanWorkspace, type ScanOutcome } from '../engine/scan';
import type { VariableArg } from '../iac/terraform/variableInputs';
import { createAwsProvider } from '../providers/aws';
import { createAzureProvider } from '../providers/azure';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

export const processCliIo = (): CliIo => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
});

/** Options shared with `scan`, for node:util parseArgs. */
export const cloudOptions = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'azure-endpoint': { type: 'string' },
  terraform: { type: 'string' },
  'no-remote-state': { type: 'boolean' },
} as const;

export const cloudOptionsUsage = '[--profile P] [--region R] [--azure-endpoint URL] [--terraform PATH] [--no-remote-state] [--var-file FILE]... [--var NAME=VALUE]...';

export interface CloudFlags {
  profile?: string;
  region?: string;
  'azure-endpoint'?: string;
  terraform?: string;
  'no-remote-state'?: boolean;
}

export async function runCloudScan(dir: string, flags: CloudFlags, vars: VariableArg[], io: CliIo, now?: () => Date): Promise<ScanOutcome> {
  io.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await scanWorkspace({
      dir,
      signal: controller.signal,
      logger: quietLogger(io),
      now,
      providers: [
        createAwsProvider({ credentialsAllowed: true, profile: flags.profile, region: flags.region }),
        createAzureProvider({ credentialsAllowed: true, endpoint: flags['azure-endpoint'] ?? (io.env.DRIFTLENS_AZURE_ENDPOINT || undefined), env: io.env }),
      ],
      remoteState: flags['no-remote-state'] ? undefined : { terraformPath: flags.terraform ?? (io.env.DRIFTLENS_TERRAFORM || undefined) },
      variables: { env: io.env, args: vars },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

export async function folderProblem(dir: string): Promise<string | undefined> {
  try {
    const s = await stat(dir);
    return s.isDirectory() ? undefined : `${dir} is not a folder`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `folder ${dir} does not exist` : `cannot read folder ${dir} (${code ?? String(err)})`;
  }
}

function quietLogger(io: CliIo): Logger {
  const debug = !!io.env.DRIFTLENS_DEBUG;
  return {
    debug: (m) => debug && io.stderr(`debug: ${m}\n`),
    info: (m) => debug && io.stderr(`${m}\n`),
    warn: (m) => io.stderr(`warning: ${m}\n`),
    error: (m) => io.stderr(`error: ${m}\n`),
  };
}
