/**
 * The socket engine interface: the counterpart of Qt's QAbstractSocketEngine.
 *
 * QAbstractSocket and QUdpSocket talk to the operating system only through this
 * interface, so that a second engine (for example one over `dgram`) can be added
 * without touching them. The engine never emits public signals: it reports
 * readiness upward through its {@link SocketEngineReceiver}, and failures by
 * returning `false`/`-1` and recording `error()`/`errorString()` (Qt's
 * first-error-wins rule, QT_SEMANTICS UDP-K2, except temporary conditions).
 *
 * Not part of the public API.
 */
import type { QHostAddress } from '../QHostAddress.js';
import type { QNetworkInterface } from '../QNetworkInterface.js';

/** Qt's QAbstractSocket::NetworkLayerProtocol values, as the engine uses them. */
export type EngineProtocol = 0 /* IPv4 */ | 1 /* IPv6 */ | 2 /* AnyIP: dual stack */;

/** What the engine tells its owner. Called from the dispatcher's notifier phase. */
export interface SocketEngineReceiver {
  /** The socket became readable (a datagram, or a pending socket error such as an ICMP). */
  readNotification(): void;
  /** The socket became writable (only while write notifications are enabled). */
  writeNotification(): void;
}

/** Header of a datagram: filled by readDatagram when asked, used by writeDatagram. */
export interface DatagramHeader {
  senderAddress: QHostAddress;
  senderPort: number;
  destinationAddress: QHostAddress;
  destinationPort: number;
  /** Received TTL / hop limit, or -1. On send: -1 = OS default. */
  hopLimit: number;
  /** Arrival interface index, or 0. On send: 0 = OS choice. */
  ifindex: number;
}

/** Which parts of the header a read should fill (Qt's PacketHeaderOptions). */
export const enum HeaderOptions {
  None = 0,
  /**
   * Sender address and port, and the destination port (what readDatagram needs); the header's
   * other fields are left as they were, so a reader may reuse one header without a fresh
   * destination address per datagram.
   */
  Sender = 1,
  /** Everything: destination, hop limit and interface as well (receiveDatagram). */
  All = 0xff,
}

/**
 * Qt's QAbstractSocket::SocketOption values the engine understands, plus the
 * engine-level options Qt keeps private (broadcast, address reuse, ...).
 */
export const enum EngineOption {
  LowDelay = 0,
  KeepAlive = 1,
  MulticastTtl = 2,
  MulticastLoopback = 3,
  TypeOfService = 4,
  SendBufferSize = 5,
  ReceiveBufferSize = 6,
  PathMtu = 7,
  // engine-private options (QAbstractSocketEngine::SocketOption), offset to avoid clashes
  Broadcast = 100,
  AddressReusable = 101,
  BindExclusively = 102,
  ReceivePacketInformation = 103,
  ReceiveHopLimit = 104,
}

/**
 * A socket engine. One engine owns at most one OS socket; `close()` releases it
 * (the engine may be initialized again afterwards).
 */
export interface SocketEngine {
  /** Receives readiness notifications. Set by the owner before enabling notifications. */
  receiver: SocketEngineReceiver | null;

  /**
   * Creates the OS socket (non-blocking UDP) for `protocol`: IPv4 → AF_INET; IPv6 → AF_INET6
   * with V6ONLY; AnyIP → AF_INET6 dual stack, falling back to AF_INET where IPv6 is missing.
   * Sets Qt's UDP defaults (broadcast, packet info, hop limit reception). False on failure.
   */
  initialize(protocol: EngineProtocol): boolean;
  /**
   * Takes an existing descriptor (Qt's initialize(socketDescriptor, state)), closing any OS socket
   * the engine had: it must be an open UDP socket over IPv4 or IPv6, which is made non-blocking
   * and gets Qt's broadcast option; `state` is the state the engine takes (Qt's own check of
   * reads, writes and binds then follows it). False with error() set when refused (the engine
   * then has no OS socket; the descriptor is left as it was).
   */
  initializeFromDescriptor(fd: number, state: number): boolean;
  /** True while an OS socket exists. */
  isValid(): boolean;
  /** The OS descriptor, or -1. */
  socketDescriptor(): number;
  /** The protocol the socket was created with (AnyIP for dual stack), or -1 when none. */
  protocol(): number;

  /** Binds; on success local address/port are read back from the kernel. */
  bind(address: QHostAddress, port: number): boolean;
  /** Connects (UDP: sets the default peer); synchronous. */
  connectToHost(address: QHostAddress, port: number): boolean;
  /** Stops notifications and closes the OS socket (never while its fd is polled). Idempotent. */
  close(): void;

  localAddress(): QHostAddress;
  localPort(): number;
  peerAddress(): QHostAddress;
  peerPort(): number;

  /** Qt's QAbstractSocket::SocketError value of the first recorded error, or -1. */
  error(): number;
  /** Qt's text for error(); "Unknown error" when none. */
  errorString(): string;

  hasPendingDatagrams(): boolean;
  /** Size of the next datagram (0 for an empty one), -1 when none. */
  pendingDatagramSize(): number;
  /** Kernel FIONREAD plus any engine-side queue: the size of the first datagram on Linux. */
  bytesAvailable(): number;
  /**
   * Receives one datagram, at most `maxSize` bytes (the rest is discarded).
   * Returns the bytes, or a negative number: -2 nothing pending (EAGAIN), -1 error
   * (error() set). When `header` is given, fills it as `options` asks.
   */
  readDatagram(maxSize: number, header: DatagramHeader | null, options: HeaderOptions): Buffer | number;
  /**
   * Sends one datagram to `header.destinationAddress:destinationPort` (or the connected peer when
   * the header is null). Returns bytes sent, -2 on EAGAIN, -1 on error (error() set).
   */
  writeDatagram(data: Uint8Array, header: DatagramHeader | null): number;
  /** Connected-socket read of one datagram (recv); Buffer, -2 on EAGAIN, -1 on error. */
  read(maxSize: number): Buffer | number;
  /** Connected-socket send; bytes, -1 on error. */
  write(data: Uint8Array): number;

  /** getsockopt; undefined where Qt returns an invalid QVariant. */
  option(option: EngineOption): number | undefined;
  /** setsockopt; false on failure (silent, as in Qt). */
  setOption(option: EngineOption, value: number): boolean;

  joinMulticastGroup(group: QHostAddress, iface: QNetworkInterface | null): boolean;
  leaveMulticastGroup(group: QHostAddress, iface: QNetworkInterface | null): boolean;
  multicastInterface(): QNetworkInterface;
  setMulticastInterface(iface: QNetworkInterface): boolean;

  isReadNotificationEnabled(): boolean;
  setReadNotificationEnabled(enable: boolean): void;
  isWriteNotificationEnabled(): boolean;
  setWriteNotificationEnabled(enable: boolean): void;

  /** Blocks in poll(2) until readable or `msecs` elapse (-1: forever). */
  waitForRead(msecs: number): boolean;
  /** Blocks in poll(2) until writable or `msecs` elapse. */
  waitForWrite(msecs: number): boolean;
  /**
   * Qt's waitForReadOrWrite: poll(2) for what is asked (neither: only errors and hang-ups) for at
   * most `msecs` (-1: no limit). Returns a mask (1 readable, 2 writable; 0 when poll(2) reported
   * only an error or hang-up of what was not asked), or -1 on timeout (the engine's error is then
   * SocketTimeoutError) or failure.
   */
  waitForReadOrWrite(checkRead: boolean, checkWrite: boolean, msecs: number): number;
}
