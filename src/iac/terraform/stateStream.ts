// A state file read as it streams in (issue 15): its bytes are scanned for the top-level members and,
// inside `resources`, for one resource at a time; each is parsed on its own and kept only as the
// scan keeps it (addStateResource). Never the whole text and the whole parsed tree at once: a
// 100 MB terraform.tfstate costs the parsed resources, not their text as well.
// Anything unusual (UTF-16, no top-level object, a member twice, `resources` not a list, a syntax
// error) is handed back as `fallback`: the caller reads the text and parseState says what is wrong,
// with the same message as ever (never JSON.parse's, which quotes the text).
import { addStateResource, newState, StateError, type TerraformState } from './state';

/** The stream's bytes cannot be read this way: parse the whole text instead (parseState). */
export const FALLBACK = Symbol('fallback');

const enum Ch {
  Quote = 0x22,
  Backslash = 0x5c,
  Comma = 0x2c,
  Colon = 0x3a,
  OBrace = 0x7b,
  CBrace = 0x7d,
  OBrack = 0x5b,
  CBrack = 0x5d,
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Bytes outside strings that matter: what ends a scalar, and what opens a string or opens or closes a container. */
const ENDS_SCALAR = 1;
const NESTS = 2;
const KIND = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, Ch.Comma, Ch.CBrace, Ch.CBrack]) KIND[c] |= ENDS_SCALAR;
for (const c of [Ch.Quote, Ch.OBrace, Ch.OBrack, Ch.CBrace, Ch.CBrack]) KIND[c] |= NESTS;

/**
 * Where the scanner is: between the top-level members (`firstKey` after `{`, `key` after a comma,
 * `colon`, `value`, `after`), between resources (`firstElement` after `[`, `element` after a comma,
 * `elementAfter`), inside a value being gathered (`capture`), or past the closing `}`.
 */
type Mode = 'start' | 'firstKey' | 'key' | 'colon' | 'value' | 'after' | 'firstElement' | 'element' | 'elementAfter' | 'capture' | 'end';

/** What a gathered value is: a member's name, a member's value, or one resource. */
type Target = 'name' | 'member' | 'resource';

/** One JSON value's bytes, gathered across chunks: containers by nesting depth, strings to their closing quote, scalars to a delimiter. */
class Capture {
  parts: Uint8Array[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;

  /** Starts a value at buf[i]; its first byte decides: `{`/`[` nest, `"` is a string, anything else a scalar. */
  begin(buf: Uint8Array, i: number): void {
    // Nothing counted yet: scan() reads this first byte too (it opens the string or the container).
    const c = buf[i];
    this.parts = [];
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.scalar = c !== Ch.Quote && c !== Ch.OBrace && c !== Ch.OBrack;
  }

  /** Scans from buf[i]; returns the offset just past the value, or -1 when it goes on in the next chunk. */
  scan(buf: Uint8Array, i: number): number {
    const n = buf.length;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const scalar = this.scalar;
    let end = -1;
    for (; i < n; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // To the closing quote with a native search: a quote after an odd run of backslashes is escaped.
        let q = buf.indexOf(Ch.Quote, i);
        while (q !== -1 && backslashesBefore(buf, q, i) % 2 === 1) q = buf.indexOf(Ch.Quote, q + 1);
        if (q === -1) {
          escaped = backslashesBefore(buf, n, i) % 2 === 1;
          i = n;
          break;
        }
        i = q;
        inString = false;
        if (depth === 0) {
          end = i + 1;
          break;
        }
        continue;
      }
      const c = buf[i];
      if (scalar) {
        if (KIND[c] & ENDS_SCALAR) {
          end = i;
          break;
        }
        continue;
      }
      // Most bytes between strings are indentation, names and numbers: one table lookup skips them.
      if ((KIND[c] & NESTS) === 0) continue;
      if (c === Ch.Quote) inString = true;
      else if (c === Ch.OBrace || c === Ch.OBrack) depth++;
      else if ((c === Ch.CBrace || c === Ch.CBrack) && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return end;
  }

  /** The gathered value parsed; undefined when it is not JSON. */
  parse(): { value: unknown } | undefined {
    const parts = this.parts;
    this.parts = [];
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    try {
      return { value: JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) };
    } catch {
      return undefined;
    }
  }
}

/** How many backslashes come right before buf[at], counting back no further than `from`. */
function backslashesBefore(buf: Uint8Array, at: number, from: number): number {
  let k = at;
  while (k > from && buf[k - 1] === Ch.Backslash) k--;
  return at - k;
}

/** Top-level members kept; the others are parsed (so the file is checked whole) and dropped. */
const HEADER = new Set(['version', 'terraform_version', 'serial', 'lineage', 'outputs']);

/**
 * The state from its bytes as they arrive; FALLBACK when they need the whole-text path. Throws
 * StateError for what it can name itself (format version, a resource without type or name), in
 * parseState's order: the version first.
 */
export async function parseStateChunks(chunks: AsyncIterable<Uint8Array>, file = 'terraform.tfstate'): Promise<TerraformState | typeof FALLBACK> {
  const header: Record<string, unknown> = {};
  const seen = new Set<string>();
  // Resources are converted as they come, into a state whose header is read at the end.
  const pending = newState({ version: 4 }, file);
  let resourceError: StateError | undefined;
  let resourceIndex = 0;
  let mode: Mode = 'start';
  let resume: Mode = 'after';
  let target: Target = 'member';
  let name = '';
  const capture = new Capture();
  let first = true;

  /** A value gathered whole: false when it is not JSON. */
  const finish = (): boolean => {
    const parsed = capture.parse();
    if (!parsed) return false;
    if (target === 'name') {
      if (typeof parsed.value !== 'string' || seen.has(parsed.value)) return false;
      name = parsed.value;
      seen.add(name);
    } else if (target === 'member') {
      if (HEADER.has(name)) header[name] = parsed.value;
    } else {
      if (!resourceError) {
        try {
          addStateResource(pending, parsed.value, resourceIndex, file);
        } catch (e) {
          if (!(e instanceof StateError)) throw e;
          resourceError = e;
        }
      }
      resourceIndex++;
    }
    return true;
  };
  const gather = (buf: Uint8Array, i: number, what: Target, then: Mode): Mode => {
    capture.begin(buf, i);
    target = what;
    resume = then;
    return 'capture';
  };

  for await (const buf of chunks) {
    let i = 0;
    if (first) {
      first = false;
      // UTF-16 (PowerShell's `>`) and anything with NUL bytes: parseState names it.
      if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff) || buf.includes(0)) return FALLBACK;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    }
    while (i < buf.length) {
      if (mode === 'capture') {
        const from = i;
        const end = capture.scan(buf, i);
        if (end === -1) {
          capture.parts.push(buf.subarray(from));
          break;
        }
        capture.parts.push(buf.subarray(from, end));
        if (!finish()) return FALLBACK;
        i = end;
        mode = resume;
        continue;
      }
      const c = buf[i];
      if (isSpace(c)) {
        i++;
        continue;
      }
      switch (mode) {
        case 'start':
          if (c !== Ch.OBrace) return FALLBACK;
          mode = 'firstKey';
          i++;
          break;
        case 'firstKey':
        case 'key':
          if (c === Ch.CBrace && mode === 'firstKey') {
            mode = 'end';
            i++;
          } else if (c === Ch.Quote) mode = gather(buf, i, 'name', 'colon');
          else return FALLBACK;
          break;
        case 'colon':
          if (c !== Ch.Colon) return FALLBACK;
          mode = 'value';
          i++;
          break;
        case 'value':
          if (name !== 'resources') mode = gather(buf, i, 'member', 'after');
          // Anything but a list here is parseState's to report.
          else if (c !== Ch.OBrack) return FALLBACK;
          else {
            mode = 'firstElement';
            i++;
          }
          break;
        case 'firstElement':
        case 'element':
          if (c === Ch.CBrack && mode === 'firstElement') {
            mode = 'after';
            i++;
          } else mode = gather(buf, i, 'resource', 'elementAfter');
          break;
        case 'elementAfter':
          if (c === Ch.Comma) mode = 'element';
          else if (c === Ch.CBrack) mode = 'after';
          else return FALLBACK;
          i++;
          break;
        case 'after':
          if (c === Ch.Comma) mode = 'key';
          else if (c === Ch.CBrace) mode = 'end';
          else return FALLBACK;
          i++;
          break;
        case 'end':
          return FALLBACK;
      }
    }
  }
  if (mode !== 'end') return FALLBACK;
  const state = newState(header, file);
  if (resourceError) throw resourceError;
  state.resources = pending.resources;
  return state;
}
