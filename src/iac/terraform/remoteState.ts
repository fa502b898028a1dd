// Identity beyond a local state file: `terraform state pull` for a configured backend (through the
// user's own CLI and credentials, read-only), and `import` blocks with literal ids.
import { execFile } from 'node:child_process';
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve as resolvePath, sep } from 'node:path';
import type { DeclaredImport, ModuleIndex } from '../../model';
import { literalValue } from './literal';

export interface StatePullOptions {
  /** The CLI to run: a machine-scoped setting or `--terraform` flag; default `terraform` on PATH. */
  terraformPath?: string;
  /** Default 60 s: a backend behind a slow network still answers; a hung one does not block the scan. */
  timeoutMs?: number;
  /** Default 256 MiB: larger output is refused rather than buffered. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Environment for the CLI (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

export type StatePullFailure = 'cli-missing' | 'not-initialized' | 'no-state' | 'timeout' | 'too-large' | 'cancelled' | 'invalid-output' | 'failed';

export type StatePullResult =
  | { ok: true; text: string }
  | { ok: false; kind: StatePullFailure; reason: string };

/** A backend other than `local` is configured and no local state file exists: state must be pulled. */
export function needsRemoteState(index: Pick<ModuleIndex, 'backend'>, hasLocalState: boolean): boolean {
  return index.backend !== undefined && index.backend !== 'local' && !hasLocalState;
}

const prefix = 'remote state unavailable: ';
const NOT_INITIALIZED = 'backend not initialized — run terraform init';

/**
 * The answer `terraform state pull` would give in a root module that was never initialized — no
 * `.terraform` folder among `names`, and no TF_DATA_DIR naming another: "Backend initialization
 * required". Given without running the CLI, which costs ~0.15 s a root: 45 such roots of the public
 * module corpus were 6 s of a 12.5 s scan (issue 17). Undefined: run it — a listing that came back
 * empty says nothing, and a CLI that cannot be found is for the run to report (a wrong --terraform).
 */
export function uninitializedRoot(root: string, names: readonly string[], options: { terraformPath?: string; env: Record<string, string | undefined> }): StatePullResult | undefined {
  const { env } = options;
  if (names.length === 0 || names.includes('.terraform') || env.TF_DATA_DIR) return undefined;
  if (!cliFound(root, options.terraformPath?.trim() || 'terraform', env)) return undefined;
  return { ok: false, kind: 'not-initialized', reason: prefix + NOT_INITIALIZED };
}

/** Whether `bin` names an executable file, as execFile would look for it (PATH, and PATHEXT on Windows). */
function cliFound(cwd: string, bin: string, env: Record<string, string | undefined>): boolean {
  const exts = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  const named = isAbsolute(bin) || bin.includes('/') || bin.includes(sep);
  // A copy of Windows' environment keeps its key as written (`Path`): look the name up without case there.
  const path = process.platform === 'win32' ? Object.entries(env).find(([k]) => k.toUpperCase() === 'PATH')?.[1] : env.PATH;
  const candidates = named ? [resolvePath(cwd, bin)] : (path ?? '').split(delimiter).filter(Boolean).map((d) => join(d, bin));
  return candidates.some((c) => exts.some((e) => isExecutableFile(c + e)));
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Runs `terraform state pull` in the root module folder. Never throws. */
export function pullRemoteState(root: string, options: StatePullOptions = {}): Promise<StatePullResult> {
  const bin = options.terraformPath?.trim() || 'terraform';
  const timeout = options.timeoutMs ?? 60_000;
  const maxBuffer = options.maxBytes ?? 256 * 1024 * 1024;
  const env = { ...(options.env ?? process.env), TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
  const fail = (kind: StatePullFailure, why: string): StatePullResult => ({ ok: false, kind, reason: prefix + why });
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve(fail('cancelled', 'cancelled'));
      return;
    }
    execFile(
      bin,
      ['state', 'pull'],
      { cwd: root, timeout, maxBuffer, env, shell: false, windowsHide: true, encoding: 'utf8', signal: options.signal, killSignal: 'SIGTERM' },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(parsePulled(stdout, fail));
          return;
        }
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number | null };
        if (e.code === 'ENOENT') resolve(fail('cli-missing', options.terraformPath ? `terraform not found at ${bin}` : 'terraform not found on PATH'));
        else if (e.code === 'EACCES') resolve(fail('cli-missing', `${bin} is not executable`));
        else if (e.name === 'AbortError' || options.signal?.aborted) resolve(fail('cancelled', 'cancelled'));
        else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') resolve(fail('too-large', `state is larger than ${Math.round(maxBuffer / 1024 / 1024)} MiB`));
        else if (e.killed || e.signal) resolve(fail('timeout', `terraform state pull did not finish within ${Math.round(timeout / 1000)} s`));
        else resolve(explainFailure(String(stderr ?? ''), fail));
      },
    );
  });
}

function parsePulled(stdout: string, fail: (k: StatePullFailure, w: string) => StatePullResult): StatePullResult {
  const text = stdout.trim();
  // With a backend that holds no state yet, `state pull` succeeds and prints nothing.
  if (text === '') return fail('no-state', 'the backend holds no state yet');
  try {
    const parsed = JSON.parse(text) as { version?: unknown };
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.version !== 'number') return fail('invalid-output', 'terraform state pull printed something that is not a state file');
  } catch {
    return fail('invalid-output', 'terraform state pull printed something that is not JSON');
  }
  return { ok: true, text };
}

/** Terraform's diagnostics, minus colour codes and box drawing. */
function plainLines(stderr: string): string[] {
  return stderr
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s│╷╵]+/, '').trim())
    .filter((l) => l !== '');
}

function explainFailure(stderr: string, fail: (k: StatePullFailure, w: string) => StatePullResult): StatePullResult {
  const lines = plainLines(stderr);
  const text = lines.join('\n');
  if (/Backend initialization required|terraform init|Initialization required|Required plugins are not installed|Backend configuration changed/i.test(text)) {
    return fail('not-initialized', NOT_INITIALIZED);
  }
  // The CLI prints warnings (e.g. about its config file) before the error: report the error.
  const error = lines.find((l) => l.startsWith('Error:')) ?? lines[0] ?? 'terraform state pull failed';
  return fail('failed', scrubSecrets(error.replace(/^Error:\s*/, '')).slice(0, 300));
}

/** Credentials a backend error message may echo (URLs with passwords, keys, tokens, SAS signatures). */
export function scrubSecrets(text: string): string {
  return text
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '$1****************')
    .replace(/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1(redacted)@')
    .replace(/\b(sig|signature|token|access_key|secret_key|secret|password|client_secret|sas_token|x-amz-security-token)(["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi, '$1$2(redacted)')
    .replace(/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g, 'Bearer (redacted)');
}

/**
 * Cloud ids that `import` blocks give literally, by target address (`aws_instance.web` → `i-0abc`).
 * An id written as an expression, or an import with `for_each`, is left to the evaluator.
 */
export function importedIds(imports: readonly DeclaredImport[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const imp of imports) {
    if (!imp.id) continue;
    const id = literalValue(imp.id.expr);
    if (typeof id === 'string' && id !== '' && !imp.to.includes('each.')) out.set(imp.to.trim(), id);
  }
  return out;
}
