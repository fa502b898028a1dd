// The front matter every folder command shares (scan, fix, import): --var/--var-file taken out first
// (Terraform applies them in the order given, across both flags), the options parsed with the closest-
// option suggestion, --help, at most one folder. A problem is one line plus the command's usage on stderr.
import type { ParseArgsConfig } from 'node:util';
import type { VariableArg } from '../iac/terraform/variableInputs';
import { parseOptions, type Parsed } from './parseOptions';
import { extractVarFlags } from './varFlags';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandArgs<O extends Options> {
  values: Parsed<O>['values'];
  /** The folder argument, '.' when none was given. */
  dir: string;
  vars: VariableArg[];
}

interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The parsed arguments, or the exit code to return (0 after --help, 1 after a usage error). */
export function commandArgs<O extends Options>(command: string, usage: string, args: string[], options: O, io: CommandIo): CommandArgs<O> | number {
  const fail = (message: string) => {
    io.stderr(`driftlens ${command}: ${message}\n\n${usage}`);
    return 1;
  };
  const varFlags = extractVarFlags(args);
  if ('error' in varFlags) return fail(varFlags.error);
  const parsed = parseOptions(varFlags.rest, { ...options, help: { type: 'boolean', short: 'h' } });
  if ('error' in parsed) return fail(parsed.error);
  const { values, positionals } = parsed;
  if ((values as { help?: boolean }).help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length > 1) return fail(`expected at most one folder, got ${positionals.length}`);
  return { values: values as Parsed<O>['values'], dir: positionals[0] ?? '.', vars: varFlags.vars };
}
