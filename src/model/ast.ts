// The syntax tree of HCL's native syntax, shaped after hashicorp/hcl `hclsyntax`.
// Every node carries its source range so that diagnostics and quick-fixes can point at
// (and rewrite) exactly the characters a user wrote.

/** A point in a text document: 0-based line and UTF-16 character (as LSP and VS Code count), plus UTF-16 offset. */
export interface Position {
  offset: number;
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface SyntaxDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  range: Range;
}

export interface Body {
  kind: 'Body';
  /** Attributes and blocks in source order. */
  items: (Attribute | Block)[];
  range: Range;
}

export interface Attribute {
  kind: 'Attribute';
  name: string;
  nameRange: Range;
  expr: Expression;
  /** From the name to the end of the expression. */
  range: Range;
}

export interface BlockLabel {
  value: string;
  range: Range;
  /** `"web"` (quoted) or `web` (identifier). */
  quoted: boolean;
}

export interface Block {
  kind: 'Block';
  type: string;
  typeRange: Range;
  labels: BlockLabel[];
  body: Body;
  openBraceRange: Range;
  /** Absent when the file ended before the block was closed. */
  closeBraceRange?: Range;
  range: Range;
}

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | ScopeTraversalExpr
  | RelativeTraversalExpr
  | IndexExpr
  | SplatExpr
  | FunctionCallExpr
  | ForExpr
  | ConditionalExpr
  | UnaryExpr
  | BinaryExpr
  | ParensExpr
  | InvalidExpr;

/** Numbers, `true`, `false`, `null`. Strings are always TemplateExpr. */
export interface LiteralExpr {
  kind: 'Literal';
  value: number | boolean | null;
  /** Source text of the literal (numbers keep their spelling: `1e3`, `0.50`). */
  raw: string;
  range: Range;
}

export type TemplatePart = TemplateLiteralPart | TemplateInterpolationPart | TemplateIfPart | TemplateForPart;

/** Decoded text (escapes resolved, `$${` → `${`). */
export interface TemplateLiteralPart {
  kind: 'TemplateLiteral';
  value: string;
  range: Range;
}

export interface TemplateInterpolationPart {
  kind: 'TemplateInterpolation';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
  range: Range;
}

export interface TemplateIfPart {
  kind: 'TemplateIf';
  condition: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
  range: Range;
}

export interface TemplateForPart {
  kind: 'TemplateFor';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  body: TemplatePart[];
  range: Range;
}

/**
 * A quoted string or heredoc. A string with no interpolation or directive has exactly one
 * TemplateLiteral part (or none when empty); `"${x}"` alone has one interpolation part.
 * Strip markers (`~`) are already applied to the neighbouring literal parts.
 */
export interface TemplateExpr {
  kind: 'Template';
  parts: TemplatePart[];
  /** Present for `<<EOF` / `<<-EOF`; `indented` means `<<-` (leading whitespace already trimmed). */
  heredoc?: { marker: string; indented: boolean };
  range: Range;
}

export interface TupleExpr {
  kind: 'Tuple';
  items: Expression[];
  range: Range;
}

export interface ObjectItem {
  /** A bare identifier key (`name = 1`) is a TemplateExpr-free literal key: see `keyIsIdentifier`. */
  key: Expression;
  /** True when the key was written as a bare identifier, which HCL takes as a literal string. */
  keyIsIdentifier: boolean;
  value: Expression;
  range: Range;
}

export interface ObjectExpr {
  kind: 'Object';
  items: ObjectItem[];
  range: Range;
}

/**
 * One static step. Steps carry no range of their own: nothing after the parser reads one, and a
 * tree holds hundreds of thousands of them (issue 17: every retained object is copied twice by V8's
 * young-generation collections). The traversal's `range` covers the root and all its steps.
 */
export type TraverseStep =
  | { kind: 'GetAttr'; name: string }
  /** `[0]`, `["k"]` with a literal key, or the legacy `.0`. */
  | { kind: 'IndexStep'; key: number | string };

/**
 * `var.region`, `aws_vpc.main.id`, `local.tags["Env"]`, `count.index`: a root name and static steps.
 * The root's own range is the start of `range` and the root's length (`rootRange` in traversal.ts).
 */
export interface ScopeTraversalExpr {
  kind: 'ScopeTraversal';
  root: string;
  steps: TraverseStep[];
  range: Range;
}

/** Static steps applied to a non-variable source: `func(x).attr`, `(a)[0]`. */
export interface RelativeTraversalExpr {
  kind: 'RelativeTraversal';
  source: Expression;
  steps: TraverseStep[];
  range: Range;
}

/** `collection[key]` where the key is not a literal. */
export interface IndexExpr {
  kind: 'Index';
  collection: Expression;
  key: Expression;
  range: Range;
}

/** `source.*.a.b` (attribute-only splat) or `source[*].a[0]` (full splat); `each` applies to every element. */
export interface SplatExpr {
  kind: 'Splat';
  source: Expression;
  each: TraverseStep[];
  full: boolean;
  /**
   * Present when a full splat goes on past static steps, as hclsyntax reads it: `a[*].b[var.k]`,
   * `a[*].b[*].c`. It is the whole per-element expression, in which the element itself is a
   * ScopeTraversal with the empty root `""` (a name no source can write), e.g. `""`.b[var.k].
   * `each` then holds only the static steps before the first computed one.
   */
  eachExpr?: Expression;
  range: Range;
}

export interface FunctionCallExpr {
  kind: 'FunctionCall';
  /** Including any namespace: `provider::aws::arn_parse`. */
  name: string;
  /**
   * Where the name ends (an offset; it starts where `range` does). An offset, not a range: nothing
   * after the parser reads it, and 64 K calls of real code kept one range object each (issue 17).
   */
  nameEnd: number;
  args: Expression[];
  /** The last argument was written `args...`. */
  expandFinal: boolean;
  range: Range;
}

export interface ForExpr {
  kind: 'For';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  /** Present for object `for` (`{ for k, v in x : k => v }`). */
  keyExpr?: Expression;
  valueExpr: Expression;
  condition?: Expression;
  /** `...` grouping mode in object `for`. */
  group: boolean;
  range: Range;
}

export interface ConditionalExpr {
  kind: 'Conditional';
  condition: Expression;
  trueExpr: Expression;
  falseExpr: Expression;
  range: Range;
}

export interface UnaryExpr {
  kind: 'Unary';
  op: '!' | '-';
  operand: Expression;
  range: Range;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr {
  kind: 'Binary';
  op: BinaryOperator;
  left: Expression;
  right: Expression;
  range: Range;
}

export interface ParensExpr {
  kind: 'Parens';
  expr: Expression;
  range: Range;
}

/** Stands where the parser could not read an expression; a diagnostic says why. */
export interface InvalidExpr {
  kind: 'Invalid';
  range: Range;
}

export interface ParseResult {
  body: Body;
  diagnostics: SyntaxDiagnostic[];
}
