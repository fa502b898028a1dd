// Decimal formatting of numbers the way Terraform's `format` does it: cty hands a 512-bit
// big.Float to Go's fmt. We work on the shortest decimal spelling of the double (what the user
// wrote), and break exact decimal ties the way the 512-bit binary value would round.

/** A positive decimal: value = 0.<digits> × 10^exp. `digits` has no leading or trailing zeros ("" is zero). */
export interface Decimal {
  digits: string;
  exp: number;
}

export function decimalOf(n: number): Decimal {
  const abs = Math.abs(n);
  if (abs === 0) return { digits: '', exp: 0 };
  const [mant, e] = abs.toExponential().split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '');
  return { digits, exp: Number(e) + 1 };
}

/** Rounds to `nd` significant digits (nd may be ≤ 0: rounds to zero or one unit at that place). */
export function roundDecimal(d: Decimal, nd: number): Decimal {
  if (nd < 0 || d.digits.length <= nd) return nd < 0 ? { digits: '', exp: d.exp } : d;
  const next = d.digits.charCodeAt(nd) - 48;
  let up: boolean;
  if (next !== 5 || d.digits.length > nd + 1) up = next >= 5;
  else up = tieRoundsUp(d, nd);
  let kept = d.digits.slice(0, nd);
  let exp = d.exp;
  if (up) {
    const bumped = (BigInt(kept === '' ? '0' : kept) + 1n).toString();
    if (kept === '' || bumped.length > kept.length) exp += 1;
    kept = bumped;
  }
  return { digits: kept.replace(/0+$/, ''), exp };
}

/** An exact decimal tie: Go rounds the 512-bit binary value, which lies above, below or on it. */
function tieRoundsUp(d: Decimal, nd: number): boolean {
  const direction = binaryDirection(d);
  if (direction !== 0) return direction > 0;
  // Exactly representable: round half to even.
  const last = nd === 0 ? 0 : d.digits.charCodeAt(nd - 1) - 48;
  return last % 2 === 1;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Sign of (round512(v) − v) for the decimal v. */
function binaryDirection(d: Decimal): number {
  const e = d.exp - d.digits.length;
  let num = BigInt(d.digits) * (e > 0 ? 10n ** BigInt(e) : 1n);
  let den = e < 0 ? 10n ** BigInt(-e) : 1n;
  const shift = 512 + bitLength(den) - bitLength(num) + 2;
  if (shift >= 0) num <<= BigInt(shift);
  else den <<= BigInt(-shift);
  const q = num / den;
  const r = num % den;
  const extra = BigInt(bitLength(q) - 512);
  const low = q & ((1n << extra) - 1n);
  const half = 1n << (extra - 1n);
  if (low === 0n && r === 0n) return 0;
  if (low > half || (low === half && r > 0n)) return 1;
  if (low < half) return -1;
  return (q >> extra) % 2n === 1n ? 1 : -1;
}

/** Go's %e body (no sign): d.ddddde±XX with `prec` fractional digits. */
export function formatE(d: Decimal, prec: number, upper: boolean): string {
  const r = roundDecimal(d, prec + 1);
  const digits = r.digits.padEnd(prec + 1, '0');
  const exp = r.digits === '' ? 0 : r.exp - 1;
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits[0];
  const sign = exp < 0 ? '-' : '+';
  const e = String(Math.abs(exp)).padStart(2, '0');
  return `${mant}${upper ? 'E' : 'e'}${sign}${e}`;
}

/** Go's %f body (no sign) with `prec` fractional digits. */
export function formatF(d: Decimal, prec: number): string {
  const r = roundDecimal(d, d.exp + prec);
  return fixed(r, prec);
}

function fixed(r: Decimal, prec: number): string {
  const digits = r.digits;
  let intPart: string;
  let frac: string;
  if (r.exp <= 0) {
    intPart = '0';
    frac = '0'.repeat(-r.exp) + digits;
  } else {
    intPart = digits.slice(0, r.exp).padEnd(r.exp, '0');
    frac = digits.slice(r.exp);
  }
  if (intPart === '') intPart = '0';
  frac = frac.padEnd(prec, '0').slice(0, prec);
  return prec > 0 ? `${intPart}.${frac}` : intPart;
}

/** Go's %g body (no sign); prec < 0 means shortest. */
export function formatG(d: Decimal, prec: number, upper: boolean): string {
  const shortest = prec < 0;
  let p = prec === 0 ? 1 : prec;
  const r = shortest ? d : roundDecimal(d, p);
  const nd = r.digits.length;
  if (shortest) p = nd;
  let eprec = p;
  if (eprec > nd && nd >= r.exp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = r.exp - 1;
  if (nd > 0 && (exp < -4 || exp >= eprec)) {
    const digits = Math.min(p, nd);
    return formatE(r, Math.max(digits - 1, 0), upper);
  }
  if (nd === 0) return '0';
  const fracDigits = Math.max((p > r.exp ? nd : p) - r.exp, 0);
  return fixed(r, fracDigits);
}
