// SPDX-License-Identifier: MIT
import { NetworkLayerProtocol } from './NetworkLayerProtocol.js';
import { ip4ToString, ip6ToString, parseIp4, parseIp6, simplified } from './private/ipAddress.js';
import { describeQuoted as describe } from '../core/private/describe.js';
import { checkInt32, checkUnsigned } from './private/args.js';

const IPV4 = NetworkLayerProtocol.IPv4Protocol;
const IPV6 = NetworkLayerProtocol.IPv6Protocol;
const ANYIP = NetworkLayerProtocol.AnyIPProtocol;
const UNKNOWN = NetworkLayerProtocol.UnknownNetworkLayerProtocol;

/**
 * How {@link QHostAddress.isEqual} may convert between IPv4 and IPv6 before comparing (Qt's
 * `QHostAddress::ConversionModeFlag`, Qt's values). Combine flags with `|`.
 *
 * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#ConversionModeFlag-enum | QHostAddress::ConversionModeFlag in Qt 6}
 * @enum
 */
export const ConversionModeFlag = {
  /** No conversion: addresses of different protocols are always different. */
  StrictConversion: 0,
  /** An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) equals its IPv4 address. */
  ConvertV4MappedToIPv4: 1,
  /** An IPv4-compatible IPv6 address (`::1.2.3.4`) equals its IPv4 address. */
  ConvertV4CompatToIPv4: 2,
  /** `Any`, `AnyIPv4` (`0.0.0.0`) and `AnyIPv6` (`::`) are all equal. */
  ConvertUnspecifiedAddress: 4,
  /** `::1` equals `127.0.0.1`. */
  ConvertLocalHost: 8,
  /** Every conversion above (the default of `isEqual`). */
  TolerantConversion: 0xff,
} as const;

/** One of the {@link ConversionModeFlag} values. */
export type ConversionModeFlag = (typeof ConversionModeFlag)[keyof typeof ConversionModeFlag];

/** A combination (bitwise or) of {@link ConversionModeFlag} values (Qt's `QHostAddress::ConversionMode`). */
export type ConversionMode = number;

/**
 * A special address (Qt's `QHostAddress::SpecialAddress`). In tsqt a special address is a
 * {@link QHostAddress} holding it: `QHostAddress.LocalHost` and `QHostAddress.SpecialAddress.LocalHost`
 * each return a new `QHostAddress` for 127.0.0.1.
 *
 * #### Differences from Qt
 * Qt's enum values are numbers (Null 0, Broadcast 1, LocalHost 2, LocalHostIPv6 3, Any 4, AnyIPv6 5,
 * AnyIPv4 6). tsqt cannot use those numbers, since `new QHostAddress(n)` with a number is always the
 * IPv4 address `n` (so `new QHostAddress(2)` is 0.0.0.2, as in Qt). Every place that takes a
 * `SpecialAddress` therefore takes the `QHostAddress` object, and code reads exactly as in Qt or PyQt:
 * `new QHostAddress(QHostAddress.Any)`, `socket.bind(QHostAddress.LocalHost, 7755)`,
 * `addr.equals(QHostAddress.Null)`.
 */
export type SpecialAddress = QHostAddress;

/** The getters of {@link QHostAddress.SpecialAddress}: one new {@link QHostAddress} per access. */
export interface SpecialAddressGetters {
  /** The null address (`new QHostAddress()`); Qt's value 0. */
  readonly Null: QHostAddress;
  /** The IPv4 broadcast address 255.255.255.255; Qt's value 1. */
  readonly Broadcast: QHostAddress;
  /** The IPv4 loopback address 127.0.0.1; Qt's value 2. */
  readonly LocalHost: QHostAddress;
  /** The IPv6 loopback address ::1; Qt's value 3. */
  readonly LocalHostIPv6: QHostAddress;
  /** The dual-stack any-address: prints as 0.0.0.0, protocol `AnyIPProtocol`; Qt's value 4. */
  readonly Any: QHostAddress;
  /** The IPv6 any-address `::` (IPv6 only when bound); Qt's value 5. */
  readonly AnyIPv6: QHostAddress;
  /** The IPv4 any-address 0.0.0.0 (IPv4 only when bound); Qt's value 6. */
  readonly AnyIPv4: QHostAddress;
}

/** Address classes of Qt 5.15's QHostAddressPrivate::classify(); bit 16 set = global. */
const enum AddressClass {
  Unknown = 0,
  Loopback = 1,
  LocalNet = 2,
  LinkLocal = 3,
  Multicast = 4,
  Broadcast = 5,
  Global = 16,
  UniqueLocal = 19,
  SiteLocal = 20,
}

/** Zero bytes, shared by the addresses whose IPv6 form is all zeros (never handed out). */
const ZERO16 = new Uint8Array(16);

/** What the QHostAddress constructor and `setAddress` accept. */
type AddressInput = number | string | Uint8Array | readonly number[] | QHostAddress;

function checkIp6(where: string, bytes: Uint8Array | readonly number[]): Uint8Array {
  if (bytes.length !== 16) {
    throw new RangeError(`${where}: ip6Addr must hold 16 bytes, got ${bytes.length}`);
  }
  if (bytes instanceof Uint8Array) return bytes;
  for (const b of bytes) {
    if (!Number.isInteger(b) || b < 0 || b > 255) {
      throw new RangeError(`${where}: ip6Addr bytes must be integers in 0..255, got ${describe(b)}`);
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * An IPv4 or IPv6 address, with Qt 5.15's parsing, printing, comparison and classification rules.
 *
 * ```ts
 * import { QHostAddress } from 'tsqt';
 * const a = new QHostAddress('::ffff:127.0.0.1');
 * a.protocol();                         // 1 (IPv6Protocol)
 * a.toIPv4Address();                    // 2130706433
 * a.isEqual(QHostAddress.LocalHost);    // true (TolerantConversion)
 * a.equals(QHostAddress.LocalHost);     // false (Qt's strict ==)
 * ```
 *
 * A string is parsed as Qt does: surrounding whitespace is ignored; IPv4 in `inet_aton` style
 * (`"127.1"`, `"0x7f.1"`, `"010.0.0.1"` = 8.0.0.1, `"2130706433"`); IPv6 with at most one `::`, an
 * optional dotted IPv4 tail and an optional `%scope` suffix. Anything else (host names included)
 * gives a null address. `toString()` prints IPv6 lower-case and compressed (RFC 5952), with
 * IPv4-mapped addresses dotted (`::ffff:1.2.3.4`).
 *
 * #### Differences from Qt
 * - The special addresses are `QHostAddress` objects, not numbers (see {@link SpecialAddress}).
 * - Qt's `operator==` is {@link QHostAddress.equals}; JavaScript's `==` compares object identity.
 * - A number that is not an integer in 0..2^32-1, or a byte array not 16 bytes long, throws a
 *   `RangeError` where Qt would silently truncate.
 * - A failed `setAddress(string)` leaves the address fully null (Qt 5.15 keeps the old numeric value
 *   behind a null protocol); `clear()` also drops the scope id.
 *
 * @category Network
 * @example
 * ```ts
 * import { NetworkLayerProtocol, QHostAddress } from 'tsqt';
 *
 * const a = new QHostAddress('192.168.1.20');
 * console.log(a.protocol() === NetworkLayerProtocol.IPv4Protocol); // true
 * console.log(a.isInSubnet(QHostAddress.parseSubnet('192.168.1.0/24'))); // true
 * console.log(new QHostAddress('::1').isLoopback());              // true
 * console.log(QHostAddress.LocalHost.toString());                 // "127.0.0.1"
 * ```
 * @see {@link https://doc.qt.io/qt-6/qhostaddress.html | QHostAddress in Qt 6}
 */
export class QHostAddress {
  /** {@inheritDoc ConversionModeFlag} */
  static readonly ConversionModeFlag = ConversionModeFlag;
  /** {@inheritDoc ConversionModeFlag.StrictConversion} */
  static readonly StrictConversion = ConversionModeFlag.StrictConversion;
  /** {@inheritDoc ConversionModeFlag.ConvertV4MappedToIPv4} */
  static readonly ConvertV4MappedToIPv4 = ConversionModeFlag.ConvertV4MappedToIPv4;
  /** {@inheritDoc ConversionModeFlag.ConvertV4CompatToIPv4} */
  static readonly ConvertV4CompatToIPv4 = ConversionModeFlag.ConvertV4CompatToIPv4;
  /** {@inheritDoc ConversionModeFlag.ConvertUnspecifiedAddress} */
  static readonly ConvertUnspecifiedAddress = ConversionModeFlag.ConvertUnspecifiedAddress;
  /** {@inheritDoc ConversionModeFlag.ConvertLocalHost} */
  static readonly ConvertLocalHost = ConversionModeFlag.ConvertLocalHost;
  /** {@inheritDoc ConversionModeFlag.TolerantConversion} */
  static readonly TolerantConversion = ConversionModeFlag.TolerantConversion;

  /**
   * The special addresses, scoped (`QHostAddress.SpecialAddress.LocalHost`); each access returns a
   * new {@link QHostAddress}. See {@link SpecialAddress}.
   *
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#SpecialAddress-enum | QHostAddress::SpecialAddress in Qt 6}
   */
  static readonly SpecialAddress: SpecialAddressGetters = Object.freeze({
    get Null() {
      return new QHostAddress();
    },
    get Broadcast() {
      return QHostAddress.#ip4(0xffffffff);
    },
    get LocalHost() {
      return QHostAddress.#ip4(0x7f000001);
    },
    get LocalHostIPv6() {
      const b = new Uint8Array(16);
      b[15] = 1;
      return new QHostAddress(b);
    },
    get Any() {
      const a = new QHostAddress();
      a.#proto = ANYIP;
      return a;
    },
    get AnyIPv6() {
      return new QHostAddress(new Uint8Array(16));
    },
    get AnyIPv4() {
      return QHostAddress.#ip4(0);
    },
  });

  /** A new null address (Qt's `QHostAddress::Null`). */
  static get Null(): QHostAddress {
    return QHostAddress.SpecialAddress.Null;
  }
  /** A new 255.255.255.255 (Qt's `QHostAddress::Broadcast`). */
  static get Broadcast(): QHostAddress {
    return QHostAddress.SpecialAddress.Broadcast;
  }
  /** A new 127.0.0.1 (Qt's `QHostAddress::LocalHost`). */
  static get LocalHost(): QHostAddress {
    return QHostAddress.SpecialAddress.LocalHost;
  }
  /** A new ::1 (Qt's `QHostAddress::LocalHostIPv6`). */
  static get LocalHostIPv6(): QHostAddress {
    return QHostAddress.SpecialAddress.LocalHostIPv6;
  }
  /** A new dual-stack any-address (Qt's `QHostAddress::Any`: "0.0.0.0", protocol AnyIPProtocol). */
  static get Any(): QHostAddress {
    return QHostAddress.SpecialAddress.Any;
  }
  /** A new `::` (Qt's `QHostAddress::AnyIPv6`). */
  static get AnyIPv6(): QHostAddress {
    return QHostAddress.SpecialAddress.AnyIPv6;
  }
  /** A new 0.0.0.0 (Qt's `QHostAddress::AnyIPv4`). */
  static get AnyIPv4(): QHostAddress {
    return QHostAddress.SpecialAddress.AnyIPv4;
  }

  static #ip4(a: number): QHostAddress {
    const h = new QHostAddress();
    h.#a = a;
    h.#proto = IPV4;
    return h;
  }

  /** Protocol (NetworkLayerProtocol value). */
  #proto: number = UNKNOWN;
  /** IPv4 value, or the IPv4 value of a v4-mapped IPv6 address, else 0 (Qt's `a`). */
  #a = 0;
  /** IPv6 bytes of an IPv6 address; null for the others (derived from #a when asked). */
  #a6: Uint8Array | null = null;
  /** IPv6 scope id (kept verbatim). */
  #scope = '';

  /** Constructs a null address (`isNull()` true, `protocol()` UnknownNetworkLayerProtocol). */
  constructor();
  /**
   * Constructs the IPv4 address `ip4Addr`, a host-order unsigned 32-bit number
   * (`0x7f000001` is 127.0.0.1). A number is always an IPv4 address: `new QHostAddress(0)` is 0.0.0.0.
   *
   * @param ip4Addr - an integer in 0..4294967295 (else a `RangeError`).
   */
  constructor(ip4Addr: number);
  /**
   * Constructs the IPv6 address held in 16 bytes, in network order.
   *
   * @param ip6Addr - 16 bytes (a `Uint8Array` or an array of byte values; else a `RangeError`).
   */
  constructor(ip6Addr: Uint8Array | readonly number[]);
  /**
   * Constructs the address that the IP literal `address` denotes (see the class description); an
   * unparseable string gives a null address.
   *
   * @param address - an IPv4 or IPv6 literal, optionally with a `%scope` suffix.
   */
  constructor(address: string);
  /**
   * Constructs a copy of `address`, scope id included. This is also how a special address is
   * taken: `new QHostAddress(QHostAddress.LocalHost)`.
   *
   * @param address - the address (or special address) to copy.
   */
  constructor(address: QHostAddress);
  constructor(address?: AddressInput) {
    if (address === undefined) return;
    if (typeof address === 'number') {
      this.#a = checkUnsigned('QHostAddress', 'ip4Addr', address, 0xffffffff);
      this.#proto = IPV4;
      return;
    }
    this.#set('QHostAddress', address);
  }

  /** Shared by the constructor and setAddress: anything but a number. */
  #set(where: string, address: AddressInput): boolean {
    if (typeof address === 'string') return this.#parse(address);
    if (typeof address === 'number') {
      const a = checkUnsigned(where, 'ip4Addr', address, 0xffffffff);
      this.clear();
      this.#a = a;
      this.#proto = IPV4;
      return true;
    }
    if (address instanceof QHostAddress) {
      this.#proto = address.#proto;
      this.#a = address.#a;
      this.#a6 = address.#a6 === null ? null : new Uint8Array(address.#a6);
      this.#scope = address.#scope;
      return true;
    }
    if (address instanceof Uint8Array || Array.isArray(address)) {
      const bytes = checkIp6(where, address);
      this.#setIp6(bytes);
      this.#scope = '';
      return true;
    }
    throw new TypeError(
      `${where}: expected an IPv4 number, 16 IPv6 bytes, an IP address string or a QHostAddress, got ${describe(address)}`,
    );
  }

  /** Sets IPv6 bytes (copied); caches the IPv4 value of a v4-mapped address, as Qt does. */
  #setIp6(bytes: Uint8Array): void {
    const a6 = new Uint8Array(16);
    a6.set(bytes);
    this.#a6 = a6;
    this.#proto = IPV6;
    this.#a = 0;
    let zero64 = true;
    for (let i = 0; i < 8; i++) if (a6[i] !== 0) zero64 = false;
    if (zero64 && a6[8] === 0 && a6[9] === 0 && a6[10] === 0xff && a6[11] === 0xff) {
      this.#a = ((a6[12]! << 24) | (a6[13]! << 16) | (a6[14]! << 8) | a6[15]!) >>> 0;
    }
  }

  #parse(text: string): boolean {
    this.clear();
    const s = simplified(text);
    if (s.length === 0) return false;
    if (s.includes(':')) {
      const pct = s.lastIndexOf('%');
      const bytes = parseIp6(pct === -1 ? s : s.slice(0, pct));
      if (bytes !== null) {
        this.#setIp6(bytes);
        this.#scope = pct === -1 ? '' : s.slice(pct + 1);
        return true;
      }
    }
    const a = parseIp4(s);
    if (a < 0) return false;
    this.#a = a;
    this.#proto = IPV4;
    return true;
  }

  /** The 16 IPv6 bytes this address compares and hashes by (shared: do not modify). */
  #bytes(): Uint8Array {
    if (this.#a6 !== null) return this.#a6;
    if (this.#proto === IPV4 && this.#a !== 0) {
      const b = new Uint8Array(16);
      b[10] = 0xff;
      b[11] = 0xff;
      b[12] = this.#a >>> 24;
      b[13] = (this.#a >>> 16) & 0xff;
      b[14] = (this.#a >>> 8) & 0xff;
      b[15] = this.#a & 0xff;
      return b;
    }
    return ZERO16;
  }

  /**
   * Sets the IPv4 address `ip4Addr` (host-order unsigned 32-bit number).
   *
   * @param ip4Addr - an integer in 0..4294967295 (else a `RangeError`, and nothing changes).
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#setAddress | QHostAddress::setAddress in Qt 6}
   */
  setAddress(ip4Addr: number): void;
  /**
   * Sets the IPv6 address held in 16 bytes, in network order; the scope id is cleared.
   *
   * @param ip6Addr - 16 bytes (else a `RangeError`, and nothing changes).
   */
  setAddress(ip6Addr: Uint8Array | readonly number[]): void;
  /**
   * Parses `address` as an IP literal (see the class description) and sets it.
   *
   * @param address - an IPv4 or IPv6 literal, optionally with a `%scope` suffix.
   * @returns true if it parsed; false otherwise, and the address is then null.
   */
  setAddress(address: string): boolean;
  /**
   * Makes this address a copy of `address` (Qt's `setAddress(SpecialAddress)` and assignment), for
   * example `a.setAddress(QHostAddress.AnyIPv6)`.
   *
   * @param address - the address or special address to copy.
   */
  setAddress(address: QHostAddress): void;
  setAddress(address: AddressInput): boolean | void {
    const ok = this.#set('QHostAddress.setAddress', address);
    if (typeof address === 'string') return ok;
  }

  /**
   * Makes the address null (protocol UnknownNetworkLayerProtocol, `toString()` ""), scope id included.
   *
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#clear | QHostAddress::clear in Qt 6}
   */
  clear(): void {
    this.#proto = UNKNOWN;
    this.#a = 0;
    this.#a6 = null;
    this.#scope = '';
  }

  /**
   * Exchanges the contents of this address and `other`.
   *
   * @param other - the address to swap with.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#swap | QHostAddress::swap in Qt 6}
   */
  swap(other: QHostAddress): void {
    if (!(other instanceof QHostAddress)) {
      throw new TypeError(`QHostAddress.swap: other must be a QHostAddress, got ${describe(other)}`);
    }
    const p = this.#proto, a = this.#a, a6 = this.#a6, s = this.#scope;
    this.#proto = other.#proto;
    this.#a = other.#a;
    this.#a6 = other.#a6;
    this.#scope = other.#scope;
    other.#proto = p;
    other.#a = a;
    other.#a6 = a6;
    other.#scope = s;
  }

  /**
   * The IPv4 address as a host-order unsigned 32-bit number (127.0.0.1 → 2130706433).
   *
   * Meaningful for IPv4 addresses and for IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4` gives the
   * embedded value); 0 for every other address (`::`, `Any` and null included).
   *
   * #### Differences from Qt
   * Qt's optional `bool *ok` (PyQt6's `(value, ok)`) is not offered: test `protocol()`, or compare with
   * 0 knowing that 0.0.0.0 also gives 0.
   *
   * @returns the IPv4 value, or 0.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#toIPv4Address | QHostAddress::toIPv4Address in Qt 6}
   */
  toIPv4Address(): number {
    return this.#a;
  }

  /**
   * The address as 16 IPv6 bytes in network order (a new array each call). An IPv4 address gives its
   * IPv4-mapped form (`::ffff:a.b.c.d`), except 0.0.0.0, which gives all zeros, as do `Any` and null.
   *
   * @returns a new 16-byte `Uint8Array`.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#toIPv6Address | QHostAddress::toIPv6Address in Qt 6}
   */
  toIPv6Address(): Uint8Array {
    return new Uint8Array(this.#bytes());
  }

  /**
   * The protocol: `IPv4Protocol` (0), `IPv6Protocol` (1), `AnyIPProtocol` (2, only for `Any`) or
   * `UnknownNetworkLayerProtocol` (-1, a null address); the values of `QAbstractSocket.NetworkLayerProtocol`.
   *
   * @returns the protocol value.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#protocol | QHostAddress::protocol in Qt 6}
   */
  protocol(): NetworkLayerProtocol {
    return this.#proto as NetworkLayerProtocol;
  }

  /**
   * The address as text: dotted quad for IPv4 and `Any` ("0.0.0.0"), RFC 5952 for IPv6 (lower case,
   * compressed, IPv4-mapped shown dotted) followed by `%scope` when there is a scope id, "" when null.
   *
   * @returns the text form.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#toString | QHostAddress::toString in Qt 6}
   */
  toString(): string {
    if (this.#proto === IPV4 || this.#proto === ANYIP) return ip4ToString(this.#a);
    if (this.#proto === IPV6) {
      const s = ip6ToString(this.#bytes());
      return this.#scope === '' ? s : `${s}%${this.#scope}`;
    }
    return '';
  }

  /**
   * The IPv6 scope id (an interface name such as "eth0" or an index such as "2", as given); "" for an
   * address without one and for every non-IPv6 address.
   *
   * @returns the scope id.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#scopeId | QHostAddress::scopeId in Qt 6}
   */
  scopeId(): string {
    return this.#proto === IPV6 ? this.#scope : '';
  }

  /**
   * Sets the IPv6 scope id; ignored unless the address is IPv6.
   *
   * @param id - an interface name or a decimal interface index ("" removes it).
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#setScopeId | QHostAddress::setScopeId in Qt 6}
   */
  setScopeId(id: string): void {
    if (typeof id !== 'string') {
      throw new TypeError(`QHostAddress.setScopeId: id must be a string, got ${describe(id)}`);
    }
    if (this.#proto === IPV6) this.#scope = id;
  }

  /**
   * Qt's `operator==`: true when both addresses have the same protocol and the same bytes (the scope
   * id is ignored). Strict: 127.0.0.1 differs from ::ffff:127.0.0.1, and `Any` differs from `AnyIPv4`
   * and `AnyIPv6`. Comparing with a special address (`a.equals(QHostAddress.LocalHost)`) gives Qt's
   * `operator==(SpecialAddress)`.
   *
   * @param other - the address to compare with (an IP address string is parsed; unlike PyQt5,
   *   which takes only a QHostAddress here).
   * @returns whether they are equal.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#operator-eq-eq | QHostAddress::operator== in Qt 6}
   */
  equals(other: QHostAddress | string): boolean {
    return this.#isEqual(toHostAddress(other, 'QHostAddress.equals', 'other'), ConversionModeFlag.StrictConversion);
  }

  /**
   * Compares with `other`, converting between IPv4 and IPv6 as `mode` allows (by default every
   * conversion: ::ffff:127.0.0.1, ::1 and 127.0.0.1 are all equal, and so are `Any`, `AnyIPv4` and
   * `AnyIPv6`). The scope id is ignored.
   *
   * @param other - the address to compare with (an IP address string is parsed; PyQt5 takes only a
   *   QHostAddress).
   * @param mode - {@link ConversionModeFlag} values or'ed together; `TolerantConversion` by default.
   * @returns whether they are equal under `mode`.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isEqual | QHostAddress::isEqual in Qt 6}
   */
  isEqual(other: QHostAddress | string, mode: ConversionMode = ConversionModeFlag.TolerantConversion): boolean {
    const o = toHostAddress(other, 'QHostAddress.isEqual', 'other');
    checkInt32('QHostAddress.isEqual', 'mode', mode);
    return this.#isEqual(o, mode);
  }

  #isEqual(other: QHostAddress, mode: number): boolean {
    const p = this.#proto;
    const q = other.#proto;
    if (p === IPV4) {
      if (q === IPV4) return this.#a === other.#a;
      if (q === IPV6) {
        const a4 = convertToIpv4(other.#bytes(), mode);
        return a4 !== -1 && a4 === this.#a;
      }
      if (q === ANYIP) return (mode & ConversionModeFlag.ConvertUnspecifiedAddress) !== 0 && this.#a === 0;
      return false;
    }
    if (p === IPV6) {
      if (q === IPV4) {
        const a4 = convertToIpv4(this.#bytes(), mode);
        return a4 !== -1 && a4 === other.#a;
      }
      if (q === IPV6) {
        const x = this.#bytes();
        const y = other.#bytes();
        for (let i = 0; i < 16; i++) if (x[i] !== y[i]) return false;
        return true;
      }
      if (q === ANYIP) return (mode & ConversionModeFlag.ConvertUnspecifiedAddress) !== 0 && isZero(this.#bytes());
      return false;
    }
    if (p === ANYIP && (mode & ConversionModeFlag.ConvertUnspecifiedAddress) !== 0) {
      if (q === IPV4) return other.#a === 0;
      if (q === IPV6) return isZero(other.#bytes());
    }
    return p === q;
  }

  /**
   * True for a null address (the default-constructed one, `QHostAddress.Null`, or an unparseable
   * string). `0.0.0.0` and `Any` are not null.
   *
   * @returns whether the address is null.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isNull | QHostAddress::isNull in Qt 6}
   */
  isNull(): boolean {
    return this.#proto === UNKNOWN;
  }

  /**
   * True when this address lies in the subnet `subnet`/`netmask`: both must have the same protocol
   * (an IPv4-mapped address is not in an IPv4 subnet), `netmask` must not be negative (it is clamped
   * to 32 or 128), and the leading `netmask` bits must match.
   *
   * @param subnet - any address of the subnet (its host bits are ignored); an IP address string is
   *   parsed (PyQt5 takes only a QHostAddress).
   * @param netmask - the prefix length.
   * @returns whether the address is in the subnet.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isInSubnet | QHostAddress::isInSubnet in Qt 6}
   */
  isInSubnet(subnet: QHostAddress | string, netmask: number): boolean;
  /**
   * The same, with the `[address, prefixLength]` pair that {@link QHostAddress.parseSubnet} returns.
   *
   * @param subnet - `[network address, prefix length]`.
   * @returns whether the address is in the subnet.
   */
  isInSubnet(subnet: readonly [QHostAddress | string, number]): boolean;
  isInSubnet(subnet: QHostAddress | string | readonly [QHostAddress | string, number], netmask?: number): boolean {
    let net: unknown = subnet;
    let len: unknown = netmask;
    if (Array.isArray(subnet)) {
      // PyQt5 has no overload of a pair and a netmask, nor of a longer tuple: TypeError
      if (subnet.length !== 2 || netmask !== undefined) {
        throw new TypeError(`QHostAddress.isInSubnet: subnet must be [address, prefixLength] with no netmask beside it, got ${subnet.length} elements${netmask !== undefined ? ' and a netmask' : ''}`);
      }
      net = subnet[0];
      len = subnet[1];
    }
    if (typeof net === 'string') net = toHostAddress(net, 'QHostAddress.isInSubnet', 'subnet');
    if (!(net instanceof QHostAddress)) {
      throw new TypeError(`QHostAddress.isInSubnet: subnet must be a QHostAddress, an IP address string or [address, number], got ${describe(net)}`);
    }
    let n = checkInt32('QHostAddress.isInSubnet', 'netmask', len);
    if (net.#proto !== this.#proto || n < 0) return false;
    let ip: Uint8Array;
    let nt: Uint8Array;
    if (this.#proto === IPV4) {
      n = Math.min(n, 32);
      ip = be32(this.#a);
      nt = be32(net.#a);
    } else if (this.#proto === IPV6) {
      n = Math.min(n, 128);
      ip = this.#bytes();
      nt = net.#bytes();
    } else {
      return false;
    }
    const whole = n >> 3;
    for (let i = 0; i < whole; i++) if (ip[i] !== nt[i]) return false;
    if ((n & 7) === 0) return true;
    const mask = (0xff00 >> (n & 7)) & 0xff;
    return (ip[whole]! & mask) === (nt[whole]! & mask);
  }

  /**
   * Parses a subnet: `"a.b.c.d/n"`, `"a.b.c.d/255.255.0.0"` (a contiguous mask), `"ipv6/n"`, and the
   * short IPv4 forms `"10"`, `"10."`, `"172.16"`, `"192.168.0"` (whose default prefix is 8 bits per
   * part). The host bits of the returned address are cleared.
   *
   * @param subnet - the text to parse.
   * @returns `[network address, prefix length]`, or `[null address, -1]` when invalid.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#parseSubnet | QHostAddress::parseSubnet in Qt 6}
   */
  static parseSubnet(subnet: string): [QHostAddress, number] {
    if (typeof subnet !== 'string') {
      throw new TypeError(`QHostAddress.parseSubnet: subnet must be a string, got ${describe(subnet)}`);
    }
    const invalid = (): [QHostAddress, number] => [new QHostAddress(), -1];
    if (subnet.length === 0) return invalid();
    const slash = subnet.indexOf('/');
    const netStr = slash === -1 ? subnet : subnet.slice(0, slash);
    let netmask = -1;
    const isIpv6 = netStr.includes(':');
    if (slash !== -1) {
      const maskStr = subnet.slice(slash + 1);
      if (!isIpv6 && maskStr.includes('.')) {
        const m = new QHostAddress(maskStr);
        netmask = prefixFromMask(m);
        if (netmask < 0) return invalid();
      } else {
        const v = toUInt(maskStr);
        if (v < 0) return invalid();
        netmask = v;
      }
    }
    if (isIpv6) {
      if (netmask > 128) return invalid();
      if (netmask < 0) netmask = 128;
      const net = new QHostAddress();
      if (!net.setAddress(netStr)) return invalid();
      if (net.#proto !== IPV6) return invalid();
      const bytes = new Uint8Array(net.#bytes());
      clearBits(bytes, netmask);
      const scope = net.#scope;
      net.#setIp6(bytes);
      net.#scope = scope;
      return [net, netmask];
    }
    if (netmask > 32) return invalid();
    const parts = netStr.split('.');
    if (parts.length > 4) return invalid();
    if (parts[parts.length - 1] === '') parts.pop();
    let addr = 0;
    for (const part of parts) {
      const v = toUInt(part);
      if (v < 0 || v > 255) return invalid();
      addr = addr * 256 + v;
    }
    addr = parts.length === 0 ? 0 : addr * 2 ** (8 * (4 - parts.length));
    if (netmask === -1) {
      netmask = 8 * parts.length;
    } else if (netmask === 0) {
      addr = 0;
    } else if (netmask !== 32) {
      addr = (addr & (0xffffffff << (32 - netmask))) >>> 0;
    }
    return [new QHostAddress(addr >>> 0), netmask];
  }

  /**
   * True for 127.0.0.0/8, `::1` and IPv4-mapped loopback addresses (`::ffff:127.0.0.1`).
   *
   * @returns whether the address is a loopback address.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isLoopback | QHostAddress::isLoopback in Qt 6}
   */
  isLoopback(): boolean {
    return this.#classify() === AddressClass.Loopback;
  }

  /**
   * True for global addresses: everything except loopback, link-local, multicast, broadcast,
   * 0.0.0.0/8, `::`, `::ffff:0.0.0.0`, 240.0.0.0/4 and fe00::/9. As in Qt 5.15, private networks
   * (10/8, 192.168/16, ...), unique local (fc00::/7) and site-local (fec0::/10) addresses count as global.
   *
   * @returns whether the address is global.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isGlobal | QHostAddress::isGlobal in Qt 6}
   */
  isGlobal(): boolean {
    return (this.#classify() & AddressClass.Global) !== 0;
  }

  /**
   * True for link-local addresses: 169.254.0.0/16 and fe80::/10.
   *
   * @returns whether the address is link-local.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isLinkLocal | QHostAddress::isLinkLocal in Qt 6}
   */
  isLinkLocal(): boolean {
    return this.#classify() === AddressClass.LinkLocal;
  }

  /**
   * True for the deprecated IPv6 site-local addresses, fec0::/10.
   *
   * @returns whether the address is site-local.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isSiteLocal | QHostAddress::isSiteLocal in Qt 6}
   */
  isSiteLocal(): boolean {
    return this.#classify() === AddressClass.SiteLocal;
  }

  /**
   * True for IPv6 unique local addresses, fc00::/7.
   *
   * @returns whether the address is a unique local unicast address.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isUniqueLocalUnicast | QHostAddress::isUniqueLocalUnicast in Qt 6}
   */
  isUniqueLocalUnicast(): boolean {
    return this.#classify() === AddressClass.UniqueLocal;
  }

  /**
   * True for multicast addresses: 224.0.0.0/4 (also IPv4-mapped) and ff00::/8.
   *
   * @returns whether the address is multicast.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isMulticast | QHostAddress::isMulticast in Qt 6}
   */
  isMulticast(): boolean {
    return this.#classify() === AddressClass.Multicast;
  }

  /**
   * True only for 255.255.255.255 (also IPv4-mapped); subnet broadcast addresses are not recognized.
   *
   * @returns whether the address is the IPv4 broadcast address.
   * @see {@link https://doc.qt.io/qt-6/qhostaddress.html#isBroadcast | QHostAddress::isBroadcast in Qt 6}
   */
  isBroadcast(): boolean {
    return this.#classify() === AddressClass.Broadcast;
  }

  /** Qt 5.15's QHostAddressPrivate::classify(). */
  #classify(): AddressClass {
    const a = this.#a;
    if (a !== 0) {
      if (a >>> 24 === 0x7f) return AddressClass.Loopback;
      if (a >>> 28 === 0xe) return AddressClass.Multicast;
      if (a >>> 16 === 0xa9fe) return AddressClass.LinkLocal;
      if (a >>> 24 === 0) return AddressClass.LocalNet;
      if (a >>> 28 === 0xf) return a === 0xffffffff ? AddressClass.Broadcast : AddressClass.Unknown;
      return AddressClass.Global;
    }
    const b = this.#bytes();
    let high = false;
    for (let i = 0; i < 8; i++) if (b[i] !== 0) high = true;
    if (high) {
      const b0 = b[0]!;
      if (b0 === 0xff) return AddressClass.Multicast;
      if (b0 === 0xfe) {
        const top10 = b[1]! & 0xc0;
        if (top10 === 0xc0) return AddressClass.SiteLocal;
        if (top10 === 0x80) return AddressClass.LinkLocal;
        return AddressClass.Unknown;
      }
      if (b0 === 0xfc || b0 === 0xfd) return AddressClass.UniqueLocal;
      return AddressClass.Global;
    }
    let lowZero = true;
    for (let i = 8; i < 15; i++) if (b[i] !== 0) lowZero = false;
    if (lowZero && b[15] === 1) return AddressClass.Loopback;
    if (b[8] === 0 && b[9] === 0 && b[10] === 0xff && b[11] === 0xff) return AddressClass.LocalNet;
    if (!lowZero || b[15] !== 0) return AddressClass.Global;
    if (this.#proto === UNKNOWN) return AddressClass.Unknown;
    return AddressClass.LocalNet;
  }

  /**
   * How Node's `util.inspect` shows the address: `QHostAddress(127.0.0.1)`, `QHostAddress(QHostAddress::Any)`,
   * as Qt's debug stream prints it.
   *
   * @returns the debug text.
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    if (this.#proto === ANYIP) return 'QHostAddress(QHostAddress::Any)';
    return `QHostAddress(${this.toString()})`;
  }
}

/**
 * Type names nested in the class, as in Qt (`QHostAddress.SpecialAddress`, `QHostAddress.ConversionMode`).
 */
export declare namespace QHostAddress {
  /** A special address: a {@link QHostAddress} (see the module-level `SpecialAddress` type). */
  type SpecialAddress = import('./QHostAddress.js').SpecialAddress;
  /** One `QHostAddress.ConversionModeFlag` value. */
  type ConversionModeFlag = import('./QHostAddress.js').ConversionModeFlag;
  /** An or-combination of `QHostAddress.ConversionModeFlag` values. */
  type ConversionMode = import('./QHostAddress.js').ConversionMode;
}

function isZero(b: Uint8Array): boolean {
  for (let i = 0; i < 16; i++) if (b[i] !== 0) return false;
  return true;
}

function be32(a: number): Uint8Array {
  return Uint8Array.of(a >>> 24, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff);
}

/** Qt's convertToIpv4(): the IPv4 value of IPv6 bytes under `mode`, or -1. */
function convertToIpv4(b: Uint8Array, mode: number): number {
  if (mode === ConversionModeFlag.StrictConversion) return -1;
  for (let i = 0; i < 8; i++) if (b[i] !== 0) return -1;
  const mid = ((b[8]! << 24) | (b[9]! << 16) | (b[10]! << 8) | b[11]!) >>> 0;
  const low = ((b[12]! << 24) | (b[13]! << 16) | (b[14]! << 8) | b[15]!) >>> 0;
  if (mid === 0xffff && (mode & ConversionModeFlag.ConvertV4MappedToIPv4) !== 0) return low;
  if (mid !== 0) return -1;
  if (low === 0 && (mode & ConversionModeFlag.ConvertUnspecifiedAddress) !== 0) return 0;
  if (low === 1 && (mode & ConversionModeFlag.ConvertLocalHost) !== 0) return 0x7f000001;
  if (low !== 1 && (mode & ConversionModeFlag.ConvertV4CompatToIPv4) !== 0) return low;
  return -1;
}

/** Prefix length of a contiguous netmask address (IPv4 or IPv6), or -1 (Qt's QNetmask::setAddress). */
function prefixFromMask(m: QHostAddress): number {
  let bytes: Uint8Array;
  if (m.protocol() === IPV4) bytes = be32(m.toIPv4Address());
  else if (m.protocol() === IPV6) bytes = m.toIPv6Address();
  else return -1;
  let len = 0;
  let i = 0;
  while (i < bytes.length && bytes[i] === 0xff) {
    len += 8;
    i++;
  }
  if (i < bytes.length) {
    const v = bytes[i]!;
    const ones = [0, 0x80, 0xc0, 0xe0, 0xf0, 0xf8, 0xfc, 0xfe].indexOf(v);
    if (ones < 0) return -1;
    len += ones;
    for (let j = i + 1; j < bytes.length; j++) if (bytes[j] !== 0) return -1;
  }
  return len;
}

/** QString::toUInt() in base 10 (surrounding whitespace and a '+' allowed), or -1. */
function toUInt(s: string): number {
  const m = /^\s*\+?(\d+)\s*$/.exec(s);
  if (m === null) return -1;
  const v = Number(m[1]);
  return v > 0xffffffff ? -1 : v;
}

/** Clears every bit from `start` on (Qt's clearBits for 128-bit addresses). */
function clearBits(b: Uint8Array, start: number): void {
  if (start >= b.length * 8) return;
  const byte = start >> 3;
  b[byte] = b[byte]! & ((0xff00 >> (start & 7)) & 0xff);
  b.fill(0, byte + 1);
}

/**
 * Converts an address argument of another class (QUdpSocket and friends) to a QHostAddress: a
 * `QHostAddress` (special addresses included) is returned as is (callers must not modify it); a
 * string must be an IP literal.
 *
 * @param value - the argument.
 * @param where - "Class.method" for the error message.
 * @param arg - the argument's name for the error message.
 * @returns the address.
 * @throws TypeError `<where>: <arg> "<s>" is not an IP address` for a string that does not
 *   parse, or a TypeError naming `<arg>` for any other type.
 * @internal
 */
export function toHostAddress(value: QHostAddress | SpecialAddress | string, where: string, arg = 'address'): QHostAddress {
  if (value instanceof QHostAddress) return value;
  if (typeof value === 'string') {
    const a = new QHostAddress(value);
    if (a.isNull()) throw new TypeError(`${where}: ${arg} ${JSON.stringify(value)} is not an IP address`);
    return a;
  }
  throw new TypeError(`${where}: ${arg} must be a QHostAddress or an IP address string, got ${describe(value)}`);
}
