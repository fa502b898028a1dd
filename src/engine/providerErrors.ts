// Provider failures are about an account, a region or an endpoint, not about one resource: no
// credentials, a refused connection, throttling, a 403 on a whole Describe call. Reported once per
// provider configuration and reason, with how many resource instances it left unverified.
import type { LiveErrorKind, LiveResult, ProviderConfig, ScanError, ScanErrorKind } from '../model';

export interface FetchedAnswer {
  config: ProviderConfig;
  result: LiveResult;
}

/** Which errors a report lists, and how loud. Unsupported types and cancellation are not failures of the cloud. */
const CLASSES: Partial<Record<LiveErrorKind, { kind: ScanErrorKind; severity: ScanError['severity'] }>> = {
  credentials: { kind: 'credentials', severity: 'error' },
  network: { kind: 'provider', severity: 'error' },
  timeout: { kind: 'provider', severity: 'error' },
  throttled: { kind: 'provider', severity: 'warning' },
  'access-denied': { kind: 'provider', severity: 'warning' },
  other: { kind: 'provider', severity: 'warning' },
};

/** `aws.west (region us-west-2, profile prod)`: what the provider configuration says about where it looked. */
export function placementOf(config: ProviderConfig): string {
  const name = config.alias ? `${config.provider}.${config.alias}` : config.provider;
  const where = [config.region && `region ${config.region}`, config.profile && `profile ${config.profile}`].filter(Boolean);
  return where.length ? `${name} (${where.join(', ')})` : name;
}

export function providerErrors(answers: Iterable<FetchedAnswer>): ScanError[] {
  const groups = new Map<string, { error: ScanError; count: number }>();
  for (const { config, result } of answers) {
    if (result.status !== 'error') continue;
    const cls = CLASSES[result.kind];
    if (!cls) continue;
    const placement = placementOf(config);
    const key = `${placement}\u0000${result.kind}\u0000${result.reason}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { error: { kind: cls.kind, message: `${placement}: ${result.reason}`, severity: cls.severity }, count: 1 });
  }
  return [...groups.values()].map(({ error, count }) => ({ ...error, message: `${error.message} (${count} resource instance${count === 1 ? '' : 's'} not verified)` }));
}

/**
 * When a provider could not be signed in to or reached at all (an error for it above), its own warnings
 * about the same session (an identity check that could not run either) only repeat the cause: left out.
 */
export function withoutSubsumed(reported: readonly ScanError[], aggregated: readonly ScanError[]): ScanError[] {
  const failed = new Set(aggregated.filter((e) => e.severity === 'error').map((e) => /^[\w-]+/.exec(e.message)?.[0]));
  return reported.filter((e) => {
    if (e.severity !== 'warning' || (e.kind !== 'credentials' && e.kind !== 'provider') || e.file) return true;
    const provider = /^([\w-]+)[.: (]/.exec(e.message)?.[1];
    return !provider || !failed.has(provider);
  });
}
