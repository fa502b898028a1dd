// Placeholder until the scan command lands.
export async function scanCommand(_args: string[]): Promise<number> {
  process.stderr.write('driftlens scan: not built yet\n');
  return 1;
}
