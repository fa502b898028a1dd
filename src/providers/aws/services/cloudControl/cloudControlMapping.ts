// One row of the Cloud Control table: how a Terraform type is found and read through GetResource.

export interface CloudControlMapping {
  cfn: string;
  /** The state attribute holding the CloudFormation primary identifier, when the Terraform ID is not it. */
  idFrom?: string;
  /** State attributes whose values, joined with `|`, make a compound primary identifier (in the schema's order). */
  idParts?: string[];
  /** A transform of the Terraform ID (an ARN's last segment); undefined when it cannot be told from ID and state. */
  idOf?: (id: string, state: Record<string, string>) => string | undefined;
  /** Why idOf gives no identifier, for the unverified reason. */
  noId?: string;
  /**
   * A sub-resource read through its parent: the property the parent must hold for it to exist (as the
   * provider's read function removes it from state when the parent's attribute is empty).
   */
  requires?: string;
  /**
   * Like `requires`, for one element of a parent's list: the element whose `key` equals `value(id, state)`
   * (without `key`, a list of strings holding the value itself).
   */
  requiresItem?: { list: string; key?: string; value: (id: string, state: Record<string, string>) => string | undefined };
  /** The property holding tags (`Tags` unless named here; `false`: the type has none). */
  tags?: string | false;
  props?: Record<string, string>;
  /** Properties CloudFormation returns as strings while Terraform holds numbers. */
  numeric?: string[];
  /** Read permissions of the type's CloudFormation read handler, beside cloudcontrol:GetResource. */
  permissions: string[];
}
