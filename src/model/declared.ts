// What the code declares: resources, their attributes and nested blocks, with the ranges a
// diagnostic underlines and a quick-fix rewrites.
import type { Expression, Range } from './ast';

/**
 * A parsed file's attributes are class instances whose ranges are getters (parsedAttribute.ts):
 * copy one field by field, never with a spread (which drops getters).
 */
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
