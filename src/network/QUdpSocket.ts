// SPDX-License-Identifier: MIT
/**
 * QUdpSocket: UDP datagrams with Qt's semantics over tsqt's native socket engine.
 *
 * @packageDocumentation
 */
import type { QObject } from '../core/QObject.js';
import { qWarning } from '../core/qlogging.js';
import { peekSignal } from '../core/private/internals.js';
import { declareClass } from '../core/private/internals.js';
import { toBytes } from '../core/QIODevice.js';
import { checkSize } from '../core/private/args.js';
import { QAbstractSocket, SocketError, SocketState, SocketType, socketPrivate } from './QAbstractSocket.js';
import { checkPort } from './private/args.js';
import type { SocketPrivate } from './QAbstractSocket.js';
import { QHostAddress, toHostAddress } from './QHostAddress.js';
import type { SpecialAddress } from './QHostAddress.js';
import { QNetworkDatagram } from './QNetworkDatagram.js';
import { QNetworkInterface } from './QNetworkInterface.js';
import { HeaderOptions } from './private/SocketEngine.js';
import type { DatagramHeader } from './private/SocketEngine.js';
import { describeQuoted as describe } from '../core/private/describe.js';

const NO_DATA: [null, QHostAddress, number] = [null, new QHostAddress(), 0];

function notBound(fn: string): void {
  qWarning(`QUdpSocket::${fn}() called on a QUdpSocket when not in QUdpSocket::BoundState`);
}

/**
 * A UDP socket: bind, send and receive datagrams, connect to a default peer, join multicast
 * groups — with Qt's signals, in Qt's order, and Qt's return values.
 *
 * ```ts
 * import { QUdpSocket, QHostAddress } from 'tsqt';
 * const socket = new QUdpSocket();
 * socket.bind(QHostAddress.LocalHost, 7755);           // true, BoundState at once
 * socket.readyRead.connect(() => {
 *   while (socket.hasPendingDatagrams()) {
 *     const [data, sender, senderPort] = socket.readDatagram(socket.pendingDatagramSize());
 *     console.log(data, sender.toString(), senderPort);
 *   }
 * });
 * socket.writeDatagram('hi', QHostAddress.LocalHost, 7755); // 2 (bytes), or -1
 * ```
 *
 * Datagrams stay in the kernel until read. `readyRead` is emitted once when datagrams arrive and
 * not again until one is read: read every datagram in the slot (or at least one), otherwise no
 * further readyRead comes. It is never emitted recursively, and the next one comes on a later
 * pass of the event loop, never inside `readDatagram()`.
 *
 * An open socket keeps the Node process alive (as a `dgram` socket does) until it is closed or
 * disposed.
 *
 * #### Differences from Qt
 * - `readDatagram(maxSize)` returns PyQt's triple `[data, host, port]`; with nothing to read it
 *   returns `[null, new QHostAddress(), 0]` after setting the error as Qt does.
 * - Data is `Uint8Array | string` (a string is sent as UTF-8); received data is a `Buffer`.
 * - Addresses are QHostAddress objects or IP literal strings; a string that is not an IP address
 *   throws a TypeError (Qt would silently use the null address, which binds/sends to 0.0.0.0).
 * - readyRead follows Qt 6.7's fixed rule (see {@link QAbstractSocket}).
 *
 * @category Network
 * @see {@link https://doc.qt.io/qt-6/qudpsocket.html | QUdpSocket in Qt 6}
 */
export class QUdpSocket extends QAbstractSocket {
  readonly #d: SocketPrivate;
  /** The header the engine fills on reads (it stores fresh address objects in it each time). */
  readonly #rx: DatagramHeader;

  /**
   * Creates an unbound UDP socket (no OS socket exists until bind(), connectToHost() or the first
   * writeDatagram()).
   * @param parent - the QObject parent, or null
   */
  constructor(parent: QObject | null = null) {
    super(SocketType.UdpSocket, parent);
    this.#d = socketPrivate(this);
    this.#d.cls = 'QUdpSocket';
    this.#rx = {
      senderAddress: NO_DATA[1],
      senderPort: 0,
      destinationAddress: NO_DATA[1],
      destinationPort: 0,
      hopLimit: -1,
      ifindex: 0,
    };
  }

  // ---- receiving ---------------------------------------------------------------------------

  /**
   * @returns true if at least one datagram is waiting to be read (false also when the check
   *   consumed a pending socket error, as in Qt); warns and returns false without an OS socket
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#hasPendingDatagrams | hasPendingDatagrams in Qt 6}
   */
  hasPendingDatagrams(): boolean {
    const d = this.#d.live('hasPendingDatagrams');
    const e = d.engine;
    if (e === null || !e.isValid()) {
      notBound('hasPendingDatagrams');
      return false;
    }
    return e.hasPendingDatagrams();
  }

  /**
   * @returns the size of the first pending datagram (0 for an empty one), or -1 when none;
   *   warns and returns -1 without an OS socket
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#pendingDatagramSize | pendingDatagramSize in Qt 6}
   */
  pendingDatagramSize(): number {
    const d = this.#d.live('pendingDatagramSize');
    const e = d.engine;
    if (e === null || !e.isValid()) {
      notBound('pendingDatagramSize');
      return -1;
    }
    return e.pendingDatagramSize();
  }

  /**
   * Receives one datagram, at most `maxSize` bytes of it (the rest of that datagram is lost;
   * `maxSize` 0 discards it).
   * @param maxSize - the maximum number of bytes (use pendingDatagramSize() to get all)
   * @returns `[data, senderAddress, senderPort]`; `[null, new QHostAddress(), 0]` when nothing
   *   could be read (error TemporaryError "No datagram available for reading" or the engine's
   *   error is set and errorOccurred emitted), or without an OS socket (with Qt's warning)
   * @throws TypeError when `maxSize` is not an integer; RangeError when it is negative
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#readDatagram | readDatagram in Qt 6}
   */
  readDatagram(maxSize: number): [data: Buffer, host: QHostAddress, port: number] | [data: null, host: QHostAddress, port: 0] {
    const d = this.#d;
    if (d.dead) d.live('readDatagram');
    if (typeof maxSize !== 'number' || !Number.isInteger(maxSize) || maxSize < 0) checkSize('QUdpSocket.readDatagram', 'maxSize', maxSize);
    const e = d.engine;
    if (e === null || !e.isValid()) {
      notBound('readDatagram');
      return [null, new QHostAddress(), 0];
    }
    const rx = this.#rx;
    const r = e.readDatagram(maxSize, rx, HeaderOptions.Sender);
    d.pending = false;
    d.datagramSeen = false;
    e.setReadNotificationEnabled(true);
    if (typeof r === 'number') {
      if (r === -2) d.setErrorAndEmit(SocketError.TemporaryError, 'No datagram available for reading');
      else d.setErrorAndEmit(e.error() as SocketError, e.errorString());
      return [null, new QHostAddress(), 0];
    }
    return [r, rx.senderAddress, rx.senderPort];
  }

  /**
   * Receives one datagram with all its header information: sender, destination address and
   * port, hop limit and arrival interface (where the OS provides them).
   * @param maxSize - the maximum number of bytes; -1 (default), or any negative number as in Qt,
   *   means the size of the pending datagram
   * @returns the datagram; an invalid one when nothing is pending (with the default `maxSize`
   *   nothing else happens; with an explicit one the engine's error is emitted, as in Qt) or
   *   without an OS socket (with Qt's warning)
   * @throws TypeError when `maxSize` is not an integer (PyQt5: TypeError for 1.5); RangeError when it
   *   is above 2^53 - 1
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#receiveDatagram | receiveDatagram in Qt 6}
   */
  receiveDatagram(maxSize = -1): QNetworkDatagram {
    const d = this.#d.live('receiveDatagram');
    if (typeof maxSize !== 'number' || !Number.isInteger(maxSize)) {
      throw new TypeError(`QUdpSocket.receiveDatagram: maxSize must be an integer, got ${describe(maxSize)}`);
    }
    // beyond 2^53 a number is no longer an exact integer (Qt's qint64 would be)
    if (maxSize > Number.MAX_SAFE_INTEGER) throw new RangeError(`QUdpSocket.receiveDatagram: maxSize must be at most 2^53 - 1, got ${maxSize}`);
    const e = d.engine;
    if (e === null || !e.isValid()) {
      notBound('receiveDatagram');
      return new QNetworkDatagram();
    }
    if (maxSize < 0) {
      maxSize = e.pendingDatagramSize();
      if (maxSize < 0) return new QNetworkDatagram();
    }
    const hdr: DatagramHeader = {
      senderAddress: NO_DATA[1],
      senderPort: -1,
      destinationAddress: NO_DATA[1],
      destinationPort: -1,
      hopLimit: -1,
      ifindex: 0,
    };
    const r = e.readDatagram(maxSize, hdr, HeaderOptions.All);
    d.pending = false;
    d.datagramSeen = false;
    e.setReadNotificationEnabled(true);
    if (typeof r === 'number') {
      d.setErrorAndEmit(e.error() as SocketError, e.errorString());
      return new QNetworkDatagram();
    }
    return QNetworkDatagram.fromHeader(r, hdr);
  }

  // ---- sending -----------------------------------------------------------------------------

  /**
   * Sends one datagram to `host`:`port`. A socket without an OS socket is first created dual
   * stack and bound to Any:0 (stateChanged(BoundState) is emitted first). On success
   * bytesWritten(n) is emitted before the call returns.
   *
   * Overload: `writeDatagram(datagram)` sends a {@link QNetworkDatagram} with its destination,
   * hop limit, source address and interface (no destination: the connected peer).
   *
   * @param data - the payload (a string is sent as UTF-8)
   * @param host - the destination (QHostAddress or IP literal)
   * @param port - the destination port
   * @returns the number of bytes sent, or -1 (errorOccurred emitted; DatagramTooLargeError
   *   "Datagram was too large to send", NetworkError "Unable to send a message", TemporaryError
   *   "Unable to send a datagram" when the send buffer is full)
   * @throws TypeError / RangeError for bad arguments
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#writeDatagram | writeDatagram in Qt 6}
   */
  writeDatagram(data: Uint8Array | string, host: QHostAddress | SpecialAddress | string, port: number): number;
  /**
   * Sends `datagram` (see the other overload).
   * @param datagram - the datagram
   * @returns the number of bytes sent, or a negative number on failure (-2 when the send buffer
   *   is full, as Qt's QNetworkDatagram overload does)
   */
  writeDatagram(datagram: QNetworkDatagram): number;
  writeDatagram(a: Uint8Array | string | QNetworkDatagram, host?: QHostAddress | SpecialAddress | string, port?: number): number {
    const d = this.#d;
    if (d.dead) d.live('writeDatagram');
    if (a instanceof QNetworkDatagram) {
      if (host !== undefined || port !== undefined) {
        throw new TypeError('QUdpSocket.writeDatagram: a QNetworkDatagram takes no host or port arguments');
      }
      return this.#writeNetworkDatagram(d, a);
    }
    const bytes = toBytes('QUdpSocket.writeDatagram', 'data', a);
    if (host === undefined) throw new TypeError('QUdpSocket.writeDatagram: host is required');
    const address = toHostAddress(host, 'QUdpSocket.writeDatagram', 'host');
    checkPort('QUdpSocket.writeDatagram', port);
    if (!this.#ensureInitialized(d)) return -1;
    const e = d.engine;
    if (e === null) return -1;
    const h = d.sendHeader;
    h.destinationAddress = address;
    h.destinationPort = port!;
    const sent = e.writeDatagram(bytes, h);
    h.destinationAddress = NO_DATA[1];
    d.cachedSocketDescriptor = e.socketDescriptor();
    if (sent >= 0) {
      peekSignal<[number]>(this, 'bytesWritten')?.emit(sent);
      return sent;
    }
    if (sent === -2) {
      d.setErrorAndEmit(SocketError.TemporaryError, 'Unable to send a datagram');
      return -1;
    }
    d.setErrorAndEmit(e.error() as SocketError, e.errorString());
    return sent;
  }

  #writeNetworkDatagram(d: SocketPrivate, dg: QNetworkDatagram): number {
    if (!this.#ensureInitialized(d)) return -1;
    const e = d.engine;
    if (e === null) return -1;
    const h = dg.header();
    const sent = e.writeDatagram(dg.data(), h);
    d.cachedSocketDescriptor = e.socketDescriptor();
    if (sent >= 0) peekSignal<[number]>(this, 'bytesWritten')?.emit(sent);
    else d.setErrorAndEmit(e.error() as SocketError, e.errorString());
    return sent;
  }

  /** Qt's doEnsureInitialized(Any, 0, dest) followed by the implicit bind(). */
  #ensureInitialized(d: SocketPrivate): boolean {
    if (d.engine === null || !d.engine.isValid()) {
      if (!d.initSocketLayer(QHostAddress.Any.protocol())) return false;
    }
    if (d.state === SocketState.UnconnectedState) d.bind(QHostAddress.Any, 0, 0);
    return true;
  }

  // ---- multicast ---------------------------------------------------------------------------

  /**
   * Joins the multicast group `groupAddress`, on `iface` or on the interface the OS chooses.
   * Requires an OS socket (bind first, to AnyIPv4 for an IPv4 group: a dual-stack socket refuses
   * IPv4 groups with Qt's warning). Failures return false and do not change error().
   * @param groupAddress - the group (QHostAddress or IP literal)
   * @param iface - the interface (optional)
   * @returns true on success
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#joinMulticastGroup | joinMulticastGroup in Qt 6}
   */
  joinMulticastGroup(groupAddress: QHostAddress | SpecialAddress | string, iface?: QNetworkInterface): boolean {
    return this.#membership(true, groupAddress, iface);
  }

  /**
   * Leaves the multicast group (same arguments as the join). Failures return false and do not
   * change error().
   * @param groupAddress - the group (QHostAddress or IP literal)
   * @param iface - the interface (optional)
   * @returns true on success
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#leaveMulticastGroup | leaveMulticastGroup in Qt 6}
   */
  leaveMulticastGroup(groupAddress: QHostAddress | SpecialAddress | string, iface?: QNetworkInterface): boolean {
    return this.#membership(false, groupAddress, iface);
  }

  #membership(join: boolean, groupAddress: QHostAddress | SpecialAddress | string, iface: QNetworkInterface | undefined): boolean {
    const fn = join ? 'joinMulticastGroup' : 'leaveMulticastGroup';
    const d = this.#d.live(fn);
    const group = toHostAddress(groupAddress, `QUdpSocket.${fn}`, 'groupAddress');
    if (iface !== undefined && !(iface instanceof QNetworkInterface)) {
      throw new TypeError(`QUdpSocket.${fn}: iface must be a QNetworkInterface, got ${describe(iface)}`);
    }
    const e = d.engine;
    if (e === null || !e.isValid()) {
      notBound(fn);
      return false;
    }
    return join ? e.joinMulticastGroup(group, iface ?? null) : e.leaveMulticastGroup(group, iface ?? null);
  }

  /**
   * @returns the outgoing interface for multicast datagrams; an invalid interface if never set or
   *   without an OS socket (with Qt's warning)
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#multicastInterface | multicastInterface in Qt 6}
   */
  multicastInterface(): QNetworkInterface {
    const d = this.#d.live('multicastInterface');
    const e = d.engine;
    if (e === null || !e.isValid()) {
      notBound('multicastInterface');
      return new QNetworkInterface();
    }
    return e.multicastInterface();
  }

  /**
   * Sets the outgoing interface for multicast datagrams. Without an OS socket it warns and does
   * nothing; failures are silent.
   * @param iface - the interface
   * @see {@link https://doc.qt.io/qt-6/qudpsocket.html#setMulticastInterface | setMulticastInterface in Qt 6}
   */
  setMulticastInterface(iface: QNetworkInterface): void {
    const d = this.#d.live('setMulticastInterface');
    if (!(iface instanceof QNetworkInterface)) {
      throw new TypeError(`QUdpSocket.setMulticastInterface: iface must be a QNetworkInterface, got ${describe(iface)}`);
    }
    const e = d.engine;
    if (e === null || !e.isValid()) {
      notBound('setMulticastInterface');
      return;
    }
    e.setMulticastInterface(iface);
  }
}

declareClass(QUdpSocket, { name: 'QUdpSocket', base: QAbstractSocket, signals: [], slots: [] });
