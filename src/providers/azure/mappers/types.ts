// The contract of one Azure resource-type mapper: ARM JSON in, azurerm attribute shape out, plus
// the normalizations and the severity policy for that type's attributes.
import type { AttributeSchema, Severity, Value } from '../../../model';

/** A resource as ARM returns it (the raw JSON body of a GET). */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  sku?: Record<string, unknown>;
  kind?: string;
  zones?: string[];
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Severity of a difference: fixed, or from the values (`extraLive`: live set elements the code lacks). */
export type SeverityRule = Severity | ((expected: Value, actual: Value, extraLive?: Value[]) => Severity);

/**
 * How one attribute is compared: the engine's AttributeSchema (sets, blocks, case, normalizers)
 * plus the severity of a difference (default: the engine's policy).
 */
export interface AttributePolicy extends Omit<AttributeSchema, 'attributes'> {
  attributes?: Record<string, AttributePolicy>;
  severity?: SeverityRule;
}

export interface AzureMapper {
  /** `azurerm_storage_account`; several azurerm types may share one ARM type. */
  type: string;
  /** `Microsoft.Storage/storageAccounts`. */
  armType: string;
  /** The attributes this mapper reads from the API, with their comparison policy. Others are not verified. */
  attributes: Record<string, AttributePolicy>;
  /**
   * The live resource in azurerm attribute shape. `extras` holds sub-resource GETs by path; `declared` the
   * code's known values, for types whose read picks an element by a declared name (AKS `default_node_pool`).
   */
  map(arm: ArmResource, extras: Record<string, ArmResource | undefined>, declared?: Record<string, Value>, stateId?: string): Record<string, Value>;
  /**
   * The ARM ID to GET for the ID azurerm keeps in state, when it is not a plain resource path
   * (`<target>|<name>` of a diagnostic setting, `<nic>|<nsg>` of an association). An object names why it cannot be read.
   */
  armId?(stateId: string, declared?: Record<string, Value>): string | { unreadable: string };
  /**
   * The api-version to read one resource at, from its declared values (azapi: the `@version` of its `type`);
   * before `apiVersion` and discovery.
   */
  apiVersionOf?(declared: Record<string, Value> | undefined): string | undefined;
  /**
   * Why the resource does not exist although its ARM parent answered (an association whose property
   * is gone from the subnet: azurerm's read then drops it from state). Undefined when it exists.
   */
  absentReason?(arm: ArmResource, stateId: string): string | undefined;
  /**
   * The ARM ID from the declared name + resource_group_name (+ parent names) and a subscription,
   * for code without state. Undefined when an identifying attribute is not known.
   */
  deriveId?(attrs: Record<string, Value | undefined>, subscriptionId: string): string | undefined;
  /**
   * Declared attributes this GET answer says nothing about, where azurerm's read keeps the value from state
   * instead (mssql database `license_type` when the service omits it): unverified with the reason, never drift.
   */
  unreadAttributes?(arm: ArmResource): Record<string, string>;
  /** The api-version azurerm itself uses, for types whose newest stable version is not the one to read (a preview-only API). */
  apiVersion?: string;
  /** deriveId builds the whole ID from declared IDs (azapi `parent_id`, `resource_id`): no subscription needed. */
  idFromAttributes?: boolean;
  /** How `driftlens types` says it is read, when that is not obvious (data-plane IDs, metadata only). */
  coverageNote?: string;
  /** Sub-resources to GET as well (`config/web`), only when one of `when` is declared. */
  extras?: { path: string; when: string[] }[];
  /**
   * Other resources to GET by an ID the resource names, at their own api-version (a role assignment's
   * role definition), only when one of `when` is declared. The answer reaches `map` as `extras[key]`; a
   * failed GET leaves only the `when` attributes unverified.
   */
  related?: { key: string; when: string[]; id(arm: ArmResource): string | undefined; apiVersion: string; permission: string }[];
}
