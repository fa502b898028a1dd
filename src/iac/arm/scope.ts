// What an ARM template expression can see: its parameters (values from a parameters file, else
// defaults), its variables, and the deployment target (subscription, resource group).
import type { Node } from 'jsonc-parser';
import type { EvalValue } from '../terraform/evalValue';
import type { PositionOf } from '../textPositions';

/** Where the template deploys: from `.driftlens.json` beside it, or the front-end's settings. */
export interface ArmTarget {
  subscriptionId?: string;
  resourceGroup?: string;
  /** The resource group's region, for `resourceGroup().location`. */
  location?: string;
}

export interface ArmParameter {
  name: string;
  type: string;
  /** The `defaultValue` node, evaluated lazily (it may use expressions). */
  defaultValue?: Node;
  /** The value from the parameters file, with origins in that file. */
  supplied?: EvalValue;
}

export interface ArmScope {
  /** Absolute path of the template. */
  file: string;
  pos: PositionOf;
  /** By lower-cased name: ARM names are case-insensitive. */
  parameters: Map<string, ArmParameter>;
  variables: Map<string, Node>;
  target: ArmTarget;
  /** Variables being evaluated (cycle guard) and done. */
  evaluating: Set<string>;
  variableValues: Map<string, EvalValue>;
}
