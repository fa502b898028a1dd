// Colours for the text report on a terminal, none when piped or when NO_COLOR is set (no-color.org);
// FORCE_COLOR turns them on anyway. Only words of the report's own vocabulary are coloured.
const codes = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;

export function useColor(isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTty && env.TERM !== 'dumb';
}

const paint = (name: keyof typeof codes, text: string) => `\u001b[${codes[name]}m${text}\u001b[0m`;

/** The text report with its statuses and severities coloured: drifted yellow, missing and errors red, in sync green. */
export function colorize(report: string): string {
  return report
    .split('\n')
    .map((line) =>
      line
        .replace(/^(DRIFTED)(\s)/, (_, w: string, s: string) => paint('yellow', w) + s)
        .replace(/^(MISSING)(\s)/, (_, w: string, s: string) => paint('red', w) + s)
        .replace(/^(in sync)(\s)/, (_, w: string, s: string) => paint('green', w) + s)
        .replace(/^(unverified)(\s)/, (_, w: string, s: string) => paint('dim', w) + s)
        .replace(/^(\s+)(error)(\s)/, (_, a: string, w: string, s: string) => a + paint('red', w) + s)
        .replace(/^(\s+)(warning)(\s)/, (_, a: string, w: string, s: string) => a + paint('yellow', w) + s)
        .replace(/^(\s+)(info)(\s)/, (_, a: string, w: string, s: string) => a + paint('cyan', w) + s)
        .replace(/^(error|warning|not verified)(:)/, (_, w: string, s: string) => paint(w === 'error' ? 'red' : w === 'warning' ? 'yellow' : 'bold', w) + s),
    )
    .join('\n');
}
