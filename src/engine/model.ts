// The engine's vocabulary, shared by the IaC index, the providers, the comparison,
// the reports and both front-ends. No `vscode` here (the CLI uses it too).
import type { Expression, Range } from '../iac/terraform/ast';

export type { Range, Position } from '../iac/terraform/ast';

/** A JSON-shaped value, as Terraform attributes and cloud APIs are compared. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** Where a piece of source lives: an absolute file path and a range in it. */
export interface SourceLocation {
  file: string;
  range: Range;
}

// ---------------------------------------------------------------------------
// What the code declares

export interface DeclaredAttribute {
  name: string;
  expr: Expression;
  nameRange: Range;
  /** The range of the value expression: what a diagnostic underlines and a quick-fix replaces. */
  valueRange: Range;
  /** Set when the attribute came from an override file: the file its ranges are in (else the declaration's file). */
  file?: string;
}

export interface DeclaredBlock {
  type: string;
  labels: string[];
  range: Range;
  body: DeclaredBody;
  /** Set when the block came from an override file: the file its ranges are in (else the declaration's file). */
  file?: string;
}

export interface DeclaredBody {
  attributes: Record<string, DeclaredAttribute>;
  /** Nested blocks in source order (`ingress`, `root_block_device`, `dynamic "x"`, `lifecycle`…). */
  blocks: DeclaredBlock[];
}

export interface DeclaredResource {
  /** `aws_instance.web`, with a `module.x.` prefix inside modules. */
  address: string;
  mode: 'managed';
  type: string;
  name: string;
  /** Provider configuration reference: `aws`, `aws.west`. */
  provider: string;
  /** Absolute path of the root module folder. */
  root: string;
  /** Absolute path of the file that declares it. */
  file: string;
  /** The whole block. */
  range: Range;
  /** `resource "aws_instance" "web"` — where a "missing" diagnostic goes. */
  headerRange: Range;
  body: DeclaredBody;
  count?: DeclaredAttribute;
  forEach?: DeclaredAttribute;
}

// ---------------------------------------------------------------------------
// What is live

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
  /** IaC files the provider reads itself (Azure: ARM templates), compared with what it fetches. */
  readonly iacSource?: ProviderIacSource;
}

/** What a provider's own IaC source contributes to a scan. */
export interface ProviderIacScan {
  resources: ResourceResult[];
  errors: ScanError[];
  /** Live IDs of what it declares (for the unmanaged listing). */
  declaredIds: string[];
}

export interface ProviderIacSource {
  /** Index the files under `dir`, fetch and compare; live results go into `cache` for `recompare`. */
  scan(dir: string, ctx: FetchContext, cache: Map<string, LiveResult>): Promise<ProviderIacScan>;
  /** Compare again from `cache` only (no API call), reading files through `read` (unsaved editor text). */
  recompare(dir: string, cache: ReadonlyMap<string, LiveResult>, read: (absPath: string) => Promise<string | undefined>): Promise<ProviderIacScan>;
}

/** Comparison metadata for one attribute, declared by the type's mapper. */
export interface AttributeSchema {
  /** A list compared order-insensitively (`vpc_security_group_ids`). */
  set?: boolean;
  /** A tag map: the live map must equal the declared one, ignoring the cloud's own keys (`aws:…`). */
  tagMap?: boolean;
  /** A nested block: only declared sub-attributes are compared; `set` blocks ignore order. */
  block?: 'list' | 'set';
  /** Sub-attributes of a block or object. */
  attributes?: Record<string, AttributeSchema>;
  /** An enum the API may return in another case. */
  caseInsensitive?: boolean;
  /** Masked as "(sensitive)" everywhere, never fixable. */
  sensitive?: boolean;
  /** Applied to both the declared and the live value before comparing (e.g. security-group rules → expanded rule tuples). */
  normalize?: (value: Value) => Value;
  /** Severity of a difference, when the mapper knows better than the default policy (a live value that exposes the resource). */
  severity?: Severity | ((expected: Value, actual: Value, extraLive?: Value[]) => Severity);
}

export interface TypeSchema {
  attributes: Record<string, AttributeSchema>;
}

// ---------------------------------------------------------------------------
// What the comparison finds

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
}

export interface ScanError {
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

// ---------------------------------------------------------------------------
// One Terraform module (a folder of .tf / .tf.json files), as the index reads it

export interface FileIndex {
  /** Absolute path. */
  file: string;
  /** Syntax errors and warnings; a file with errors still contributes what it could read. */
  diagnostics: { severity: 'error' | 'warning'; message: string; range: Range }[];
}

export interface DeclaredVariable {
  name: string;
  file: string;
  range: Range;
  default?: DeclaredAttribute;
  sensitive: boolean;
}

export interface DeclaredLocal {
  name: string;
  file: string;
  attribute: DeclaredAttribute;
}

export interface DeclaredProvider {
  /** `aws` or `aws.west` (name + alias). */
  configName: string;
  name: string;
  alias?: string;
  file: string;
  range: Range;
  body: DeclaredBody;
}

export interface DeclaredModuleCall {
  name: string;
  file: string;
  range: Range;
  /** The `source` literal, when it is one. */
  source?: string;
  body: DeclaredBody;
}

export interface DeclaredImport {
  /** `to` address as written. */
  to: string;
  /** `id` attribute (may be an expression). */
  id?: DeclaredAttribute;
  file: string;
  range: Range;
}

export interface ModuleIndex {
  /** Absolute folder path. */
  dir: string;
  files: FileIndex[];
  resources: DeclaredResource[];
  /** `data` blocks, kept for reference resolution (as DeclaredResource with mode-like info in address `data.x.y`). */
  dataSources: DeclaredResource[];
  variables: Record<string, DeclaredVariable>;
  locals: Record<string, DeclaredLocal>;
  providers: DeclaredProvider[];
  moduleCalls: DeclaredModuleCall[];
  imports: DeclaredImport[];
  /** `terraform { backend "x" {…} }`: the backend type, when configured. */
  backend?: string;
}
