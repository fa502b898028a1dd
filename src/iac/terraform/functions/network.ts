// cidrsubnet, cidrhost, cidrnetmask, cidrsubnets, as Terraform computes them with go-cidr over
// its IP parser (which, like Go before 1.17, reads IPv4 octets with leading zeros as decimal).
import { fail } from './values';

interface Network {
  /** Network address (host bits cleared). */
  addr: bigint;
  prefix: number;
  /** 32 or 128. */
  bits: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    out = (out << 8n) | BigInt(Number(p));
  }
  return out;
}

function parseIPv6(s: string): bigint | undefined {
  let text = s;
  // An embedded IPv4 tail (`::ffff:10.0.0.1`) stands for the last two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = parseIPv4(v4[1]);
    if (n === undefined) return undefined;
    text = text.slice(0, v4.index) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): bigint[] | undefined => {
    if (h === '') return [];
    const out: bigint[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(BigInt(parseInt(g, 16)));
    }
    return out;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const given = head.length + rest.length;
  if (halves.length === 2 ? given > 7 : given !== 8) return undefined;
  const all = [...head, ...Array<bigint>(8 - given).fill(0n), ...rest];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function mask(prefix: number, bits: number): bigint {
  return ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
}

export function parseCidr(s: string): Network {
  const slash = s.indexOf('/');
  const bad = (): never => fail(`invalid CIDR expression: invalid CIDR address: ${s}`);
  if (slash < 0) bad();
  const ipText = s.slice(0, slash);
  const lenText = s.slice(slash + 1);
  const isV6 = ipText.includes(':');
  const ip = isV6 ? parseIPv6(ipText) : parseIPv4(ipText);
  const bits = isV6 ? 128 : 32;
  if (ip === undefined || !/^\d+$/.test(lenText) || Number(lenText) > bits) return bad();
  const prefix = Number(lenText);
  return { addr: ip & mask(prefix, bits), prefix, bits };
}

export function formatIP(addr: bigint, bits: number): string {
  if (bits === 32 || addr >> 32n === 0xffffn) {
    const v = addr & 0xffffffffn;
    return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((addr >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: the longest run (≥ 2) of zero groups becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function formatNet(n: Network): string {
  return `${formatIP(n.addr, n.bits)}/${n.prefix}`;
}

export function cidrSubnet(prefix: string, newbits: number, netnum: number): string {
  const n = parseCidr(prefix);
  if (newbits > 32) fail('may not extend prefix by more than 32 bits');
  const newPrefix = n.prefix + newbits;
  if (newPrefix > n.bits) fail(`insufficient address space to extend prefix of ${n.prefix} by ${newbits}`);
  if (BigInt(netnum) > (1n << BigInt(newbits)) - 1n) fail(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  // go-cidr ORs with big.Int (two's complement) and then takes the magnitude's bytes: a negative
  // netnum yields an address outside the prefix, exactly as Terraform does.
  let addr = n.addr | (BigInt(netnum) << BigInt(n.bits - newPrefix));
  if (addr < 0n) addr = -addr;
  addr &= (1n << BigInt(n.bits)) - 1n;
  return formatNet({ addr: addr & mask(newPrefix, n.bits), prefix: newPrefix, bits: n.bits });
}

export function cidrHost(prefix: string, hostnum: number): string {
  const n = parseCidr(prefix);
  const hostLen = BigInt(n.bits - n.prefix);
  const maxHost = (1n << hostLen) - 1n;
  let num = BigInt(hostnum);
  if (num < 0n) num = maxHost - (-num - 1n);
  if (num > maxHost || num < 0n) fail(`prefix of ${n.prefix} does not accommodate a host numbered ${hostnum}`);
  return formatIP(n.addr | num, n.bits);
}

export function cidrNetmask(prefix: string): string {
  const n = parseCidr(prefix);
  if (n.bits !== 32) fail(`IPv6 addresses cannot have a netmask: ${prefix}`);
  return formatIP(mask(n.prefix, 32), 32);
}

/** Consecutive subnets of the given sizes, aligned as go-cidr's PreviousSubnet/NextSubnet do. */
export function cidrSubnets(prefix: string, newbits: number[]): string[] {
  const n = parseCidr(prefix);
  if (newbits.length === 0) return [];
  const full = (1n << BigInt(n.bits)) - 1n;
  const host = (p: number): bigint => full ^ mask(p, n.bits);
  if (newbits[0] < 1) fail('must extend prefix by at least one bit');
  const firstLen = n.prefix + newbits[0];
  let cur = { addr: ((n.addr - 1n) & full) & mask(Math.min(firstLen, n.bits), n.bits), prefix: Math.min(firstLen, n.bits) };
  const out: string[] = [];
  newbits.forEach((nb) => {
    if (nb < 1) fail('must extend prefix by at least one bit');
    if (nb > 32) fail('may not extend prefix by more than 32 bits');
    const len = n.prefix + nb;
    if (len > n.bits) fail(`would extend prefix to ${len} bits, which is too long for an ${n.bits === 32 ? 'IPv4' : 'IPv6'} address`);
    const currentLast = cur.addr | host(cur.prefix);
    const sub = currentLast & mask(len, n.bits);
    const last = ((sub | host(len)) + 1n) & full;
    const next = { addr: last & mask(len, n.bits), prefix: len };
    if (last === 0n || (next.addr & mask(n.prefix, n.bits)) !== n.addr) {
      fail(`not enough remaining address space for a subnet with a prefix of ${len} bits after ${formatNet({ ...cur, bits: n.bits })}`);
    }
    cur = next;
    out.push(formatNet({ ...next, bits: n.bits }));
  });
  return out;
}
