// Request parameters of the EC2 Query protocol: flat `Name.N` lists, `Filter.N.Name` /
// `Filter.N.Value.M`, and MaxResults/NextToken paging, validated like the service does.
import { createHash } from 'node:crypto';
import { Ec2Error } from './xml';

export type Params = Record<string, string>;

/** `InstanceId.1`, `InstanceId.2`… in index order. */
export function listParam(params: Params, name: string): string[] {
  const out: [number, string][] = [];
  const re = new RegExp(`^${name.replace('.', '\\.')}\\.(\\d+)$`);
  for (const [k, v] of Object.entries(params)) {
    const m = re.exec(k);
    if (m) out.push([Number(m[1]), v]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

export interface Filter {
  name: string;
  values: string[];
}

export function filters(params: Params): Filter[] {
  const out: Filter[] = [];
  for (let n = 1; params[`Filter.${n}.Name`] !== undefined; n++) {
    out.push({ name: params[`Filter.${n}.Name`], values: listParam(params, `Filter.${n}.Value`) });
  }
  return out;
}

/** Keeps the items that match every filter; `getters` name the filters this action knows. */
export function applyFilters<T>(items: T[], fs: Filter[], getters: Record<string, (item: T) => string[]>, tags?: (item: T) => Record<string, string> | undefined): T[] {
  let out = items;
  for (const f of fs) {
    if (f.name.startsWith('tag:') && tags) {
      const key = f.name.slice(4);
      out = out.filter((i) => {
        const v = tags(i)?.[key];
        return v !== undefined && f.values.includes(v);
      });
      continue;
    }
    const get = getters[f.name];
    if (!get) throw new Ec2Error('InvalidParameterValue', `The filter '${f.name}' is invalid`);
    out = out.filter((i) => get(i).some((v) => f.values.includes(v)));
  }
  return out;
}

export interface PageRule {
  action: string;
  /** The ID list parameter name (`InstanceId`). */
  idParam: string;
  /** The service refuses MaxResults together with explicit IDs for this action. */
  maxResultsExcludesIds: boolean;
  /** The service's message for that combination (its wording differs per action). */
  combinationMessage: string;
  /** MaxResults bounds when not EC2's usual 5–1000 (DescribeLaunchTemplateVersions: 1–200). */
  maxResults?: [number, number];
}

/**
 * One page of `items`. Pages when MaxResults is given, and also — like some emulators —
 * at `fakePageSize` even when IDs are given.
 */
export function page<T>(items: T[], params: Params, rule: PageRule, fakePageSize: number | undefined): { items: T[]; nextToken?: string } {
  const ids = listParam(params, rule.idParam);
  const maxRaw = params.MaxResults;
  let max: number | undefined;
  if (maxRaw !== undefined) {
    if (ids.length > 0 && rule.maxResultsExcludesIds) {
      throw new Ec2Error('InvalidParameterCombination', rule.combinationMessage);
    }
    max = Number(maxRaw);
    const [low, high] = rule.maxResults ?? [5, 1000];
    if (!Number.isInteger(max) || max < low || max > high) {
      throw new Ec2Error('InvalidParameterValue', `Value ( ${maxRaw} ) for parameter maxResults is invalid. Expecting a value ${low === 5 ? 'greater than 5' : `between ${low} and ${high}`}.`);
    }
  }
  const size = Math.min(max ?? Infinity, fakePageSize ?? Infinity);
  const fingerprint = requestFingerprint(params);
  let offset = 0;
  if (params.NextToken !== undefined) offset = decodeToken(params.NextToken, rule.action, fingerprint);
  const slice = items.slice(offset, offset + (Number.isFinite(size) ? size : items.length));
  const next = offset + slice.length;
  return { items: slice, nextToken: next < items.length ? encodeToken(rule.action, fingerprint, next) : undefined };
}

// A token is only valid for the request it came from (same action and parameters).
function requestFingerprint(params: Params): string {
  const keys = Object.keys(params).filter((k) => k !== 'NextToken' && k !== 'MaxResults').sort();
  return createHash('sha256').update(keys.map((k) => `${k}=${params[k]}`).join('&')).digest('hex').slice(0, 16);
}

function encodeToken(action: string, fingerprint: string, offset: number): string {
  return Buffer.from(JSON.stringify({ a: action, f: fingerprint, o: offset })).toString('base64');
}

function decodeToken(token: string, action: string, fingerprint: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { a: string; f: string; o: number };
    if (t.a === action && t.f === fingerprint && Number.isInteger(t.o) && t.o >= 0) return t.o;
  } catch {
    // fall through to the service's answer for a bad token
  }
  throw new Ec2Error('InvalidParameterValue', `Invalid value '${token}' for nextToken`);
}
