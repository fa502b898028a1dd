// `driftlens fix [dir] [--only ADDRESS]... [--severity info|warning|error] [--dry-run]`: code ← live for
// many findings at once, with exactly the quick-fix's edits (engine/fix/applyFixes.ts). Writes files
// only without --dry-run; never a sensitive value (those drifts are skipped, with the reason).
import { writeFile } from 'node:fs/promises';
import type { Severity } from '../model';
import { planFixes } from '../engine/fix/applyFixes';
import { unifiedDiff } from '../engine/fix/unifiedDiff';
import { relativeFile } from '../engine/report/paths';
import { diskIo } from '../engine/workspaceIo';
import { cloudOptions, cloudOptionsUsage, folderProblem, processCliIo, runCloudScan, type CliIo } from './cloudScan';
import { scanExit } from './exitCode';
import { commandArgs } from './commandArgs';
import { varFileProblem, varFlagsUsage } from './varFlags';

export const fixUsage = `usage: driftlens fix [dir] [--only ADDRESS]... [--severity info|warning|error] [--dry-run]
                     ${cloudOptionsUsage}

Scans as \`driftlens scan\` does, then rewrites each drifted literal to the live value: the same edit as the
editor's "Update code to live value" (one literal each, formatting and comments kept; where the value comes
from a variable default or a tfvars line, that line). Several instances sharing one literal are fixed only
when they agree on the live value. Sensitive values and values that are not literals are never written:
those drifts are listed as skipped, with the reason. Missing resources are not fixed (only terraform apply
can recreate them).
  --only ADDRESS      only this resource or instance (repeatable)
  --severity LEVEL    only drift of at least this severity
  --dry-run           print a unified diff of the changes instead of writing them
${varFlagsUsage}

exit codes:
  0  nothing left to fix: no fixable drift, or every fix written
  2  fixable drift remains: --dry-run found edits to make, or a fix could not be written (instances disagree,
     a file changed since the scan)
  1  error, including a scan that verified nothing
`;

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export async function fixCommand(args: string[], io: CliIo = processCliIo()): Promise<number> {
  const parsed = commandArgs('fix', fixUsage, args, { ...cloudOptions, only: { type: 'string', multiple: true }, severity: { type: 'string' }, 'dry-run': { type: 'boolean' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, dir, vars } = parsed;
  const severity = values.severity as Severity | undefined;
  if (severity !== undefined && !SEVERITIES.includes(severity)) return usageError(io, `unknown severity "${values.severity}"; use info, warning or error`);
  const problem = (await folderProblem(dir)) ?? (await varFileProblem(vars));
  if (problem) {
    io.stderr(`driftlens fix: ${problem}\n`);
    return 1;
  }
  const { result } = await runCloudScan(dir, values, vars, io);
  // Partial results are still results: what was verified is fixed; what failed is said, never guessed.
  for (const e of result.errors) if (e.severity === 'error') io.stderr(`error: ${e.message}\n`);
  if (result.summary.verified === 0) {
    io.stderr(`driftlens fix: ${scanExit(result).message ?? 'nothing could be verified'}; nothing was written\n`);
    return 1;
  }
  const plan = await planFixes(result, diskIo.readFile, { only: values.only, minSeverity: severity });
  const where = (file?: string, line?: number) => (file ? ` (${relativeFile(result.root, file)}${line !== undefined ? `:${line + 1}` : ''})` : '');
  for (const s of plan.skipped) io.stderr(`skipped ${s.address}.${s.attribute}${where(s.file, s.line)}: ${s.reason}\n`);
  const pendingBlocked = plan.skipped.some((s) => s.reason.startsWith('instances sharing') || s.reason.startsWith('the file changed') || s.reason.startsWith('overlaps'));
  if (values['dry-run']) {
    for (const f of plan.files) io.stdout(unifiedDiff(relativeFile(result.root, f.file), f.before, f.after));
    io.stderr(`${plan.fixed.length} fix${plan.fixed.length === 1 ? '' : 'es'} in ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} (dry run: nothing written), ${plan.skipped.length} skipped\n`);
    return plan.fixed.length > 0 || pendingBlocked ? 2 : 0;
  }
  for (const f of plan.files) await writeFile(f.file, f.after, 'utf8');
  for (const f of plan.fixed) io.stdout(`fixed ${f.address}.${f.attribute}${where(f.file, f.line)}\n`);
  io.stderr(`${plan.fixed.length} fix${plan.fixed.length === 1 ? '' : 'es'} written to ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}, ${plan.skipped.length} skipped\n`);
  return pendingBlocked ? 2 : 0;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`driftlens fix: ${message}\n\n${fixUsage}`);
  return 1;
}
