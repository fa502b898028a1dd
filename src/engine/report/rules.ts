// The finding kinds, with the stable codes the editor and the SARIF output share.
import type { Severity } from '../../model';

export const DOCS_URL = 'https://github.com/driftlens/driftlens';

export interface RuleInfo {
  id: 'drift.changed' | 'drift.missing' | 'drift.unverified';
  name: string;
  short: string;
  full: string;
}

export const RULES: readonly RuleInfo[] = [
  { id: 'drift.changed', name: 'DriftChanged', short: 'Live value differs from the code', full: 'A live cloud attribute no longer matches the value the code declares for it.' },
  { id: 'drift.missing', name: 'DriftMissing', short: 'Resource no longer exists', full: 'The cloud API says the resource recorded in state no longer exists (deleted or terminated).' },
  { id: 'drift.unverified', name: 'DriftUnverified', short: 'Resource could not be verified', full: 'DriftLens could not read the live resource (permissions, throttling, unsupported type, not in state).' },
];

export const helpUri = (id: string): string => `${DOCS_URL}#${id.replace('.', '-')}`;

/** A resource the cloud says no longer exists: one severity in SARIF, JSON and the editor. */
export const MISSING_SEVERITY = 'error' satisfies Severity;
