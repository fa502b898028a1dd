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
  /** When the scan history first saw this drift (ISO-8601, start of its current episode); absent without a history. */
  firstSeen?: string;
  /** With a history: not open at the previous scan (new, or back after being fixed). */
  isNew?: boolean;
}

/** Who last changed a resource, from the cloud's audit log (CloudTrail, the Azure Activity Log), when asked for. */
export interface ChangedBy {
  /** The IAM user / role session, or the Azure caller (UPN, app ID). */
  principal: string;
  via: 'console' | 'cli' | 'sdk' | 'terraform' | 'other';
  /** ISO-8601. */
  at: string;
  /** The API call (`ModifyInstanceAttribute`, `Microsoft.Compute/virtualMachines/write`). */
  action?: string;
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
  /** Missing resources with a history: when it was first seen missing; isNew as for drifts. */
  firstSeen?: string;
  isNew?: boolean;
  /** With attribution asked for (drifted or missing): the most recent change event. */
  changedBy?: ChangedBy;
  /** With attribution asked for: why there is no `changedBy` (no permission, no event in the window). Never a scan error. */
  attributionNote?: string;
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

/** A root module a scan resolved: its folder and the folders of every module it calls (local or downloaded), recursively. */
export interface ScannedRoot {
  /** Absolute. */
  dir: string;
  /** Absolute, without `dir` itself. */
  moduleDirs: string[];
}

export interface ScanResult {
  scannedAt: string;
  /** The directory as given. */
  root: string;
  resources: ResourceResult[];
  unmanaged: UnmanagedResource[];
  errors: ScanError[];
  summary: ScanSummary;
  /** The root modules this scan covered (all of them, or those `ScanOptions.roots` chose); not in the JSON report. */
  roots?: ScannedRoot[];
}
