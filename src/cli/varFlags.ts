// `--var-file FILE` and `--var name=value` (both repeatable, `=`-joined forms too) taken out of a
// command's arguments in the order given: Terraform applies them in that order, a later one winning.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseVarArg, type VariableArg } from '../iac/terraform/variableInputs';

export const varFlagsUsage = `  --var-file FILE      variable values from a .tfvars or .tfvars.json file (relative to the current folder)
  --var NAME=VALUE     one variable value, as terraform -var takes it (HCL for list, map and object types)
                       both repeatable`;

/** The variable flags in order, and the other arguments for the command's own parser. */
export function extractVarFlags(args: readonly string[], cwd: string = process.cwd()): { rest: string[]; vars: VariableArg[] } | { error: string } {
  const rest: string[] = [];
  const vars: VariableArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const m = /^--(var-file|var)(?:=(.*))?$/s.exec(arg);
    if (!m) {
      rest.push(arg);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) return { error: `--${m[1]} needs a value` };
    if (m[1] === 'var-file') {
      if (!value) return { error: '--var-file needs a file name' };
      vars.push({ kind: 'file', path: resolve(cwd, value) });
      continue;
    }
    const parsed = parseVarArg(value);
    if ('error' in parsed) return parsed;
    vars.push({ kind: 'var', ...parsed });
  }
  return { rest, vars };
}

/** The first `--var-file` that is not a readable file, as a one-line message. */
export async function varFileProblem(vars: readonly VariableArg[]): Promise<string | undefined> {
  for (const v of vars) {
    if (v.kind !== 'file') continue;
    const info = await stat(v.path).catch(() => undefined);
    if (!info) return `--var-file ${v.path}: no such file`;
    if (!info.isFile()) return `--var-file ${v.path}: not a file`;
  }
  return undefined;
}
