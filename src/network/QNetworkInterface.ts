// SPDX-License-Identifier: MIT
import { existsSync } from 'node:fs';
import { QDeadlineTimer } from '../core/QDeadlineTimer.js';
import { QHostAddress } from './QHostAddress.js';
import { DnsEligibilityStatus, QNetworkAddressEntry } from './QNetworkAddressEntry.js';
import { loadNative } from '../private/native.js';
import type { NativeInterface } from '../private/native.js';
import { describeQuoted as describe } from '../core/private/describe.js';
import { checkInt32 } from './private/args.js';

/**
 * Capabilities and state of a network interface (Qt's `QNetworkInterface::InterfaceFlag`, Qt's
 * values). {@link QNetworkInterface.flags} returns an or-combination.
 *
 * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#InterfaceFlag-enum | QNetworkInterface::InterfaceFlag in Qt 6}
 * @enum
 */
export const InterfaceFlag = {
  /** The interface is administratively up. */
  IsUp: 0x1,
  /** The interface is up and ready to carry traffic. */
  IsRunning: 0x2,
  /** The interface can broadcast (IPv4). */
  CanBroadcast: 0x4,
  /** The interface is a loopback interface. */
  IsLoopBack: 0x8,
  /** The interface is a point-to-point link. */
  IsPointToPoint: 0x10,
  /** The interface can do multicast (the kernel's IFF_MULTICAST; loopback may lack it and still carry multicast). */
  CanMulticast: 0x20,
} as const;

/** One of the {@link InterfaceFlag} values. */
export type InterfaceFlag = (typeof InterfaceFlag)[keyof typeof InterfaceFlag];

/** An or-combination of {@link InterfaceFlag} values (Qt's `QNetworkInterface::InterfaceFlags`). */
export type InterfaceFlags = number;

/**
 * The link-layer type of a network interface (Qt's `QNetworkInterface::InterfaceType`, Qt's values).
 *
 * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#InterfaceType-enum | QNetworkInterface::InterfaceType in Qt 6}
 * @enum
 */
export const InterfaceType = {
  /** The type could not be determined (also the type of an invalid interface). */
  Unknown: 0,
  /** A loopback interface (`lo`). */
  Loopback: 1,
  /** A virtual interface without a link layer (tunnels, `ARPHRD_NONE`). */
  Virtual: 2,
  /** Ethernet (IEEE 802.3). */
  Ethernet: 3,
  /** Serial Line IP. */
  Slip: 4,
  /** Controller Area Network. */
  CanBus: 5,
  /** Point-to-Point Protocol. */
  Ppp: 6,
  /** Fiber Distributed Data Interface. */
  Fddi: 7,
  /** Wireless LAN (IEEE 802.11). */
  Wifi: 8,
  /** Alias of `Wifi`. */
  Ieee80211: 8,
  /** Nokia's PhoNet. */
  Phonet: 9,
  /** IEEE 802.15.4 (personal area networks). */
  Ieee802154: 10,
  /** 6LoWPAN (IPv6 over IEEE 802.15.4). */
  SixLoWPAN: 11,
  /** IEEE 802.16 (WiMAX). */
  Ieee80216: 12,
  /** IEEE 1394 (FireWire). */
  Ieee1394: 13,
} as const;

/** One of the {@link InterfaceType} values. */
export type InterfaceType = (typeof InterfaceType)[keyof typeof InterfaceType];

/**
 * Where QNetworkInterface reads the system's interfaces from: the native addon (contract C), or a
 * stub injected by tests.
 * @internal
 */
export interface InterfaceSource {
  interfaces(): NativeInterface[];
  nameToIndex(name: string): number;
  indexToName(index: number): string;
}

let source: InterfaceSource | null = null;

/**
 * Replaces the interface source (tests); `null` restores the native addon.
 * @internal
 */
export function setInterfaceSource(s: InterfaceSource | null): void {
  source = s;
}

function src(): InterfaceSource {
  return source ?? loadNative();
}

// Linux IFF_* flags and ARPHRD_* types.
const IFF_UP = 0x1;
const IFF_BROADCAST = 0x2;
const IFF_LOOPBACK = 0x8;
const IFF_POINTOPOINT = 0x10;
const IFF_RUNNING = 0x40;
const IFF_MULTICAST = 0x1000;

function convertFlags(raw: number): number {
  let f = 0;
  if (raw & IFF_UP) f |= InterfaceFlag.IsUp;
  if (raw & IFF_RUNNING) f |= InterfaceFlag.IsRunning;
  if (raw & IFF_BROADCAST) f |= InterfaceFlag.CanBroadcast;
  if (raw & IFF_LOOPBACK) f |= InterfaceFlag.IsLoopBack;
  if (raw & IFF_POINTOPOINT) f |= InterfaceFlag.IsPointToPoint;
  if (raw & IFF_MULTICAST) f |= InterfaceFlag.CanMulticast;
  return f;
}

function convertType(arphrd: number, name: string): InterfaceType {
  switch (arphrd) {
    case 772: // ARPHRD_LOOPBACK
      return InterfaceType.Loopback;
    case 1: // ARPHRD_ETHER: Qt asks the wireless extensions; sysfs tells the same
      return name !== '' && !name.includes('/') && existsSync(`/sys/class/net/${name}/wireless`)
        ? InterfaceType.Wifi
        : InterfaceType.Ethernet;
    case 256: // ARPHRD_SLIP, CSLIP, SLIP6, CSLIP6
    case 257:
    case 258:
    case 259:
      return InterfaceType.Slip;
    case 280: // ARPHRD_CAN
      return InterfaceType.CanBus;
    case 512: // ARPHRD_PPP
      return InterfaceType.Ppp;
    case 774: // ARPHRD_FDDI
      return InterfaceType.Fddi;
    case 801: // ARPHRD_IEEE80211, _PRISM, _RADIOTAP
    case 802:
    case 803:
      return InterfaceType.Ieee80211;
    case 804: // ARPHRD_IEEE802154
      return InterfaceType.Ieee802154;
    case 820: // ARPHRD_PHONET, PHONET_PIPE
    case 821:
      return InterfaceType.Phonet;
    case 825: // ARPHRD_6LOWPAN
      return InterfaceType.SixLoWPAN;
    case 768: // ARPHRD_TUNNEL, TUNNEL6, NONE, VOID
    case 769:
    case 0xfffe:
    case 0xffff:
      return InterfaceType.Virtual;
    default:
      return InterfaceType.Unknown;
  }
}

function bytesToAddress(family: 4 | 6, b: Uint8Array): QHostAddress {
  if (family === 4) return new QHostAddress(((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0);
  return new QHostAddress(b);
}

/** Immutable data of one interface. */
interface IfaceData {
  name: string;
  index: number;
  flags: number;
  type: InterfaceType;
  hwaddr: string;
  mtu: number;
  entries: QNetworkAddressEntry[];
}

/** linux/if_addr.h: duplicate address detection failed. */
const IFA_F_DADFAILED = 0x08;

/** A lifetime in seconds from netlink (-1 = forever) as the deadline Qt makes of it. */
function lifetime(seconds: number): QDeadlineTimer {
  return seconds < 0 ? QDeadlineTimer.forever() : new QDeadlineTimer(seconds * 1000);
}

function convert(n: NativeInterface, s: InterfaceSource): IfaceData {
  const entries: QNetworkAddressEntry[] = [];
  for (const ad of n.addrs) {
    // Qt leaves out an IPv6 address whose duplicate address detection failed (IFA_F_DADFAILED)
    if (ad.family === 6 && ad.addrFlags !== undefined && (ad.addrFlags & IFA_F_DADFAILED) !== 0) continue;
    const e = new QNetworkAddressEntry();
    const ip = bytesToAddress(ad.family, ad.ip);
    if (ad.family === 6) {
      if (ad.scopeId !== 0) {
        ip.setScopeId(ad.scopeId === n.index ? n.name : s.indexToName(ad.scopeId) || String(ad.scopeId));
      } else if (ip.isLinkLocal()) {
        ip.setScopeId(n.name);
      }
    }
    e.setIp(ip);
    if (ad.netmask !== null) e.setNetmask(bytesToAddress(ad.family, ad.netmask));
    if (ad.broadcast !== null && ad.family === 4 && (n.flags & IFF_BROADCAST) !== 0) {
      e.setBroadcast(bytesToAddress(ad.family, ad.broadcast));
    }
    // Qt's postProcess(): an IPv4 entry with a netmask but no broadcast gets ip | ~netmask (lo's
    // 127.0.0.1/8 reports 127.255.255.255, as PyQt5 5.15 does)
    if (ad.family === 4 && !e.netmask().isNull() && e.broadcast().isNull()) {
      e.setBroadcast(new QHostAddress((ip.toIPv4Address() | ~e.netmask().toIPv4Address()) >>> 0));
    }
    // Qt 5.15's calculateDnsEligibility(): loopback and link-local addresses are ineligible, every
    // other one eligible (its temporary/deprecated test is overridden by the classification, so
    // the address alone decides; PyQt5 5.15: lo 0, eth0 192.0.2.2 and fd00::2 1, fe80:: 0)
    e.setDnsEligibility(ip.isLoopback() || ip.isLinkLocal() ? DnsEligibilityStatus.DnsIneligible : DnsEligibilityStatus.DnsEligible);
    // the lifetimes netlink gave (IFA_CACHEINFO), as Qt sets them: seconds from now, or forever
    if (ad.preferred !== undefined && ad.valid !== undefined) e.setAddressLifetime(lifetime(ad.preferred), lifetime(ad.valid));
    entries.push(e);
  }
  return {
    name: n.name,
    index: n.index,
    flags: convertFlags(n.flags),
    type: convertType(n.type, n.name),
    hwaddr: n.hwaddr,
    mtu: n.mtu,
    entries,
  };
}

function all(): IfaceData[] {
  const s = src();
  return s.interfaces().map((n) => convert(n, s));
}

/** QString::toUInt() in base 10, or -1. */
function toUInt(s: string): number {
  const m = /^\s*\+?(\d+)\s*$/.exec(s);
  if (m === null) return -1;
  const v = Number(m[1]);
  return v > 0xffffffff ? -1 : v;
}

const INVALID: IfaceData = Object.freeze({
  name: '',
  index: 0,
  flags: 0,
  type: InterfaceType.Unknown,
  hwaddr: '',
  mtu: 0,
  entries: [],
}) as IfaceData;

/**
 * A network interface of this host (its name, index, flags, type, hardware address, MTU and IP
 * addresses), read from the system when asked, through the native addon (getifaddrs).
 *
 * Each object is a snapshot: it does not change when the system's interfaces change; ask
 * {@link QNetworkInterface.interfaceFromName} again for fresh data. A default-constructed interface is
 * invalid (index 0, name "").
 *
 * ```ts
 * import { QNetworkInterface } from 'tsqt';
 * const lo = QNetworkInterface.interfaceFromName('lo');
 * lo.isValid();                                   // true
 * lo.flags() & QNetworkInterface.IsLoopBack;      // 8
 * lo.addressEntries().map((e) => e.ip().toString()); // ['127.0.0.1', '::1']
 * ```
 *
 * #### Differences from Qt
 * - Interfaces and addresses come from getifaddrs(), address lifetimes and flags from a netlink
 *   dump (Qt reads both from netlink); DNS eligibility follows Qt 5.15's rule, which the address
 *   alone decides (loopback and link-local: ineligible).
 * - Reading interfaces needs the native addon; without it these functions throw the loader's Error.
 *
 * @category Network
 * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html | QNetworkInterface in Qt 6}
 */
export class QNetworkInterface {
  /** {@inheritDoc InterfaceFlag} */
  static readonly InterfaceFlag = InterfaceFlag;
  /** {@inheritDoc InterfaceFlag.IsUp} */
  static readonly IsUp = InterfaceFlag.IsUp;
  /** {@inheritDoc InterfaceFlag.IsRunning} */
  static readonly IsRunning = InterfaceFlag.IsRunning;
  /** {@inheritDoc InterfaceFlag.CanBroadcast} */
  static readonly CanBroadcast = InterfaceFlag.CanBroadcast;
  /** {@inheritDoc InterfaceFlag.IsLoopBack} */
  static readonly IsLoopBack = InterfaceFlag.IsLoopBack;
  /** {@inheritDoc InterfaceFlag.IsPointToPoint} */
  static readonly IsPointToPoint = InterfaceFlag.IsPointToPoint;
  /** {@inheritDoc InterfaceFlag.CanMulticast} */
  static readonly CanMulticast = InterfaceFlag.CanMulticast;

  /** {@inheritDoc InterfaceType} */
  static readonly InterfaceType = InterfaceType;
  /** {@inheritDoc InterfaceType.Unknown} */
  static readonly Unknown = InterfaceType.Unknown;
  /** {@inheritDoc InterfaceType.Loopback} */
  static readonly Loopback = InterfaceType.Loopback;
  /** {@inheritDoc InterfaceType.Virtual} */
  static readonly Virtual = InterfaceType.Virtual;
  /** {@inheritDoc InterfaceType.Ethernet} */
  static readonly Ethernet = InterfaceType.Ethernet;
  /** {@inheritDoc InterfaceType.Slip} */
  static readonly Slip = InterfaceType.Slip;
  /** {@inheritDoc InterfaceType.CanBus} */
  static readonly CanBus = InterfaceType.CanBus;
  /** {@inheritDoc InterfaceType.Ppp} */
  static readonly Ppp = InterfaceType.Ppp;
  /** {@inheritDoc InterfaceType.Fddi} */
  static readonly Fddi = InterfaceType.Fddi;
  /** {@inheritDoc InterfaceType.Wifi} */
  static readonly Wifi = InterfaceType.Wifi;
  /** {@inheritDoc InterfaceType.Ieee80211} */
  static readonly Ieee80211 = InterfaceType.Ieee80211;
  /** {@inheritDoc InterfaceType.Phonet} */
  static readonly Phonet = InterfaceType.Phonet;
  /** {@inheritDoc InterfaceType.Ieee802154} */
  static readonly Ieee802154 = InterfaceType.Ieee802154;
  /** {@inheritDoc InterfaceType.SixLoWPAN} */
  static readonly SixLoWPAN = InterfaceType.SixLoWPAN;
  /** {@inheritDoc InterfaceType.Ieee80216} */
  static readonly Ieee80216 = InterfaceType.Ieee80216;
  /** {@inheritDoc InterfaceType.Ieee1394} */
  static readonly Ieee1394 = InterfaceType.Ieee1394;

  #d: IfaceData = INVALID;

  /**
   * Constructs an invalid interface (`isValid()` false, index 0), or a copy of `other`.
   *
   * @param other - an interface to copy.
   */
  constructor(other?: QNetworkInterface) {
    if (other === undefined) return;
    if (!(other instanceof QNetworkInterface)) {
      throw new TypeError(`QNetworkInterface: expected a QNetworkInterface to copy, got ${describe(other)}`);
    }
    this.#d = other.#d;
  }

  static #from(d: IfaceData): QNetworkInterface {
    const i = new QNetworkInterface();
    i.#d = d;
    return i;
  }

  /**
   * True for an interface read from the system, false for a default-constructed one (or one that
   * was not found).
   *
   * @returns whether the interface is valid.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#isValid | QNetworkInterface::isValid in Qt 6}
   */
  isValid(): boolean {
    return this.#d.name !== '';
  }

  /**
   * The interface index the system assigned (> 0), or 0 for an invalid interface.
   *
   * @returns the index.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#index | QNetworkInterface::index in Qt 6}
   */
  index(): number {
    return this.#d.index;
  }

  /**
   * The MTU (largest packet the link carries), or 0 when unknown.
   *
   * @returns the MTU in bytes.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#maximumTransmissionUnit | QNetworkInterface::maximumTransmissionUnit in Qt 6}
   */
  maximumTransmissionUnit(): number {
    return this.#d.mtu;
  }

  /**
   * The system's name of the interface ("lo", "eth0"), or "" for an invalid interface.
   *
   * @returns the name.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#name | QNetworkInterface::name in Qt 6}
   */
  name(): string {
    return this.#d.name;
  }

  /**
   * A name for people; on Linux the same as {@link QNetworkInterface.name}.
   *
   * @returns the name.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#humanReadableName | QNetworkInterface::humanReadableName in Qt 6}
   */
  humanReadableName(): string {
    return this.#d.name;
  }

  /**
   * The interface's flags, an or-combination of {@link InterfaceFlag} values (0 for an invalid interface).
   *
   * @returns the flags.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#flags | QNetworkInterface::flags in Qt 6}
   */
  flags(): InterfaceFlags {
    return this.#d.flags;
  }

  /**
   * The link-layer type ({@link InterfaceType}; `Loopback` for `lo`, `Unknown` for an invalid interface).
   *
   * @returns the type.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#type | QNetworkInterface::type in Qt 6}
   */
  type(): InterfaceType {
    return this.#d.type;
  }

  /**
   * The link-layer address as upper-case hex bytes separated by colons ("02:FC:00:00:00:01"; the
   * loopback interface gives "00:00:00:00:00:00"), or "" when there is none.
   *
   * @returns the hardware address.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#hardwareAddress | QNetworkInterface::hardwareAddress in Qt 6}
   */
  hardwareAddress(): string {
    return this.#d.hwaddr;
  }

  /**
   * The interface's IP addresses with their netmasks and broadcast addresses (copies). IPv6
   * link-local addresses carry the interface name as scope id.
   *
   * @returns the entries, in the system's order.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#addressEntries | QNetworkInterface::addressEntries in Qt 6}
   */
  addressEntries(): QNetworkAddressEntry[] {
    return this.#d.entries.map((e) => new QNetworkAddressEntry(e));
  }

  /**
   * Exchanges this interface with `other`.
   *
   * @param other - the interface to swap with.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#swap | QNetworkInterface::swap in Qt 6}
   */
  swap(other: QNetworkInterface): void {
    if (!(other instanceof QNetworkInterface)) {
      throw new TypeError(`QNetworkInterface.swap: expected a QNetworkInterface, got ${describe(other)}`);
    }
    const d = this.#d;
    this.#d = other.#d;
    other.#d = d;
  }

  /**
   * The interface named `name`; a decimal string is also taken as an interface index. An invalid
   * interface when there is none.
   *
   * @param name - an interface name ("lo") or index ("1").
   * @returns the interface.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#interfaceFromName | QNetworkInterface::interfaceFromName in Qt 6}
   */
  static interfaceFromName(name: string): QNetworkInterface {
    if (typeof name !== 'string') {
      throw new TypeError(`QNetworkInterface.interfaceFromName: name must be a string, got ${describe(name)}`);
    }
    const asIndex = toUInt(name);
    for (const d of all()) {
      if ((asIndex >= 0 && d.index === asIndex) || d.name === name) return QNetworkInterface.#from(d);
    }
    return new QNetworkInterface();
  }

  /**
   * The interface with index `index`, or an invalid interface when there is none.
   *
   * @param index - an interface index.
   * @returns the interface.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#interfaceFromIndex | QNetworkInterface::interfaceFromIndex in Qt 6}
   */
  static interfaceFromIndex(index: number): QNetworkInterface {
    checkInt32('QNetworkInterface.interfaceFromIndex', 'index', index);
    if (index <= 0) return new QNetworkInterface();
    for (const d of all()) if (d.index === index) return QNetworkInterface.#from(d);
    return new QNetworkInterface();
  }

  /**
   * The index of the interface named `name` (if_nametoindex); a decimal string is returned as a
   * number. 0 when there is no such interface, or for "".
   *
   * @param name - an interface name or decimal index.
   * @returns the index, or 0.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#interfaceIndexFromName | QNetworkInterface::interfaceIndexFromName in Qt 6}
   */
  static interfaceIndexFromName(name: string): number {
    if (typeof name !== 'string') {
      throw new TypeError(`QNetworkInterface.interfaceIndexFromName: name must be a string, got ${describe(name)}`);
    }
    if (name === '') return 0;
    const n = toUInt(name);
    if (n >= 0) return n;
    return src().nameToIndex(name);
  }

  /**
   * The name of the interface with index `index` (if_indextoname); "" for 0 and when the system
   * knows no such interface (Qt 5.15 on Linux; its generic Unix code answers the decimal index).
   * As Qt's `int` parameter, a negative index is taken as unsigned.
   *
   * @param index - an interface index.
   * @returns the name.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#interfaceNameFromIndex | QNetworkInterface::interfaceNameFromIndex in Qt 6}
   */
  static interfaceNameFromIndex(index: number): string {
    checkInt32('QNetworkInterface.interfaceNameFromIndex', 'index', index);
    if (index === 0) return '';
    return src().indexToName(index >>> 0);
  }

  /**
   * Every interface of the host, in the system's order.
   *
   * @returns the interfaces.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#allInterfaces | QNetworkInterface::allInterfaces in Qt 6}
   */
  static allInterfaces(): QNetworkInterface[] {
    return all().map((d) => QNetworkInterface.#from(d));
  }

  /**
   * Every IP address of every interface that is up (`IsUp`), in the system's order.
   *
   * @returns the addresses.
   * @see {@link https://doc.qt.io/qt-6/qnetworkinterface.html#allAddresses | QNetworkInterface::allAddresses in Qt 6}
   */
  static allAddresses(): QHostAddress[] {
    const out: QHostAddress[] = [];
    for (const d of all()) {
      if ((d.flags & InterfaceFlag.IsUp) === 0) continue;
      for (const e of d.entries) out.push(e.ip());
    }
    return out;
  }
}

/** Type names nested in the class, as in Qt (`QNetworkInterface.InterfaceFlags`). */
export declare namespace QNetworkInterface {
  /** One `QNetworkInterface.InterfaceFlag` value. */
  type InterfaceFlag = import('./QNetworkInterface.js').InterfaceFlag;
  /** An or-combination of `QNetworkInterface.InterfaceFlag` values. */
  type InterfaceFlags = import('./QNetworkInterface.js').InterfaceFlags;
  /** One `QNetworkInterface.InterfaceType` value. */
  type InterfaceType = import('./QNetworkInterface.js').InterfaceType;
}
