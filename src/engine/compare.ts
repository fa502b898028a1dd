// Code vs live, attribute by attribute, only for what the code says. Unknown is never drift: it is
// reported as an unverified attribute. Sets ignore order, empties are equal, `aws:` tags are AWS's own.
import type { AttributeSchema, Drift, Severity, SourceLocation, TypeSchema, UnverifiedAttribute, Value } from '../model';
import type { DesiredBlocks, DesiredBody, DesiredEntry } from './desired';
import type { EvalValue } from '../iac/terraform/evalValue';
import { firstUnknown, isSensitive, toValue } from '../iac/terraform/evalValue';
import { isEmpty, scalarEquals, setDifference, sortedSet, valueEquals } from './valueEquality';
import { severityOf } from './severity';
import { compareArmPayload } from './armPayload';
import { firstDriftedBlock } from './driftedBlock';
import { holdsSensitive, isSensitiveAttribute, safeReason } from '../iac/sensitive';

export const SENSITIVE = '(sensitive)';

/** Why a declared (sub-)attribute the type's mapper does not read is unverified. */
export const NOT_READ = 'not read by DriftLens';

export interface Comparison {
  drifts: Drift[];
  unverified: UnverifiedAttribute[];
}

interface Ctx {
  type: string;
  out: Comparison;
  /** The resource block's header: where a live block element the code does not declare is reported (never on a declared sibling block). */
  header?: SourceLocation;
}

/** Tag keys AWS itself sets (`aws:cloudformation:stack-name`…); a user cannot write them. */
const isSystemTag = (key: string) => key.toLowerCase().startsWith('aws:');

export function compareResource(type: string, desired: DesiredBody, live: Record<string, Value>, schema: TypeSchema | undefined, unreadable?: Record<string, string>, header?: SourceLocation): Comparison {
  const ctx: Ctx = { type, out: { drifts: [], unverified: [] }, ...(header ? { header } : {}) };
  for (const [name, entry] of desired.entries) {
    // `x = null` is Terraform's "not set": nothing to compare, nothing to fetch.
    if (entry.kind === 'attribute' && entry.value.kind === 'scalar' && entry.value.value === null) continue;
    // The API answer lacked it: we cannot see it, which is never drift.
    const lacking = unreadable?.[name];
    if (lacking !== undefined) {
      ctx.out.unverified.push({ attribute: name, reason: lacking, location: entry.location });
      continue;
    }
    const attrSchema = schema?.attributes[name];
    if (!(name in live) && !attrSchema) {
      ctx.out.unverified.push({ attribute: name, reason: `the ${type} mapper does not read "${name}"`, location: entry.location });
      continue;
    }
    compareEntry(ctx, name, entry, live[name], attrSchema ?? {});
  }
  // An attribute the code leaves out but whose value it still implies (rules owned by standalone resources elsewhere).
  for (const [name, attrSchema] of Object.entries(schema?.attributes ?? {})) {
    if (attrSchema.implied === undefined || desired.entries.has(name) || !header || unreadable?.[name] !== undefined || !(name in live)) continue;
    compareKnown(ctx, name, undefined, attrSchema.implied, live[name], attrSchema, header);
  }
  return ctx.out;
}

function compareEntry(ctx: Ctx, path: string, entry: DesiredEntry, live: Value | undefined, schema: AttributeSchema): void {
  if (entry.kind === 'dynamic') {
    ctx.out.unverified.push({ attribute: path, reason: entry.reason, location: entry.location });
    return;
  }
  if (entry.kind === 'blocks') {
    compareBlocks(ctx, path, entry, live, schema);
    return;
  }
  if (schema.armPayload) {
    const r = compareArmPayload(path, entry.value, live, entry.location, schema.armPayload);
    ctx.out.drifts.push(...r.drifts);
    ctx.out.unverified.push(...r.unverified);
    return;
  }
  compareValue(ctx, path, entry.value, live, schema, entry.location);
}

function compareValue(ctx: Ctx, path: string, ev: EvalValue, live: Value | undefined, schema: AttributeSchema, location: SourceLocation): void {
  if (ev.kind === 'unknown') {
    unverifiedAt(ctx, path, ev.reason, location, ev.sensitive);
    return;
  }
  // `x = null` is Terraform's "not set": the code does not care.
  if (ev.kind === 'scalar' && ev.value === null) return;
  if (schema.normalize || schema.set || schema.block === 'set') {
    compareWhole(ctx, path, ev, live, schema, location);
    return;
  }
  if (ev.kind === 'map' && (schema.tagMap || path === 'tags')) {
    compareTags(ctx, path, ev, live, schema, location);
    return;
  }
  if (ev.kind === 'map') {
    const liveObj = live !== null && typeof live === 'object' && !Array.isArray(live) ? live : {};
    for (const [key, sub] of ev.entries) {
      // An object whose keys the schema lists: a key it does not list (and the mapper did not answer) is not read.
      if (schema.attributes && !(key in schema.attributes) && !(key in liveObj)) notRead(ctx, `${path}.${key}`, locate(sub, location));
      else compareValue(ctx, `${path}.${key}`, sub, liveObj[key], schema.attributes?.[key] ?? {}, locate(sub, location));
    }
    return;
  }
  if (ev.kind === 'list') {
    compareWhole(ctx, path, ev, live, schema, location);
    return;
  }
  if (!scalarEquals(ev.value, live, schema.caseInsensitive)) addDrift(ctx, path, ev, ev.value, live, schema, location);
}

/** Lists, sets and normalized attributes compare as one value. */
function compareWhole(ctx: Ctx, path: string, ev: EvalValue, live: Value | undefined, schema: AttributeSchema, location: SourceLocation): void {
  const u = firstUnknown(ev);
  if (u) {
    unverifiedAt(ctx, path, u.reason, location, u.sensitive || isSensitive(ev));
    return;
  }
  compareKnown(ctx, path, ev, toValue(ev) as Value, live, schema, location);
}

function compareKnown(ctx: Ctx, path: string, ev: EvalValue | undefined, expectedRaw: Value, liveRaw: Value | undefined, schema: AttributeSchema, location: SourceLocation, extrasOnlyAt?: SourceLocation): void {
  const normalize = schema.normalize ?? ((v: Value) => v);
  let expected: Value;
  let actual: Value;
  try {
    expected = normalize(expectedRaw);
    actual = normalize(liveRaw ?? null);
  } catch (err) {
    unverifiedAt(ctx, path, `cannot normalize: ${err instanceof Error ? err.message : String(err)}`, location, ev !== undefined && isSensitive(ev));
    return;
  }
  const unordered = !!(schema.set || schema.block === 'set' || (schema.normalize && !schema.ordered));
  if (unordered && (Array.isArray(expected) || isEmpty(expected)) && (Array.isArray(actual) || isEmpty(actual))) {
    const e = Array.isArray(expected) ? expected : [];
    const a = Array.isArray(actual) ? actual : [];
    const extraLive = setDifference(a, e);
    const missingLive = setDifference(e, a).length;
    if (extraLive.length === 0 && missingLive === 0) return;
    // Only elements the code does not declare: no declared block is wrong, so none gets the squiggle.
    addDrift(ctx, path, ev, sortedSet(e), sortedSet(a), schema, missingLive === 0 && extrasOnlyAt ? extrasOnlyAt : location, extraLive, !schema.normalize);
    return;
  }
  if (!valueEquals(expected, actual)) addDrift(ctx, path, ev, expected, actual, schema, location, undefined, !schema.normalize);
}

function compareTags(ctx: Ctx, path: string, ev: Extract<EvalValue, { kind: 'map' }>, live: Value | undefined, schema: AttributeSchema, location: SourceLocation): void {
  const liveTags = live !== null && typeof live === 'object' && !Array.isArray(live) ? live : {};
  for (const [key, sub] of ev.entries) {
    const at = locate(sub, location);
    if (sub.kind === 'unknown') {
      unverifiedAt(ctx, `${path}.${key}`, sub.reason, at, sub.sensitive);
      continue;
    }
    const expected = toValue(sub);
    if (expected === undefined) continue;
    if (!(key in liveTags)) addDrift(ctx, `${path}.${key}`, sub, expected, null, schema, at, undefined, false);
    else if (!scalarEquals(expected, liveTags[key])) addDrift(ctx, `${path}.${key}`, sub, expected, liveTags[key], schema, at);
  }
  for (const [key, value] of Object.entries(liveTags)) {
    if (ev.entries.has(key) || isSystemTag(key)) continue;
    addDrift(ctx, `${path}.${key}`, undefined, null, value, schema, location, undefined, false);
  }
}

function compareBlocks(ctx: Ctx, path: string, entry: DesiredBlocks, live: Value | undefined, schema: AttributeSchema): void {
  if (schema.key && schema.block === 'set' && !schema.normalize) {
    compareKeyedSet(ctx, path, entry, live, schema, schema.key);
    return;
  }
  if (schema.normalize || schema.block === 'set') {
    const values: Value[] = [];
    for (const block of readableBlocks(ctx, path, entry, live, schema)) {
      const v = blockValue(block);
      if (typeof v === 'string') {
        unverifiedAt(ctx, path, v, entry.location, blockSensitive(ctx.type, path, block));
        return;
      }
      values.push(v);
    }
    const at = firstDriftedBlock(entry.blocks, values, live, schema, entry.location.file) ?? entry.location;
    compareKnown(ctx, path, undefined, values, live, schema, at, ctx.header);
    return;
  }
  // A list block (root_block_device, metadata_options): declared sub-attributes, block by block.
  const liveBlocks = Array.isArray(live) ? live : live !== null && typeof live === 'object' ? [live] : [];
  entry.blocks.forEach((block, i) => compareBody(ctx, entry.blocks.length > 1 ? `${path}[${i}]` : path, block, liveBlocks[i], schema));
}

/** One declared block against its live element: each declared sub-attribute the mapper reads. */
function compareBody(ctx: Ctx, prefix: string, block: DesiredBody, liveBlock: Value | undefined, schema: AttributeSchema): void {
  const liveObj = liveBlock !== null && typeof liveBlock === 'object' && !Array.isArray(liveBlock) ? liveBlock : {};
  for (const [name, sub] of block.entries) {
    const subSchema = schema.attributes?.[name];
    const subPath = `${prefix}.${name}`;
    // Read = the mapper answers the key or its schema names it. With no live block at all, the
    // block itself is what differs, unless the schema shows the mapper never reads this key.
    const read = name in liveObj || !!subSchema || (liveBlock === undefined && !schema.attributes);
    if (!read) {
      notRead(ctx, subPath, sub.location);
      continue;
    }
    compareEntry(ctx, subPath, sub, liveObj[name], subSchema ?? {});
  }
}

/**
 * A set of blocks whose elements the provider identifies by some sub-attributes (its Set hash:
 * `ebs_block_device` by device_name and snapshot_id): each declared block is compared with the live
 * element that has the same declared key values, sub-attribute by sub-attribute; a declared block no
 * live element matches, and a live element no block declares, are drift.
 */
function compareKeyedSet(ctx: Ctx, path: string, entry: DesiredBlocks, live: Value | undefined, schema: AttributeSchema, key: string[]): void {
  const liveEls = (Array.isArray(live) ? live : []).filter((x): x is { [k: string]: Value } => x !== null && typeof x === 'object' && !Array.isArray(x));
  const matched = new Set<number>();
  entry.blocks.forEach((block, i) => {
    const prefix = entry.blocks.length > 1 ? `${path}[${i}]` : path;
    const wanted: [string, Value][] = [];
    for (const k of key) {
      const e = block.entries.get(k);
      if (!e) continue;
      const u = e.kind === 'attribute' ? firstUnknown(e.value) : { reason: `${k} is not a plain value` };
      if (u || e.kind !== 'attribute') {
        unverifiedAt(ctx, prefix, `cannot tell which live element this is: ${u?.reason ?? k}`, e.location);
        return;
      }
      wanted.push([k, toValue(e.value) as Value]);
    }
    const j = wanted.length === 0 ? -1 : liveEls.findIndex((el, n) => !matched.has(n) && wanted.every(([k, v]) => scalarEquals(v, el[k])));
    if (j < 0) {
      const v = blockValue(block);
      addDrift(ctx, prefix, undefined, typeof v === 'string' ? Object.fromEntries(wanted) : v, null, schema, entry.location, undefined, false);
      return;
    }
    matched.add(j);
    compareBody(ctx, prefix, block, liveEls[j], schema);
  });
  if (schema.onlyDeclared) return;
  liveEls.forEach((el, n) => {
    if (!matched.has(n)) addDrift(ctx, path, undefined, null, el, schema, ctx.header ?? entry.location, undefined, false);
  });
}

/** A declared sub-attribute the mapper does not read: unverified, never drift, never in sync. */
function notRead(ctx: Ctx, path: string, location: SourceLocation): void {
  ctx.out.unverified.push({ attribute: path, reason: `${NOT_READ} (the ${ctx.type} mapper does not read "${path.replace(/\[\d+\]/g, '')}")`, location });
}

/**
 * The sub-attributes of a block compared whole (a set, normalized rules) that the mapper reads:
 * those its schema lists, or, without a list, those some live element carries. The others are
 * reported once each and left out of both sides, so they neither drift nor pass.
 */
function readableBlocks(ctx: Ctx, path: string, entry: DesiredBlocks, live: Value | undefined, schema: AttributeSchema): DesiredBody[] {
  const liveKeys = new Set<string>();
  for (const el of Array.isArray(live) ? live : []) if (el !== null && typeof el === 'object' && !Array.isArray(el)) Object.keys(el).forEach((k) => liveKeys.add(k));
  const known = (name: string) => (schema.attributes ? name in schema.attributes : liveKeys.size === 0 || liveKeys.has(name));
  const reported = new Set<string>();
  return entry.blocks.map((block) => {
    const kept = new Map<string, DesiredEntry>();
    for (const [name, sub] of block.entries) {
      if (known(name)) kept.set(name, sub);
      else if (!reported.has(name)) {
        reported.add(name);
        notRead(ctx, `${path}.${name}`, sub.location);
      }
    }
    return { ...block, entries: kept };
  });
}

/** An attribute we could not evaluate; the reason of a secret's must not quote it. */
function unverifiedAt(ctx: Ctx, path: string, reason: string, location: SourceLocation, sensitiveValue?: boolean): void {
  ctx.out.unverified.push({ attribute: path, reason: safeReason(reason, !!sensitiveValue || isSensitiveAttribute(ctx.type, path)), location });
}

/** Whether a block compared whole holds a secret: a sensitive name inside, or a sensitive value. */
function blockSensitive(type: string, path: string, block: DesiredBody): boolean {
  for (const [name, entry] of block.entries) {
    if (isSensitiveAttribute(type, `${path}.${name}`)) return true;
    if (entry.kind === 'attribute' && isSensitive(entry.value)) return true;
    if (entry.kind === 'blocks' && entry.blocks.some((b) => blockSensitive(type, `${path}.${name}`, b))) return true;
  }
  return false;
}

/** A block body as one plain object, or the reason it is not fully known. */
function blockValue(block: DesiredBody): Value | string {
  const out: { [key: string]: Value } = {};
  for (const [name, entry] of block.entries) {
    if (entry.kind === 'dynamic') return entry.reason;
    if (entry.kind === 'blocks') {
      const inner: Value[] = [];
      for (const b of entry.blocks) {
        const v = blockValue(b);
        if (typeof v === 'string') return v;
        inner.push(v);
      }
      out[name] = inner;
      continue;
    }
    const u = firstUnknown(entry.value);
    if (u) return u.reason;
    out[name] = toValue(entry.value) as Value;
  }
  return out;
}

/** Where the squiggle goes: the sub-value's own literal when it is written inside this attribute, else the attribute. */
function locate(v: EvalValue, fallback: SourceLocation): SourceLocation {
  const o = v.kind === 'unknown' ? undefined : v.origin;
  if (o && o.file === fallback.file && contains(fallback.range, o.range)) return o;
  return fallback;
}

function contains(outer: SourceLocation['range'], inner: SourceLocation['range']): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

function addDrift(ctx: Ctx, path: string, ev: EvalValue | undefined, expected: Value, actual: Value | undefined, schema: AttributeSchema, location: SourceLocation, extraLive?: Value[], fixableShape = true): void {
  // The mapper's schema, the value's own mark (a sensitive variable, `sensitive()`, state), and the
  // provider schemas' list and the name heuristic for every type, also for keys inside the value.
  const sensitive = !!schema.sensitive || (ev !== undefined && isSensitive(ev)) || holdsSensitive(ctx.type, path, expected) || holdsSensitive(ctx.type, path, actual);
  const origin = ev && ev.kind !== 'unknown' ? ev.origin : undefined;
  const shown = (v: Value | undefined): Value => (sensitive ? SENSITIVE : (v ?? null));
  const drift: Drift = {
    attribute: path,
    expected: shown(expected),
    actual: shown(actual),
    severity: mapperSeverity(schema, expected, actual ?? null, extraLive) ?? severityOf({ type: ctx.type, attribute: path, extraLive, declared: Array.isArray(expected) ? expected : undefined }),
    location,
    ...(origin ? { origin } : {}),
    ...(!origin && ev?.kind !== 'unknown' && ev?.input ? { givenBy: ev.input } : {}),
    fixable: !!origin && !sensitive && fixableShape && actual !== undefined,
    sensitive,
    message: driftMessage(path, shown(expected), shown(actual), extraLive),
  };
  ctx.out.drifts.push(drift);
}

/** The mapper's own severity for this attribute, when it declares one. */
function mapperSeverity(schema: AttributeSchema, expected: Value, actual: Value, extraLive?: Value[]): Severity | undefined {
  const rule = schema.severity;
  return typeof rule === 'function' ? rule(expected, actual, extraLive) : rule;
}

export function driftMessage(path: string, expected: Value, actual: Value, extraLive?: Value[]): string {
  if (Array.isArray(expected) && Array.isArray(actual) && extraLive) {
    const missing = setDifference(expected, actual).length;
    const parts = [];
    const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;
    if (extraLive.length) parts.push(`live has ${items(extraLive.length)} the code does not declare: ${extraLive.slice(0, 3).map(element).join('; ')}${extraLive.length > 3 ? '; …' : ''}`);
    if (missing) parts.push(`${items(missing)} declared in code ${missing === 1 ? 'is' : 'are'} not live`);
    return `${path}: ${parts.join(', ')}`;
  }
  if (expected === null) return `${path}: not in code, live is ${brief(actual)}`;
  if (actual === null) return `${path}: code says ${brief(expected)}, live has none`;
  return `${path}: code says ${brief(expected)}, live is ${brief(actual)}`;
}

/** A set element for a message: a security-group rule tuple reads as `tcp 22 from cidr:0.0.0.0/0`. */
function element(v: Value): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'protocol' in v && 'source' in v) {
    const ports = v.fromPort === v.toPort ? `${v.fromPort}` : `${v.fromPort}-${v.toPort}`;
    return `${v.protocol === '-1' ? 'all' : `${v.protocol} ${ports}`} from ${v.source}`;
  }
  return brief(v);
}

function brief(v: Value): string {
  const text = JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
