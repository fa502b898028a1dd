// What a provider can verify, per resource type: the table `driftlens types` prints and the README's
// type list and least-privilege policy are made from.

/**
 * How far a type is verified. `deep`: every attribute the mapper reads is compared; `existence+tags` (AWS) and
 * `existence+location+tags` (Azure): the resource is found or missing, its tags (and location) compared, the rest
 * of the block reported as "existence and tags only".
 */
export type CoverageDepth = 'deep' | 'existence+tags' | 'existence+location+tags';

export interface TypeCoverage {
  /** `aws_instance`, `azurerm_storage_account`, `azapi_resource`. */
  type: string;
  /** The Terraform provider: `aws`, `azurerm`, `azapi`. */
  provider: string;
  depth: CoverageDepth;
  /** What is read: `ec2:DescribeInstances`, `Microsoft.Storage/storageAccounts@2023-05-01`, `cloudcontrol:GetResource AWS::Lambda::Function`. */
  reads: string;
  /** Read permissions the type needs (IAM actions, ARM `…/read` actions). */
  permissions: string[];
  /** How it is read when that is not obvious (data-plane objects, IDs that are not resource paths), or why not. */
  note?: string;
}
