// ARM templates: where a template deploys, and how a provider rates a template property's drift.
import type { Severity } from './findings';
import type { Value } from './values';

/** Where the template deploys: from `.driftlens.json` beside it, or the front-end's settings. */
export interface ArmTarget {
  subscriptionId?: string;
  resourceGroup?: string;
  /** The resource group's region, for `resourceGroup().location`. */
  location?: string;
}

export interface ArmSeverityInput {
  type: string;
  /** `properties.minimumTlsVersion`, `properties.securityRules[web].properties.sourceAddressPrefix`, `tags.env`. */
  path: string;
  expected: Value;
  actual: Value;
  /** The live named element the path is inside (a whole security rule), else the whole live resource. */
  element?: Value;
}

export type ArmSeverity = (input: ArmSeverityInput) => Severity;
