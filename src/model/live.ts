// What is live: bindings of declared instances to cloud IDs, what a provider answers for each, and
// the provider interface the engine calls (AWS, Azure).
import type { ArmSeverity, ArmTarget } from './arm';
import type { TypeCoverage } from './coverage';
import type { ChangedBy, ScanError, Severity, UnmanagedResource } from './findings';
import type { Value } from './values';

/** One declared resource instance tied to its cloud identity, ready to fetch. */
export interface Binding {
  /** Instance address: `aws_instance.web`, `aws_instance.web[0]`, `aws_instance.web["api"]`. */
  address: string;
  type: string;
  liveId: string;
  /** Provider-specific placement: AWS region / profile, Azure subscription… */
  providerConfig: ProviderConfig;
  /** Top-level attribute and block names the code declares (mappers fetch only what is needed). */
  declaredAttributes: string[];
  /** Known declared values (blocks as lists of objects), for mappers that pick a live element the code names. */
  declared?: Record<string, Value>;
  /**
   * Top-level string attributes state records for the instance (not the sensitive ones), so a provider can
   * check it asks the account and region the resource lives in (AWS: `arn`, `owner_id`). Never reported.
   */
  stateAttributes?: Record<string, string>;
}

export interface ProviderConfig {
  /** `aws`, `azurerm` … */
  provider: string;
  /** `west` for `aws.west`. */
  alias?: string;
  region?: string;
  profile?: string;
  /** Literal attributes of the provider block that providers may use (e.g. `default_tags`, `subscription_id`). */
  settings: Record<string, Value>;
  /**
   * Settings the block writes whose value is unknown (a variable without a value), by path (`region`,
   * `assume_role.role_arn`) → why. A provider must not guess them: resources it would place by them are unverified.
   */
  unknown?: Record<string, string>;
  /** The module instance whose own provider block this is (`module.net`); absent for the root's. */
  module?: string;
}

export type LiveErrorKind = 'access-denied' | 'throttled' | 'timeout' | 'network' | 'credentials' | 'unsupported' | 'cancelled' | 'other';

export type LiveResult =
  /** The live resource, mapped into Terraform attribute shape by the type's mapper. */
  | {
      status: 'found';
      attributes: Record<string, Value>;
      /**
       * Attributes the API answer lacked (an emulator's partial shape, a stopped instance's released public IP):
       * attribute name → why. Declared ones are unverified with that reason, never drift.
       */
      unreadable?: Record<string, string>;
    }
  /** The API said, for this very ID, that it does not exist (or it is terminated). */
  | { status: 'not-found'; reason?: string }
  /** We could not see it. Never drift, never missing. `action` names the IAM action / ARM permission for access-denied. */
  | { status: 'error'; kind: LiveErrorKind; reason: string; action?: string };

export interface FetchProgress {
  /** Number of bindings answered so far, out of `total`. */
  done: number;
  total: number;
  message?: string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface FetchContext {
  signal: AbortSignal;
  logger: Logger;
  progress?: (p: FetchProgress) => void;
}

/** A cloud plugged into the engine (AWS, Azure). Implementations load their SDKs lazily. */
export interface LiveStateProvider {
  /** The Terraform provider name it serves: `aws`, `azurerm`. */
  readonly name: string;
  /** Other Terraform providers whose resources it reads too (Azure: `azapi`, the same Resource Manager). */
  readonly serves?: readonly string[];
  /** Types it has a mapper for; every other type is reported unverified ("unsupported type"). */
  supports(type: string): boolean;
  /** Fetch every binding in as few calls as possible. Must answer every binding, never throw for one binding's error. */
  fetch(bindings: Binding[], ctx: FetchContext): Promise<Map<Binding, LiveResult>>;
  /**
   * How a type's attributes compare (sets, nested blocks, sensitivity, normalizers). Without it, values compare as written.
   * `liveId`: the instance's own ID, for normalizations that refer to the resource itself (a security-group rule naming its own group).
   */
  schema?(type: string, liveId?: string | null): TypeSchema | undefined;
  /** The live ID of an instance state does not know, from its declared attributes (Azure: name + resource group + subscription). */
  deriveId?(type: string, attributes: Record<string, Value | undefined>, config: ProviderConfig): string | undefined;
  /**
   * Live resources near the declared ones (Azure: their resource groups; AWS: the VPCs its last `fetch` saw) that no code declares.
   * `errors`: what could not be listed (reported as warnings, never as missing or drift).
   */
  listUnmanaged?(declaredIds: string[], ctx: FetchContext): Promise<{ unmanaged: UnmanagedResource[]; errors: string[] }>;
  /**
   * ARM templates this provider can compare (Azure): where a template without a `.driftlens.json` deploys, and how a
   * template property's drift is rated. The engine indexes the templates and fetches them through `fetch`.
   */
  readonly armTemplates?: { target: ArmTarget; severity: ArmSeverity };
  /** Every type it verifies, with depth, what it reads and the permissions it needs (`driftlens types`). */
  coverage?(): TypeCoverage[];
  /**
   * Problems of the last `fetch` that belong to no one resource, each once (AWS: GetCallerIdentity failed, so
   * the account cross-check was skipped). Reported with the scan's errors; never a verdict on a resource.
   */
  fetchNotes?(): ScanError[];
  /**
   * Unmanaged resources read through the same mappers as `fetch`, as the arguments a `resource` block for them
   * would write (`driftlens import`). Answers every item: importable, or why not (an error is never "missing").
   */
  readUnmanaged?(items: UnmanagedResource[], ctx: FetchContext): Promise<Map<UnmanagedResource, ImportRead>>;
  /**
   * Who last changed each resource, from the cloud's audit log (AWS CloudTrail LookupEvents, the Azure Activity Log), read only.
   * Answers every target: the change, or a quiet note (no permission, no event in the window). Never throws for one target.
   */
  lastChanges?(targets: AttributionTarget[], ctx: FetchContext): Promise<Map<AttributionTarget, AttributionAnswer>>;
  /** Arguments whose change the provider can only make by replacing the resource (its schema's ForceNew), for `type`. */
  forcesReplacement?(type: string): readonly string[];
}

/** What `driftlens import` writes for one unmanaged resource. */
export interface ImportableResource {
  status: 'importable';
  /** The arguments a user writes (the provider schema's Required / Optional ones), with live values in Terraform shape. */
  arguments: Record<string, Value>;
  /** Arguments written as nested blocks (one block per list element): `ingress`, `root_block_device`. */
  blocks?: string[];
  /** Arguments holding other resources' IDs (a string or a list of them) → the Terraform type they name. */
  references?: Record<string, string>;
  /** The ID Terraform's import takes, when it is not the live ID. */
  importId?: string;
}

export type ImportRead = ImportableResource | { status: 'not-importable'; reason: string } | Exclude<LiveResult, { status: 'found' }>;

/** Comparison metadata for one attribute, declared by the type's mapper. */
export interface AttributeSchema {
  /** A list compared order-insensitively (`vpc_security_group_ids`). */
  set?: boolean;
  /** A tag map: the live map must equal the declared one, ignoring the cloud's own keys (`aws:…`). */
  tagMap?: boolean;
  /** A nested block: only declared sub-attributes are compared; `set` blocks ignore order. */
  block?: 'list' | 'set';
  /** A `set` block whose elements the provider identifies by these sub-attributes (its Set hash): matched by them, then compared sub-attribute by sub-attribute. */
  key?: string[];
  /** With `key`: the provider reads only the elements the code names (aws_instance `network_interface`), so other live elements are not drift. */
  onlyDeclared?: boolean;
  /** Sub-attributes of a block or object. */
  attributes?: Record<string, AttributeSchema>;
  /**
   * What the code means when it writes no such attribute (a group whose rules are all standalone rule
   * resources owns none inline: `[]`). Compared at the block header; absent: an unwritten attribute is "don't care".
   */
  implied?: Value;
  /** An enum the API may return in another case. */
  caseInsensitive?: boolean;
  /** Masked as "(sensitive)" everywhere, never fixable. */
  sensitive?: boolean;
  /** Applied to both the declared and the live value before comparing (e.g. security-group rules → expanded rule tuples). */
  normalize?: (value: Value) => Value;
  /** A normalized list whose order still matters (a Terraform TypeList such as `network_interface_ids`); normalized lists are sets otherwise. */
  ordered?: boolean;
  /** Severity of a difference, when the mapper knows better than the default policy (a live value that exposes the resource). */
  severity?: Severity | ((expected: Value, actual: Value, extraLive?: Value[]) => Severity);
  /**
   * The value is a Resource Manager payload (azapi `body`) and the live value the GET answer: each path the
   * code declares compares by Resource Manager's rules (case, sets, write-only secrets), rated by `severity`.
   * `absent`: why a declared path the GET does not return is unverified instead of drift (azapi's `ignore_missing_property`).
   */
  armPayload?: { severity?: ArmSeverity; absent?: string };
}

export interface TypeSchema {
  attributes: Record<string, AttributeSchema>;
}

/** A drifted or missing resource to attribute: where it lives, as the scan fetched it. */
export interface AttributionTarget {
  address: string;
  type: string;
  liveId: string;
  config: ProviderConfig;
}

export type AttributionAnswer = { changedBy: ChangedBy } | { note: string };
