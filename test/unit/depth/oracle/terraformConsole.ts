// Runs expressions through the real `terraform console` (offline: a configuration with no
// providers needs no `init`). Piped console prints only the last result and stops at the first
// error, so each batch is ONE expression: a tuple of `try(jsonencode(E), null)` — null marks a
// Terraform error — itself JSON-encoded. A batch that fails statically is split to isolate the culprit.
import { spawn, spawnSync } from 'node:child_process';

export interface TerraformCli {
  bin: string;
  version: string;
}

/** The CLI on PATH (or at `bin`), or undefined when there is none. */
export function findTerraform(bin = process.env.DRIFTLENS_TERRAFORM ?? 'terraform'): TerraformCli | undefined {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8', env: consoleEnv(), timeout: 30_000 });
  if (r.error || r.status !== 0) return undefined;
  const m = /Terraform v(\S+)/.exec(r.stdout);
  return m ? { bin, version: m[1] } : undefined;
}

function consoleEnv(): NodeJS.ProcessEnv {
  // No version check over the network, no CLI config from the user's home.
  return { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null', NO_COLOR: '1' };
}

function runConsole(cli: TerraformCli, dir: string, line: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cli.bin, ['console', '-no-color'], { cwd: dir, env: consoleEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(line + '\n');
  });
}

/** Decodes a string as Go's strconv.Quote writes it (how the console prints strings). */
export function decodeGoQuoted(text: string): string {
  const t = text.trim();
  if (!t.startsWith('"') || !t.endsWith('"')) throw new Error(`not a quoted string: ${t.slice(0, 200)}`);
  const body = t.slice(1, -1);
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length === 1) return simple[e] ?? e;
    return String.fromCodePoint(parseInt(e.slice(1), 16));
  });
}

const maxLine = 48_000; // bufio.Scanner in the console reads lines of up to 64 KiB

/** Evaluates every expression; each result is Terraform's `jsonencode` text, or null when Terraform errors. */
export async function evaluateWithTerraform(cli: TerraformCli, dir: string, exprs: string[]): Promise<{ results: (string | null)[]; processes: number }> {
  const results: (string | null)[] = new Array(exprs.length).fill(null);
  let processes = 0;
  const batches: number[][] = [];
  let current: number[] = [];
  let size = 0;
  exprs.forEach((e, i) => {
    const cost = e.length + 40;
    if (current.length > 0 && size + cost > maxLine) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(i);
    size += cost;
  });
  if (current.length) batches.push(current);

  const runBatch = async (ids: number[]): Promise<void> => {
    const line = `jsonencode([${ids.map((i) => `try(jsonencode(${exprs[i]}), null)`).join(', ')}])`;
    processes++;
    const r = await runConsole(cli, dir, line);
    // An untyped `null` argument makes some functions unknown in the console: isolate such cases too.
    if (r.code === 0 && !r.stdout.includes('(known after apply)')) {
      const list = JSON.parse(decodeGoQuoted(r.stdout)) as (string | null)[];
      if (list.length !== ids.length) throw new Error(`terraform returned ${list.length} results for ${ids.length} expressions`);
      ids.forEach((id, k) => (results[id] = list[k]));
      return;
    }
    // A static error (one try() cannot catch) fails the whole batch: split to find it.
    if (ids.length === 1) {
      results[ids[0]] = null;
      return;
    }
    const half = Math.ceil(ids.length / 2);
    await runBatch(ids.slice(0, half));
    await runBatch(ids.slice(half));
  };
  for (const b of batches) await runBatch(b);
  return { results, processes };
}
