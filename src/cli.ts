// The command-line front-end: dispatches to one module per command. Each command parses its
// own options, calls the engine, formats, and returns the exit code (0 ok / no drift,
// 2 drift found, 1 error — as `terraform plan -detailed-exitcode`).
import { usage } from './cli/usage';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  inventory: async () => (await import('./cli/inventoryCommand')).inventoryCommand,
  scan: async () => (await import('./cli/scanCommand')).scanCommand,
  types: async () => (await import('./cli/typesCommand')).typesCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${process.env.DRIFTLENS_VERSION ?? 'driftlens'}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`driftlens: unknown command "${name}"\n\n${usage}`);
    return 1;
  }
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
