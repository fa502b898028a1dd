// A declared attribute of a parsed `.tf` file, its ranges made when read. Declarations keep one per
// argument of every resource, module, variable and local (120 K on 6,367 public module files): a
// name range object each, and a value range object for each value whose node keeps offsets
// (a traversal: OffsetSpan), all copied twice by V8's young-generation collector (issue 17).
import type { Expression, Range } from '../../model/ast';
import type { DeclaredAttribute } from '../../model/declared';
import { KeepsOffsets, OffsetRange, type LineMap } from '../offsetRange';

export class ParsedAttribute extends KeepsOffsets implements DeclaredAttribute {
  declare readonly name: string;
  declare readonly expr: Expression;
  declare private readonly lines: LineMap;
  /** Where the name starts; it is one identifier, `name.length` long. */
  declare private readonly nameStart: number;

  // Fields assigned, not declared the ES2022 way: see offsetRange.ts.
  constructor(name: string, expr: Expression, lines: LineMap, nameStart: number) {
    super();
    this.name = name;
    this.expr = expr;
    this.lines = lines;
    this.nameStart = nameStart;
  }

  get nameRange(): Range {
    return new OffsetRange(this.lines, this.nameStart, this.nameStart + this.name.length);
  }

  get valueRange(): Range {
    return this.expr.range;
  }

  toJSON(): DeclaredAttribute {
    return { name: this.name, expr: this.expr, nameRange: this.nameRange, valueRange: this.valueRange };
  }
}
