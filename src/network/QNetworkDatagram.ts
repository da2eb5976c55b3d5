// SPDX-License-Identifier: MIT
import { Buffer } from 'node:buffer';
import { QHostAddress, toHostAddress } from './QHostAddress.js';
import type { SpecialAddress } from './QHostAddress.js';
import type { DatagramHeader } from './private/SocketEngine.js';
import { describeQuoted as describe } from '../core/private/describe.js';
import { checkInt32, checkPort, checkUnsigned } from './private/args.js';

function toBuffer(where: string, data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return Buffer.from(data);
  throw new TypeError(`${where}: data must be a Uint8Array or a string, got ${describe(data)}`);
}

/**
 * One UDP datagram with its header: payload, sender and destination address and port, hop limit
 * (TTL) and interface index. `QUdpSocket.receiveDatagram()` returns one; `writeDatagram()` sends one.
 *
 * A default-constructed datagram is null: empty data, null addresses, ports -1, hop limit -1,
 * interface index 0. A datagram is valid when its sender or destination address is not null (an empty
 * payload is fine). The port getters return -1 whenever the matching address is null.
 *
 * #### Differences from Qt
 * {@link QNetworkDatagram.data} returns a `Buffer` (not a copy: the datagram's own payload; the
 * constructor and {@link QNetworkDatagram.setData} copy what they are given). Addresses may also be
 * given as IP literal strings.
 *
 * An IPv4 sender address is honoured when the datagram is sent (`IP_PKTINFO`'s `ipi_spec_dst`), so
 * a {@link QNetworkDatagram.makeReply | makeReply()} answer leaves from the address the question
 * came to, as IPv6 replies do in Qt. Qt 5.15 puts an IPv4 sender into `ipi_addr`, which Linux
 * ignores on send: there the reply leaves from the socket's own address, and a sender address the
 * host does not have is ignored instead of failing the send (tsqt: NetworkError "Unable to send a
 * message").
 *
 * @example
 * ```ts
 * import { QHostAddress, QNetworkDatagram, QUdpSocket } from 'tsqt';
 *
 * const server = new QUdpSocket();
 * server.bind(QHostAddress.LocalHost, 0);
 * const client = new QUdpSocket();
 * const dg = new QNetworkDatagram('ping', QHostAddress.LocalHost, server.localPort());
 * dg.setHopLimit(1);
 * client.writeDatagram(dg);
 * server.waitForReadyRead(1000);
 * const received = server.receiveDatagram();
 * server.writeDatagram(received.makeReply('pong')); // addressed back to the client
 * client.waitForReadyRead(1000);
 * console.log(client.receiveDatagram().data().toString()); // "pong"
 * client.dispose();
 * server.dispose();
 * ```
 *
 * @category Network
 * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html | QNetworkDatagram in Qt 6}
 */
export class QNetworkDatagram {
  #data: Buffer = Buffer.alloc(0);
  #sender: QHostAddress = new QHostAddress();
  #senderPort = 0;
  #dest: QHostAddress = new QHostAddress();
  #destPort = 0;
  #hopLimit = -1;
  #ifindex = 0;

  /** Constructs a null datagram (see the class description). */
  constructor();
  /**
   * Constructs a datagram to send: `data` addressed to `destinationAddress`:`port`. Without a
   * destination (null address, port 0), a connected socket sends it to its peer.
   *
   * @param data - the payload (copied; a string is encoded as UTF-8).
   * @param destinationAddress - where to send it (a QHostAddress, special address or IP literal);
   *   null by default.
   * @param port - the destination port, 0..65535; 0 by default.
   */
  constructor(data: Uint8Array | string, destinationAddress?: QHostAddress | SpecialAddress | string, port?: number);
  /**
   * Constructs a copy of `other`.
   *
   * @param other - the datagram to copy.
   */
  constructor(other: QNetworkDatagram);
  constructor(
    data?: Uint8Array | string | QNetworkDatagram,
    destinationAddress?: QHostAddress | SpecialAddress | string,
    port: number = 0,
  ) {
    if (data === undefined) return;
    if (data instanceof QNetworkDatagram) {
      this.#data = Buffer.from(data.#data);
      this.#sender = new QHostAddress(data.#sender);
      this.#senderPort = data.#senderPort;
      this.#dest = new QHostAddress(data.#dest);
      this.#destPort = data.#destPort;
      this.#hopLimit = data.#hopLimit;
      this.#ifindex = data.#ifindex;
      return;
    }
    const buf = toBuffer('QNetworkDatagram', data);
    const dest =
      destinationAddress === undefined
        ? new QHostAddress()
        : new QHostAddress(toHostAddress(destinationAddress, 'QNetworkDatagram', 'destinationAddress'));
    this.#destPort = checkPort('QNetworkDatagram', port);
    this.#data = buf;
    this.#dest = dest;
  }

  /**
   * Whether the datagram has a sender or a destination address.
   *
   * @returns true unless both addresses are null.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#isValid | QNetworkDatagram::isValid in Qt 6}
   */
  isValid(): boolean {
    return !this.#sender.isNull() || !this.#dest.isNull();
  }

  /**
   * The opposite of {@link QNetworkDatagram.isValid}.
   *
   * @returns true when both addresses are null.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#isNull | QNetworkDatagram::isNull in Qt 6}
   */
  isNull(): boolean {
    return !this.isValid();
  }

  /**
   * Empties the datagram: no data, null addresses, hop limit -1, interface index 0.
   *
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#clear | QNetworkDatagram::clear in Qt 6}
   */
  clear(): void {
    this.#data = Buffer.alloc(0);
    this.#sender = new QHostAddress();
    this.#dest = new QHostAddress();
    this.#hopLimit = -1;
    this.#ifindex = 0;
  }

  /**
   * Exchanges the contents of this datagram and `other`.
   *
   * @param other - the datagram to swap with.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#swap | QNetworkDatagram::swap in Qt 6}
   */
  swap(other: QNetworkDatagram): void {
    if (!(other instanceof QNetworkDatagram)) {
      throw new TypeError(`QNetworkDatagram.swap: other must be a QNetworkDatagram, got ${describe(other)}`);
    }
    const t = new QNetworkDatagram(this);
    this.#assign(other);
    other.#assign(t);
  }

  #assign(o: QNetworkDatagram): void {
    this.#data = o.#data;
    this.#sender = o.#sender;
    this.#senderPort = o.#senderPort;
    this.#dest = o.#dest;
    this.#destPort = o.#destPort;
    this.#hopLimit = o.#hopLimit;
    this.#ifindex = o.#ifindex;
  }

  /**
   * The sender's address: for a received datagram, who sent it; for one to send, the source address
   * to use (null = the system's choice).
   *
   * @returns a copy of the address.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#senderAddress | QNetworkDatagram::senderAddress in Qt 6}
   */
  senderAddress(): QHostAddress {
    return new QHostAddress(this.#sender);
  }

  /**
   * The destination address: for a received datagram, the address it was sent to (this host's,
   * a broadcast or a multicast group; may be null when the system does not say); for one to send,
   * where it goes.
   *
   * @returns a copy of the address.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#destinationAddress | QNetworkDatagram::destinationAddress in Qt 6}
   */
  destinationAddress(): QHostAddress {
    return new QHostAddress(this.#dest);
  }

  /**
   * The sender's port, or -1 when the sender address is null.
   *
   * @returns the port.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#senderPort | QNetworkDatagram::senderPort in Qt 6}
   */
  senderPort(): number {
    return this.#sender.isNull() ? -1 : this.#senderPort;
  }

  /**
   * The destination port, or -1 when the destination address is null.
   *
   * @returns the port.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#destinationPort | QNetworkDatagram::destinationPort in Qt 6}
   */
  destinationPort(): number {
    return this.#dest.isNull() ? -1 : this.#destPort;
  }

  /**
   * Sets the sender address and port (for sending: the source address hint).
   *
   * @param address - the address (a QHostAddress, special address or IP literal).
   * @param port - the port, 0..65535; 0 by default.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#setSender | QNetworkDatagram::setSender in Qt 6}
   */
  setSender(address: QHostAddress | SpecialAddress | string, port: number = 0): void {
    const a = new QHostAddress(toHostAddress(address, 'QNetworkDatagram.setSender'));
    this.#senderPort = checkPort('QNetworkDatagram.setSender', port);
    this.#sender = a;
  }

  /**
   * Sets the destination address and port.
   *
   * @param address - the address (a QHostAddress, special address or IP literal).
   * @param port - the port, 0..65535.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#setDestination | QNetworkDatagram::setDestination in Qt 6}
   */
  setDestination(address: QHostAddress | SpecialAddress | string, port: number): void {
    const a = new QHostAddress(toHostAddress(address, 'QNetworkDatagram.setDestination'));
    this.#destPort = checkPort('QNetworkDatagram.setDestination', port);
    this.#dest = a;
  }

  /**
   * The hop limit: for a received datagram, its TTL / hop count when the system reports it, else -1;
   * for one to send, the TTL to use (-1 = the system's default).
   *
   * @returns the hop limit.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#hopLimit | QNetworkDatagram::hopLimit in Qt 6}
   */
  hopLimit(): number {
    return this.#hopLimit;
  }

  /**
   * Sets the hop limit (TTL) to send with; -1 means the system's default.
   *
   * @param count - the hop limit (an integer; 1..255 are meaningful).
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#setHopLimit | QNetworkDatagram::setHopLimit in Qt 6}
   */
  setHopLimit(count: number): void {
    // Qt's int: what the OS then refuses at send time (above 255) is writeDatagram's error
    this.#hopLimit = checkInt32('QNetworkDatagram.setHopLimit', 'count', count);
  }

  /**
   * The interface index: for a received datagram, the interface it arrived on (0 if unknown); for one
   * to send, the interface to send it through (0 = the system's choice).
   *
   * @returns the interface index.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#interfaceIndex | QNetworkDatagram::interfaceIndex in Qt 6}
   */
  interfaceIndex(): number {
    return this.#ifindex;
  }

  /**
   * Sets the interface to send through (0 = the system's choice).
   *
   * @param index - an interface index (see {@link QNetworkInterface.index}).
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#setInterfaceIndex | QNetworkDatagram::setInterfaceIndex in Qt 6}
   */
  setInterfaceIndex(index: number): void {
    this.#ifindex = checkUnsigned('QNetworkDatagram.setInterfaceIndex', 'index', index, 0xffffffff);
  }

  /**
   * The payload.
   *
   * @returns the datagram's own `Buffer` (not a copy).
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#data | QNetworkDatagram::data in Qt 6}
   */
  data(): Buffer {
    return this.#data;
  }

  /**
   * Replaces the payload.
   *
   * @param data - the new payload (copied; a string is encoded as UTF-8).
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#setData | QNetworkDatagram::setData in Qt 6}
   */
  setData(data: Uint8Array | string): void {
    this.#data = toBuffer('QNetworkDatagram.setData', data);
  }

  /**
   * A datagram that answers this received one: `payload` addressed to this datagram's sender and
   * port, through the same interface, with the default hop limit; its sender is this datagram's
   * destination address and port (so the reply leaves from the address the request reached) unless
   * that address is multicast, in which case the sender stays null.
   *
   * @param payload - the reply's payload (copied; a string is encoded as UTF-8).
   * @returns the reply.
   * @see {@link https://doc.qt.io/qt-6/qnetworkdatagram.html#makeReply | QNetworkDatagram::makeReply in Qt 6}
   */
  makeReply(payload: Uint8Array | string): QNetworkDatagram {
    const r = new QNetworkDatagram();
    r.#data = toBuffer('QNetworkDatagram.makeReply', payload);
    r.#dest = new QHostAddress(this.#sender);
    r.#destPort = this.#senderPort;
    r.#ifindex = this.#ifindex;
    if (!this.#dest.isMulticast()) {
      r.#sender = new QHostAddress(this.#dest);
      r.#senderPort = this.#destPort;
    }
    return r;
  }

  /**
   * Builds a received datagram around `data` (kept, not copied) and the engine's header (its address
   * objects are kept too).
   * @internal
   */
  static fromHeader(data: Buffer, header: DatagramHeader): QNetworkDatagram {
    const d = new QNetworkDatagram();
    d.#data = data;
    d.#sender = header.senderAddress;
    d.#senderPort = header.senderPort;
    d.#dest = header.destinationAddress;
    d.#destPort = header.destinationPort;
    d.#hopLimit = header.hopLimit;
    d.#ifindex = header.ifindex;
    return d;
  }

  /**
   * The raw header to send with (ports as set, even where the getters say -1); the addresses are the
   * datagram's own objects.
   * @internal
   */
  header(): DatagramHeader {
    return {
      senderAddress: this.#sender,
      senderPort: this.#senderPort,
      destinationAddress: this.#dest,
      destinationPort: this.#destPort,
      hopLimit: this.#hopLimit,
      ifindex: this.#ifindex,
    };
  }
}
