// Which root module (and module instance) a finding belongs to, in words short enough for a tree row,
// a CodeLens or a quick-fix title. Pure, so plain-Node tests cover it.
import type { ResourceResult, ScanError } from '../model';

/** `envs/dev` for a root below the workspace folder; the folder's own name for the folder itself. */
export function rootLabel(root: string, folder: string): string {
  const r = trimSlash(root.replace(/\\/g, '/'));
  const f = trimSlash(folder.replace(/\\/g, '/'));
  if (r === f) return f.split('/').pop() || f;
  if (r.startsWith(`${f}/`)) return r.slice(f.length + 1);
  return r.split('/').pop() || r;
}

/** `module.app` for `module.app.aws_instance.this`, `module.a["x"].module.b` for nested instances; '' at the root. */
export function moduleInstanceOf(address: string): string {
  const parts = splitAddress(address);
  let end = 0;
  while (end + 1 < parts.length && parts[end] === 'module') end += 2;
  return parts.slice(0, end).join('.');
}

/** The address without its module prefix: `aws_instance.this`. */
export function localAddress(address: string): string {
  const prefix = moduleInstanceOf(address);
  return prefix ? address.slice(prefix.length + 1) : address;
}

/** Address parts split on dots outside brackets (`module.a["x.y"]` stays one part with its key). */
function splitAddress(address: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '.' && depth === 0) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts;
}

/**
 * Where a finding belongs, for messages and titles: `envs/dev` when the workspace has several roots,
 * else undefined (one root needs no name). Module instances are already in the address.
 */
export function rootContext(result: Pick<ResourceResult, 'resource'>, folder: string, roots: number): string | undefined {
  return roots > 1 ? rootLabel(result.resource.root, folder) : undefined;
}

/**
 * A reason short enough for a CodeLens or a tree row: absolute paths made relative to `base`, SDK detail
 * after the first sentence dropped, cut at `max` characters. The full text stays in the hover and the log.
 */
export function shortReason(reason: string, base?: string, max = 60): string {
  let text = reason.split('\n')[0].trim();
  if (base) {
    const b = trimSlash(base.replace(/\\/g, '/'));
    text = text.split(`${b}/`).join('').split(` in ${b}`).join('');
  }
  // "…: Access denied. RequestId: …" → the first sentence.
  const sentence = /^(.{12,}?[.!?])\s/.exec(text);
  if (sentence) text = sentence[1];
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The reason most unverified resources share (ties: the first seen), shortened relative to each one's root. */
export function mainReason(results: readonly Pick<ResourceResult, 'status' | 'reason' | 'resource'>[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of results) {
    if (r.status !== 'unverified') continue;
    const key = shortReason(r.reason ?? 'unknown reason', r.resource.root);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [reason, n] of counts) if (best === undefined || n > counts.get(best)!) best = reason;
  return best;
}

function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/**
 * A scan problem as a tree row: the short reason, and beside it what ran or what to run — the command
 * behind "remote state unavailable" and "not installed; run terraform init" — else the kind of problem.
 */
export function problemRow(error: Pick<ScanError, 'message' | 'kind'>, root: string): { label: string; description: string } {
  const label = shortReason(error.message, root, 80);
  if (/^remote state unavailable:/i.test(error.message)) return { label, description: 'ran: terraform state pull' };
  if (/is not installed; run terraform init/.test(error.message)) return { label, description: 'run: terraform init' };
  return { label, description: error.kind ?? '' };
}
