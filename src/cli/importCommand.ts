// `driftlens import [dir] [--type T]... [--id ID]... [--out FILE]`: Terraform 1.5+ `import` + `resource` blocks
// for the unmanaged resources a scan of dir lists (engine/importBlocks). Prints them, or writes a new FILE.
import { access, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { planImports } from '../engine/importBlocks/planImports';
import { cloudOptions, cloudOptionsUsage, folderProblem, processCliIo, runCloudScan, type CliIo } from './cloudScan';
import { scanExit } from './exitCode';
import { commandArgs } from './commandArgs';
import { varFileProblem, varFlagsUsage } from './varFlags';
import type { Logger } from '../model';

export const importUsage = `usage: driftlens import [dir] [--type T]... [--id ID]... [--out FILE]
                        ${cloudOptionsUsage}

Scans dir as \`driftlens scan\` does and, for each unmanaged resource it lists (live in the VPCs or resource
groups the code manages, declared nowhere), writes what Terraform 1.5+ needs to take it over: an
\`import { to = <type>.<name>, id = "<id>" }\` block and a \`resource\` block with the live values of the
arguments you write (never computed ones such as arn or owner_id). IDs of resources the code already manages
become references (\`vpc_id = aws_vpc.main.id\`); names come from the Name tag. Run \`terraform plan\` to check.
  --type T     only this resource type (repeatable)
  --id ID      only this live ID (repeatable)
  --out FILE   write a new .tf file (refused if it exists; its folder is the root module); default: stdout
${varFlagsUsage}

exit codes: 0 blocks written (or nothing unmanaged), 2 some resources could not be imported (listed on stderr), 1 error
`;

export async function importCommand(args: string[], io: CliIo = processCliIo()): Promise<number> {
  const parsed = commandArgs('import', importUsage, args, { ...cloudOptions, type: { type: 'string', multiple: true }, id: { type: 'string', multiple: true }, out: { type: 'string' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, dir, vars } = parsed;
  const out = values.out ? resolve(values.out) : undefined;
  const problem = (await folderProblem(dir)) ?? (await varFileProblem(vars)) ?? (out && (await exists(out)) ? `${values.out} exists; give a new file` : undefined);
  if (problem) {
    io.stderr(`driftlens import: ${problem}\n`);
    return 1;
  }
  const { result, snapshot } = await runCloudScan(dir, values, vars, io);
  // Partial results are still results: what was verified is imported; what failed is said, never guessed.
  for (const e of result.errors) if (e.severity === 'error') io.stderr(`error: ${e.message}\n`);
  if (result.summary.verified === 0) {
    io.stderr(`driftlens import: ${scanExit(result).message ?? 'nothing could be verified'}; nothing was written\n`);
    return 1;
  }
  const logger: Logger = { debug: () => {}, info: () => {}, warn: (m) => io.stderr(`warning: ${m}\n`), error: (m) => io.stderr(`error: ${m}\n`) };
  const plan = await planImports(result, snapshot.providers, out ? dirname(out) : dir, { signal: new AbortController().signal, logger }, { types: values.type, ids: values.id });
  for (const s of plan.skipped) io.stderr(`skipped ${s.type} ${s.liveId}: ${s.reason}\n`);
  if (plan.text) {
    if (out) await writeFile(out, plan.text, { encoding: 'utf8', flag: 'wx' });
    else io.stdout(plan.text);
  }
  io.stderr(`${plan.imported.length} resource${plan.imported.length === 1 ? '' : 's'} to import${out && plan.text ? ` written to ${values.out}` : ''}${plan.skipped.length ? `, ${plan.skipped.length} skipped` : ''}\n`);
  return plan.skipped.length ? 2 : 0;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
