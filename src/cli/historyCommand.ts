// `driftlens history --history FILE [--format text|json]`: what the scans recorded with `scan --history FILE`:
// drift events per day, time to remediate, open findings with their age. No cloud calls.
import { parseArgs } from 'node:util';
import { parseHistory } from '../engine/history/historyEvents';
import { fileHistoryStore } from '../engine/history/historyFile';
import { formatHistoryText, summarizeHistory } from '../engine/history/historySummary';
import { processCliIo, type CliIo } from './cloudScan';

export const historyUsage = `usage: driftlens history --history FILE [--format text|json]

Reads the history that \`driftlens scan --history FILE\` keeps (JSON lines, one per change of a finding) and
prints drift events per day, time to remediate (from first seen to the first scan where it was gone) and the
open findings with their age. No cloud calls. Exit 0, or 1 when FILE cannot be read.
`;

export async function historyCommand(args: string[], io: CliIo = processCliIo(), now: () => Date = () => new Date()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { history: { type: 'string' }, format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    io.stderr(`driftlens history: ${err instanceof Error ? err.message : String(err)}\n\n${historyUsage}`);
    return 1;
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(historyUsage);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`driftlens history: unknown format "${format}"; use text or json\n`);
    return 1;
  }
  const file = values.history ?? (io.env.DRIFTLENS_HISTORY || undefined);
  if (!file) {
    io.stderr(`driftlens history: give --history FILE (the file \`driftlens scan --history FILE\` writes)\n\n${historyUsage}`);
    return 1;
  }
  let text: string | undefined;
  try {
    text = await fileHistoryStore(file).read();
  } catch (err) {
    io.stderr(`driftlens history: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
    return 1;
  }
  if (text === undefined) {
    io.stderr(`driftlens history: ${file} does not exist; run driftlens scan --history ${file} first\n`);
    return 1;
  }
  const summary = summarizeHistory(parseHistory(text), now());
  io.stdout(format === 'json' ? `${JSON.stringify({ version: 1, ...summary }, null, 2)}\n` : formatHistoryText(summary));
  return 0;
}
