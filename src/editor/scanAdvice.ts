// What to tell a person after a scan, from what actually went wrong: the error kinds the engine gives
// (syntax, state, credentials, provider, config), which clouds the unverified resources belong to, and
// how many roots share the reason. Pure (no vscode): plain-Node tests pin the words.
import type { ResourceResult, ScanError, ScanErrorKind } from '../model';
import { mainReason, shortReason } from './rootLabels';

export type AdviceAction = 'settings' | 'signInAzure' | 'logs';

export interface ScanAdvice {
  level: 'error' | 'warning';
  message: string;
  /** The button that fits the cause, with a settings search (`aws`, `terraform`) where it opens settings. */
  action: AdviceAction;
  settingsQuery?: string;
  /** Same cause, same advice: the toast is shown again only when this changes. */
  key: string;
}

export interface ScanOutcome {
  resources: readonly ResourceResult[];
  errors: readonly ScanError[];
}

const CLOUD_OF: Record<string, 'AWS' | 'Azure'> = { aws: 'AWS', azurerm: 'Azure', azapi: 'Azure', arm: 'Azure' };

/** The advice for a scan, or undefined when it verified something and nothing failed to read. */
export function scanAdvice(scans: readonly ScanOutcome[]): ScanAdvice | undefined {
  const resources = scans.flatMap((s) => s.resources);
  const errors = scans.flatMap((s) => s.errors);
  const verified = resources.filter((r) => r.status !== 'unverified').length;
  if (resources.length > 0 && verified === 0) {
    const reason = mainReason(resources) ?? 'unknown reason';
    const roots = new Set(resources.filter((r) => r.status === 'unverified').map((r) => r.resource.root)).size;
    const where = roots > 1 ? ` (in ${roots} root modules)` : '';
    const kind = mainKind(errors);
    const clouds = [...new Set(resources.map((r) => CLOUD_OF[r.provider.split('.')[0]] ?? CLOUD_OF[r.provider]).filter(Boolean))];
    const { hint, action, settingsQuery } = hintFor(kind, clouds);
    return {
      level: 'warning',
      message: `DriftLens could not verify any of the ${resources.length} resources: ${reason}${where}. ${hint}`,
      action, ...(settingsQuery ? { settingsQuery } : {}),
      key: `none:${kind ?? ''}:${reason}`,
    };
  }
  const failed = errors.filter((e) => e.severity === 'error');
  if (failed.length > 0) {
    const kinds = [...new Set(failed.map((e) => e.kind ?? 'config'))];
    const first = shortReason(failed[0].message, undefined, 80);
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : '';
    return {
      level: 'warning',
      message: `DriftLens scanned what it could, but ${describeKinds(kinds)} kept some resources from being read: ${first}${more}. See the Drift view or the logs.`,
      action: 'logs',
      key: `some:${kinds.join(',')}:${failed.length}`,
    };
  }
  return undefined;
}

/** The kind most errors have (credentials before state before the rest on a tie: it is the one to fix first). */
function mainKind(errors: readonly ScanError[]): ScanErrorKind | undefined {
  const order: ScanErrorKind[] = ['credentials', 'state', 'syntax', 'provider', 'config'];
  const counts = new Map<ScanErrorKind, number>();
  for (const e of errors) counts.set(e.kind ?? 'config', (counts.get(e.kind ?? 'config') ?? 0) + 1);
  let best: ScanErrorKind | undefined;
  for (const k of order) if ((counts.get(k) ?? 0) > 0 && (best === undefined || counts.get(k)! > counts.get(best)!)) best = k;
  return best;
}

function hintFor(kind: ScanErrorKind | undefined, clouds: string[]): { hint: string; action: AdviceAction; settingsQuery?: string } {
  switch (kind) {
    case 'state':
      return { hint: 'DriftLens reads each resource\'s cloud ID from Terraform state: run it where terraform.tfstate is, or let it run `terraform state pull` for a backend (setting driftlens.terraform.remoteState).', action: 'settings', settingsQuery: 'terraform' };
    case 'syntax':
      return { hint: 'Fix the errors shown in Problems, then scan again.', action: 'logs' };
    case 'credentials':
      if (clouds.length === 1 && clouds[0] === 'Azure') return { hint: 'Sign in to Azure, or check the subscription in the settings.', action: 'signInAzure' };
      if (clouds.includes('Azure')) return { hint: 'Check the AWS profile and region in the settings, and sign in to Azure.', action: 'settings', settingsQuery: 'aws' };
      return { hint: 'Check the AWS profile and region in the settings, or your credentials.', action: 'settings', settingsQuery: 'aws' };
    case 'provider':
      return { hint: 'The cloud API did not answer as expected: the logs have the details.', action: 'logs' };
    case 'config':
      return { hint: 'Check the DriftLens settings.', action: 'settings' };
    default:
      return { hint: 'The Drift view and the logs say why for each resource.', action: 'logs' };
  }
}

function describeKinds(kinds: ScanErrorKind[]): string {
  const words: Record<ScanErrorKind, string> = { syntax: 'syntax errors', state: 'state problems', credentials: 'sign-in problems', provider: 'cloud API errors', config: 'setting problems' };
  return kinds.map((k) => words[k]).join(' and ');
}
