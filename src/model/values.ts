// Values as Terraform attributes and cloud APIs are compared, and where source lives.
import type { Range } from './ast';

/** A JSON-shaped value, as Terraform attributes and cloud APIs are compared. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** Where a piece of source lives: an absolute file path and a range in it. */
export interface SourceLocation {
  file: string;
  range: Range;
}
