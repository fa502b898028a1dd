// What a resource type plugs into the AWS provider: how to describe it in batches, what
// extra calls the declared attributes need, how the API object becomes Terraform
// attributes, and the normalizations the comparison must apply. One file per type.
import type { Binding, Severity, Value } from '../../model';
import type { Ec2Caller } from './client';
import type { DescribeSpec } from './describe';
import type { LiveError } from './errors';
import type { Limiter } from '../limiter';

/**
 * A nested block and every sub-attribute the mapper reads in it, as the AWS provider's schema
 * names them: `true` a value, `'tags'` a tag map, `'set'` a TypeSet of scalars, or a nested block's own shape. A declared
 * sub-attribute missing here is "not read by DriftLens" (unverified), never drift.
 */
export interface BlockShape {
  /** TypeSet in the provider's schema (order never matters); TypeList otherwise. */
  set?: boolean;
  /** For a set: the sub-attributes the provider's Set hash identifies an element by. */
  key?: string[];
  /** For a keyed set: the provider's read keeps only the elements the configuration names. */
  onlyDeclared?: boolean;
  reads: Record<string, true | 'tags' | 'set' | BlockShape>;
  /** Sub-attributes whose live value can expose the resource (IMDSv1 allowed, encryption off): rated by this, not the default policy. */
  severity?: Record<string, (expected: Value, actual: Value) => Severity>;
}

/** How the comparison treats a type's attributes (exported for the compare layer). */
export interface TypeNormalization {
  type: string;
  /** Lists of scalars whose order never matters (`vpc_security_group_ids`). */
  scalarSets: string[];
  /** Nested blocks Terraform holds as a list of at most one object (`root_block_device`). */
  singleBlocks: string[];
  /** What the mapper reads inside its nested blocks (list or set); a block without a shape reads what its live value carries. */
  blocks?: Record<string, BlockShape>;
  /**
   * Security-group style rule blocks (`ingress`, `egress`): compare the sets of tuples from
   * `expandRules` (securityGroupRules.ts) on both sides, never the blocks as written.
   */
  ruleBlocks: string[];
  /** Tag maps: `aws:` keys are ignored on both sides. */
  tagMaps: string[];
  /** Attributes only fetched when declared, with the extra IAM action they need. */
  onDemand: Record<string, string>;
  /**
   * Attributes compared through a normalizer applied to both sides (a route table's `route` set, a NACL's
   * `ingress`, NACL protocol names as numbers). `owned`: keys of elements a standalone resource in the code
   * owns (ownership.ts), left out of the set; `reads`: a block's sub-attributes the normalizer reads.
   */
  normalizers?: Record<string, { normalize(v: Value, owned: ReadonlySet<string>): Value; reads?: string[]; severity?: (expected: Value, actual: Value, extraLive?: Value[]) => Severity }>;
}

/** A key meaning "a standalone resource owns an element we cannot name" (its code is unknown): nothing is implied then. */
export const UNKNOWN_ELEMENT = '*';

/** One element of another object's set that a standalone resource owns (a rule of a group, a route of a table). */
export interface OwnedElement {
  parentId: string;
  /** The parent's attribute holding the element (`ingress`, `route`). */
  attribute: string;
  /** The element's keys, as the parent's normalizer (or securityGroupRules' ruleKey) names elements. */
  keys: string[];
}

export interface EnrichContext {
  caller: Ec2Caller;
  limit: Limiter;
  signal: AbortSignal;
  onCall?: (operation: string) => void;
}

/** Per ID: extra data, or the error that made a declared attribute unreadable. */
export type Enrichment<Extra> = Map<string, Extra | LiveError>;

/** How the unmanaged listing finds a type inside the VPCs the code manages (one filtered Describe per region and page). */
export interface VpcListing<Item> {
  /** Filters sent beside `vpc-id` (names as the API spells them: it rejects unknown ones). */
  filters: { Name: string; Values: string[] }[];
  /**
   * The filter naming the VPC, when not `vpc-id` (internet gateways: `attachment.vpc-id`); `null` when the action has
   * none (DescribeEgressOnlyInternetGateways filters only on tags): one unfiltered listing per region, kept by `vpcOf`.
   */
  vpcFilter?: string | null;
  /** MaxResults when not 1000 (EC2 caps some actions lower: DescribeEgressOnlyInternetGateways 255). */
  pageSize?: number;
  /** The request member carrying filters, when not `Filters` (DescribeNatGateways: `Filter`). */
  filterParam?: 'Filter';
  /**
   * The AWS service that created and owns an item nobody declares, with the tag or name that proves it
   * (serviceManaged.ts): left out of the unmanaged report unless --include-service-managed asks for it.
   */
  managedBy?(item: Item): string | undefined;
  /** What a person recognizes it by: the Name tag, or the group name. */
  nameOf(item: Item): string | undefined;
}

export interface AwsMapper<Item, Extra = undefined> {
  readonly type: string;
  readonly describe: DescribeSpec<Item>;
  readonly normalization: TypeNormalization;
  /** The VPC the object lives in (a VPC: itself). Scopes the unmanaged listing to the VPCs the code manages. */
  vpcOf?(item: Item): string | undefined;
  /** Listed inside managed VPCs for the unmanaged report; absent: never listed. */
  readonly listInVpcs?: VpcListing<Item>;
  /** A reason when the API still returns the object but it is gone (a terminated instance). */
  gone?(item: Item): string | undefined;
  /**
   * Resources read through the object that holds them (a rule in its group, a route in its table): the ID to
   * describe, from state or code; undefined when neither says (unverified). Absent: the binding's own live ID.
   */
  describeIdOf?(b: Binding): string | undefined;
  /** For those: why this binding's element is not in the object (the provider's read then drops it: missing). */
  goneFrom?(item: Item, b: Binding): string | undefined;
  /** Standalone resources: the elements of another object they own, from code, state and what was found live. */
  owns?(b: Binding, live: Record<string, Value> | undefined): OwnedElement[];
  /** Extra batched calls for declared attributes the Describe output lacks. `declared` maps ID → declared attribute names. */
  enrich?(items: Map<string, Item>, declared: Map<string, Set<string>>, ctx: EnrichContext): Promise<Enrichment<Extra>>;
  /**
   * The API object in Terraform attribute shape (names and value shapes of the AWS provider's schema).
   * An attribute the answer lacks is left out and named in `unreadable` with the reason — never guessed.
   */
  toAttributes(item: Item, extra: Extra | undefined, unreadable: Record<string, string>, binding?: Binding): Record<string, Value>;
}

export const isLiveError = (x: unknown): x is LiveError => typeof x === 'object' && x !== null && (x as LiveError).status === 'error';
