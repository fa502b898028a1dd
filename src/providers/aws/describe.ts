// Batched Describe* by ID: chunks of IDs, every NextToken followed, and a per-ID NotFound
// answered by retrying the rest of the chunk without the IDs the error names, each of those
// confirmed on its own (bisecting when the message names none, or all, of what we asked).
import type { DescribeOperation, Ec2Caller, Output } from './client';
import { classifyError, type LiveError } from './errors';
import type { Limiter } from '../limiter';

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
  /** The service answers an unknown ID with an empty set, never an error (DescribeFlowLogs): not returned is not found. */
  absentIsNotFound?: boolean;
  /** Request members sent with every batch (DescribeKeyPairs: `IncludePublicKey`). */
  request?: Record<string, unknown>;
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

const MAX_PAGES = 1000;

/**
 * `items` in slices of at most `size` distinct describe IDs (every item of one ID in the same slice;
 * those without one in a slice of their own, first). A caller asks, maps and drops one slice's API objects before the
 * next: a Describe answer is ~6 KB an instance as the SDK parses it, so 10,000 at once were the
 * fetch's peak (issue 15). With `size` = chunkSize × concurrency the calls and waves stay the same.
 */
export function describeSlices<T>(items: readonly T[], idOf: (item: T) => string | undefined, size: number): T[][] {
  const noId: T[] = [];
  const slices: T[][] = [];
  const sliceOf = new Map<string, T[]>();
  let fill = size;
  for (const item of items) {
    const id = idOf(item);
    if (id === undefined) {
      noId.push(item);
      continue;
    }
    let slice = sliceOf.get(id);
    if (!slice) {
      if (fill >= size) {
        slices.push([]);
        fill = 0;
      }
      slice = slices[slices.length - 1];
      sliceOf.set(id, slice);
      fill++;
    }
    slice.push(item);
  }
  return noId.length > 0 ? [noId, ...slices] : slices;
}

/** Named suspects up to this many are confirmed one call each; more are halved. */
const CONFIRM_ONE_BY_ONE = 8;

/** Per describeByIds call: set once an error message named an ID that then turned out to exist. */
interface Trust {
  messagesUnreliable: boolean;
}

export async function describeByIds<Item>(spec: DescribeSpec<Item>, ids: readonly string[], ctx: DescribeContext): Promise<Map<string, IdOutcome<Item>>> {
  const out = new Map<string, IdOutcome<Item>>();
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += spec.chunkSize) chunks.push(unique.slice(i, i + spec.chunkSize));
  const trust: Trust = { messagesUnreliable: false };
  await Promise.all(chunks.map((c) => describeChunk(spec, c, ctx, out, trust)));
  return out;
}

/**
 * One batch. A NotFound is only a verdict for a request of exactly one ID: emulators name IDs
 * loosely (moto names every requested VPC, security group and volume, or one arbitrary subnet,
 * existing or not), so IDs a message names are suspects, confirmed on their own while the rest
 * of the batch is asked again without them. With no usable names, the batch is halved.
 */
async function describeChunk<Item>(spec: DescribeSpec<Item>, ids: string[], ctx: DescribeContext, out: Map<string, IdOutcome<Item>>, trust: Trust): Promise<void> {
  if (ids.length === 0) return;
  try {
    const items = await allPages(spec, ids, ctx);
    const byId = new Map<string, Item>();
    for (const item of items) {
      const id = spec.idOf(item);
      // Items we did not ask for (an emulator that ignores the ID list) are never bound.
      if (id !== undefined) byId.set(id.trim(), item);
    }
    for (const id of ids) {
      const item = byId.get(id);
      // An ID the service neither returned nor called NotFound is unknown, not missing.
      if (item === undefined && spec.absentIsNotFound) out.set(id, { kind: 'not-found', reason: `${spec.operation} has no ${id}` });
      else out.set(id, item !== undefined ? { kind: 'found', item } : { kind: 'error', error: { status: 'error', kind: 'other', reason: `${spec.operation} did not return ${id}` } });
    }
  } catch (e) {
    const code = (e as { name?: string })?.name ?? '';
    if (!spec.notFoundCodes.includes(code)) {
      const error = classifyError(e, spec.operation, ctx.signal);
      for (const id of ids) out.set(id, { kind: 'error', error });
      return;
    }
    if (ids.length === 1) {
      out.set(ids[0], { kind: 'not-found', reason: code.endsWith('.Malformed') ? `malformed ID (${code})` : `not found (${code})` });
      return;
    }
    const named = trust.messagesUnreliable ? [] : idsNamedIn(String((e as Error).message ?? ''), ids);
    if (named.length > 0 && named.length < ids.length) {
      const rest = ids.filter((id) => !named.includes(id));
      await Promise.all([confirm(spec, named, ctx, out, trust), describeChunk(spec, rest, ctx, out, trust)]);
      return;
    }
    // No usable names (none, or all we sent): halve until each NotFound is pinned to one ID.
    const mid = Math.ceil(ids.length / 2);
    await Promise.all([describeChunk(spec, ids.slice(0, mid), ctx, out, trust), describeChunk(spec, ids.slice(mid), ctx, out, trust)]);
  }
}

/** Asks for each suspect on its own (few) or halves them (many); a suspect that exists discredits the messages. */
async function confirm<Item>(spec: DescribeSpec<Item>, suspects: string[], ctx: DescribeContext, out: Map<string, IdOutcome<Item>>, trust: Trust): Promise<void> {
  if (suspects.length <= CONFIRM_ONE_BY_ONE) await Promise.all(suspects.map((id) => describeChunk(spec, [id], ctx, out, trust)));
  else await describeChunk(spec, suspects, ctx, out, trust);
  if (suspects.some((id) => out.get(id)?.kind === 'found')) trust.messagesUnreliable = true;
}

async function allPages<Item>(spec: DescribeSpec<Item>, ids: string[], ctx: DescribeContext): Promise<Item[]> {
  // MaxResults is not sent: several Describe* refuse it together with IDs; the service
  // (or an emulator) may still page, so every NextToken is followed.
  return (await allPagesOf(spec.operation, { ...spec.request, [spec.idsParam]: ids }, ctx)).flatMap((o) => spec.items(o));
}

/** Every page of one request, following each NextToken; a repeated token or endless paging is an error, never a loop. */
export async function allPagesOf(operation: DescribeOperation, request: Record<string, unknown>, ctx: DescribeContext): Promise<Output[]> {
  const pages: Output[] = [];
  await eachPageOf(operation, request, ctx, (page) => pages.push(page));
  return pages;
}

/**
 * allPagesOf, with each page handed to `onPage` before the next is asked, so a long listing keeps
 * what it takes from each page and never all the pages' SDK objects at once (issue 15). A failure
 * on a later page still fails the whole request: callers commit what they took only when it resolves.
 */
export async function eachPageOf(operation: DescribeOperation, request: Record<string, unknown>, ctx: DescribeContext, onPage: (page: Output) => void): Promise<void> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const input: Record<string, unknown> = { ...request, ...(token ? { NextToken: token } : {}) };
    const output = await ctx.limit(() => {
      if (ctx.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      ctx.onCall?.(operation);
      return ctx.caller.call(operation, input, ctx.signal);
    });
    onPage(output);
    token = output.NextToken?.trim() || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw Object.assign(new Error(`${operation} returned the same NextToken twice`), { name: 'PagingLoop' });
      // No request of ours needs this many pages (a chunk of IDs, or a listing at 1,000 per page): the endpoint never ends.
      if (seen.size >= MAX_PAGES) throw Object.assign(new Error(`${operation} was still paging after ${MAX_PAGES} pages`), { name: 'PagingLoop' });
      seen.add(token);
    }
  } while (token !== undefined);
}
