// Encoding functions: jsonencode/jsondecode (cty's JSON: sorted keys, Go's HTML-safe escaping,
// plain-decimal numbers), base64 and hashes over UTF-8 bytes.
import { createHash } from 'node:crypto';
import type { Value } from '../../../model';
import { compareStrings, fail, isMap, numberToString, sortedKeys, type ValueMap } from './values';

/** JSON as Terraform's jsonencode writes it. */
export function jsonEncode(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail('cannot serialize infinity as JSON');
    return numberToString(v);
  }
  if (typeof v === 'string') return jsonString(v);
  if (Array.isArray(v)) return `[${v.map(jsonEncode).join(',')}]`;
  return `{${sortedKeys(v).map((k) => `${jsonString(k)}:${jsonEncode(v[k])}`).join(',')}}`;
}

/** Go's encoding/json string escaping (HTML-safe: <, >, & as \u003c…; \b and \f short forms). */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      default:
        if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
          out += '\\u' + c.toString(16).padStart(4, '0');
        } else if (c >= 0xd800 && c <= 0xdfff && !isPairedSurrogate(s, i)) {
          // Lone surrogates cannot be UTF-8; Go writes U+FFFD for invalid input.
          out += '\ufffd';
        } else {
          out += s[i];
        }
    }
  }
  return out + '"';
}

function isPairedSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c <= 0xdbff) {
    const n = s.charCodeAt(i + 1);
    return n >= 0xdc00 && n <= 0xdfff;
  }
  const p = s.charCodeAt(i - 1);
  return p >= 0xd800 && p <= 0xdbff;
}

/** jsondecode: objects become objects (sorted keys), arrays tuples; a duplicate key keeps the last value, as cty does. */
export function jsonDecode(text: string): Value {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    fail(`invalid JSON: ${(e as Error).message}`);
  }
  if (text.trim() === '') fail('invalid JSON: unexpected end of JSON input');
  return normalize(parsed as Value);
}

function normalize(v: Value): Value {
  if (Array.isArray(v)) return v.map(normalize);
  if (isMap(v)) {
    const out: ValueMap = {};
    for (const k of sortedKeys(v)) out[k] = normalize(v[k]);
    return out;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) fail('invalid JSON: number out of range');
  return v;
}

export function base64Encode(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** Go's base64.StdEncoding: padded, CR/LF ignored, and the bytes must be UTF-8 text. */
export function base64Decode(s: string): string {
  const compact = s.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
    fail(`failed to decode base64 data ${JSON.stringify(s)}`);
  }
  const bytes = Buffer.from(compact, 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail('the result of decoding the provided string is not valid UTF-8');
  }
}

export type HashAlgorithm = 'md5' | 'sha1' | 'sha256' | 'sha512';

/** Hex digest of a string's UTF-8 bytes (md5, sha256 …) or of raw bytes (filemd5 …). */
export function hash(algorithm: HashAlgorithm, data: string | Uint8Array, encoding: 'hex' | 'base64' = 'hex'): string {
  const h = createHash(algorithm);
  if (typeof data === 'string') h.update(data, 'utf8');
  else h.update(data);
  return h.digest(encoding);
}

/**
 * csvdecode: Go's encoding/csv (RFC 4180, strict quotes, CR LF as LF), the first line naming the
 * columns; every row must have as many fields as the header.
 */
export function csvDecode(text: string): Value[] {
  const rows = csvRows(text);
  if (rows.length === 0) fail('missing header line');
  const [header, ...body] = rows;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) fail(`duplicate column name ${JSON.stringify(name)}`);
    seen.add(name);
  }
  return body.map((cols, i) => {
    if (cols.length !== header.length) fail(`record on line ${i + 2}: wrong number of fields`);
    const out: ValueMap = {};
    for (const k of [...header].sort(compareStrings)) out[k] = cols[header.indexOf(k)];
    return out;
  });
}

function csvRows(input: string): string[][] {
  const text = input.replace(/\r\n/g, '\n');
  const rows: string[][] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    if (text[i] === '\n') {
      // Empty lines are skipped, as Go's reader does.
      i++;
      line++;
      continue;
    }
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) fail(`record on line ${line}: extraneous or missing " in quoted-field`);
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === '\n') line++;
          field += text[i++];
        }
        if (i < text.length && text[i] !== ',' && text[i] !== '\n') fail(`record on line ${line}: extraneous or missing " in quoted-field`);
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
          if (text[i] === '"') fail(`record on line ${line}: bare " in non-quoted-field`);
          field += text[i++];
        }
      }
      row.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\n') {
      i++;
      line++;
    }
    rows.push(row);
  }
  return rows;
}

/** Go's url.QueryEscape: unreserved characters kept, space as `+`, the rest as %XX of UTF-8 bytes. */
export function urlEncode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
