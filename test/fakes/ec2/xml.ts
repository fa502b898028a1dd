// EC2 Query protocol XML: `<XResponse xmlns=…><requestId/>…</XResponse>`, lists as
// `<name><item>…</item></name>`, errors as `<Response><Errors><Error>…`.
import { randomUUID } from 'node:crypto';

export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** A node of a response: arrays become `<item>` lists, objects nested elements, undefined is omitted. */
export type XmlValue = string | number | boolean | undefined | null | XmlValue[] | { [name: string]: XmlValue };

export function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/**
 * A list whose members EC2 names after their content rather than `item` (a launch template interface's
 * `<groupSet><groupId>sg-…</groupId></groupSet>`, GroupIdStringList in the API model).
 */
export const namedList = (member: string, items: XmlValue[]): XmlValue => ({ '#member': member, '#items': items });

const asNamedList = (v: XmlValue): { member: string; items: XmlValue[] } | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v['#member'] === 'string' && Array.isArray(v['#items']) ? { member: v['#member'], items: v['#items'] } : undefined;

export function toXml(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `<${name}>${value.map((v) => toXml('item', v)).join('')}</${name}>`;
  const named = asNamedList(value);
  if (named) return `<${name}>${named.items.map((v) => toXml(named.member, v)).join('')}</${name}>`;
  if (typeof value === 'object') {
    const body = Object.entries(value).map(([k, v]) => toXml(k, v)).join('');
    return `<${name}>${body}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Indented, one element per line, as template-rendered emulator answers are (empty lists keep their whitespace). */
export function toXmlPretty(name: string, value: XmlValue, depth = 0): string {
  if (value === undefined || value === null) return '';
  const pad = '\n' + '  '.repeat(depth);
  if (Array.isArray(value)) return `${pad}<${name}>${value.map((v) => toXmlPretty('item', v, depth + 1)).join('')}${pad}</${name}>`;
  const named = asNamedList(value);
  if (named) return `${pad}<${name}>${named.items.map((v) => toXmlPretty(named.member, v, depth + 1)).join('')}${pad}</${name}>`;
  if (typeof value === 'object') return `${pad}<${name}>${Object.entries(value).map(([k, v]) => toXmlPretty(k, v, depth + 1)).join('')}${pad}</${name}>`;
  return `${pad}<${name}>${escapeXml(String(value))}</${name}>`;
}

export function responseXml(action: string, requestId: string, body: Record<string, XmlValue>, pretty = false): string {
  const inner = Object.entries(body).map(([k, v]) => (pretty ? toXmlPretty(k, v, 1) : toXml(k, v))).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_XMLNS}"><requestId>${requestId}</requestId>${inner}${pretty ? '\n' : ''}</${action}Response>`;
}

/** `root` is EC2's `Response`; older moto answered `ErrorResponse`, with the message in CDATA. */
export function errorXml(code: string, message: string, requestId: string, root: 'Response' | 'ErrorResponse' = 'Response'): string {
  const text = root === 'ErrorResponse' ? `<![CDATA[${message.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : escapeXml(message);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}><Errors><Error><Code>${escapeXml(code)}</Code><Message>${text}</Message></Error></Errors><RequestID>${requestId}</RequestID></${root}>`;
}

export const newRequestId = (): string => randomUUID();

/** An API error the fake answers with; `status` as the real service sends it. */
export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
