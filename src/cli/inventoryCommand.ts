// `driftlens inventory [dir] --format json|text`: what the code declares, no cloud calls.
// Exit 0 (syntax errors are reported in the output, not fatal), 1 on a usage error.
import { unknownMessage } from './suggest';
import { stat } from 'node:fs/promises';
import { buildInventory, formatInventoryText } from '../iac/inventory';
import { evaluateInventory } from '../engine/inventoryValues';
import { diskIo } from '../engine/workspaceIo';
import { withMemo } from '../iac/workspaceMemo';
import { extractVarFlags, varFileProblem, varFlagsUsage } from './varFlags';

type Format = 'json' | 'text';

interface Options {
  dir: string;
  format: Format;
}

const inventoryUsage = `usage: driftlens inventory [dir] [--format json|text] [--var-file FILE]... [--var NAME=VALUE]...\n${varFlagsUsage}\n`;

export function parseInventoryArgs(args: string[]): Options | string {
  let dir: string | undefined;
  let format: Format = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'json' && value !== 'text') return value === undefined ? '--format needs a value: json or text' : `unknown format "${value}": use json or text`;
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return unknownMessage('option', arg, ['format', 'var', 'var-file', 'help']);
    } else if (dir === undefined) {
      dir = arg;
    } else {
      return `unexpected argument "${arg}": give one directory`;
    }
  }
  return { dir: dir ?? '.', format };
}

export async function inventoryCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(inventoryUsage);
    return 0;
  }
  const varFlags = extractVarFlags(args);
  const options = 'error' in varFlags ? varFlags.error : parseInventoryArgs(varFlags.rest);
  if (typeof options === 'string' || 'error' in varFlags) {
    process.stderr.write(`driftlens inventory: ${String(options)}\n${inventoryUsage}`);
    return 1;
  }
  const varProblem = await varFileProblem(varFlags.vars);
  if (varProblem) {
    process.stderr.write(`driftlens inventory: ${varProblem}\n`);
    return 1;
  }
  const info = await stat(options.dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    process.stderr.write(`driftlens inventory: ${info ? 'not a directory' : 'no such directory'}: ${options.dir}\n${inventoryUsage}`);
    return 1;
  }
  // One memo for both passes: each file is read and parsed once (issue 17).
  const io = withMemo(diskIo);
  const literal = await buildInventory(options.dir, io.memo);
  // Evaluated values (variables, locals, functions, modules, state) where the code allows; never a cloud call.
  const inventory = await evaluateInventory(literal, options.dir, io, { env: process.env, args: varFlags.vars }).then(
    (evaluated) => ({ ...literal, resources: evaluated.resources }),
    (err: unknown) => {
      process.stderr.write(`driftlens inventory: values not evaluated (${err instanceof Error ? err.message : String(err)}); showing literals\n`);
      return literal;
    },
  );
  const out = options.format === 'json' ? `${JSON.stringify(inventory, null, 2)}\n` : formatInventoryText(inventory);
  await new Promise<void>((resolve, reject) => process.stdout.write(out, (err) => (err ? reject(err) : resolve())));
  return 0;
}
