// `driftlens types [--format text|json] [--provider NAME]`: every resource type DriftLens verifies, how
// deeply, what it reads and the read permissions it needs. No cloud calls.
import type { TypeCoverage } from '../model';
import { awsCoverage } from '../providers/aws';
import { azureCoverage } from '../providers/azure';
import { parseOptions } from './parseOptions';

export const typesUsage = `usage: driftlens types [--format text|json] [--provider aws|azurerm|azapi]

Lists every resource type DriftLens verifies: its depth (deep: every attribute the code sets is compared;
existence+tags / existence+location+tags: found or missing, tags and location compared, the rest reported
as not read), what it reads, and the read-only permissions that needs.
`;

/** Every provider's table, in the order `driftlens types` prints it. */
export function allCoverage(): TypeCoverage[] {
  return [...awsCoverage(), ...azureCoverage()];
}

export function coverageSummary(rows: readonly TypeCoverage[]): Record<string, { types: number; deep: number }> {
  const summary: Record<string, { types: number; deep: number }> = {};
  for (const r of rows) {
    const s = (summary[r.provider] ??= { types: 0, deep: 0 });
    s.types++;
    if (r.depth === 'deep') s.deep++;
  }
  return summary;
}

export function formatTypesText(rows: readonly TypeCoverage[]): string {
  const width = Math.max(4, ...rows.map((r) => r.type.length));
  const depthWidth = Math.max(5, ...rows.map((r) => r.depth.length));
  const lines = [`${'TYPE'.padEnd(width)}  ${'DEPTH'.padEnd(depthWidth)}  READS`];
  for (const r of rows) lines.push(`${r.type.padEnd(width)}  ${r.depth.padEnd(depthWidth)}  ${r.reads}${r.note ? ` (${r.note})` : ''}`);
  const summary = Object.entries(coverageSummary(rows)).map(([p, s]) => `${p}: ${s.types} types, ${s.deep} deep`);
  return `${lines.join('\n')}\n\n${summary.join('; ')}\n`;
}

export async function typesCommand(args: string[]): Promise<number> {
  const parsed = parseOptions(args, { format: { type: 'string', short: 'f' }, provider: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if ('error' in parsed) {
    process.stderr.write(`driftlens types: ${parsed.error}\n\n${typesUsage}`);
    return 1;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(typesUsage);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    process.stderr.write(`driftlens types: unknown format "${format}": use text or json\n${typesUsage}`);
    return 1;
  }
  const rows = allCoverage().filter((r) => !values.provider || r.provider === values.provider);
  const out = format === 'json' ? `${JSON.stringify({ version: 1, types: rows, summary: coverageSummary(rows) }, null, 2)}\n` : formatTypesText(rows);
  process.stdout.write(out);
  return 0;
}
