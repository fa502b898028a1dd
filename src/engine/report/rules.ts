// The finding kinds, with the stable codes the editor and the SARIF output share.
import type { Severity } from '../../model';

export const DOCS_URL = 'https://github.com/driftlens/driftlens';

export interface RuleInfo {
  id: 'drift.changed' | 'drift.missing' | 'drift.unverified';
  name: string;
  short: string;
  full: string;
  /** What to do about it: shown by code-scanning dashboards beside each result. */
  help: string;
}

export const RULES: readonly RuleInfo[] = [
  { id: 'drift.changed', name: 'DriftChanged', short: 'Live value differs from the code', full: 'A live cloud attribute no longer matches the value the code declares for it.', help: 'Someone changed the resource outside Terraform (console, CLI, another tool). Decide which side is right: update the code to the live value (the editor quick-fix or `driftlens fix`), or run `terraform apply -target=<address>` to put the code back live. Security exposure (open ingress, public access, encryption off, TLS lowered) is an error.' },
  { id: 'drift.missing', name: 'DriftMissing', short: 'Resource no longer exists', full: 'The cloud API says the resource recorded in state no longer exists (deleted or terminated).', help: 'Asked in the account and region the resource lives in, the API answered "not found" for its ID. Recreate it with `terraform apply -target=<address>`, or remove it from the code and `terraform state rm <address>` if the deletion was intended.' },
  { id: 'drift.unverified', name: 'DriftUnverified', short: 'Resource could not be verified', full: 'DriftLens could not read the live resource (permissions, throttling, unsupported type, not in state).', help: 'Not verified is never drift. The reason says what to change: grant the read permission it names, give the variable a value (`--var`, `--var-file`, `TF_VAR_…`), make the state readable, or check `driftlens types` for the depth a type is verified to.' },
];

export const helpUri = (id: string): string => `${DOCS_URL}#${id.replace('.', '-')}`;

/** A resource the cloud says no longer exists: one severity in SARIF, JSON and the editor. */
export const MISSING_SEVERITY = 'error' satisfies Severity;
