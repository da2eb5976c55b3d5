// SPDX-License-Identifier: MIT
/**
 * IP literal parsing and printing with Qt 5.15's rules (the counterpart of Qt's private
 * QIPAddressUtils): inet_aton-style IPv4 (decimal / octal / hex parts, short forms), IPv6 with at
 * most one "::" and an optional dotted IPv4 tail, and RFC 5952 output (QT_SEMANTICS HA-2..HA-4).
 *
 * Not part of the public API.
 */

/** Qt's QChar::isSpace set, used by QString::simplified(). */
const QT_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** QString::simplified(): trims, and collapses each inner run of whitespace into one space. */
export function simplified(s: string): string {
  let r = s.replace(QT_SPACE, ' ');
  if (r.startsWith(' ')) r = r.slice(1);
  if (r.endsWith(' ')) r = r.slice(0, -1);
  return r;
}

/** True when every code unit is 7-bit ASCII (Qt refuses anything else before parsing). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isCSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

function digitValue(c: string | undefined): number {
  if (c === undefined) return 99;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

const U64_MAX = 18446744073709551615;

/** Result of {@link strtoull}. */
interface Parsed {
  value: number;
  end: number;
  ok: boolean;
}

/**
 * Qt's qstrtoull(): C strtoull (leading spaces, optional '+', base 0 = auto 0x/0 prefix) that
 * refuses a '-' sign, and reports `ok = false` when nothing was converted or the value overflows.
 */
function strtoull(s: string, start: number, base: number): Parsed {
  let p = start;
  while (isCSpace(s[p])) p++;
  if (s[p] === '-') return { value: 0, end: start, ok: false };
  if (s[p] === '+') p++;
  let b = base;
  if ((b === 0 || b === 16) && s[p] === '0' && (s[p + 1] === 'x' || s[p + 1] === 'X') && digitValue(s[p + 2]) < 16) {
    p += 2;
    b = 16;
  } else if (b === 0) {
    b = s[p] === '0' ? 8 : 10;
  }
  const digitsStart = p;
  let value = 0;
  let overflow = false;
  for (let d = digitValue(s[p]); d < b; d = digitValue(s[++p])) {
    value = value * b + d;
    if (value > U64_MAX) overflow = true;
  }
  if (p === digitsStart) return { value: 0, end: start, ok: false };
  if (overflow) return { value: U64_MAX, end: p, ok: false };
  return { value, end: p, ok: true };
}

/**
 * Parses the IPv4 part of `s` from `start` to the end of the string, inet_aton style.
 * `acceptLeadingZero` false (inside IPv6) refuses "01"-style parts.
 *
 * @returns the address as an unsigned 32-bit number, or -1 when invalid.
 */
function parseIp4Internal(s: string, start: number, acceptLeadingZero: boolean): number {
  let address = 0;
  let dotCount = 0;
  let ptr = start;
  while (dotCount < 4) {
    if (!acceptLeadingZero && s[ptr] === '0' && s[ptr + 1] !== '.' && ptr + 1 < s.length) return -1;
    const r = strtoull(s, ptr, 0);
    if (!r.ok || r.end === ptr || r.value > 0xffffffff) return -1;
    const x = r.value;
    const atEnd = r.end >= s.length;
    if (s[r.end] === '.' || dotCount === 3) {
      if (x > 0xff) return -1;
      address = address * 256;
    } else if (dotCount === 2) {
      if (x > 0xffff) return -1;
      address = address * 65536;
    } else if (dotCount === 1) {
      if (x > 0xffffff) return -1;
      address = address * 16777216;
    }
    address = ((address % 4294967296) + x) % 4294967296;
    if (dotCount === 3 || atEnd) return atEnd ? address >>> 0 : -1;
    if (s[r.end] !== '.') return -1;
    ++dotCount;
    ptr = r.end + 1;
  }
  return -1;
}

/**
 * Parses an IPv4 literal the way QHostAddress does (1 to 4 parts, each decimal, octal with a leading
 * 0, or hex with 0x; the last part fills the remaining bytes). `s` must already be simplified.
 *
 * @returns the address (unsigned 32-bit), or -1 when `s` is not an IPv4 literal.
 */
export function parseIp4(s: string): number {
  if (s.length === 0 || !isAscii(s)) return -1;
  return parseIp4Internal(s, 0, true);
}

/**
 * Parses an IPv6 literal without scope id (at most one "::", 1-4 hex digits a group, an optional
 * strict dotted-quad tail).
 *
 * @returns the 16 bytes, or null when `s` is not an IPv6 literal.
 */
export function parseIp6(s: string): Uint8Array | null {
  if (s.length === 0 || !isAscii(s)) return null;
  let colonCount = 0;
  let dotCount = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ':') ++colonCount;
    else if (s[i] === '.') ++dotCount;
  }
  if (dotCount !== 0 && dotCount !== 3) return null;
  const address = new Uint8Array(16);
  if (colonCount === 2 && s.length === 2) return address; // "::"

  let zeroWordsToFill: number;
  const n = s.length;
  if ((s[0] === ':' && s[1] === ':') || (n >= 2 && s[n - 2] === ':' && s[n - 1] === ':')) {
    zeroWordsToFill = 9 - colonCount;
  } else if (colonCount < 2 || colonCount > 7) {
    return null;
  } else {
    zeroWordsToFill = 8 - colonCount;
  }
  if (dotCount) --zeroWordsToFill;

  let ptr = 0;
  let pos = 0;
  while (pos < 15) {
    if (s[ptr] === ':') {
      // an empty field: it must be the "::"
      if (zeroWordsToFill < 1) return null;
      if (pos === 0 || pos === colonCount * 2) {
        if (ptr >= n || s[ptr + 1] !== ':') return null;
        ++ptr;
      }
      pos += zeroWordsToFill * 2;
      zeroWordsToFill = 0;
      ++ptr;
      continue;
    }
    const r = strtoull(s, ptr, 16);
    if (!r.ok || r.end > ptr + 4) return null;
    if (s[r.end] === '.') {
      // an IPv4 tail, only valid as the last 32 bits
      if (pos !== 12) return null;
      const ip4 = parseIp4Internal(s, ptr, false);
      if (ip4 < 0) return null;
      address[12] = ip4 >>> 24;
      address[13] = (ip4 >>> 16) & 0xff;
      address[14] = (ip4 >>> 8) & 0xff;
      address[15] = ip4 & 0xff;
      return address;
    }
    const x = r.value & 0xffff;
    address[pos++] = x >> 8;
    address[pos++] = x & 0xff;
    if (r.end >= n) break;
    if (s[r.end] !== ':') return null;
    ptr = r.end + 1;
  }
  return pos === 16 ? address : null;
}

/** Dotted-quad text of an unsigned 32-bit IPv4 address. */
export function ip4ToString(a: number): string {
  return `${a >>> 24}.${(a >>> 16) & 0xff}.${(a >>> 8) & 0xff}.${a & 0xff}`;
}

/**
 * RFC 5952 text of 16 IPv6 bytes as Qt prints it: lower-case hex without leading zeros, the first
 * longest run of two or more zero groups as "::", and a dotted IPv4 tail for v4-mapped
 * (::ffff:a.b.c.d) and v4-compatible addresses whose 7th group is non-zero.
 */
export function ip6ToString(b: Uint8Array): string {
  let embeddedIp4 = false;
  let first80Zero = true;
  for (let i = 0; i < 10; i++) {
    if (b[i] !== 0) {
      first80Zero = false;
      break;
    }
  }
  if (first80Zero) {
    if (b[10] === 0xff && b[11] === 0xff) {
      embeddedIp4 = true;
    } else if (b[10] === 0 && b[11] === 0) {
      if (b[12] !== 0 || b[13] !== 0) embeddedIp4 = true;
      else if (b[14] === 0 && b[15] === 0) return '::';
    }
  }

  // the first longest run of zero groups (in bytes)
  let runLength = 0;
  let runOffset = -1;
  for (let i = 0; i < 16; i += 2) {
    if (b[i] === 0 && b[i + 1] === 0) {
      let j = i;
      while (j < 16 && b[j] === 0 && b[j + 1] === 0) j += 2;
      if (j - i > runLength) {
        runLength = j - i;
        runOffset = i;
      }
      i = j;
    }
  }
  if (runLength < 4) runOffset = -1;

  let out = runOffset === 0 ? ':' : '';
  for (let i = 0; i < 16; i += 2) {
    if (i === runOffset) {
      out += ':';
      i += runLength - 2;
      continue;
    }
    if (i === 12 && embeddedIp4) {
      return out + `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
    }
    out += ((b[i]! << 8) | b[i + 1]!).toString(16);
    if (i !== 14) out += ':';
  }
  return out;
}
