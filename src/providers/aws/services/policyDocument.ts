// IAM policy documents compared as IAM (and the Terraform provider's awspolicyequivalence) does:
// statement order, a single value vs a one-element list, an account ID vs its root ARN principal, and
// whitespace never matter; `Version` and every statement element do. The API returns documents
// URL-encoded (GetRole, GetPolicyVersion, GetRolePolicy); the provider decodes them (url.QueryUnescape).
import type { Severity, Value } from '../../../model';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const LIST_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource'];

const sortedUnique = (xs: string[]) => [...new Set(xs)].sort();
const asList = (v: Json): Json[] => (Array.isArray(v) ? v : [v]);

/** `123456789012` and `arn:aws:iam::123456789012:root` name the same principal; IAM stores the ARN. */
function principalValue(v: string): string {
  return /^\d{12}$/.test(v) ? `arn:aws:iam::${v}:root` : v;
}

function principal(p: Json): Json {
  if (typeof p === 'string') return p === '*' ? '*' : { AWS: [principalValue(p)] };
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return p;
  const out: Record<string, Json> = {};
  for (const k of Object.keys(p).sort()) out[k] = sortedUnique(asList(p[k]).map((x) => principalValue(String(x))));
  return out;
}

function condition(c: Json): Json {
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return c;
  const out: Record<string, Json> = {};
  for (const op of Object.keys(c).sort()) {
    const keys = c[op];
    if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) {
      out[op] = keys;
      continue;
    }
    const inner: Record<string, Json> = {};
    // Condition values are strings to IAM: true and "true" match the same requests.
    for (const k of Object.keys(keys).sort()) inner[k] = sortedUnique(asList(keys[k]).map((x) => String(x)));
    out[op] = inner;
  }
  return out;
}

function statement(s: Json): Json {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return s;
  const out: Record<string, Json> = {};
  for (const k of Object.keys(s).sort()) {
    const v = s[k];
    if (k === 'Sid' && v === '') continue;
    if (LIST_ELEMENTS.includes(k)) out[k] = sortedUnique(asList(v).map((x) => String(x)));
    else if (k === 'Principal' || k === 'NotPrincipal') out[k] = principal(v);
    else if (k === 'Condition') out[k] = condition(v);
    else out[k] = v;
  }
  return out;
}

/** The document as parsed JSON, decoding the API's URL encoding when the text is encoded. */
export function parsePolicy(text: string): Json | undefined {
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // Try the decoded form next.
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** A canonical JSON string for the document; a value that is not a JSON document is returned unchanged. */
export function normalizePolicy(v: Value): Value {
  if (typeof v !== 'string' || v === '') return v;
  const doc = parsePolicy(v);
  if (doc === undefined || doc === null || typeof doc !== 'object' || Array.isArray(doc)) return v;
  const out: Record<string, Json> = {};
  for (const k of Object.keys(doc).sort()) {
    out[k] = k === 'Statement' ? asList(doc[k]).map(statement).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : doc[k];
  }
  return JSON.stringify(out);
}

/** Allow statements granting every action, or to every principal (`*`). */
function wideGrants(v: Value): string[] {
  if (typeof v !== 'string') return [];
  const doc = parsePolicy(v);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || doc === undefined) return [];
  return asList(doc.Statement ?? [])
    .map(statement)
    .filter((s): s is Record<string, Json> => s !== null && typeof s === 'object' && !Array.isArray(s) && s.Effect === 'Allow')
    .filter((s) => (Array.isArray(s.Action) && s.Action.includes('*')) || s.Principal === '*' || (s.Principal as Record<string, Json> | undefined)?.AWS?.toString() === '*')
    .map((s) => JSON.stringify(s));
}

/** A policy widened to `*` (a new Allow of every action or to everyone) is an error; another change a warning. */
export function policySeverity(expected: Value, actual: Value): Severity {
  const before = new Set(wideGrants(normalizePolicy(expected)));
  return wideGrants(normalizePolicy(actual)).some((s) => !before.has(s)) ? 'error' : 'warning';
}

/** AWS managed policies that grant administrator rights: attaching one by hand is an error. */
export const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|IAMFullAccess|PowerUserAccess)$/;
