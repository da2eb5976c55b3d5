// SPDX-License-Identifier: MIT
/**
 * QAbstractSocket: the state machine, errors and QIODevice plumbing shared by tsqt's sockets.
 *
 * @packageDocumentation
 */
import { Buffer } from 'node:buffer';
import { lookup as dnsLookup } from 'node:dns';
import { execFileSync } from 'node:child_process';
import { QIODevice, OpenModeFlag, ioClearBuffer, ioSetErrorString } from '../core/QIODevice.js';
import { checkSize } from '../core/private/args.js';
import { checkFlagRange, checkInt32, checkPort } from './private/args.js';
import type { OpenMode } from '../core/QIODevice.js';
import type { QObject } from '../core/QObject.js';
import type { Signal } from '../core/Signal.js';
import { postEvent } from '../core/private/dispatcher.js';
import { QMetaCallEvent } from '../core/private/QMetaCallEvent.js';
import { qWarning } from '../core/qlogging.js';
import { declareClass, deletedError, lazySignal, peekSignal } from '../core/private/internals.js';
import { QHostAddress } from './QHostAddress.js';
import { cacheHost, cachedHost, lookupAddresses } from './private/hostCache.js';
import type { SpecialAddress } from './QHostAddress.js';
import { toHostAddress } from './QHostAddress.js';
import { NetworkLayerProtocol } from './NetworkLayerProtocol.js';
import { SocketError } from './SocketError.js';
import { EngineOption } from './private/SocketEngine.js';
import type { DatagramHeader, EngineProtocol, SocketEngine, SocketEngineReceiver } from './private/SocketEngine.js';
import { NativeSocketEngine, isEngineDescriptor } from './private/NativeSocketEngine.js';
import { loadNative } from '../private/native.js';
import { describeQuoted as describe } from '../core/private/describe.js';

export { NetworkLayerProtocol, SocketError };

/**
 * The socket type (Qt's `QAbstractSocket::SocketType`).
 * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#SocketType-enum | QAbstractSocket::SocketType in Qt 6}
 * @enum
 */
export const SocketType = {
  /** TCP (not implemented by tsqt). */
  TcpSocket: 0,
  /** UDP. */
  UdpSocket: 1,
  /** SCTP (not implemented by tsqt). */
  SctpSocket: 2,
  /** Other than TCP, UDP and SCTP. */
  UnknownSocketType: -1,
} as const;
/** One of the {@link SocketType} values. */
export type SocketType = (typeof SocketType)[keyof typeof SocketType];

/**
 * The states of a socket (Qt's `QAbstractSocket::SocketState`).
 * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#SocketState-enum | QAbstractSocket::SocketState in Qt 6}
 * @enum
 */
export const SocketState = {
  /** Not bound, not connected. */
  UnconnectedState: 0,
  /** Looking up a host name. */
  HostLookupState: 1,
  /** Connecting (UDP: passes through it synchronously). */
  ConnectingState: 2,
  /** Connected: has a default peer. */
  ConnectedState: 3,
  /** Bound to an address and port. */
  BoundState: 4,
  /** Listening (servers only). */
  ListeningState: 5,
  /** About to close. */
  ClosingState: 6,
} as const;
/** One of the {@link SocketState} values. */
export type SocketState = (typeof SocketState)[keyof typeof SocketState];

/**
 * How bind() shares the address and port with other sockets (Qt's `QAbstractSocket::BindFlag`).
 * Flags combine with `|`.
 * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#BindFlag-enum | QAbstractSocket::BindFlag in Qt 6}
 * @enum
 */
export const BindFlag = {
  /** The platform default (on Linux: exclusive, nothing is set). */
  DefaultForPlatform: 0x0,
  /** Allow other sockets to bind the same address and port (SO_REUSEADDR on Linux). */
  ShareAddress: 0x1,
  /** Bind exclusively (address reuse explicitly off). */
  DontShareAddress: 0x2,
  /** Rebind even if the address is in use (SO_REUSEADDR on Linux). */
  ReuseAddressHint: 0x4,
} as const;
/** One of the {@link BindFlag} values. */
export type BindFlag = (typeof BindFlag)[keyof typeof BindFlag];
/** A combination of {@link BindFlag} values (Qt's `QAbstractSocket::BindMode`). */
export type BindMode = number;

/**
 * When a socket pauses (Qt's `QAbstractSocket::PauseMode`).
 * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#PauseMode-enum | QAbstractSocket::PauseMode in Qt 6}
 * @enum
 */
export const PauseMode = {
  /** Never pause (the default). */
  PauseNever: 0x0,
  /** Pause on SSL errors (meaningless for UDP). */
  PauseOnSslErrors: 0x1,
} as const;
/** One of the {@link PauseMode} values. */
export type PauseMode = (typeof PauseMode)[keyof typeof PauseMode];
/** A combination of {@link PauseMode} values. */
export type PauseModes = number;

/**
 * Socket options for setSocketOption()/socketOption() (Qt's `QAbstractSocket::SocketOption`).
 * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#SocketOption-enum | QAbstractSocket::SocketOption in Qt 6}
 * @enum
 */
export const SocketOption = {
  /** TCP_NODELAY (TCP only: invalid on UDP). */
  LowDelayOption: 0,
  /** SO_KEEPALIVE. */
  KeepAliveOption: 1,
  /** IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS. */
  MulticastTtlOption: 2,
  /** IP_MULTICAST_LOOP / IPV6_MULTICAST_LOOP. */
  MulticastLoopbackOption: 3,
  /** IP_TOS (IPv4 sockets only). */
  TypeOfServiceOption: 4,
  /** SO_SNDBUF. */
  SendBufferSizeSocketOption: 5,
  /** SO_RCVBUF (Linux reports twice the value set). */
  ReceiveBufferSizeSocketOption: 6,
  /** IP_MTU / IPV6_MTU (connected sockets only). */
  PathMtuSocketOption: 7,
} as const;
/** One of the {@link SocketOption} values. */
export type SocketOption = (typeof SocketOption)[keyof typeof SocketOption];

const S = SocketState;
const E = SocketError;

const nativeEngineFactory = (): SocketEngine => new NativeSocketEngine();

/** Creates socket engines; replaceable for tests. @internal */
export let createSocketEngine: () => SocketEngine = nativeEngineFactory;

/**
 * Replaces the engine factory (tests); returns the previous one.
 * @internal
 */
export function setSocketEngineFactory(f: () => SocketEngine): () => SocketEngine {
  const prev = createSocketEngine;
  createSocketEngine = f;
  return prev;
}

/**
 * What a socket's constructor checks before QObject's runs (so that a refused socket never joins
 * its parent): the type, and that the native engine is there to make sockets with (DESIGN: a
 * socket cannot be constructed where the addon failed to build; the error says `npm rebuild`).
 * @returns `parent`
 */
function checkConstruction(socketType: unknown, parent: QObject | null): QObject | null {
  if (socketType !== SocketType.UdpSocket) {
    throw new RangeError(`QAbstractSocket: socketType must be QAbstractSocket.UdpSocket (only UDP is implemented), got ${describe(socketType)}`);
  }
  if (createSocketEngine === nativeEngineFactory) loadNative();
  return parent;
}

const OPTION_MAP: Record<number, EngineOption | undefined> = {
  [SocketOption.LowDelayOption]: EngineOption.LowDelay,
  [SocketOption.KeepAliveOption]: EngineOption.KeepAlive,
  [SocketOption.MulticastTtlOption]: EngineOption.MulticastTtl,
  [SocketOption.MulticastLoopbackOption]: EngineOption.MulticastLoopback,
  [SocketOption.TypeOfServiceOption]: EngineOption.TypeOfService,
  [SocketOption.SendBufferSizeSocketOption]: EngineOption.SendBufferSize,
  [SocketOption.ReceiveBufferSizeSocketOption]: EngineOption.ReceiveBufferSize,
  [SocketOption.PathMtuSocketOption]: EngineOption.PathMtu,
};

function checkOption(where: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${where}: option must be a QAbstractSocket.SocketOption value, got ${describe(v)}`);
  if (!Number.isInteger(v) || v < 0 || v > 7) throw new RangeError(`${where}: option must be a QAbstractSocket.SocketOption value (0..7), got ${v}`);
  return v;
}

function engineProtocol(p: number): EngineProtocol {
  return p === NetworkLayerProtocol.IPv6Protocol ? 1 : p === NetworkLayerProtocol.AnyIPProtocol ? 2 : 0;
}

/** The QHostInfo a lookup delivers. */
type LookupResult = QHostAddress[];

let lookupSeq = 0;

/**
 * Blocking host name lookup (Qt's QHostInfo::fromName, used by waitForConnected): Node has no
 * synchronous resolver, so a child Node process runs dns.lookup.
 */
function lookupSync(host: string): LookupResult {
  if (host.trim() === '') return [];
  const found = lookupSyncUncached(host);
  // Qt's QHostInfo::fromName() does not read the cache but fills it
  cacheHost(host, found);
  return found;
}

function lookupSyncUncached(host: string): LookupResult {
  try {
    const out = execFileSync(
      process.execPath,
      ['-e', 'require("dns").lookup(process.argv[1],{all:true},(e,a)=>process.stdout.write(JSON.stringify(e?[]:a.map(x=>x.address))))', host],
      { encoding: 'utf8', timeout: 30000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return lookupAddresses(JSON.parse(out) as string[]);
  } catch {
    return [];
  }
}

/**
 * The private state of a socket (Qt's QAbstractSocketPrivate): also the engine's receiver.
 * @internal
 */
export class SocketPrivate implements SocketEngineReceiver {
  readonly q: QAbstractSocket;
  /** Qt class name for argument errors ("QUdpSocket"). */
  cls: string;
  readonly socketType: SocketType;
  engine: SocketEngine | null = null;
  state: SocketState = S.UnconnectedState;
  socketError: SocketError = E.UnknownSocketError;
  hostName = '';
  port = 0;
  peerName = '';
  localAddress: QHostAddress = new QHostAddress();
  localPort = 0;
  peerAddress: QHostAddress = new QHostAddress();
  peerPort = 0;
  cachedSocketDescriptor = -1;
  abortCalled = false;
  closeCalled = false;
  pendingClose = false;
  /** Qt's hasPendingData: readyRead was emitted and nothing has been read since. */
  pending = false;
  /** Qt 6.7's hasPendingDatagram: that readyRead was for a real datagram. */
  datagramSeen = false;
  emittingReadyRead = false;
  emittingBytesWritten = false;
  readBufferMaxSize = 0;
  protocolTag = '';
  lookupId = -1;
  addresses: QHostAddress[] = [];
  preferredProtocol: number = NetworkLayerProtocol.UnknownNetworkLayerProtocol;
  pauseMode: PauseModes = PauseMode.PauseNever;
  /** Set once the object is gone: every public call throws. */
  dead = false;
  /** A header reused by sends (never handed out). */
  readonly sendHeader: DatagramHeader;

  constructor(q: QAbstractSocket, socketType: SocketType) {
    this.q = q;
    this.socketType = socketType;
    this.cls = socketType === SocketType.UdpSocket ? 'QUdpSocket' : 'QAbstractSocket';
    this.sendHeader = {
      senderAddress: new QHostAddress(),
      senderPort: 0,
      destinationAddress: new QHostAddress(),
      destinationPort: 0,
      hopLimit: -1,
      ifindex: 0,
    };
  }

  /** Throws the deleted-object error when the socket is gone. */
  live(method: string): this {
    if (this.dead) throw deletedError(this.q, method);
    return this;
  }

  // ---- errors ------------------------------------------------------------------------------

  setError(code: SocketError, text: string): void {
    this.socketError = code;
    ioSetErrorString(this.q, text);
  }

  setErrorAndEmit(code: SocketError, text: string): void {
    this.setError(code, text);
    peekSignal<[SocketError]>(this.q, 'errorOccurred')?.emit(code);
  }

  emitStateChanged(): void {
    peekSignal<[SocketState]>(this.q, 'stateChanged')?.emit(this.state);
  }

  // ---- the socket layer --------------------------------------------------------------------

  hasSocket(): boolean {
    return this.engine !== null && this.engine.isValid();
  }

  resetSocketLayer(): void {
    const e = this.engine;
    if (e !== null) {
      this.engine = null;
      e.receiver = null;
      e.close();
    }
    this.cachedSocketDescriptor = -1;
    this.pending = false;
    this.datagramSeen = false;
  }

  /** A new engine; when the addon is missing, the error is recorded before the Error is thrown. */
  newEngine(): SocketEngine {
    try {
      return createSocketEngine();
    } catch (err) {
      this.setError(E.UnsupportedSocketOperationError, 'Operation on socket is not supported');
      throw err;
    }
  }

  initSocketLayer(protocol: number): boolean {
    this.resetSocketLayer();
    const e = this.newEngine();
    if (!e.initialize(engineProtocol(protocol))) {
      this.setError(e.error() as SocketError, e.errorString());
      e.close();
      return false;
    }
    e.receiver = this;
    this.engine = e;
    this.pending = false;
    this.datagramSeen = false;
    return true;
  }

  bind(address: QHostAddress, port: number, mode: BindMode): boolean {
    if (!this.hasSocket()) {
      if (!this.initSocketLayer(address.protocol())) return false;
    }
    const e = this.engine!;
    if (mode !== BindFlag.DefaultForPlatform) {
      e.setOption(EngineOption.AddressReusable, (mode & (BindFlag.ShareAddress | BindFlag.ReuseAddressHint)) !== 0 ? 1 : 0);
    }
    const ok = e.bind(address, port);
    this.cachedSocketDescriptor = e.socketDescriptor();
    if (!ok) {
      this.setErrorAndEmit(e.error() as SocketError, e.errorString());
      return false;
    }
    this.state = S.BoundState;
    this.localAddress = e.localAddress();
    this.localPort = e.localPort();
    this.emitStateChanged();
    // a stateChanged slot may have closed the socket: then its notifier stays off, but bind()
    // still reports the bind it made (Qt 5.15: true, with the socket Unconnected)
    if (this.engine === e && this.socketType === SocketType.UdpSocket) e.setReadNotificationEnabled(true);
    return true;
  }

  /** Qt's QAbstractSocket::setSocketDescriptor(), once the arguments are checked. */
  setSocketDescriptor(fd: number, state: SocketState, mode: OpenMode): boolean {
    const e = this.newEngine();
    if (!e.initializeFromDescriptor(fd, state)) {
      this.setError(e.error() as SocketError, e.errorString());
      e.close();
      return false;
    }
    // Qt releases the previous OS socket before it looks at the descriptor; tsqt once it is taken
    this.resetSocketLayer();
    e.receiver = this;
    this.engine = e;
    this.socketError = E.UnknownSocketError;
    QIODevice.prototype.open.call(this.q, mode);
    if (this.state !== state) {
      this.state = state;
      this.emitStateChanged();
      if (this.dead) return true;
    }
    this.pendingClose = false;
    // a stateChanged slot may have closed the socket meanwhile (Qt would then crash)
    if (this.engine !== e) return true;
    e.setReadNotificationEnabled(true);
    this.localPort = e.localPort();
    this.peerPort = e.peerPort();
    this.localAddress = e.localAddress();
    this.peerAddress = e.peerAddress();
    this.cachedSocketDescriptor = fd;
    return true;
  }

  // ---- connecting --------------------------------------------------------------------------

  connectToHost(hostName: string, port: number, mode: OpenMode, protocol: number): void {
    const q = this.q;
    if (this.state === S.ConnectedState || this.state === S.ConnectingState || this.state === S.ClosingState || this.state === S.HostLookupState) {
      qWarning(`QAbstractSocket::connectToHost() called when already looking up or connecting/connected to "${hostName}"`);
      this.setErrorAndEmit(E.OperationError, 'Trying to connect while connection is in progress');
      return;
    }
    this.preferredProtocol = protocol;
    this.hostName = hostName;
    this.port = port;
    this.abortCalled = false;
    this.pendingClose = false;
    if (this.state !== S.BoundState) {
      this.state = S.UnconnectedState;
      this.localPort = 0;
      this.localAddress = new QHostAddress();
    }
    this.peerPort = 0;
    this.peerAddress = new QHostAddress();
    this.peerName = hostName;
    this.lookupId = -1;
    this.socketError = E.UnknownSocketError;
    QIODevice.prototype.open.call(q, mode | OpenModeFlag.Unbuffered);
    this.state = S.HostLookupState;
    this.emitStateChanged();
    if (this.dead || this.state !== S.HostLookupState) return;
    const literal = new QHostAddress(hostName);
    if (!literal.isNull()) {
      this.startConnecting([literal]);
      return;
    }
    // Qt's qt_qhostinfo_lookup(): a name resolved in the last 60 s connects inside the call
    const cached = cachedHost(hostName);
    if (cached !== null) {
      this.startConnecting(cached);
      return;
    }
    const id = ++lookupSeq;
    this.lookupId = id;
    const found = (addrs: QHostAddress[]): void => {
      // deliver from the event loop (user code runs only inside a pass); dropped if q is deleted
      const deliver = (): void => {
        if (this.dead || this.lookupId !== id) return;
        this.startConnecting(addrs);
      };
      postEvent(q, new QMetaCallEvent(deliver, q, null, null, [], null, null), 0);
    };
    if (hostName.trim() === '') {
      found([]);
      return;
    }
    dnsLookup(hostName, { all: true }, (err, list) => {
      const addrs = err ? [] : lookupAddresses(list.map((a) => a.address));
      // cached when resolved, even if the socket gave the lookup up meanwhile (Qt's runnable)
      cacheHost(hostName, addrs);
      found(addrs);
    });
  }

  abortHostLookup(): void {
    this.lookupId = -1;
  }

  /** Qt's _q_startConnecting(). */
  startConnecting(found: QHostAddress[]): void {
    const q = this.q;
    this.addresses = [];
    if (this.state !== S.HostLookupState) return;
    this.lookupId = -1;
    const pref = this.preferredProtocol;
    this.addresses =
      pref === NetworkLayerProtocol.UnknownNetworkLayerProtocol || pref === NetworkLayerProtocol.AnyIPProtocol
        ? found.slice()
        : found.filter((a) => a.protocol() === pref);
    // as Qt 5.15: every address is tried twice, in order (A, B, A, B)
    this.addresses = this.addresses.concat(this.addresses);
    if (this.addresses.length === 0) {
      this.state = S.UnconnectedState;
      this.setError(E.HostNotFoundError, 'Host not found');
      this.emitStateChanged();
      if (this.dead) return;
      peekSignal<[SocketError]>(q, 'errorOccurred')?.emit(E.HostNotFoundError);
      return;
    }
    this.state = S.ConnectingState;
    this.emitStateChanged();
    // Qt 5.15 goes on whatever a stateChanged slot did: after an abort() there (the socket is
    // Unconnected, its OS socket released) it connects on a fresh OS socket and emits connected,
    // the device staying closed; a close()/disconnectFromHost() there is only recorded
    if (this.dead) return;
    peekSignal<[]>(q, 'hostFound')?.emit();
    if (this.dead) return;
    this.connectToNextAddress();
  }

  /** Qt's _q_connectToNextAddress() for UDP: connect() completes at once. */
  connectToNextAddress(): void {
    for (;;) {
      if (this.addresses.length === 0) {
        this.state = S.UnconnectedState;
        const e = this.engine;
        // Qt turns an unknown error into ConnectionRefusedError only while its engine is still
        // connecting, which a UDP connect(2) never is: EAFNOSUPPORT (an IPv4 socket and an
        // IPv6 peer) stays UnknownSocketError "Unknown error", as PyQt5 5.15 reports
        if (e !== null) this.setError(e.error() as SocketError, e.errorString());
        this.emitStateChanged();
        if (this.dead) return;
        peekSignal<[SocketError]>(this.q, 'errorOccurred')?.emit(this.socketError);
        return;
      }
      const host = this.addresses.shift()!;
      // as Qt, an OS socket is made for each address unless one is in use (bound, or kept from a
      // bind or an earlier connection): a socket whose connect failed is not reused
      if (this.cachedSocketDescriptor === -1 || !this.hasSocket()) {
        if (!this.initSocketLayer(host.protocol())) continue;
      }
      const e = this.engine!;
      if (e.connectToHost(host, this.port)) {
        this.fetchConnectionParameters();
        if (this.pendingClose && !this.dead && this.state === S.ConnectedState) {
          this.pendingClose = false;
          this.q.disconnectFromHost();
        }
        return;
      }
    }
  }

  fetchConnectionParameters(): void {
    const e = this.engine!;
    this.peerName = this.hostName;
    e.setReadNotificationEnabled(true);
    this.localPort = e.localPort();
    this.peerPort = e.peerPort();
    this.localAddress = e.localAddress();
    this.peerAddress = e.peerAddress();
    this.cachedSocketDescriptor = e.socketDescriptor();
    this.pending = false;
    this.datagramSeen = false;
    this.state = S.ConnectedState;
    this.emitStateChanged();
    // Qt emits connected() even when a stateChanged slot has already closed the socket again
    if (this.dead) return;
    peekSignal<[]>(this.q, 'connected')?.emit();
  }

  // ---- teardown ----------------------------------------------------------------------------

  disconnectFromHost(): void {
    const q = this.q;
    if (this.state === S.UnconnectedState) return;
    if (!this.abortCalled && (this.state === S.ConnectingState || this.state === S.HostLookupState)) {
      this.pendingClose = true;
      return;
    }
    if (this.engine !== null) this.engine.setReadNotificationEnabled(false);
    if (this.abortCalled) {
      if (this.state === S.HostLookupState) this.abortHostLookup();
    } else if (this.state !== S.ClosingState) {
      this.state = S.ClosingState;
      this.emitStateChanged();
      if (this.dead) return;
    }
    const previous = this.state;
    this.resetSocketLayer();
    this.state = S.UnconnectedState;
    this.emitStateChanged();
    peekSignal<[]>(q, 'readChannelFinished')?.emit();
    if (previous === S.ConnectedState || previous === S.ClosingState) peekSignal<[]>(q, 'disconnected')?.emit();
    this.localPort = 0;
    this.peerPort = 0;
    this.localAddress = new QHostAddress();
    this.peerAddress = new QHostAddress();
    this.peerName = '';
    if (this.closeCalled) {
      ioClearBuffer(q);
      this.closeCalled = false;
    }
  }

  // ---- reading -----------------------------------------------------------------------------

  /** The engine's read notification (SocketEngineReceiver). */
  readNotification(): void {
    this.canReadNotification();
  }

  /** The engine's write notification: UDP has nothing queued, so it is switched off. */
  writeNotification(): void {
    this.engine?.setWriteNotificationEnabled(false);
  }

  /**
   * Qt's canReadNotification() for an unbuffered (UDP) socket, with Qt 6.7's fix (UDP-R3):
   * after a readyRead that nobody answered by reading, the notifier is switched off only once a
   * real datagram was seen; a spurious notification (an ICMP error) does not swallow the next
   * datagram. A second spurious notification (nothing to read) does switch it off, as Qt 5.15
   * does, so that a pending socket error is left for the next call to report (trace
   * udp_connected_icmp) and the notifier does not spin.
   * @returns true when the notification was handled
   */
  canReadNotification(): boolean {
    const e = this.engine;
    if (e === null) return false;
    if (this.pending) {
      // a datagram pending now is detected without consuming a socket error (FIONREAD)
      if (this.datagramSeen || e.bytesAvailable() <= 0) {
        e.setReadNotificationEnabled(false);
        return true;
      }
      this.datagramSeen = true;
    } else {
      this.pending = true;
      this.datagramSeen = e.bytesAvailable() > 0 || e.hasPendingDatagrams();
    }
    this.emitReadyRead();
    return true;
  }

  /** Emits readyRead (never recursively) and channelReadyRead(0). */
  emitReadyRead(): void {
    const q = this.q;
    if (!this.emittingReadyRead) {
      const sig = peekSignal<[]>(q, 'readyRead');
      if (sig !== null) {
        this.emittingReadyRead = true;
        try {
          sig.emit();
        } finally {
          this.emittingReadyRead = false;
        }
      }
    }
    if (!this.dead) peekSignal<[number]>(q, 'channelReadyRead')?.emit(0);
  }

  /** Emits bytesWritten (never recursively) and channelBytesWritten(0, n) — QIODevice::write's path. */
  emitBytesWritten(n: number): void {
    const q = this.q;
    if (!this.emittingBytesWritten) {
      const sig = peekSignal<[number]>(q, 'bytesWritten');
      if (sig !== null) {
        this.emittingBytesWritten = true;
        try {
          sig.emit(n);
        } finally {
          this.emittingBytesWritten = false;
        }
      }
    }
    if (!this.dead) peekSignal<[number, number]>(q, 'channelBytesWritten')?.emit(0, n);
  }

  /** The socket was read: the next notification may emit readyRead again. */
  rearm(): void {
    this.pending = false;
    this.datagramSeen = false;
    this.engine?.setReadNotificationEnabled(true);
  }

  /** The engine's error, as the socket's error, emitted. */
  engineErrorAndEmit(): void {
    const e = this.engine;
    if (e === null) this.setErrorAndEmit(E.UnknownSocketError, 'Unknown error');
    else this.setErrorAndEmit(e.error() as SocketError, e.errorString());
  }
}

let privateOf: (s: QAbstractSocket) => SocketPrivate;

/**
 * The private state of a socket, for QUdpSocket (same package).
 * @internal
 */
export function socketPrivate(s: QAbstractSocket): SocketPrivate {
  return privateOf(s);
}

/**
 * The base of tsqt's sockets: Qt's socket state machine (bind, connectToHost, disconnectFromHost,
 * close, abort), errors with Qt's codes and texts, local and peer addresses, socket options, the
 * blocking `waitFor...()` calls, and the QIODevice interface (`read()`/`write()` on a connected
 * socket).
 *
 * Only UDP exists in tsqt: create a {@link QUdpSocket}. Every enum is reachable scoped
 * (`QAbstractSocket.SocketState.BoundState`) and unscoped (`QAbstractSocket.BoundState`).
 *
 * #### Differences from Qt
 * - Host names are resolved with Node's `dns.lookup` (as `getaddrinfo`); the result is delivered
 *   from the event loop (a name resolved in the last 60 s is taken from the cache inside the
 *   call, as Qt does). `waitForConnected()` during a lookup resolves synchronously in a child
 *   process (Node has no blocking resolver).
 * - A `close()` or `disconnectFromHost()` during the host lookup or the connection attempt (also
 *   from a stateChanged slot for HostLookupState or ConnectingState, with an IP address) is
 *   carried out once the socket has connected: stateChanged(ClosingState),
 *   stateChanged(UnconnectedState), readChannelFinished and disconnected follow connected.
 *   Qt 5.15 records it but, for UDP, acts on it only inside `waitForConnected()`, so there the
 *   socket stays connected (after close(), with its device closed). tsqt does not follow Qt
 *   here because a request to close would otherwise be dropped without a word and the OS socket
 *   kept receiving. `abort()` from such a slot behaves as in Qt (see {@link QAbstractSocket.abort}).
 * - No proxies, no TCP/SCTP; `setSocketDescriptor()` takes UDP sockets only (see there).
 * - readyRead follows Qt 6.7's rule (QT_SEMANTICS UDP-R3) rather than 5.15's: a spurious read
 *   notification does not switch the notifier off before a datagram was seen.
 * - Qt 5.15's deprecated `error(SocketError)` signal does not exist: `error()` is the getter and
 *   `errorOccurred` the signal.
 * - Bad arguments (ports outside 0..65535, non-integer sizes, host strings that are not IP
 *   literals where an address is expected) throw `TypeError`/`RangeError` naming the method.
 *
 * @category Network
 * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html | QAbstractSocket in Qt 6}
 */
export class QAbstractSocket extends QIODevice {
  /** {@inheritDoc SocketType} */
  static readonly SocketType = SocketType;
  /** {@inheritDoc SocketType.TcpSocket} */
  static readonly TcpSocket = SocketType.TcpSocket;
  /** {@inheritDoc SocketType.UdpSocket} */
  static readonly UdpSocket = SocketType.UdpSocket;
  /** {@inheritDoc SocketType.SctpSocket} */
  static readonly SctpSocket = SocketType.SctpSocket;
  /** {@inheritDoc SocketType.UnknownSocketType} */
  static readonly UnknownSocketType = SocketType.UnknownSocketType;

  /** {@inheritDoc SocketState} */
  static readonly SocketState = SocketState;
  /** {@inheritDoc SocketState.UnconnectedState} */
  static readonly UnconnectedState = SocketState.UnconnectedState;
  /** {@inheritDoc SocketState.HostLookupState} */
  static readonly HostLookupState = SocketState.HostLookupState;
  /** {@inheritDoc SocketState.ConnectingState} */
  static readonly ConnectingState = SocketState.ConnectingState;
  /** {@inheritDoc SocketState.ConnectedState} */
  static readonly ConnectedState = SocketState.ConnectedState;
  /** {@inheritDoc SocketState.BoundState} */
  static readonly BoundState = SocketState.BoundState;
  /** {@inheritDoc SocketState.ListeningState} */
  static readonly ListeningState = SocketState.ListeningState;
  /** {@inheritDoc SocketState.ClosingState} */
  static readonly ClosingState = SocketState.ClosingState;

  /** {@inheritDoc SocketError} */
  static readonly SocketError = SocketError;
  /** {@inheritDoc SocketError.ConnectionRefusedError} */
  static readonly ConnectionRefusedError = SocketError.ConnectionRefusedError;
  /** {@inheritDoc SocketError.RemoteHostClosedError} */
  static readonly RemoteHostClosedError = SocketError.RemoteHostClosedError;
  /** {@inheritDoc SocketError.HostNotFoundError} */
  static readonly HostNotFoundError = SocketError.HostNotFoundError;
  /** {@inheritDoc SocketError.SocketAccessError} */
  static readonly SocketAccessError = SocketError.SocketAccessError;
  /** {@inheritDoc SocketError.SocketResourceError} */
  static readonly SocketResourceError = SocketError.SocketResourceError;
  /** {@inheritDoc SocketError.SocketTimeoutError} */
  static readonly SocketTimeoutError = SocketError.SocketTimeoutError;
  /** {@inheritDoc SocketError.DatagramTooLargeError} */
  static readonly DatagramTooLargeError = SocketError.DatagramTooLargeError;
  /** {@inheritDoc SocketError.NetworkError} */
  static readonly NetworkError = SocketError.NetworkError;
  /** {@inheritDoc SocketError.AddressInUseError} */
  static readonly AddressInUseError = SocketError.AddressInUseError;
  /** {@inheritDoc SocketError.SocketAddressNotAvailableError} */
  static readonly SocketAddressNotAvailableError = SocketError.SocketAddressNotAvailableError;
  /** {@inheritDoc SocketError.UnsupportedSocketOperationError} */
  static readonly UnsupportedSocketOperationError = SocketError.UnsupportedSocketOperationError;
  /** {@inheritDoc SocketError.UnfinishedSocketOperationError} */
  static readonly UnfinishedSocketOperationError = SocketError.UnfinishedSocketOperationError;
  /** {@inheritDoc SocketError.ProxyAuthenticationRequiredError} */
  static readonly ProxyAuthenticationRequiredError = SocketError.ProxyAuthenticationRequiredError;
  /** {@inheritDoc SocketError.SslHandshakeFailedError} */
  static readonly SslHandshakeFailedError = SocketError.SslHandshakeFailedError;
  /** {@inheritDoc SocketError.ProxyConnectionRefusedError} */
  static readonly ProxyConnectionRefusedError = SocketError.ProxyConnectionRefusedError;
  /** {@inheritDoc SocketError.ProxyConnectionClosedError} */
  static readonly ProxyConnectionClosedError = SocketError.ProxyConnectionClosedError;
  /** {@inheritDoc SocketError.ProxyConnectionTimeoutError} */
  static readonly ProxyConnectionTimeoutError = SocketError.ProxyConnectionTimeoutError;
  /** {@inheritDoc SocketError.ProxyNotFoundError} */
  static readonly ProxyNotFoundError = SocketError.ProxyNotFoundError;
  /** {@inheritDoc SocketError.ProxyProtocolError} */
  static readonly ProxyProtocolError = SocketError.ProxyProtocolError;
  /** {@inheritDoc SocketError.OperationError} */
  static readonly OperationError = SocketError.OperationError;
  /** {@inheritDoc SocketError.SslInternalError} */
  static readonly SslInternalError = SocketError.SslInternalError;
  /** {@inheritDoc SocketError.SslInvalidUserDataError} */
  static readonly SslInvalidUserDataError = SocketError.SslInvalidUserDataError;
  /** {@inheritDoc SocketError.TemporaryError} */
  static readonly TemporaryError = SocketError.TemporaryError;
  /** {@inheritDoc SocketError.UnknownSocketError} */
  static readonly UnknownSocketError = SocketError.UnknownSocketError;

  /** {@inheritDoc NetworkLayerProtocol} */
  static readonly NetworkLayerProtocol = NetworkLayerProtocol;
  /** {@inheritDoc NetworkLayerProtocol.IPv4Protocol} */
  static readonly IPv4Protocol = NetworkLayerProtocol.IPv4Protocol;
  /** {@inheritDoc NetworkLayerProtocol.IPv6Protocol} */
  static readonly IPv6Protocol = NetworkLayerProtocol.IPv6Protocol;
  /** {@inheritDoc NetworkLayerProtocol.AnyIPProtocol} */
  static readonly AnyIPProtocol = NetworkLayerProtocol.AnyIPProtocol;
  /** {@inheritDoc NetworkLayerProtocol.UnknownNetworkLayerProtocol} */
  static readonly UnknownNetworkLayerProtocol = NetworkLayerProtocol.UnknownNetworkLayerProtocol;

  /** {@inheritDoc BindFlag} */
  static readonly BindFlag = BindFlag;
  /** {@inheritDoc BindFlag.DefaultForPlatform} */
  static readonly DefaultForPlatform = BindFlag.DefaultForPlatform;
  /** {@inheritDoc BindFlag.ShareAddress} */
  static readonly ShareAddress = BindFlag.ShareAddress;
  /** {@inheritDoc BindFlag.DontShareAddress} */
  static readonly DontShareAddress = BindFlag.DontShareAddress;
  /** {@inheritDoc BindFlag.ReuseAddressHint} */
  static readonly ReuseAddressHint = BindFlag.ReuseAddressHint;

  /** {@inheritDoc PauseMode} */
  static readonly PauseMode = PauseMode;
  /** {@inheritDoc PauseMode.PauseNever} */
  static readonly PauseNever = PauseMode.PauseNever;
  /** {@inheritDoc PauseMode.PauseOnSslErrors} */
  static readonly PauseOnSslErrors = PauseMode.PauseOnSslErrors;

  /** {@inheritDoc SocketOption} */
  static readonly SocketOption = SocketOption;
  /** {@inheritDoc SocketOption.LowDelayOption} */
  static readonly LowDelayOption = SocketOption.LowDelayOption;
  /** {@inheritDoc SocketOption.KeepAliveOption} */
  static readonly KeepAliveOption = SocketOption.KeepAliveOption;
  /** {@inheritDoc SocketOption.MulticastTtlOption} */
  static readonly MulticastTtlOption = SocketOption.MulticastTtlOption;
  /** {@inheritDoc SocketOption.MulticastLoopbackOption} */
  static readonly MulticastLoopbackOption = SocketOption.MulticastLoopbackOption;
  /** {@inheritDoc SocketOption.TypeOfServiceOption} */
  static readonly TypeOfServiceOption = SocketOption.TypeOfServiceOption;
  /** {@inheritDoc SocketOption.SendBufferSizeSocketOption} */
  static readonly SendBufferSizeSocketOption = SocketOption.SendBufferSizeSocketOption;
  /** {@inheritDoc SocketOption.ReceiveBufferSizeSocketOption} */
  static readonly ReceiveBufferSizeSocketOption = SocketOption.ReceiveBufferSizeSocketOption;
  /** {@inheritDoc SocketOption.PathMtuSocketOption} */
  static readonly PathMtuSocketOption = SocketOption.PathMtuSocketOption;

  static {
    declareClass(QAbstractSocket, {
      name: 'QAbstractSocket',
      base: QIODevice,
      signals: ['hostFound()', 'connected()', 'disconnected()', 'stateChanged(QAbstractSocket::SocketState)', 'errorOccurred(QAbstractSocket::SocketError)'],
      slots: [],
      // Qt 5.15's Q_ENUMs, in qabstractsocket.h's order (BindFlag and PauseMode are not registered)
      enums: ['SocketType', 'NetworkLayerProtocol', 'SocketError', 'SocketState', 'SocketOption'],
    });
    privateOf = (s) => s.#d;
  }

  readonly #d: SocketPrivate;

  /**
   * Creates a socket of `socketType`. Use {@link QUdpSocket} rather than this class.
   * @param socketType - the socket type
   * @param parent - the QObject parent, or null
   */
  constructor(socketType: SocketType, parent: QObject | null = null) {
    super(checkConstruction(socketType, parent));
    this.#d = new SocketPrivate(this, socketType);
  }

  // ---- signals -----------------------------------------------------------------------------

  /**
   * Emitted after connectToHost() found the host (after the ConnectingState change).
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#hostFound | hostFound in Qt 6}
   */
  get hostFound(): Signal<[]> {
    return lazySignal<[]>(this, 'hostFound');
  }

  /**
   * Emitted when connectToHost() has connected (synchronously for an IP literal).
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#connected | connected in Qt 6}
   */
  get connected(): Signal<[]> {
    return lazySignal<[]>(this, 'connected');
  }

  /**
   * Emitted when the socket has been disconnected; also by close() of a bound socket (it passes
   * through ClosingState), as in Qt.
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#disconnected | disconnected in Qt 6}
   */
  get disconnected(): Signal<[]> {
    return lazySignal<[]>(this, 'disconnected');
  }

  /**
   * Emitted, synchronously, whenever the state changes; the argument is the new state.
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#stateChanged | stateChanged in Qt 6}
   */
  get stateChanged(): Signal<[state: SocketState]> {
    return lazySignal<[SocketState]>(this, 'stateChanged');
  }

  /**
   * Emitted, synchronously from the failing call, after error()/errorString() were updated.
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#errorOccurred | errorOccurred in Qt 6}
   */
  get errorOccurred(): Signal<[socketError: SocketError]> {
    return lazySignal<[SocketError]>(this, 'errorOccurred');
  }

  // ---- binding and connecting --------------------------------------------------------------

  /**
   * Binds to `address` and `port` (0: any free port). Synchronous: on success the state is
   * BoundState, stateChanged(BoundState) has been emitted and localPort() is known; on failure
   * errorOccurred has been emitted and the socket stays Unconnected (its OS socket is kept).
   *
   * Overloads: `bind(address, port?, mode?)` and `bind(port?, mode?)` (binds `QHostAddress.Any`).
   *
   * @param address - a QHostAddress (a null one binds 0.0.0.0, as in Qt) or an IP literal string
   * @param port - 0..65535
   * @param mode - {@link BindFlag} values: ShareAddress or ReuseAddressHint set SO_REUSEADDR,
   *   DontShareAddress clears it, DefaultForPlatform sets nothing
   * @returns true on success
   * @throws TypeError for a string that is not an IP address; TypeError for a port or mode that is not an integer; RangeError for one out of range
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#bind | bind in Qt 6}
   */
  bind(address: QHostAddress | SpecialAddress | string, port?: number, mode?: BindMode): boolean;
  /**
   * Binds to `QHostAddress.Any` and `port`.
   * @param port - 0..65535 (default 0: any free port)
   * @param mode - {@link BindFlag} values
   * @returns true on success
   */
  bind(port?: number, mode?: BindMode): boolean;
  bind(a?: QHostAddress | SpecialAddress | string | number, b?: number, c?: BindMode): boolean {
    const d = this.#d.live('bind');
    const where = `${d.cls}.bind`;
    let address: QHostAddress;
    let port: number;
    let mode: number;
    if (a === undefined || typeof a === 'number') {
      port = a === undefined ? 0 : checkPort(where, a);
      mode = b === undefined ? 0 : checkFlagRange(where, 'mode', b, 7);
      address = QHostAddress.Any;
    } else {
      address = toHostAddress(a, where);
      port = b === undefined ? 0 : checkPort(where, b);
      mode = c === undefined ? 0 : checkFlagRange(where, 'mode', c, 7);
    }
    return d.bind(address, port, mode);
  }

  /**
   * Connects to `host` (UDP: sets the default peer). For an IP address everything happens inside
   * the call: stateChanged(HostLookupState), stateChanged(ConnectingState), hostFound,
   * stateChanged(ConnectedState), connected. A host name is resolved first (only
   * stateChanged(HostLookupState) happens inside the call; the rest follows from the event loop),
   * unless it was resolved in the last 60 seconds: as with Qt's host cache (128 names,
   * successful lookups only) it then connects inside the call like an address.
   * A bound socket keeps its local address and port.
   *
   * A name's addresses are tried in the resolver's order (getaddrinfo's, as Qt's QHostInfo
   * gives them: `::1` before `127.0.0.1` when both are listed for localhost), and the whole list
   * twice, as in Qt: the first connect(2) that succeeds wins (a socket bound to 127.0.0.1
   * connects to 127.0.0.1, the `::1` attempt failing silently). An unbound socket gets a new OS
   * socket, of the address's protocol, for each attempt; a bound one keeps its own. When all
   * fail, the socket becomes Unconnected and errorOccurred reports the error its OS socket
   * recorded first (a bound socket's: that of its first attempt).
   *
   * Differences from Qt: once connected, a socket delivers and counts only datagrams from its
   * peer. Qt (like the Linux kernel) still delivers datagrams that other senders queued on a
   * bound socket before the connect; tsqt drops them silently (every read API: readyRead,
   * read, readDatagram, receiveDatagram, hasPendingDatagrams, pendingDatagramSize,
   * bytesAvailable). The peer's own earlier datagrams are kept.
   * @param host - a QHostAddress, or a host name or IP literal
   * @param port - 0..65535
   * @param mode - the open mode (default ReadWrite); Unbuffered is always added
   * @param protocol - restrict a host name's addresses to one protocol (default AnyIPProtocol)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#connectToHost | connectToHost in Qt 6}
   */
  connectToHost(host: QHostAddress | SpecialAddress | string, port: number, mode: OpenMode = OpenModeFlag.ReadWrite, protocol: NetworkLayerProtocol = NetworkLayerProtocol.AnyIPProtocol): void {
    const d = this.#d.live('connectToHost');
    const where = `${d.cls}.connectToHost`;
    let name: string;
    if (host instanceof QHostAddress) name = host.toString();
    else if (typeof host === 'string') name = host;
    else throw new TypeError(`${where}: host must be a QHostAddress or a string, got ${describe(host)}`);
    checkPort(where, port);
    checkFlagRange(where, 'mode', mode, 0xff);
    if (protocol !== -1 && protocol !== 0 && protocol !== 1 && protocol !== 2) {
      throw new RangeError(`${where}: protocol must be a QAbstractSocket.NetworkLayerProtocol value, got ${describe(protocol)}`);
    }
    d.connectToHost(name, port, mode, protocol);
  }

  /**
   * Disconnects: for UDP at once (nothing to flush). Emits stateChanged(ClosingState),
   * stateChanged(UnconnectedState), readChannelFinished and disconnected (the latter also for a
   * merely bound socket, as in Qt). The device stays open. No-op when Unconnected.
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#disconnectFromHost | disconnectFromHost in Qt 6}
   */
  disconnectFromHost(): void {
    this.#d.live('disconnectFromHost').disconnectFromHost();
  }

  /**
   * Closes the device (aboutToClose if it was open), then disconnects (see
   * {@link QAbstractSocket.disconnectFromHost}) and releases the OS socket.
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#close | close in Qt 6}
   */
  override close(): void {
    const d = this.#d.live('close');
    super.close();
    if (d.dead) return;
    if (d.state !== S.UnconnectedState) {
      d.closeCalled = true;
      d.disconnectFromHost();
      // during a host lookup or a connection attempt the disconnect is only recorded: the OS
      // socket (a bound one's, too) stays in use for the connection, as in Qt
      if (d.pendingClose) return;
    }
    d.localPort = 0;
    d.peerPort = 0;
    d.localAddress = new QHostAddress();
    d.peerAddress = new QHostAddress();
    d.peerName = '';
    // the descriptor goes with the OS socket only (Qt's resetSocketLayer): an unconnected socket
    // that keeps its OS socket (after a refused bind) still reports it, and a later
    // connectToHost() uses it, with the options set on it
  }

  /**
   * Aborts: closes at once without the Closing state (stateChanged(UnconnectedState),
   * readChannelFinished, and disconnected only if it was connected). Does nothing on an
   * Unconnected socket (Qt 5.15). Until the next connectToHost(), later closes behave the same way.
   *
   * Called from a slot of stateChanged(ConnectingState), it does not stop the connection, as in
   * Qt 5.15: once the slot returns, hostFound, stateChanged(ConnectedState) and connected follow,
   * on a new OS socket (a bound socket's address and port are not kept), and the device stays
   * closed (`isOpen()` false; readDatagram()/writeDatagram() work). From a slot of
   * stateChanged(HostLookupState) it does stop it.
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#abort | abort in Qt 6}
   */
  abort(): void {
    const d = this.#d.live('abort');
    if (d.state === S.UnconnectedState) return;
    d.abortCalled = true;
    this.close();
  }

  /**
   * Releases the socket (Qt's destructor aborts a socket that is not Unconnected), then deletes
   * the object as QObject.dispose() does.
   * @see {@link https://doc.qt.io/qt-6/qobject.html#dtor.QObject | ~QObject in Qt 6}
   */
  override dispose(): void {
    const d = this.#d;
    if (!d.dead) {
      if (d.state !== S.UnconnectedState) {
        try {
          this.abort();
        } finally {
          d.resetSocketLayer();
        }
      } else {
        d.resetSocketLayer();
      }
      d.dead = true;
    }
    super.dispose();
  }

  // ---- state queries -----------------------------------------------------------------------

  /**
   * @returns the current state
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#state | state in Qt 6}
   */
  state(): SocketState {
    return this.#d.live('state').state;
  }

  /**
   * @returns the last error (not reset by later successes; connectToHost() resets it)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#error | error in Qt 6}
   */
  error(): SocketError {
    return this.#d.live('error').socketError;
  }

  /**
   * @returns the socket type (UdpSocket)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#socketType | socketType in Qt 6}
   */
  socketType(): SocketType {
    return this.#d.live('socketType').socketType;
  }

  /**
   * @returns true while an OS socket exists (bound or connected, or kept after a failed bind);
   *   without one, whether the device is open
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#isValid | isValid in Qt 6}
   */
  isValid(): boolean {
    const d = this.#d.live('isValid');
    return d.engine !== null ? d.engine.isValid() : this.isOpen();
  }

  /**
   * @returns the OS descriptor, or -1
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#socketDescriptor | socketDescriptor in Qt 6}
   */
  socketDescriptor(): number {
    return this.#d.live('socketDescriptor').cachedSocketDescriptor;
  }

  /**
   * Makes the socket use an existing OS descriptor, as Qt's does: on success the previous OS
   * socket is closed, error() is reset, the device is opened with `openMode` (as given: Unbuffered
   * is not added), the state becomes `state` (stateChanged is emitted if it changes; no other
   * signal), read notifications are on, and the local and peer addresses are the kernel's. The
   * socket then owns the descriptor: close(), abort() and dispose() close it.
   *
   * A descriptor that is not open (or a negative number other than -1) is refused as in Qt:
   * false, UnsupportedSocketOperationError "Invalid socket descriptor"; -1 gives false with
   * UnknownSocketError "Unknown error". No errorOccurred is emitted.
   *
   * #### Differences from Qt
   * - Qt 5.15 takes any open descriptor (a regular file, a pipe, a TCP or Unix-domain socket,
   *   another QUdpSocket's) and enters `state` with it. tsqt's engine can only serve UDP over
   *   IPv4/IPv6, and polling a file or a pipe would fail or spin, so it refuses a descriptor that
   *   is not a socket (false, UnsupportedSocketOperationError "Operation on non-socket") and a
   *   socket of another kind (UnsupportedSocketOperationError "Protocol type not supported"),
   *   and a UDP socket that Node itself already watches, such as a `dgram` socket's
   *   (UnsupportedSocketOperationError "Unsupported socket operation"); none of them is changed.
   * - Qt releases the previous OS socket before it looks at the descriptor, so a refused
   *   descriptor leaves the socket in its old state without an OS socket (a bound socket stays
   *   BoundState with `socketDescriptor()` -1). tsqt checks first: a refused descriptor leaves
   *   the socket as it was (only error()/errorString() are set).
   * - Another QUdpSocket's descriptor (or this one's) is a programming error (Qt's documentation
   *   says two sockets cannot share one; Qt 5.15 takes it and both then use it): RangeError.
   * - Qt converts the descriptor to an int, so a number beyond 32 bits names another
   *   descriptor (PyQt5 takes 2**40 as 0, stdin); tsqt throws a RangeError. A `state` outside
   *   the {@link SocketState} values (Qt takes 99 and reports it from state()) is a RangeError.
   * - An adopted descriptor is made non-blocking and gets Qt's broadcast option, as in Qt, but
   *   not the packet-information options a socket tsqt creates has: as with Qt, receiveDatagram()
   *   then reports no destination address or hop limit.
   * @param socketDescriptor - the OS descriptor of a UDP socket
   * @param state - the state to enter (default ConnectedState, whatever the descriptor's own)
   * @param openMode - the open mode (default ReadWrite)
   * @returns true when the descriptor was taken
   * @throws TypeError when an argument is not an integer; RangeError for a descriptor beyond 32
   *   bits or held by a QUdpSocket, a state that is not a SocketState value, or an open mode
   *   outside 0..0xff
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setSocketDescriptor | setSocketDescriptor in Qt 6}
   */
  setSocketDescriptor(socketDescriptor: number, state: SocketState = S.ConnectedState, openMode: OpenMode = OpenModeFlag.ReadWrite): boolean {
    const d = this.#d.live('setSocketDescriptor');
    const where = `${d.cls}.setSocketDescriptor`;
    checkInt32(where, 'socketDescriptor', socketDescriptor);
    if (typeof state !== 'number' || !Number.isInteger(state)) {
      throw new TypeError(`${where}: state must be a QAbstractSocket.SocketState value, got ${describe(state)}`);
    }
    if (state < S.UnconnectedState || state > S.ClosingState) {
      throw new RangeError(`${where}: state must be a QAbstractSocket.SocketState value (0..6), got ${state}`);
    }
    checkFlagRange(where, 'openMode', openMode, 0xff);
    if (isEngineDescriptor(socketDescriptor)) {
      throw new RangeError(`${where}: socketDescriptor ${socketDescriptor} is already a QUdpSocket's descriptor (two sockets cannot share one)`);
    }
    return d.setSocketDescriptor(socketDescriptor, state, openMode);
  }

  /**
   * @returns the bound local address (a null address when not bound)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#localAddress | localAddress in Qt 6}
   */
  localAddress(): QHostAddress {
    return new QHostAddress(this.#d.live('localAddress').localAddress);
  }

  /**
   * @returns the bound local port, or 0
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#localPort | localPort in Qt 6}
   */
  localPort(): number {
    return this.#d.live('localPort').localPort;
  }

  /**
   * @returns the connected peer's address (a null address when not connected)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#peerAddress | peerAddress in Qt 6}
   */
  peerAddress(): QHostAddress {
    return new QHostAddress(this.#d.live('peerAddress').peerAddress);
  }

  /**
   * @returns the connected peer's port, or 0
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#peerPort | peerPort in Qt 6}
   */
  peerPort(): number {
    return this.#d.live('peerPort').peerPort;
  }

  /**
   * @returns the peer's name: the host name given to connectToHost() (or set with
   *   setPeerName()); after a disconnect, as in Qt, the host name of the last connectToHost()
   *   (Qt keeps it), or "" if there was none
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#peerName | peerName in Qt 6}
   */
  peerName(): string {
    const d = this.#d.live('peerName');
    return d.peerName === '' ? d.hostName : d.peerName;
  }

  /**
   * Sets the local address reported by localAddress() (for subclasses).
   * @param address - the address
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setLocalAddress | setLocalAddress in Qt 6}
   */
  protected setLocalAddress(address: QHostAddress): void {
    this.#d.live('setLocalAddress').localAddress = new QHostAddress(address);
  }

  /**
   * Sets the local port reported by localPort() (for subclasses).
   * @param port - the port
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setLocalPort | setLocalPort in Qt 6}
   */
  protected setLocalPort(port: number): void {
    this.#d.live('setLocalPort').localPort = checkPort(`${this.#d.cls}.setLocalPort`, port);
  }

  /**
   * Sets the peer address reported by peerAddress() (for subclasses).
   * @param address - the address
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setPeerAddress | setPeerAddress in Qt 6}
   */
  protected setPeerAddress(address: QHostAddress): void {
    this.#d.live('setPeerAddress').peerAddress = new QHostAddress(address);
  }

  /**
   * Sets the peer port reported by peerPort() (for subclasses).
   * @param port - the port
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setPeerPort | setPeerPort in Qt 6}
   */
  protected setPeerPort(port: number): void {
    this.#d.live('setPeerPort').peerPort = checkPort(`${this.#d.cls}.setPeerPort`, port);
  }

  /**
   * Sets the peer name reported by peerName() (for subclasses).
   * @param name - the name
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setPeerName | setPeerName in Qt 6}
   */
  protected setPeerName(name: string): void {
    this.#d.live('setPeerName').peerName = String(name);
  }

  /**
   * Sets the state without emitting stateChanged (for subclasses).
   * @param state - the state
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setSocketState | setSocketState in Qt 6}
   */
  protected setSocketState(state: SocketState): void {
    this.#d.live('setSocketState').state = state;
  }

  /**
   * Sets the error without emitting errorOccurred (for subclasses).
   * @param socketError - the error
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setSocketError | setSocketError in Qt 6}
   */
  protected setSocketError(socketError: SocketError): void {
    this.#d.live('setSocketError').socketError = socketError;
  }

  // ---- options -----------------------------------------------------------------------------

  /**
   * Sets an OS socket option. Ignored when no OS socket exists yet (before bind/connect), and
   * failures are silent, as in Qt.
   * @param option - a {@link SocketOption}
   * @param value - an integer (a boolean counts as 0/1)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setSocketOption | setSocketOption in Qt 6}
   */
  setSocketOption(option: SocketOption, value: number | boolean): void {
    const d = this.#d.live('setSocketOption');
    const where = `${d.cls}.setSocketOption`;
    checkOption(where, option);
    let v: number;
    if (typeof value === 'boolean') v = value ? 1 : 0;
    else if (typeof value === 'number' && Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff) v = value;
    else if (typeof value === 'number') throw new RangeError(`${where}: value must be a 32-bit integer, got ${value}`);
    else throw new TypeError(`${where}: value must be an integer or a boolean, got ${describe(value)}`);
    const eo = OPTION_MAP[option];
    if (d.engine === null || eo === undefined) return;
    d.engine.setOption(eo, v);
  }

  /**
   * Reads an OS socket option.
   * @param option - a {@link SocketOption}
   * @returns the value, or undefined where Qt returns an invalid QVariant (no OS socket yet,
   *   option not applicable, or getsockopt failed)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#socketOption | socketOption in Qt 6}
   */
  socketOption(option: SocketOption): number | undefined {
    const d = this.#d.live('socketOption');
    checkOption(`${d.cls}.socketOption`, option);
    const eo = OPTION_MAP[option];
    if (d.engine === null || eo === undefined) return undefined;
    const r = d.engine.option(eo);
    return r === undefined || r === -1 ? undefined : r;
  }

  /**
   * @returns the read buffer size set with setReadBufferSize() (0 = unlimited)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#readBufferSize | readBufferSize in Qt 6}
   */
  readBufferSize(): number {
    return this.#d.live('readBufferSize').readBufferMaxSize;
  }

  /**
   * Stores the read buffer size. UDP sockets are unbuffered (the kernel queues datagrams), so it
   * has no effect on buffering; on a connected socket it re-enables read notifications, as in Qt.
   * @param size - the size in bytes (0 = unlimited)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setReadBufferSize | setReadBufferSize in Qt 6}
   */
  setReadBufferSize(size: number): void {
    const d = this.#d.live('setReadBufferSize');
    checkSize(`${d.cls}.setReadBufferSize`, 'size', size);
    if (d.readBufferMaxSize === size) return;
    d.readBufferMaxSize = size;
    if (d.engine !== null && d.state === S.ConnectedState) d.engine.setReadNotificationEnabled(true);
  }

  /**
   * The tag set with {@link QAbstractSocket.setProtocolTag} ('' by default).
   * @returns the tag
   * @remarks
   * #### Differences from Qt
   * Qt passes the tag to the proxy factory's queries; tsqt has no proxies, so it is only stored.
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#protocolTag | protocolTag in Qt 6}
   */
  protocolTag(): string {
    return this.#d.live('protocolTag').protocolTag;
  }

  /**
   * Sets the protocol tag (Qt 5.13) that Qt gives the proxy factory; stored only (no proxies).
   * @param tag - the tag
   * @throws TypeError if `tag` is not a string
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setProtocolTag | setProtocolTag in Qt 6}
   */
  setProtocolTag(tag: string): void {
    const d = this.#d.live('setProtocolTag');
    if (typeof tag !== 'string') throw new TypeError(`${d.cls}.setProtocolTag: tag must be a string, got ${describe(tag)}`);
    d.protocolTag = tag;
  }

  /**
   * @returns the pause mode
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#pauseMode | pauseMode in Qt 6}
   */
  pauseMode(): PauseModes {
    return this.#d.live('pauseMode').pauseMode;
  }

  /**
   * Sets when the socket pauses (only SSL errors pause; meaningless for UDP).
   * @param pauseMode - {@link PauseMode} values
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#setPauseMode | setPauseMode in Qt 6}
   */
  setPauseMode(pauseMode: PauseModes): void {
    const d = this.#d.live('setPauseMode');
    d.pauseMode = checkFlagRange(`${d.cls}.setPauseMode`, 'pauseMode', pauseMode, 1);
  }

  /**
   * Resumes a paused socket (UDP sockets never pause: nothing to do).
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#resume | resume in Qt 6}
   */
  resume(): void {
    this.#d.live('resume');
  }

  // ---- QIODevice ---------------------------------------------------------------------------

  /**
   * @returns true: sockets are sequential
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#isSequential | isSequential in Qt 6}
   */
  override isSequential(): boolean {
    return true;
  }

  /**
   * @returns the internal buffer plus what the kernel holds (on Linux the size of the first
   *   pending datagram only)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#bytesAvailable | bytesAvailable in Qt 6}
   */
  override bytesAvailable(): number {
    const d = this.#d.live('bytesAvailable');
    let n = super.bytesAvailable();
    // Qt adds the engine's answer as is: -1 (with its warning) on an OS socket neither bound nor connected
    if (d.engine !== null && d.engine.isValid()) n += d.engine.bytesAvailable();
    return n;
  }

  /**
   * @returns 0: UDP writes are never queued
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#bytesToWrite | bytesToWrite in Qt 6}
   */
  override bytesToWrite(): number {
    this.#d.live('bytesToWrite');
    return 0;
  }

  /**
   * @returns false: nothing is ever queued for writing on a UDP socket
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#flush | flush in Qt 6}
   */
  flush(): boolean {
    this.#d.live('flush');
    return false;
  }

  /**
   * @returns true when nothing can be read now
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#atEnd | atEnd in Qt 6}
   */
  override atEnd(): boolean {
    this.#d.live('atEnd');
    return super.atEnd();
  }

  /**
   * @returns true if a whole line is buffered (never for UDP in practice)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#canReadLine | canReadLine in Qt 6}
   */
  override canReadLine(): boolean {
    this.#d.live('canReadLine');
    return super.canReadLine();
  }

  /**
   * Reads from a connected socket: one datagram per call, the rest of a longer datagram is lost.
   * @param maxSize - the maximum number of bytes
   * @returns the bytes (empty when nothing is pending), or null on error
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#read | read in Qt 6}
   */
  override read(maxSize: number): Buffer | null {
    this.#d.live('read');
    return super.read(maxSize);
  }

  /**
   * Sends `data` as one datagram to the connected peer (a string is sent as UTF-8). On success
   * emits bytesWritten(n) (not recursively) and channelBytesWritten(0, n) before returning.
   * @param data - the bytes
   * @returns the byte count, or -1 (error()/errorString() set, no errorOccurred, as in Qt)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#write | write in Qt 6}
   */
  override write(data: Uint8Array | string): number {
    this.#d.live('write');
    return super.write(data);
  }

  /**
   * Qt's QAbstractSocket::readData(): one datagram from the connected socket.
   * @param maxSize - the maximum number of bytes
   * @returns the bytes, or null on error (the OS socket is then released, without signals, as in Qt)
   */
  protected override readData(maxSize: number): Buffer | null {
    const d = this.#d;
    const e = d.engine;
    if (e === null || !e.isValid() || d.state !== S.ConnectedState) return maxSize !== 0 ? null : Buffer.alloc(0);
    let r: Buffer | number = maxSize !== 0 ? e.read(maxSize) : 0;
    if (r === -2) r = 0;
    if (typeof r === 'number' && r < 0) {
      d.setError(e.error() as SocketError, e.errorString());
      d.resetSocketLayer();
      d.state = S.UnconnectedState;
      return null;
    }
    d.rearm();
    return typeof r === 'number' ? Buffer.alloc(0) : r;
  }

  /**
   * Qt's QAbstractSocket::writeData() for an unbuffered (UDP) socket: one datagram to the peer.
   * @param data - the bytes
   * @returns the byte count, or -1
   */
  protected override writeData(data: Buffer): number {
    const d = this.#d;
    if (d.state === S.UnconnectedState || d.engine === null) {
      d.setError(E.UnknownSocketError, 'Socket is not connected');
      return -1;
    }
    const written = d.engine.write(data);
    if (written < 0) {
      d.setError(d.engine.error() as SocketError, d.engine.errorString());
      return written;
    }
    d.emitBytesWritten(written);
    return written;
  }

  // ---- blocking waits ----------------------------------------------------------------------

  /**
   * Blocks until connected or `msecs` elapse. UDP connects at once; during a host lookup the
   * name is resolved synchronously. As in Qt 5.15, a socket that is neither connected nor
   * connecting (Bound) fails with SocketTimeoutError "Socket operation timed out": it goes to
   * UnconnectedState (stateChanged is emitted, errorOccurred is not) and loses its OS socket.
   * @param msecs - the timeout in milliseconds (-1: none)
   * @returns true when connected
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#waitForConnected | waitForConnected in Qt 6}
   */
  waitForConnected(msecs = 30000): boolean {
    const d = this.#d.live('waitForConnected');
    checkInt32(`${d.cls}.waitForConnected`, 'msecs', msecs);
    if (d.state === S.ConnectedState) return true;
    const wasPendingClose = d.pendingClose;
    d.pendingClose = false;
    if (d.state === S.HostLookupState) {
      d.abortHostLookup();
      const literal = new QHostAddress(d.hostName);
      d.startConnecting(literal.isNull() ? lookupSync(d.hostName) : [literal]);
    }
    if (d.dead || (d.state as SocketState) === S.UnconnectedState) return false;
    if ((d.state as SocketState) !== S.ConnectedState) {
      // Qt: the wait "timed out" without a connection attempt to wait for
      d.setError(E.SocketTimeoutError, 'Socket operation timed out');
      d.state = S.UnconnectedState;
      d.emitStateChanged();
      if (!d.dead) d.resetSocketLayer();
      return false;
    }
    if (wasPendingClose) this.disconnectFromHost();
    return true;
  }

  /**
   * Blocks in poll(2) until a datagram (or a socket error) is readable or `msecs` elapse, then
   * handles it as the event loop would (readyRead is emitted inside this call).
   * @param msecs - the timeout in milliseconds (-1: none)
   * @returns true if the socket became readable; false on timeout (SocketTimeoutError is set and
   *   errorOccurred emitted, as in Qt) or when not bound/connected
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#waitForReadyRead | waitForReadyRead in Qt 6}
   */
  override waitForReadyRead(msecs = 30000): boolean {
    const d = this.#d.live('waitForReadyRead');
    checkInt32(`${d.cls}.waitForReadyRead`, 'msecs', msecs);
    if (d.state === S.UnconnectedState) return false;
    const start = Date.now();
    if (d.state === S.HostLookupState || d.state === S.ConnectingState) {
      if (!this.waitForConnected(msecs)) return false;
    }
    for (;;) {
      if (d.state !== S.ConnectedState && d.state !== S.BoundState) return false;
      const e = d.engine;
      if (e === null) return false;
      const left = msecs < 0 ? -1 : Math.max(0, msecs - (Date.now() - start));
      if (!e.waitForRead(left)) {
        d.setErrorAndEmit(E.SocketTimeoutError, 'Network operation timed out');
        return false;
      }
      if (d.canReadNotification()) return true;
      if (msecs >= 0 && Date.now() - start >= msecs) return false;
    }
  }

  /**
   * UDP writes are never queued, so there is nothing to wait for.
   * @param msecs - the timeout in milliseconds
   * @returns false (Qt warns when the socket is Unconnected)
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#waitForBytesWritten | waitForBytesWritten in Qt 6}
   */
  override waitForBytesWritten(msecs = 30000): boolean {
    const d = this.#d.live('waitForBytesWritten');
    checkInt32(`${d.cls}.waitForBytesWritten`, 'msecs', msecs);
    if (d.state === S.UnconnectedState) {
      qWarning('QAbstractSocket::waitForBytesWritten() is not allowed in UnconnectedState');
    }
    return false;
  }

  /**
   * Blocks until the socket is Unconnected or `msecs` elapse. As in Qt 5.15 it does not
   * disconnect by itself: it waits in poll(2) (on a connected socket for datagrams, which are
   * handled as the event loop would, readyRead included; on a bound one for nothing) until
   * something, such as a slot, disconnects the socket. A UDP socket nobody disconnects
   * therefore times out: SocketTimeoutError "Network operation timed out" is set and
   * errorOccurred emitted, and the state is unchanged.
   *
   * Differs from Qt: Qt 5.15 never times out while a datagram nobody reads keeps a connected
   * socket readable (its loop polls, finds the socket readable and starts again, for ever);
   * tsqt gives up when `msecs` have elapsed, as it would have without that datagram.
   * @param msecs - the timeout in milliseconds (-1: none, which for a socket nobody
   *   disconnects blocks for ever, as in Qt)
   * @returns true once Unconnected; false on timeout, or (with Qt's warning) if it already was
   * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#waitForDisconnected | waitForDisconnected in Qt 6}
   */
  waitForDisconnected(msecs = 30000): boolean {
    const d = this.#d.live('waitForDisconnected');
    checkInt32(`${d.cls}.waitForDisconnected`, 'msecs', msecs);
    if (d.state === S.UnconnectedState) {
      qWarning('QAbstractSocket::waitForDisconnected() is not allowed in UnconnectedState');
      return false;
    }
    const start = Date.now();
    if (d.state === S.HostLookupState || d.state === S.ConnectingState) {
      if (!this.waitForConnected(msecs)) return false;
      if ((d.state as SocketState) === S.UnconnectedState) return true;
    }
    for (;;) {
      const e = d.engine;
      if (d.dead || e === null) return (d.state as SocketState) === S.UnconnectedState;
      const left = msecs < 0 ? -1 : Math.max(0, msecs - (Date.now() - start));
      const ready = e.waitForReadOrWrite(d.state === S.ConnectedState, false, left);
      if (ready < 0) {
        d.setErrorAndEmit(e.error() as SocketError, e.errorString());
        if (d.socketError !== E.SocketTimeoutError && !d.dead) this.close();
        return false;
      }
      if ((ready & 1) !== 0) d.canReadNotification();
      if ((d.state as SocketState) === S.UnconnectedState) return true;
      if (msecs >= 0 && Date.now() - start >= msecs) {
        // Qt 5.15 spins here for ever while an unread datagram keeps the socket readable
        d.setErrorAndEmit(E.SocketTimeoutError, 'Network operation timed out');
        return false;
      }
    }
  }
}
