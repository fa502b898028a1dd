// The command-line front-end: argument parsing, calling the engine, formatting, exit code.
async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write('usage: driftlens <inventory|scan> [dir] [options]\n');
    return command ? 0 : 1;
  }
  process.stderr.write(`driftlens: unknown command "${command}"\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`driftlens: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
