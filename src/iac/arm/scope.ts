// What an ARM template expression can see: its parameters (values from a parameters file, else
// defaults), its variables, and the deployment target (subscription, resource group).
import type { Node } from 'jsonc-parser';
import type { EvalValue } from '../terraform/evalValue';
import type { ArmTarget } from '../../model';
import type { PositionOf } from '../textPositions';

export type { ArmTarget } from '../../model';

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
