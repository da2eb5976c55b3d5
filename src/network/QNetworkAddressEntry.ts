// SPDX-License-Identifier: MIT
import { QDeadlineTimer } from '../core/QDeadlineTimer.js';
import { QHostAddress, toHostAddress } from './QHostAddress.js';
import { NetworkLayerProtocol } from './NetworkLayerProtocol.js';
import { describeQuoted as describe } from '../core/private/describe.js';
import { checkInt32 } from './private/args.js';

/**
 * Whether an address should be published in DNS (Qt's `QNetworkAddressEntry::DnsEligibilityStatus`,
 * Qt's values).
 *
 * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#DnsEligibilityStatus-enum | QNetworkAddressEntry::DnsEligibilityStatus in Qt 6}
 * @enum
 */
export const DnsEligibilityStatus = {
  /** The system does not say (always the case on Linux). */
  DnsEligibilityUnknown: -1,
  /** The address should not be published in DNS. */
  DnsIneligible: 0,
  /** The address may be published in DNS. */
  DnsEligible: 1,
} as const;

/** One of the {@link DnsEligibilityStatus} values. */
export type DnsEligibilityStatus = (typeof DnsEligibilityStatus)[keyof typeof DnsEligibilityStatus];

/** A copy of a deadline (QDeadlineTimer is mutable; the entry keeps its own), or null. */
function copyDeadline(d: QDeadlineTimer | null): QDeadlineTimer | null {
  return d === null ? null : QDeadlineTimer.addNSecs(d, 0);
}

/** Prefix length of a contiguous netmask (IPv4 or IPv6), or -1 when the mask is not contiguous. */
function maskToPrefix(mask: QHostAddress): number {
  const p = mask.protocol();
  let bytes: Uint8Array;
  if (p === NetworkLayerProtocol.IPv4Protocol) {
    const a = mask.toIPv4Address();
    bytes = Uint8Array.of(a >>> 24, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff);
  } else if (p === NetworkLayerProtocol.IPv6Protocol) {
    bytes = mask.toIPv6Address();
  } else {
    return -1;
  }
  let len = 0;
  let i = 0;
  while (i < bytes.length && bytes[i] === 0xff) {
    len += 8;
    i++;
  }
  if (i < bytes.length) {
    const ones = [0, 0x80, 0xc0, 0xe0, 0xf0, 0xf8, 0xfc, 0xfe].indexOf(bytes[i]!);
    if (ones < 0) return -1;
    len += ones;
    for (let j = i + 1; j < bytes.length; j++) if (bytes[j] !== 0) return -1;
  }
  return len;
}

/** The netmask address of `length` leading one bits for `protocol`, or a null address. */
function prefixToMask(protocol: number, length: number): QHostAddress {
  if (length < 0) return new QHostAddress();
  if (protocol === NetworkLayerProtocol.IPv4Protocol) {
    if (length > 32) return new QHostAddress();
    return new QHostAddress(length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0);
  }
  if (protocol === NetworkLayerProtocol.IPv6Protocol) {
    if (length > 128) return new QHostAddress();
    const b = new Uint8Array(16);
    for (let i = 0; i < 16; i++) {
      const bits = Math.max(0, Math.min(8, length - 8 * i));
      b[i] = (0xff00 >> bits) & 0xff;
    }
    return new QHostAddress(b);
  }
  return new QHostAddress();
}

/**
 * One address of a network interface: its IP address, netmask (or prefix length) and broadcast
 * address, as {@link QNetworkInterface.addressEntries} lists them. A value class: every getter returns
 * a copy, and the setters only change this entry.
 *
 * The netmask is stored as a prefix length for the protocol of {@link QNetworkAddressEntry.ip}: set the
 * IP first, then the netmask or prefix length (a netmask of another protocol than the IP is refused).
 *
 * The entries that {@link QNetworkInterface.addressEntries} reads carry the address lifetimes that
 * Linux reports over netlink, as Qt's do (`isLifetimeKnown()` true; a static address is
 * permanent); where netlink cannot be read they stay unknown and the entry counts as permanent.
 *
 * @category Network
 * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html | QNetworkAddressEntry in Qt 6}
 */
export class QNetworkAddressEntry {
  /** {@inheritDoc DnsEligibilityStatus} */
  static readonly DnsEligibilityStatus = DnsEligibilityStatus;
  /** {@inheritDoc DnsEligibilityStatus.DnsEligibilityUnknown} */
  static readonly DnsEligibilityUnknown = DnsEligibilityStatus.DnsEligibilityUnknown;
  /** {@inheritDoc DnsEligibilityStatus.DnsIneligible} */
  static readonly DnsIneligible = DnsEligibilityStatus.DnsIneligible;
  /** {@inheritDoc DnsEligibilityStatus.DnsEligible} */
  static readonly DnsEligible = DnsEligibilityStatus.DnsEligible;

  #ip = new QHostAddress();
  #prefix = -1;
  #broadcast = new QHostAddress();
  #dns: DnsEligibilityStatus = DnsEligibilityStatus.DnsEligibilityUnknown;
  #preferred: QDeadlineTimer | null = null; // null = forever (the lifetime is unknown or infinite)
  #validity: QDeadlineTimer | null = null;
  #lifetimeKnown = false;

  /**
   * Constructs an empty entry (null IP, netmask and broadcast, prefix length -1), or a copy of `other`.
   *
   * @param other - an entry to copy.
   */
  constructor(other?: QNetworkAddressEntry) {
    if (other === undefined) return;
    if (!(other instanceof QNetworkAddressEntry)) {
      throw new TypeError(`QNetworkAddressEntry: expected a QNetworkAddressEntry to copy, got ${describe(other)}`);
    }
    this.#ip = new QHostAddress(other.#ip);
    this.#prefix = other.#prefix;
    this.#broadcast = new QHostAddress(other.#broadcast);
    this.#dns = other.#dns;
    this.#preferred = copyDeadline(other.#preferred);
    this.#validity = copyDeadline(other.#validity);
    this.#lifetimeKnown = other.#lifetimeKnown;
  }

  /**
   * The IP address of the entry (a copy).
   *
   * @returns the address; null for an empty entry.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#ip | QNetworkAddressEntry::ip in Qt 6}
   */
  ip(): QHostAddress {
    return new QHostAddress(this.#ip);
  }

  /**
   * Sets the IP address. The prefix length is kept, as in Qt.
   *
   * @param newIp - the address (copied), or an IP address string (PyQt5 takes only a QHostAddress).
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#setIp | QNetworkAddressEntry::setIp in Qt 6}
   */
  setIp(newIp: QHostAddress | string): void {
    this.#ip = new QHostAddress(toHostAddress(newIp, 'QNetworkAddressEntry.setIp', 'newIp'));
  }

  /**
   * The netmask, built from the prefix length for the IP's protocol (255.255.255.0 for /24).
   *
   * @returns the netmask; null when the prefix length is unknown or the IP is null.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#netmask | QNetworkAddressEntry::netmask in Qt 6}
   */
  netmask(): QHostAddress {
    return prefixToMask(this.#ip.protocol(), this.#prefix);
  }

  /**
   * Sets the netmask. It must have the IP's protocol and be contiguous (leading one bits only);
   * otherwise the netmask and prefix length become unknown (null, -1).
   *
   * @param newNetmask - the netmask, or an IP address string (PyQt5 takes only a QHostAddress).
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#setNetmask | QNetworkAddressEntry::setNetmask in Qt 6}
   */
  setNetmask(newNetmask: QHostAddress | string): void {
    const m = toHostAddress(newNetmask, 'QNetworkAddressEntry.setNetmask', 'newNetmask');
    this.#prefix = m.protocol() === this.#ip.protocol() ? maskToPrefix(m) : -1;
  }

  /**
   * The prefix length (the number of leading one bits of the netmask).
   *
   * @returns 0..32 (IPv4) or 0..128 (IPv6), or -1 when unknown.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#prefixLength | QNetworkAddressEntry::prefixLength in Qt 6}
   */
  prefixLength(): number {
    return this.#prefix;
  }

  /**
   * Sets the prefix length for the IP's protocol; a value out of range for that protocol (or any value
   * while the IP is null) makes it unknown (-1), as in Qt.
   *
   * @param length - the prefix length.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#setPrefixLength | QNetworkAddressEntry::setPrefixLength in Qt 6}
   */
  setPrefixLength(length: number): void {
    checkInt32('QNetworkAddressEntry.setPrefixLength', 'length', length);
    const p = this.#ip.protocol();
    const max = p === NetworkLayerProtocol.IPv4Protocol ? 32 : p === NetworkLayerProtocol.IPv6Protocol ? 128 : -1;
    this.#prefix = length < 0 || length > max ? -1 : length;
  }

  /**
   * The broadcast address: for an IPv4 entry read from the system, the one the interface reports,
   * or else (when the netmask is known) `ip | ~netmask`, as Qt computes it (lo's 127.0.0.1/8 gives
   * 127.255.255.255); null for IPv6 entries and when unknown.
   *
   * @returns the broadcast address (a copy).
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#broadcast | QNetworkAddressEntry::broadcast in Qt 6}
   */
  broadcast(): QHostAddress {
    return new QHostAddress(this.#broadcast);
  }

  /**
   * Sets the broadcast address.
   *
   * @param newBroadcast - the address (copied), or an IP address string (PyQt5 takes only a QHostAddress).
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#setBroadcast | QNetworkAddressEntry::setBroadcast in Qt 6}
   */
  setBroadcast(newBroadcast: QHostAddress | string): void {
    this.#broadcast = new QHostAddress(toHostAddress(newBroadcast, 'QNetworkAddressEntry.setBroadcast', 'newBroadcast'));
  }

  /**
   * Whether the address may be published in DNS. For the entries that
   * {@link QNetworkInterface.addressEntries} reads, Qt 5.15's rule: loopback and link-local
   * addresses are ineligible, the others eligible; `DnsEligibilityUnknown` for an entry made here.
   *
   * @returns the status.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#dnsEligibility | QNetworkAddressEntry::dnsEligibility in Qt 6}
   */
  dnsEligibility(): DnsEligibilityStatus {
    return this.#dns;
  }

  /**
   * Sets the DNS eligibility.
   *
   * @param status - a {@link DnsEligibilityStatus} value.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#setDnsEligibility | QNetworkAddressEntry::setDnsEligibility in Qt 6}
   */
  setDnsEligibility(status: DnsEligibilityStatus): void {
    if (typeof status !== 'number') {
      throw new TypeError(`QNetworkAddressEntry.setDnsEligibility: status must be -1, 0 or 1, got ${describe(status)}`);
    }
    if (status !== -1 && status !== 0 && status !== 1) {
      throw new RangeError(`QNetworkAddressEntry.setDnsEligibility: status must be -1, 0 or 1, got ${describe(status)}`);
    }
    this.#dns = status;
  }

  /**
   * Whether the address lifetimes are known: true after {@link QNetworkAddressEntry.setAddressLifetime}
   * (even with two never-expiring deadlines), false after {@link QNetworkAddressEntry.clearAddressLifetime}
   * and for the entries read from the system (see the class notes).
   *
   * @returns whether the lifetimes are known.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#isLifetimeKnown | QNetworkAddressEntry::isLifetimeKnown in Qt 6}
   */
  isLifetimeKnown(): boolean {
    return this.#lifetimeKnown;
  }

  /**
   * When the address stops being preferred (deprecated: still valid for incoming packets, no longer
   * chosen as a source address).
   *
   * @returns a copy of the deadline; a never-expiring one (`QDeadlineTimer.Forever`) when the
   *   lifetime is not known.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#preferredLifetime | QNetworkAddressEntry::preferredLifetime in Qt 6}
   */
  preferredLifetime(): QDeadlineTimer {
    return copyDeadline(this.#preferred) ?? QDeadlineTimer.forever();
  }

  /**
   * When the address becomes invalid and is removed from the interface.
   *
   * @returns a copy of the deadline; a never-expiring one (`QDeadlineTimer.Forever`) when the
   *   lifetime is not known.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#validityLifetime | QNetworkAddressEntry::validityLifetime in Qt 6}
   */
  validityLifetime(): QDeadlineTimer {
    return copyDeadline(this.#validity) ?? QDeadlineTimer.forever();
  }

  /**
   * Sets the preferred and valid lifetimes; afterwards {@link QNetworkAddressEntry.isLifetimeKnown} is
   * true, even if both deadlines never expire. The deadlines are copied, as Qt copies its value type.
   *
   * @param preferred - when the address stops being preferred.
   * @param validity - when the address becomes invalid.
   * @throws TypeError if either argument is not a QDeadlineTimer; the entry is unchanged.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#setAddressLifetime | QNetworkAddressEntry::setAddressLifetime in Qt 6}
   */
  setAddressLifetime(preferred: QDeadlineTimer, validity: QDeadlineTimer): void {
    if (!(preferred instanceof QDeadlineTimer)) {
      throw new TypeError(`QNetworkAddressEntry.setAddressLifetime: preferred must be a QDeadlineTimer, got ${describe(preferred)}`);
    }
    if (!(validity instanceof QDeadlineTimer)) {
      throw new TypeError(`QNetworkAddressEntry.setAddressLifetime: validity must be a QDeadlineTimer, got ${describe(validity)}`);
    }
    this.#preferred = copyDeadline(preferred);
    this.#validity = copyDeadline(validity);
    this.#lifetimeKnown = true;
  }

  /**
   * Forgets the lifetimes: both become never-expiring and {@link QNetworkAddressEntry.isLifetimeKnown}
   * is false.
   *
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#clearAddressLifetime | QNetworkAddressEntry::clearAddressLifetime in Qt 6}
   */
  clearAddressLifetime(): void {
    this.#preferred = null;
    this.#validity = null;
    this.#lifetimeKnown = false;
  }

  /**
   * Whether the address never expires, that is whether its valid lifetime is forever (also true
   * when the lifetime is not known, as in Qt).
   *
   * @returns whether {@link QNetworkAddressEntry.validityLifetime} is forever.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#isPermanent | QNetworkAddressEntry::isPermanent in Qt 6}
   */
  isPermanent(): boolean {
    return this.#validity === null || this.#validity.isForever();
  }

  /**
   * Whether the address expires: the opposite of {@link QNetworkAddressEntry.isPermanent}.
   *
   * @returns whether the valid lifetime is finite.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#isTemporary | QNetworkAddressEntry::isTemporary in Qt 6}
   */
  isTemporary(): boolean {
    return !this.isPermanent();
  }

  /**
   * Qt's `operator==`: same IP and broadcast address (compared strictly, as
   * {@link QHostAddress.equals} does) and same prefix length.
   *
   * @param other - the entry to compare with.
   * @returns whether they are equal.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#operator-eq-eq | QNetworkAddressEntry::operator== in Qt 6}
   */
  equals(other: QNetworkAddressEntry): boolean {
    if (!(other instanceof QNetworkAddressEntry)) {
      throw new TypeError(`QNetworkAddressEntry.equals: expected a QNetworkAddressEntry, got ${describe(other)}`);
    }
    return (
      this.#ip.equals(other.#ip) &&
      this.#prefix === other.#prefix &&
      this.#broadcast.equals(other.#broadcast)
    );
  }

  /**
   * Exchanges the contents of this entry and `other`.
   *
   * @param other - the entry to swap with.
   * @see {@link https://doc.qt.io/qt-6/qnetworkaddressentry.html#swap | QNetworkAddressEntry::swap in Qt 6}
   */
  swap(other: QNetworkAddressEntry): void {
    if (!(other instanceof QNetworkAddressEntry)) {
      throw new TypeError(`QNetworkAddressEntry.swap: expected a QNetworkAddressEntry, got ${describe(other)}`);
    }
    const [ip, prefix, bc, dns] = [this.#ip, this.#prefix, this.#broadcast, this.#dns];
    const [preferred, validity, known] = [this.#preferred, this.#validity, this.#lifetimeKnown];
    this.#ip = other.#ip;
    this.#prefix = other.#prefix;
    this.#broadcast = other.#broadcast;
    this.#dns = other.#dns;
    this.#preferred = other.#preferred;
    this.#validity = other.#validity;
    this.#lifetimeKnown = other.#lifetimeKnown;
    other.#ip = ip;
    other.#prefix = prefix;
    other.#broadcast = bc;
    other.#dns = dns;
    other.#preferred = preferred;
    other.#validity = validity;
    other.#lifetimeKnown = known;
  }
}
