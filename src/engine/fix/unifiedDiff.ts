// A unified diff (as `diff -u` / `git diff` print it) of one file's text before and after the fixes,
// for `driftlens fix --dry-run`. Pure. Lines compare by content; the common head and tail are cut
// first, so the quadratic LCS runs only over the changed middle (fixes touch a few lines).

export interface DiffOptions {
  /** Unchanged lines shown around each change (diff -u: 3). */
  context?: number;
}

type Op = { kind: ' ' | '-' | '+'; text: string };

/** `--- a/<name>` / `+++ b/<name>` and the hunks; empty when the texts are equal. */
export function unifiedDiff(name: string, before: string, after: string, options: DiffOptions = {}): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const ops = diffLines(splitLines(before), splitLines(after));
  const hunks = hunksOf(ops, context);
  return [`--- a/${name}`, `+++ b/${name}`, ...hunks].join('\n') + '\n';
}

/** Lines without their terminators; a missing final newline is marked as diff marks it. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  // LCS table over the changed middle.
  const n = midA.length;
  const m = midB.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const mid: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      mid.push({ kind: ' ', text: midA[i++] });
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] > lcs[i + 1][j])) mid.push({ kind: '+', text: midB[j++] });
    else mid.push({ kind: '-', text: midA[i++] });
  }
  return [...a.slice(0, head).map((text): Op => ({ kind: ' ', text })), ...mid, ...a.slice(a.length - tail).map((text): Op => ({ kind: ' ', text }))];
}

function hunksOf(ops: Op[], context: number): string[] {
  const out: string[] = [];
  const changed = ops.map((o, k) => (o.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    // Group changes whose gaps are short enough to share context.
    let last = k;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * context + 1) last++;
    const from = Math.max(0, changed[k] - context);
    const to = Math.min(ops.length, changed[last] + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let x = 0; x < from; x++) {
      if (ops[x].kind !== '+') oldStart++;
      if (ops[x].kind !== '-') newStart++;
    }
    const slice = ops.slice(from, to);
    const oldLen = slice.filter((o) => o.kind !== '+').length;
    const newLen = slice.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(oldStart, oldLen)} +${range(newStart, newLen)} @@`, ...slice.map((o) => `${o.kind}${o.text}`));
    k = last + 1;
  }
  return out;
}

/** `start,len` as diff writes it: an empty side starts one line before. */
function range(start: number, len: number): string {
  if (len === 1) return String(start);
  return `${len === 0 ? start - 1 : start},${len}`;
}
