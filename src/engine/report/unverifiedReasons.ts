// What could not be verified, and why, counted per kind of reason: "no credentials (12)". Reasons are
// free text from resolution, providers and mappers; similar ones (the same failure for different
// resources, actions or paths) share a label so a report can lead with a few lines, not hundreds.
import type { ScanResult } from '../../model';

export interface ReasonCount {
  label: string;
  count: number;
}

export interface UnverifiedSummary {
  /** Resources not verified, by reason, most frequent first. */
  resources: ReasonCount[];
  /** Declared attributes not verified inside resources that were read, by reason. */
  attributes: ReasonCount[];
}

/** Most specific first; the first that matches names the group. */
const GROUPS: readonly [RegExp, string][] = [
  [/mapper does not read|not read by DriftLens/i, 'not read by DriftLens'],
  [/^state says (account|region)|credentials are for|(account|region) mismatch/i, 'other account or region'],
  [/^untrusted workspace|not used in an untrusted workspace/i, 'untrusted workspace'],
  [/rejected the credentials/i, 'credentials rejected'],
  [/^AWS profile "[^"]+"( \(from AWS_PROFILE\))? is not defined/i, 'unknown AWS profile'],
  [/access denied|no permission|AuthorizationFailed|Forbidden/i, 'no permission'],
  [/no (\w+ )?credentials|sso session|sign.?in/i, 'no credentials'],
  [/throttled/i, 'throttled'],
  [/timed out/i, 'timed out'],
  [/cannot reach|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|network/i, 'endpoint unreachable'],
  [/^no AWS region|region is missing/i, 'no region'],
  [/^remote state unavailable/i, 'remote state unavailable'],
  [/^state unreadable/i, 'state unreadable'],
  [/^not in state|^no id in state|^no live ID in state/i, 'not in state'],
  [/ is not in state$|: no terraform\.tfstate$/i, 'refers to a resource not in state'],
  [/^unsupported type$|^no \w+ mapper for /i, 'unsupported type'],
  [/^no live-state provider/i, 'no provider for this code'],
  [/not fetched by the last scan/i, 'not fetched: scan again'],
  [/write-only|comes from Key Vault|sensitive/i, 'secret: not readable'],
  [/cannot evaluate/i, 'cannot evaluate'],
  [/is not known|not known until apply|unknown/i, 'value not known before apply'],
];

export function reasonLabel(reason: string | undefined): string {
  const text = (reason ?? '').trim();
  if (!text) return 'unknown reason';
  for (const [pattern, label] of GROUPS) if (pattern.test(text)) return label;
  // Unlisted reasons group by their lead ("HTTP 500 InternalError: …" → "HTTP 500 InternalError").
  const lead = text.split(/: /)[0];
  return lead.length > 80 ? `${lead.slice(0, 79)}…` : lead;
}

export function unverifiedSummary(result: ScanResult): UnverifiedSummary {
  const resources = new Map<string, number>();
  const attributes = new Map<string, number>();
  const add = (into: Map<string, number>, reason: string | undefined) => {
    const label = reasonLabel(reason);
    into.set(label, (into.get(label) ?? 0) + 1);
  };
  for (const r of result.resources) {
    if (r.status === 'unverified') add(resources, r.reason);
    else for (const u of r.unverifiedAttributes) add(attributes, u.reason);
  }
  return { resources: sorted(resources), attributes: sorted(attributes) };
}

function sorted(counts: Map<string, number>): ReasonCount[] {
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** "no credentials (12), unsupported type (3)". */
export function formatCounts(counts: readonly ReasonCount[]): string {
  return counts.map((c) => `${c.label} (${c.count})`).join(', ');
}
