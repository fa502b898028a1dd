// `driftlens scan [dir] [--format text|json|sarif] [--profile P] [--region R]`: compares the code
// under dir with the live cloud. Exit 0 verified and no drift, 2 drift found (drifted or missing), 1 error
// (including a scan that verified nothing); see exitCode.ts.
import { stat } from 'node:fs/promises';
import type { Logger, ScanResult } from '../model';
import { scanWorkspace, ScanCancelledError, type ScanProgress } from '../engine/scan';
import { scanExit } from './exitCode';
import { commandArgs } from './commandArgs';
import { colorize, useColor } from './colors';
import { fileHistoryStore, updateHistory } from '../engine/history/historyFile';
import { attributeChanges } from '../engine/attribution';
import { formatJson } from '../engine/report/json';
import { formatSarif } from '../engine/report/sarif';
import { formatText } from '../engine/report/text';
import { varFileProblem, varFlagsUsage } from './varFlags';
import { createAwsProvider } from '../providers/aws';
import { createAzureProvider } from '../providers/azure';

const formats = ['text', 'json', 'sarif'] as const;
type Format = (typeof formats)[number];

export const scanUsage = `usage: driftlens scan [dir] [--format text|json|sarif] [--profile P] [--region R] [--azure-endpoint URL]
                      [--terraform PATH] [--no-remote-state] [--fail-on-unverified] [--include-service-managed] [--timeout SECONDS]
                      [--var-file FILE]... [--var NAME=VALUE]... [--history FILE] [--attribution]

Compares every resource the Terraform code under dir (default: .) declares with the live cloud.
Identity comes from terraform.tfstate beside the code (or terraform.tfstate.d/<workspace>/), from import
blocks, or, for a root whose state is in a backend, from \`terraform state pull\` run with your terraform CLI
(on PATH, or --terraform / DRIFTLENS_TERRAFORM; --no-remote-state never runs it). AWS credentials come from the SDK's default chain
(AWS_PROFILE / --profile, environment, SSO, instance role); read-only ec2:Describe* calls only.
Azure (azurerm code and ARM templates) uses DefaultAzureCredential (environment, workload or managed identity,
Azure CLI, Azure Developer CLI, PowerShell) and read-only Resource Manager GETs; subscription from the provider
block, ARM_SUBSCRIPTION_ID or the resource ID; --azure-endpoint / DRIFTLENS_AZURE_ENDPOINT for another cloud.
Variables as Terraform takes them, a later source winning: defaults < TF_VAR_<name> < terraform.tfvars(.json)
< *.auto.tfvars(.json) < --var-file / --var in the order given:
${varFlagsUsage}

--history FILE appends each finding's changes to FILE (JSON lines; \`driftlens history\` summarizes it), so
every drift carries firstSeen and the text report marks what is new since the last scan. --attribution looks
up who last changed each drifted or missing resource (CloudTrail LookupEvents, the Azure Activity Log; read
only; a missing permission is a note, never an error).

The report leads with what could not be verified and why, counted per reason, then the table.
Unmanaged resources that a cloud service created and owns are left out unless --include-service-managed
asks for them; then each names the owner and the tag or property that proves it.

exit codes (as \`terraform plan -detailed-exitcode\`):
  0  at least one resource verified, none drifted or missing
  2  drift found (drifted or missing)
  1  error, including a scan that verified nothing (no credentials, endpoint refused, no state, nothing
     parseable) and an unreadable state file; with --fail-on-unverified, also any resource not verified
`;

export interface ScanIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTty: boolean;
  /** Colours the text report (a terminal without NO_COLOR). */
  stdoutIsTty?: boolean;
  env: NodeJS.ProcessEnv;
}

const processIo = (): ScanIo => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTty: process.stderr.isTTY === true,
  stdoutIsTty: process.stdout.isTTY === true,
  env: process.env,
});

export async function scanCommand(args: string[], io: ScanIo = processIo()): Promise<number> {
  const parsed = commandArgs('scan', scanUsage, args, {
    format: { type: 'string', short: 'f' },
    profile: { type: 'string' },
    region: { type: 'string' },
    'azure-endpoint': { type: 'string' },
    // Seconds one cloud call may take before it counts as unanswered (default 30; DRIFTLENS_TIMEOUT).
    timeout: { type: 'string' },
    terraform: { type: 'string' },
    'no-remote-state': { type: 'boolean' },
    'fail-on-unverified': { type: 'boolean' },
    // Also list what cloud services own (default groups, EKS/ELB groups, ASG instances, MC_* groups), with the owner.
    'include-service-managed': { type: 'boolean' },
    // Issue 14: the drift history (JSON lines) and who changed drifted / missing resources.
    history: { type: 'string' },
    attribution: { type: 'boolean' },
  }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, dir, vars } = parsed;
  const format = (values.format ?? 'text') as Format;
  if (!formats.includes(format)) {
    io.stderr(`driftlens scan: unknown format "${values.format}"; use text, json or sarif\n`);
    return 1;
  }
  const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutSeconds !== undefined && !(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0)) {
    io.stderr(`driftlens scan: --timeout takes a number of seconds greater than 0, got "${values.timeout}"\n`);
    return 1;
  }
  const problem = (await folderProblem(dir)) ?? (await varFileProblem(vars));
  if (problem) {
    io.stderr(`driftlens scan: ${problem}\n`);
    return 1;
  }
  // The SDK warns about node versions it will drop in the future: nothing a CLI user can act on.
  io.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = io.stderrIsTty ? ttyProgress(io) : undefined;
  const logger = stderrLogger(io, !!io.env.DRIFTLENS_DEBUG);
  try {
    const { result, snapshot } = await scanWorkspace({
      dir,
      // Nothing re-compares a CLI scan: what only that needs is let go after resolving (less memory at scale).
      oneShot: true,
      signal: controller.signal,
      logger,
      progress: progress?.update,
      providers: [
        createAwsProvider({ credentialsAllowed: true, profile: values.profile, region: values.region, timeoutSeconds, includeServiceManaged: values['include-service-managed'] }),
        createAzureProvider({ credentialsAllowed: true, timeoutSeconds, includeServiceManaged: values['include-service-managed'], endpoint: values['azure-endpoint'] ?? (io.env.DRIFTLENS_AZURE_ENDPOINT || undefined), env: io.env }),
      ],
      remoteState: values['no-remote-state'] ? undefined : { terraformPath: values.terraform ?? (io.env.DRIFTLENS_TERRAFORM || undefined) },
      variables: { env: io.env, args: vars },
    });
    progress?.clear();
    if (values.attribution) await attributeChanges({ result, snapshot }, { signal: controller.signal, logger });
    if (values.history) await updateHistory(result, fileHistoryStore(values.history));
    io.stdout(format === 'json' ? formatJson(result) : format === 'sarif' ? formatSarif(result) : useColor(io.stdoutIsTty === true, io.env) ? colorize(formatText(result)) : formatText(result));
    if (format !== 'text') for (const e of result.errors) io.stderr(`${e.severity}: ${where(e)}${e.message}\n`);
    const exit = scanExit(result, { failOnUnverified: values['fail-on-unverified'] });
    if (exit.message) io.stderr(`driftlens scan: ${exit.message}\n`);
    return exit.code;
  } catch (err) {
    progress?.clear();
    if (err instanceof ScanCancelledError) {
      io.stderr('driftlens scan: cancelled\n');
      return 1;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

async function folderProblem(dir: string): Promise<string | undefined> {
  try {
    const s = await stat(dir);
    return s.isDirectory() ? undefined : `${dir} is not a folder`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `folder ${dir} does not exist` : `cannot read folder ${dir} (${code ?? String(err)})`;
  }
}

function where(e: ScanResult['errors'][number]): string {
  if (!e.file) return '';
  return `${e.file}${e.range ? `:${e.range.start.line + 1}:${e.range.start.character + 1}` : ''}: `;
}

function ttyProgress(io: ScanIo): { update: (p: ScanProgress) => void; clear: () => void } {
  let shown = false;
  return {
    update: (p) => {
      shown = true;
      io.stderr(`\r\x1b[K${p.stage} ${p.done}/${p.total}${p.message ? ` ${p.message}` : ''}`);
    },
    clear: () => {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

/** Warnings and errors go to stderr; debug only with DRIFTLENS_DEBUG. Messages never carry API payloads. */
function stderrLogger(io: ScanIo, debug: boolean): Logger {
  return {
    debug: (m) => debug && io.stderr(`debug: ${m}\n`),
    info: (m) => debug && io.stderr(`${m}\n`),
    warn: (m) => io.stderr(`warning: ${m}\n`),
    error: (m) => io.stderr(`error: ${m}\n`),
  };
}
