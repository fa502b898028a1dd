// The AWS SDK's XML parser (@aws-sdk/xml-builder 3.972 `parseXML`), same output and same errors, without
// building every name and text one character at a time. The SDK's loop (`text += x[i++]`) made ~1.5 GB of
// strings to decode the 57 MB of EC2 answers of a 10,000-resource scan (half of all the scan allocated),
// and each long value stayed a chain of partial strings as long as its tree lived: the garbage that set
// the scan's peak memory (issue 15). The bundler puts this file in place of the SDK's (scripts/sdkEntries.mjs,
// `sdkXmlParser`); test/unit/aws/sdkXmlParser.test.ts holds it to the SDK's output on real and damaged documents.

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [key: string]: XmlValue;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{0,30}));/g;

// Character codes.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE_Q = 63; // ?
const SLASH = 47;
const LT = 60;
const EQ = 61;
const GT = 62;

const isSpace = (c: number) => c === SPACE || c === TAB || c === LF || c === CR;

/** Ends a tag name: whitespace, `>` or `/`. */
const endsTag = (c: number) => isSpace(c) || c === GT || c === SLASH;

/** Ends an attribute name: `=`, whitespace, `>`, `/` or `?`. */
const endsAttrName = (c: number) => c === EQ || isSpace(c) || c === GT || c === SLASH || c === QUOTE_Q;

/**
 * A string of its own: a slice of 13 characters or more is a view that keeps the whole answer (up to a
 * megabyte) alive for as long as the value lives, and values outlive the parse (IDs, names, tags end up in
 * the live results). Prefixing makes a rope that slicing flattens into a copy of just these characters.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function writeKey(obj: object): void {
  Object.defineProperty(obj, '__proto__', { value: undefined, writable: true, enumerable: true, configurable: true });
}

function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (dec) return String.fromCharCode(parseInt(dec, 10));
    return ENTITIES[named] ?? '';
  });
}

class Parser {
  i = 0;
  /** The name of the element parseTag last read. */
  tag = '';
  private readonly names = new Map<number, string>();
  readonly x: string;
  readonly z: number;

  constructor(xml: string) {
    this.x = xml.indexOf('\r') === -1 ? xml : xml.replace(/\r\n?/g, '\n');
    this.z = this.x.length;
  }

  parse(): XmlObject {
    const { z } = this;
    while (this.i < z) {
      this.trim();
      if (this.i >= z) break;
      if (this.x.startsWith('<?', this.i)) {
        this.readTo('?>');
        this.trim();
      } else if (this.x.startsWith('<!--', this.i)) {
        this.readTo('-->');
        this.trim();
      } else if (this.isDoctype()) {
        this.skipDoctype();
        this.trim();
      } else if (this.x.charCodeAt(this.i) === LT) {
        const value = this.parseTag();
        return { [this.tag]: value };
      } else {
        throw new Error('@aws-sdk XML parse error: unexpected content.');
      }
    }
    throw new Error('@aws-sdk XML parse error: no root element.');
  }

  /**
   * `<!DOCTYPE` in any case. The SDK lower-cases the whole document to ask; that is the same as asking
   * at this position unless a character before it changes length when lower-cased (only non-ASCII can).
   */
  private isDoctype(): boolean {
    const { x, i } = this;
    if (!/[^ -~\t\n\r]/.test(x.slice(0, i))) return x.slice(i, i + 9).toLowerCase() === '<!doctype';
    return x.toLowerCase().startsWith('<!doctype', i);
  }

  private trim(): void {
    const { x, z } = this;
    let i = this.i;
    while (i < z && isSpace(x.charCodeAt(i))) i++;
    this.i = i;
  }

  private readTo(stop: string): string {
    const at = this.x.indexOf(stop, this.i);
    if (at === -1) throw new Error(`@aws-sdk XML parse error: expected "${stop}" not found.`);
    const result = this.x.slice(this.i, at);
    this.i = at + stop.length;
    return result;
  }

  private readAttrValue(): string {
    const { x, z } = this;
    if (this.i >= z) {
      this.i += 2;
      return '';
    }
    const quote = x[this.i];
    const start = ++this.i;
    const at = x.indexOf(quote, start);
    const end = at === -1 ? z : at;
    this.i = end + 1;
    return own(decodeEntities(x.slice(start, end)));
  }

  private scan(from: number, stop: (c: number) => boolean): number {
    const { x, z } = this;
    let i = from;
    while (i < z && !stop(x.charCodeAt(i))) i++;
    return i;
  }

  /** Parses the element at `<` and returns its value; its name is left in `this.tag`. */
  parseTag(): XmlValue {
    const { x, z } = this;
    const tagStart = ++this.i;
    this.i = this.scan(tagStart, endsTag);
    const tag = this.name(tagStart, this.i);
    let attrs: XmlObject | undefined;
    while (this.i < z) {
      this.trim();
      const c = x.charCodeAt(this.i);
      if (c === GT || c === SLASH) break;
      const nameStart = this.i;
      this.i = this.scan(nameStart, endsAttrName);
      const name = x.slice(nameStart, this.i);
      this.trim();
      if (x.charCodeAt(this.i) !== EQ) break;
      ++this.i;
      this.trim();
      attrs ??= {};
      if (name === '__proto__') writeKey(attrs);
      attrs[name] = this.readAttrValue();
    }
    if (this.i >= z) throw new Error('@aws-sdk XML parse error: unexpected end of input.');
    if (x.charCodeAt(this.i) === SLASH) {
      ++this.i;
      if (this.i >= z || x.charCodeAt(this.i) !== GT) throw new Error('@aws-sdk XML parse error: expected > at the end of self-closing tag.');
      ++this.i;
      this.tag = tag;
      return attrs ?? '';
    }
    if (x.charCodeAt(this.i) !== GT) throw new Error('@aws-sdk XML parse error: expected > at the end of opening tag.');
    ++this.i;
    const value = attrs === undefined ? this.leafText(tag) : undefined;
    const result = value ?? this.parseContent(tag, attrs);
    this.tag = tag;
    return result;
  }

  /** The element's name; one string per spelling (an answer repeats the same few dozen names thousands of times). */
  private name(start: number, end: number): string {
    const { x } = this;
    const key = (end - start) * 0x10000 + x.charCodeAt(start) * 0x100 + (x.charCodeAt(end - 1) & 0xff);
    const known = this.names.get(key);
    if (known !== undefined && known.length === end - start && x.startsWith(known, start)) return known;
    const name = x.slice(start, end);
    this.names.set(key, name);
    return name;
  }

  /** The close tag `</tag>` at `this.i`, checked as the SDK checks it (its text up to `>`, trimmed). */
  private closeTag(tag: string): void {
    const { x } = this;
    if (!x.startsWith('</', this.i)) throw new Error(`@aws-sdk XML parse error: missing closing tag </${tag}>.`);
    this.i += 2;
    if (x.startsWith(tag, this.i) && x.charCodeAt(this.i + tag.length) === GT) {
      this.i += tag.length + 1;
      return;
    }
    const closeTag = this.readTo('>').trim();
    if (closeTag !== tag) throw new Error(`@aws-sdk XML parse error: mismatched tags <${tag}> and </${closeTag}>.`);
  }

  /** The common element with no attributes whose content is one run of text (or nothing); undefined otherwise. */
  private leafText(tag: string): string | undefined {
    const { x } = this;
    const start = this.i;
    const at = x.indexOf('<', start);
    if (at === -1 || x.charCodeAt(at + 1) !== SLASH) return undefined;
    this.i = at;
    this.closeTag(tag);
    return at === start ? '' : textValue(x, start, at);
  }

  /** Mixed content: children, text runs, CDATA, comments. Text runs are kept as offsets until the value is built. */
  private parseContent(tag: string, attrs: XmlObject | undefined): XmlValue {
    const { x, z } = this;
    // Text parts: [start, end] of a run of text to decode, or a CDATA string; children: name, value, name, value…
    const parts: (number | string)[] = [];
    const children: (string | XmlValue)[] = [];
    while (this.i < z) {
      if (x.startsWith('</', this.i)) break;
      if (x.charCodeAt(this.i) === LT) {
        if (x.startsWith('<!--', this.i)) {
          this.readTo('-->');
        } else if (x.startsWith('<![CDATA[', this.i)) {
          this.i += 9;
          parts.push(own(this.readTo(']]>')));
        } else if (x.startsWith('<?', this.i)) {
          this.readTo('?>');
        } else {
          const value = this.parseTag();
          children.push(this.tag, value);
        }
      } else {
        const start = this.i;
        const at = x.indexOf('<', start);
        this.i = at === -1 ? z : at;
        parts.push(start, this.i);
      }
    }
    this.closeTag(tag);
    return elementValue(x, parts, children, attrs);
  }

  private skipDoctype(): void {
    const { x, z } = this;
    this.i += 9;
    let depth = 0;
    while (this.i < z) {
      const c = x[this.i];
      if (c === '[') ++depth;
      else if (c === ']') --depth;
      else if (c === '>' && depth === 0) {
        ++this.i;
        return;
      }
      ++this.i;
    }
    throw new Error('@aws-sdk XML parse error: unclosed DOCTYPE.');
  }
}

/** Whether x[start, end) is blank with a line break: the SDK drops such a run (indentation between elements). */
function isIndent(x: string, start: number, end: number): boolean {
  let newline = false;
  for (let i = start; i < end; i++) {
    const c = x.charCodeAt(i);
    if (c === LF) newline = true;
    else if (c !== SPACE && c !== TAB && c !== CR) return false;
  }
  return newline;
}

/** One run of text as the SDK's value: "" when it is only indentation, else its decoded text. */
function textValue(x: string, start: number, end: number): string {
  if (isIndent(x, start, end)) return '';
  const text = decodeEntities(x.slice(start, end));
  return text.trim() === '' && text.includes('\n') ? '' : own(text);
}

/** The text parts as strings, skipping the indentation runs the object form drops (`skipIndent`). */
function texts(x: string, parts: (number | string)[], skipIndent: boolean): string[] {
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (typeof p === 'string') {
      out.push(p);
      continue;
    }
    const end = parts[++k] as number;
    if (skipIndent && isIndent(x, p, end)) continue;
    out.push(own(decodeEntities(x.slice(p, end))));
  }
  return out;
}

/** An element's value as the SDK builds it: "", its text, or an object of children, `#text` and attributes. */
function elementValue(x: string, parts: (number | string)[], children: (string | XmlValue)[], attrs: XmlObject | undefined): XmlValue {
  const hasElementChild = children.length > 0;
  if (attrs === undefined && parts.length === 0 && !hasElementChild) return '';
  if (attrs === undefined && !hasElementChild) {
    const textParts = texts(x, parts, false);
    const text = textParts.length === 1 ? textParts[0] : textParts.join('');
    if (text.trim() === '' && text.includes('\n')) return '';
    return text;
  }
  const obj: XmlObject = {};
  for (const text of texts(x, parts, true)) {
    if (text.trim() === '' && text.includes('\n')) continue;
    obj['#text'] = '#text' in obj ? (obj['#text'] as string) + text : text;
  }
  for (let k = 0; k < children.length; k += 2) {
    const tag = children[k] as string;
    const value = children[k + 1];
    if (tag === '__proto__') writeKey(obj);
    if (tag in obj) {
      const existing = obj[tag];
      if (Array.isArray(existing)) existing.push(value);
      else obj[tag] = [existing, value];
    } else {
      obj[tag] = value;
    }
  }
  if (attrs !== undefined) {
    for (const [k, v] of Object.entries(attrs)) {
      if (k === '__proto__') writeKey(obj);
      obj[k] = v;
    }
  }
  return obj;
}

export function parseXML(xml: string): XmlObject {
  return new Parser(xml).parse();
}
