// The command-line front-end: dispatches to one module per command. Each command parses its
// own options, calls the engine, formats, and returns the exit code (0 ok / no drift,
// 2 drift found, 1 error — as `terraform plan -detailed-exitcode`).
import { PRODUCT_VERSION } from './engine/report/product';
import { unknownMessage } from './cli/suggest';
import { usage } from './cli/usage';
import { boundHeapGrowth } from './cli/heapGrowth';
import { boundInlining } from './cli/inliningBudget';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  fix: async () => (await import('./cli/fixCommand')).fixCommand,
  history: async () => (await import('./cli/historyCommand')).historyCommand,
  import: async () => (await import('./cli/importCommand')).importCommand,
  inventory: async () => (await import('./cli/inventoryCommand')).inventoryCommand,
  scan: async () => (await import('./cli/scanCommand')).scanCommand,
  types: async () => (await import('./cli/typesCommand')).typesCommand,
  sandbox: async () => (await import('./cli/sandboxCommand')).sandboxCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? process.stdout : process.stderr).write(usage);
    return name ? 0 : 1;
  }
  if (name === 'help') {
    // `driftlens help scan` is `driftlens scan --help`.
    if (!rest[0]) return main(['--help']);
    return main([rest[0], '--help']);
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`driftlens ${PRODUCT_VERSION}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    const kind = name.startsWith('-') ? 'option' : 'command';
    process.stderr.write(`driftlens: ${unknownMessage(kind, name, kind === 'option' ? ['--help', '--version'] : [...Object.keys(commands), 'help', 'version'])}\n\n${usage}`);
    return 1;
  }
  boundHeapGrowth(name);
  boundInlining();
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`driftlens: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
