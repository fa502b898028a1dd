// Placeholder until the inventory command lands.
export async function inventoryCommand(_args: string[]): Promise<number> {
  process.stderr.write('driftlens inventory: not built yet\n');
  return 1;
}
