// Batched Describe* by ID: chunks of IDs, every NextToken followed, and a per-ID NotFound
// answered by retrying the rest of the chunk without the IDs the error names (bisecting
// when the message names none we asked for).
import type { DescribeOperation, Ec2Caller, Output } from './client';
import { classifyError, type LiveError } from './errors';
import type { Limiter } from './limiter';

export interface DescribeSpec<Item> {
  operation: DescribeOperation;
  /** The SDK input member carrying the IDs: `InstanceIds`, `GroupIds`… */
  idsParam: string;
  /** The items of one page (DescribeInstances flattens reservations). */
  items(output: Output): Item[];
  idOf(item: Item): string | undefined;
  /** Error codes that mean "these IDs do not exist" (including the `.Malformed` variants). */
  notFoundCodes: readonly string[];
  /** IDs per call. */
  chunkSize: number;
}

export type IdOutcome<Item> =
  | { kind: 'found'; item: Item }
  | { kind: 'not-found'; reason: string }
  | { kind: 'error'; error: LiveError };

export interface DescribeContext {
  caller: Ec2Caller;
  limit: Limiter;
  signal: AbortSignal;
  /** Called once per API call, for counting and debug logs (never with response bodies). */
  onCall?: (operation: string) => void;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The requested IDs an error message names, e.g. "The instance IDs 'i-1, i-2' do not exist". */
export function idsNamedIn(message: string, ids: readonly string[]): string[] {
  return ids.filter((id) => new RegExp(`(^|[^\\w-])${escapeRe(id)}($|[^\\w-])`).test(message));
}

export async function describeByIds<Item>(spec: DescribeSpec<Item>, ids: readonly string[], ctx: DescribeContext): Promise<Map<string, IdOutcome<Item>>> {
  const out = new Map<string, IdOutcome<Item>>();
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += spec.chunkSize) chunks.push(unique.slice(i, i + spec.chunkSize));
  await Promise.all(chunks.map((c) => describeChunk(spec, c, ctx, out)));
  return out;
}

async function describeChunk<Item>(spec: DescribeSpec<Item>, ids: string[], ctx: DescribeContext, out: Map<string, IdOutcome<Item>>): Promise<void> {
  if (ids.length === 0) return;
  try {
    const items = await allPages(spec, ids, ctx);
    const byId = new Map<string, Item>();
    for (const item of items) {
      const id = spec.idOf(item);
      if (id !== undefined) byId.set(id, item);
    }
    for (const id of ids) {
      const item = byId.get(id);
      // An ID the service neither returned nor called NotFound is unknown, not missing.
      out.set(id, item !== undefined ? { kind: 'found', item } : { kind: 'error', error: { status: 'error', kind: 'other', reason: `${spec.operation} did not return ${id}` } });
    }
  } catch (e) {
    const code = (e as { name?: string })?.name ?? '';
    if (!spec.notFoundCodes.includes(code)) {
      const error = classifyError(e, spec.operation, ctx.signal);
      for (const id of ids) out.set(id, { kind: 'error', error });
      return;
    }
    const named = idsNamedIn(String((e as Error).message ?? ''), ids);
    if (named.length > 0 || ids.length === 1) {
      const gone = named.length > 0 ? named : ids;
      const reason = code.endsWith('.Malformed') ? `malformed ID (${code})` : `not found (${code})`;
      for (const id of gone) out.set(id, { kind: 'not-found', reason });
      await describeChunk(spec, ids.filter((id) => !gone.includes(id)), ctx, out);
      return;
    }
    // NotFound without a usable list of IDs: halve until each NotFound is pinned to one ID.
    const mid = Math.ceil(ids.length / 2);
    await Promise.all([describeChunk(spec, ids.slice(0, mid), ctx, out), describeChunk(spec, ids.slice(mid), ctx, out)]);
  }
}

async function allPages<Item>(spec: DescribeSpec<Item>, ids: string[], ctx: DescribeContext): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    // MaxResults is not sent: several Describe* refuse it together with IDs; the service
    // (or an emulator) may still page, so every NextToken is followed.
    const input: Record<string, unknown> = { [spec.idsParam]: ids, ...(token ? { NextToken: token } : {}) };
    const output = await ctx.limit(() => {
      if (ctx.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      ctx.onCall?.(spec.operation);
      return ctx.caller.call(spec.operation, input, ctx.signal);
    });
    items.push(...spec.items(output));
    token = output.NextToken || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw Object.assign(new Error(`${spec.operation} returned the same NextToken twice`), { name: 'PagingLoop' });
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}
