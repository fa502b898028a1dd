// ARM template expressions: a JSON string `"[concat('a', parameters('b'))]"` holds a function call
// with string/number arguments, nested calls and `.property` / `[index]` accessors. `"[[…"` is
// the escape for a literal string starting with `[`.

export type ArmExpr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: ArmExpr[] }
  | { kind: 'property'; target: ArmExpr; name: string }
  | { kind: 'index'; target: ArmExpr; index: ArmExpr };

export type TemplateString =
  /** A plain string (after un-escaping `[[`). */
  | { kind: 'literal'; value: string }
  | { kind: 'expression'; expr: ArmExpr }
  | { kind: 'invalid'; message: string };

/** Classifies a JSON string value of a template: literal, expression, or a malformed expression. */
export function readTemplateString(text: string): TemplateString {
  if (!text.startsWith('[') || !text.endsWith(']')) return { kind: 'literal', value: text };
  if (text.startsWith('[[')) return { kind: 'literal', value: text.slice(1) };
  try {
    return { kind: 'expression', expr: parseArmExpression(text.slice(1, -1)) };
  } catch (err) {
    return { kind: 'invalid', message: (err as Error).message };
  }
}

/** Parses the inside of `[…]`. Throws with a message naming the position on a syntax error. */
export function parseArmExpression(source: string): ArmExpr {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${pos + 1} of "${source}"`);
  };
  const skip = () => {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
  };
  const peek = () => {
    skip();
    return source[pos];
  };
  const expect = (ch: string) => {
    if (peek() !== ch) fail(`expected "${ch}"`);
    pos++;
  };

  const primary = (): ArmExpr => {
    const ch = peek();
    if (ch === undefined) return fail('unexpected end');
    if (ch === "'") {
      pos++;
      let value = '';
      for (;;) {
        if (pos >= source.length) fail('unterminated string');
        if (source[pos] === "'") {
          if (source[pos + 1] === "'") {
            value += "'";
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        value += source[pos++];
      }
      return { kind: 'string', value };
    }
    const num = /^-?\d+(\.\d+)?/.exec(source.slice(pos));
    if (num) {
      pos += num[0].length;
      return { kind: 'number', value: Number(num[0]) };
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?(?=\s*\()/.exec(source.slice(pos));
    if (!ident) return fail('expected a function call, a string or a number');
    pos += ident[0].length;
    expect('(');
    const args: ArmExpr[] = [];
    if (peek() !== ')') {
      for (;;) {
        args.push(expression());
        if (peek() === ',') {
          pos++;
          continue;
        }
        break;
      }
    }
    expect(')');
    return { kind: 'call', name: ident[0], args };
  };

  const expression = (): ArmExpr => {
    let e = primary();
    for (;;) {
      const ch = peek();
      if (ch === '.') {
        pos++;
        skip();
        const name = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(source.slice(pos));
        if (!name) fail('expected a property name');
        pos += name![0].length;
        e = { kind: 'property', target: e, name: name![0] };
      } else if (ch === '[') {
        pos++;
        const index = expression();
        expect(']');
        e = { kind: 'index', target: e, index };
      } else {
        return e;
      }
    }
  };

  const e = expression();
  if (peek() !== undefined) fail('unexpected text');
  return e;
}
