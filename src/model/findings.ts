// What the comparison finds: per resource a status, per attribute a drift or an unverified reason,
// and the scan result every report and surface reads.
import type { Range } from './ast';
import type { DeclaredResource } from './declared';
import type { SourceLocation, Value } from './values';

export type ResourceStatus = 'in-sync' | 'drifted' | 'missing' | 'unverified';
export type Severity = 'error' | 'warning' | 'info';

export interface Drift {
  /** `instance_type`, `tags.Env`, `ingress`, `root_block_device.volume_size`. */
  attribute: string;
  expected: Value;
  actual: Value;
  severity: Severity;
  /** The attribute's value in the resource block: where the squiggle goes. */
  location: SourceLocation;
  /** Where the literal that produced the expected value is written (a variable default, a tfvars line); the quick-fix edits it. Absent when not a literal. */
  origin?: SourceLocation;
  /** A quick-fix can rewrite `origin` to the live value. False for sensitive or computed values. */
  fixable: boolean;
  /** The expected value was given outside any file (`TF_VAR_region`, `--var region`): names it, as why no quick-fix applies. */
  givenBy?: string;
  sensitive: boolean;
  /** "instance_type: code says t3.micro, live is t3.large" */
  message: string;
}

export interface UnverifiedAttribute {
  attribute: string;
  reason: string;
  location: SourceLocation;
}

export interface ResourceResult {
  /** Instance address. */
  address: string;
  type: string;
  provider: string;
  /** The declared resource this instance comes from (shared by all instances of a count/for_each). */
  resource: DeclaredResource;
  liveId: string | null;
  status: ResourceStatus;
  reason?: string;
  drifts: Drift[];
  unverifiedAttributes: UnverifiedAttribute[];
  /** Normalized desired and live attribute maps, for the diff view (sensitive values masked). */
  desired?: Record<string, Value>;
  live?: Record<string, Value>;
}

export interface UnmanagedResource {
  type: string;
  liveId: string;
  region?: string;
  name?: string;
  /** The service or owner that created it (listed only with --include-service-managed): the tag or owner that proves it. */
  managedBy?: string;
}

/**
 * What kind of problem kept something from being read: the code (`syntax`), a state file (`state`),
 * sign-in (`credentials`), a cloud API or endpoint (`provider`), or the scan's own settings (`config`).
 */
export type ScanErrorKind = 'syntax' | 'state' | 'credentials' | 'provider' | 'config';

export interface ScanError {
  /** Absent only in errors made before kinds existed; reports read it as `config`. */
  kind?: ScanErrorKind;
  /** Absolute path, when the error is about a file. */
  file?: string;
  range?: Range;
  message: string;
  severity: 'error' | 'warning';
}

export interface ScanSummary {
  resources: number;
  inSync: number;
  drifted: number;
  missing: number;
  unverified: number;
  unmanaged: number;
  /** Resources whose live state was read: in sync + drifted + missing. Zero means the scan verified nothing. */
  verified: number;
}

export interface ScanResult {
  scannedAt: string;
  /** The directory as given. */
  root: string;
  resources: ResourceResult[];
  unmanaged: UnmanagedResource[];
  errors: ScanError[];
  summary: ScanSummary;
}
