// "Did you mean …?" for a mistyped command or option: the closest valid name by edit distance,
// offered only when it is close enough to be what the user meant.

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment); small strings only. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The valid name closest to `given` (at most a third of its length away, or a prefix of it), else undefined. */
export function closest(given: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of valid) {
    const d = name.startsWith(given) && given.length >= 2 ? 0.5 : distance(given, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(given.length, best.length) / 3)) ? best : undefined;
}

/** `unknown option "--fromat" (did you mean --format?)` */
export function unknownMessage(kind: 'command' | 'option', given: string, valid: readonly string[]): string {
  const bare = given.replace(/^-+/, '').split('=')[0];
  const match = closest(bare, valid.map((v) => v.replace(/^-+/, '')));
  const prefix = kind === 'option' ? '--' : '';
  return `unknown ${kind} "${given}"${match ? ` (did you mean ${prefix}${match}?)` : ''}`;
}
