// The `driftlens.terraform.varFiles` setting of one workspace folder as `--var-file` arguments, in
// the order listed (a later file wins, as on Terraform's command line). Paths are relative to the
// folder; one that leaves the folder is refused: a workspace setting must not make us read files elsewhere.
import { isAbsolute, relative, resolve } from 'node:path';
import type { VariableArg } from '../engine/scan';

export function varFileArgs(folder: string, value: unknown): { args: VariableArg[]; problems: string[] } {
  const args: VariableArg[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { args, problems };
  if (!Array.isArray(value)) return { args, problems: ['driftlens.terraform.varFiles must be a list of paths relative to the folder'] };
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '') {
      problems.push('driftlens.terraform.varFiles: each entry must be a path');
      continue;
    }
    const path = resolve(folder, item.trim());
    const rel = relative(folder, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      problems.push(`driftlens.terraform.varFiles: ${item} is not inside the folder ${folder}; ignored`);
      continue;
    }
    args.push({ kind: 'file', path });
  }
  return { args, problems };
}
