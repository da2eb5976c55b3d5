// SPDX-License-Identifier: MIT
/**
 * The native socket engine: the counterpart of Qt's QNativeSocketEngine over the tsqt addon
 * (non-blocking BSD sockets, synchronous calls, a uv_poll_t per socket as the notifier).
 *
 * Not part of the public API.
 * @internal
 * @module
 */
import { Buffer } from 'node:buffer';
import {
  addKeepAlive,
  notifierReady,
  registerNotifier,
  releaseKeepAlive,
  unregisterNotifier,
  type DispatcherNotifier,
} from '../../core/private/dispatcher.js';
import { qWarning } from '../../core/qlogging.js';
import {
  BATCH_MAX,
  BATCH_STRIDE,
  BatchField,
  Family,
  PollEvent,
  StateIndex,
  Want,
  loadNative,
  nativeState,
  type NativeBinding,
  type NativeState,
} from '../../private/native.js';
import { releasePoll, setPollEvents, sharePoll, type PollShare } from '../../private/fdPoll.js';
import { QHostAddress } from '../QHostAddress.js';
import { QNetworkInterface } from '../QNetworkInterface.js';
import {
  Errno,
  ErrorText,
  adoptError,
  SocketError,
  bindError,
  connectError,
  errnoOf,
  membershipError,
  receiveDatagramError,
  sendDatagramError,
  socketCreateError,
  writeError,
  type EngineError,
} from './errors.js';
import {
  EngineOption,
  HeaderOptions,
  type DatagramHeader,
  type EngineProtocol,
  type SocketEngine,
  type SocketEngineReceiver,
} from './SocketEngine.js';

const IPV4 = 0;
const IPV6 = 1;
const ANYIP = 2;

/** Engine-internal option: IPV6_V6ONLY (native TE_OPT_V6ONLY). */
const OPT_V6ONLY = 105;

const STATE_UNCONNECTED = 0;
const STATE_CONNECTED = 3;
const STATE_BOUND = 4;

/** dropStrangers: the receive queue is empty (the kernel filters everything later). */
const DROP_EMPTY = 0;
/** dropStrangers: a socket error is pending (left for the receive that follows). */
const DROP_ERROR = 2;
/** dropStrangers on a socket that is not connected. */
const ENOTCONN = errnoOf('ENOTCONN');

/** The largest datagram the engine reads in one call (the addon's receive buffer). */
const MAX_READ = 65536;

/** The payload budget of one batched read (DESIGN: at most 64 datagrams or 256 KiB). */
const BATCH_BYTES = 256 * 1024;

/** A Buffer over the addon's batch memory (one per realm, made on first use). */
let batchView: Buffer | null = null;

/** Converts a QHostAddress scope id ("3" or "eth0") to an interface index (Qt's scopeIdFromString). */
function scopeIndex(b: NativeBinding, scope: string): number {
  if (scope === '') return 0;
  if (/^\d+$/.test(scope)) {
    const n = Number(scope);
    return n <= 0xffffffff ? n : 0;
  }
  return b.nameToIndex(scope);
}

/** Reads an address written by the addon into the state (slot 0: sender/name, 1: destination). */
function addressFromState(b: NativeBinding, st: NativeState, slot: 0 | 1, nameScope: boolean): QHostAddress {
  const base = slot === 0 ? StateIndex.SenderFamily : StateIndex.DestFamily;
  const family = st.info[base]!;
  if (family === Family.V4) return new QHostAddress(st.info[base + 2]! >>> 0);
  if (family === Family.V6) {
    const a = new QHostAddress((slot === 0 ? st.senderIp6 : st.destIp6).slice());
    const scope = st.info[base + 3]! >>> 0;
    if (scope !== 0) {
      // Qt names a sender's scope after its interface (interfaceNameFromIndex); a packet-info
      // destination gets the decimal index.
      const name = nameScope ? b.indexToName(scope) : '';
      a.setScopeId(name !== '' ? name : String(scope));
    }
    return a;
  }
  return new QHostAddress();
}

/** The descriptors of this realm's engines (made or adopted, not yet closed). */
const engineDescriptors = new Set<number>();

/**
 * Whether `fd` is the OS socket of a live engine of this realm (a QUdpSocket's descriptor).
 * @internal
 */
export function isEngineDescriptor(fd: number): boolean {
  return engineDescriptors.has(fd);
}

/** Qt's Q_CHECK_NOT_STATE(..., UnconnectedState): a socket whose OS socket exists but is neither
 * bound nor connected (after a failed bind, or while its host name is looked up). */
function notInState<T>(fn: string, result: T): T {
  qWarning(`QNativeSocketEngine::${fn}() was called in QAbstractSocket::UnconnectedState`);
  return result;
}

/** Qt's Q_CHECK_STATES(..., BoundState, ConnectedState): -1, with its warning. */
function notBoundOrConnected(fn: string): number {
  qWarning(`QNativeSocketEngine::${fn}() was called not in QAbstractSocket::BoundState or QAbstractSocket::ConnectedState`);
  return -1;
}

/**
 * The native engine. One instance owns at most one OS socket at a time.
 * @internal
 */
export class NativeSocketEngine implements SocketEngine {
  receiver: SocketEngineReceiver | null = null;

  readonly #b: NativeBinding;
  readonly #st: NativeState;
  #fd = -1;
  #proto = -1;
  #state = STATE_UNCONNECTED;
  #poll: PollShare | null = null;
  #keepAlive = false;
  #readEnabled = false;
  #writeEnabled = false;
  #error: number = SocketError.UnknownSocketError;
  #errorString: string = ErrorText.Unknown;
  #hasSetError = false;
  #localAddress = new QHostAddress();
  #localPort = 0;
  #peerAddress = new QHostAddress();
  #peerPort = 0;
  /** Connected after it could receive (bound): the kernel's queue may still hold datagrams from
   * other senders that arrived before connect(2) (Linux keeps them; issue 5). While set, every
   * peek and read first drops them (native dropStrangers); the first check that finds the queue
   * empty clears it, as the kernel filters everything that arrives later. */
  #filtering = false;

  // Batched reads (DESIGN: recvmmsg on unconnected sockets only, inside a read call). The queue
  // holds datagrams already taken from the kernel: #qCount of them, the next at #qHead, each
  // payload in its own Buffer in #qData; headers in #qMeta/#qIp6 (recvBatch's layout).
  #qMeta: Int32Array | null = null;
  #qIp6: Uint8Array | null = null;
  #qData: (Buffer | null)[] = [];
  #qCount = 0;
  #qHead = 0;
  /** Size of the kernel's first datagram once a peek or FIONREAD told it and nothing was read
   * since (-1: unknown). Unconnected sockets only: a connected one must see ICMP errors. */
  #headSize = -1;
  /** The poll callback (or a check) saw the socket readable and nothing was received since. */
  #readable = false;
  /** The read notifier was just activated: the dispatcher's re-check needs no poll(2). */
  #justActivated = false;
  /** How many datagrams the next recvmmsg asks for (1..BATCH_MAX). A slot the kernel leaves
   * empty costs recvmmsg one more failed receive (~0.5 us here), so the width follows the
   * traffic: it drops to what the last batch got, and grows (x4) only when a batch came back
   * full and a live check then found the kernel's queue still non-empty. */
  #batchWidth = BATCH_MAX;
  /** The last batch filled its width: a live check that finds more datagrams widens the next. */
  #batchFull = false;

  readonly #readNotifier: DispatcherNotifier;
  readonly #writeNotifier: DispatcherNotifier;

  constructor() {
    this.#b = loadNative();
    this.#st = nativeState();
    this.#readNotifier = {
      isReady: () => {
        const justActivated = this.#justActivated;
        this.#justActivated = false;
        if (this.#fd < 0) return false;
        // Datagrams already taken from the kernel, or a readiness nothing has consumed since.
        if (this.#qHead < this.#qCount || this.#readable) return true;
        if (justActivated) return false;
        const ready = (this.#b.pollFd(this.#fd, PollEvent.Read, 0) & (PollEvent.Read | PollEvent.Error)) !== 0;
        return (this.#readable = ready && this.#stillReadable());
      },
      activate: () => {
        // a new wake-up: only checks made while this one is handled may widen the batch
        this.#batchFull = false;
        if (this.#fd >= 0 && this.#readEnabled) this.receiver?.readNotification();
        // The dispatcher re-checks right after an activation; what arrives later than the
        // reader's own checks is reported by the (level-triggered) poll handle anyway.
        this.#justActivated = true;
      },
      marked: false,
    };
    this.#writeNotifier = {
      isReady: () => this.#fd >= 0 && (this.#b.pollFd(this.#fd, PollEvent.Write, 0) & (PollEvent.Write | PollEvent.Error)) !== 0,
      activate: () => {
        if (this.#fd >= 0 && this.#writeEnabled) this.receiver?.writeNotification();
      },
      marked: false,
    };
  }

  // ------------------------------------------------------------------ errors

  /** Qt's setError: only the first error of an engine sticks (UnfinishedSocketOperation excepted). */
  #setError(e: EngineError | null): void {
    if (e === null || this.#hasSetError) return;
    if (e.code !== SocketError.UnfinishedSocketOperationError) this.#hasSetError = true;
    this.#error = e.code;
    this.#errorString = e.text;
  }

  error(): number {
    return this.#error;
  }

  errorString(): string {
    return this.#errorString;
  }

  // ------------------------------------------------------------------ lifecycle

  /** Closes the OS socket this engine had; a fresh socket is a fresh Qt engine: no error yet. */
  #fresh(): void {
    if (this.#fd >= 0) this.close();
    this.#error = SocketError.UnknownSocketError;
    this.#errorString = ErrorText.Unknown;
    this.#hasSetError = false;
  }

  initialize(protocol: EngineProtocol): boolean {
    this.#fresh();
    const fd = this.#b.socket(protocol);
    if (fd < 0) {
      this.#setError(socketCreateError(-fd));
      return false;
    }
    this.#fd = fd;
    engineDescriptors.add(fd);
    this.#proto = this.#st.info[StateIndex.Protocol]!;
    this.#state = STATE_UNCONNECTED;
    if (this.#b.setOption(fd, EngineOption.Broadcast, this.#proto, 1) !== 0) {
      this.#setError({ code: SocketError.UnsupportedSocketOperationError, text: ErrorText.BroadcastingInitFailed });
      this.close();
      return false;
    }
    // Failures ignored, as in Qt.
    this.#b.setOption(fd, EngineOption.ReceivePacketInformation, this.#proto, 1);
    this.#b.setOption(fd, EngineOption.ReceiveHopLimit, this.#proto, 1);
    // shared with any QSocketNotifier the program puts on this descriptor (fresh: a new fd)
    this.#poll = sharePoll(this.#b, fd, (revents, size) => this.#onPoll(revents, size), true);
    this.#keepAlive = true;
    addKeepAlive();
    this.#applyPoll();
    return true;
  }

  initializeFromDescriptor(fd: number, state: number): boolean {
    this.#fresh();
    const b = this.#b;
    // Qt's engine refuses -1 without recording an error ("Unknown error")
    if (fd === -1) return false;
    // checked first: nothing is polled or changed for a descriptor that is not a UDP socket
    let proto = b.adopt(fd, 0);
    if (proto < 0) {
      this.#setError(adoptError(-proto));
      return false;
    }
    let poll: PollShare;
    try {
      // shared with a QSocketNotifier already on this descriptor (not fresh: it was open before)
      poll = sharePoll(b, fd, (revents, size) => this.#onPoll(revents, size), false);
    } catch {
      // libuv already watches it (a socket of Node's own, such as a dgram socket's): refused,
      // and left as it was for its owner
      this.#setError({ code: SocketError.UnsupportedSocketOperationError, text: ErrorText.OperationUnsupported });
      return false;
    }
    proto = b.adopt(fd, 1);
    if (proto < 0) {
      releasePoll(poll, false);
      this.#setError(adoptError(-proto));
      return false;
    }
    this.#fd = fd;
    engineDescriptors.add(fd);
    this.#proto = proto;
    this.#poll = poll;
    this.#keepAlive = true;
    addKeepAlive();
    if (b.setOption(fd, EngineOption.Broadcast, proto, 1) !== 0) {
      this.#setError({ code: SocketError.UnsupportedSocketOperationError, text: ErrorText.BroadcastingInitFailed });
      this.close();
      return false;
    }
    // Qt sets the state it is given, whatever the descriptor's own (a bound socket taken as
    // ConnectedState writes to no peer); the addresses are the kernel's
    this.#state = state;
    this.#fetchConnectionParameters();
    this.#applyPoll();
    return true;
  }

  isValid(): boolean {
    return this.#fd >= 0;
  }

  socketDescriptor(): number {
    return this.#fd;
  }

  protocol(): number {
    return this.#fd >= 0 ? this.#proto : -1;
  }

  close(): void {
    unregisterNotifier(this.#readNotifier);
    unregisterNotifier(this.#writeNotifier);
    this.#dropQueue();
    if (this.#poll !== null) {
      // the handle is closed, for every watcher of the descriptor, before the descriptor is
      releasePoll(this.#poll, true);
      this.#poll = null;
    }
    if (this.#fd >= 0) {
      engineDescriptors.delete(this.#fd);
      this.#b.close(this.#fd);
      this.#fd = -1;
    }
    if (this.#keepAlive) {
      this.#keepAlive = false;
      releaseKeepAlive();
    }
    this.#state = STATE_UNCONNECTED;
    this.#filtering = false;
    this.#hasSetError = false;
    this.#localAddress = new QHostAddress();
    this.#localPort = 0;
    this.#peerAddress = new QHostAddress();
    this.#peerPort = 0;
  }

  /** Forgets the batch queue and every cached fact about the kernel's queue. */
  #dropQueue(): void {
    this.#qData.fill(null);
    this.#qCount = 0;
    this.#qHead = 0;
    this.#headSize = -1;
    this.#readable = false;
    this.#batchWidth = BATCH_MAX;
    this.#batchFull = false;
  }

  // ------------------------------------------------------------------ addresses

  /** Qt's setPortAndAddress: which sockaddr an address becomes on this socket. */
  #target(address: QHostAddress): { family: number; ip4: number; ip6: Uint8Array | null; scope: number } {
    const p = address.protocol();
    const sockV6 = this.#proto === IPV6 || this.#proto === ANYIP;
    if (p === IPV6 || p === ANYIP || sockV6) {
      if (p === IPV4) return { family: Family.V4Mapped, ip4: address.toIPv4Address(), ip6: null, scope: 0 };
      return { family: Family.V6, ip4: 0, ip6: address.toIPv6Address(), scope: scopeIndex(this.#b, address.scopeId()) };
    }
    return { family: Family.V4, ip4: address.toIPv4Address(), ip6: null, scope: 0 };
  }

  /** Qt's fetchConnectionParameters. */
  #fetchConnectionParameters(): void {
    const b = this.#b;
    this.#localAddress = new QHostAddress();
    this.#localPort = 0;
    this.#peerAddress = new QHostAddress();
    this.#peerPort = 0;
    if (this.#fd < 0) return;
    if (b.sockName(this.#fd) === 0) {
      const fam = this.#st.info[StateIndex.SenderFamily]!;
      this.#localPort = this.#st.info[StateIndex.SenderPort]!;
      this.#localAddress = addressFromState(b, this.#st, 0, true);
      this.#proto = fam === Family.V4 ? IPV4 : fam === Family.V6 ? IPV6 : -1;
      if (this.#proto === IPV6) {
        const la = this.#localAddress;
        const anyV6 = la.toIPv6Address().every((x) => x === 0);
        const anyV4Mapped = la.isEqual(QHostAddress.AnyIPv4);
        if ((anyV6 || anyV4Mapped) && b.getOption(this.#fd, OPT_V6ONLY, IPV6) === 0) {
          this.#proto = ANYIP;
          this.#localAddress = QHostAddress.Any;
        }
      }
    }
    if (b.peerName(this.#fd) === 0) {
      this.#peerPort = this.#st.info[StateIndex.SenderPort]!;
      this.#peerAddress = addressFromState(b, this.#st, 0, true);
    }
  }

  bind(address: QHostAddress, port: number): boolean {
    if (this.#fd < 0) {
      qWarning('QNativeSocketEngine::bind() was called on an uninitialized socket device');
      return false;
    }
    if (this.#state !== STATE_UNCONNECTED) {
      qWarning('QNativeSocketEngine::bind() was not called in QAbstractSocket::UnconnectedState');
      return false;
    }
    const b = this.#b;
    const t = this.#target(address);
    if (t.family !== Family.V4) {
      // Qt sets V6ONLY explicitly on every IPv6 bind: only an IPv6 address binds v6-only.
      b.setOption(this.#fd, OPT_V6ONLY, IPV6, address.protocol() === IPV6 ? 1 : 0);
    }
    let r = b.bind(this.#fd, t.family, t.ip4, t.ip6, port, t.scope);
    if (r === -Errno.EAFNOSUPPORT && address.protocol() === ANYIP) {
      r = b.bind(this.#fd, Family.V4, address.toIPv4Address(), null, port, 0);
    }
    if (r < 0) {
      this.#setError(bindError(-r));
      return false;
    }
    this.#state = STATE_BOUND;
    this.#fetchConnectionParameters();
    return true;
  }

  connectToHost(address: QHostAddress, port: number): boolean {
    if (this.#fd < 0) {
      qWarning('QNativeSocketEngine::connectToHost() was called on an uninitialized socket device');
      return false;
    }
    const t = this.#target(address);
    const r = this.#b.connect(this.#fd, t.family, t.ip4, t.ip6, port, t.scope);
    if (r < 0 && r !== -Errno.EISCONN) {
      this.#setError(connectError(-r));
      return false;
    }
    // a socket that could receive before (bound, explicitly or by a send) may hold strangers' datagrams
    const couldReceive = this.#state !== STATE_UNCONNECTED || this.#localPort !== 0;
    this.#state = STATE_CONNECTED;
    this.#headSize = -1;
    if (this.#poll !== null && this.#readEnabled) setPollEvents(this.#poll, this.#pollEvents());
    this.#fetchConnectionParameters();
    this.#filtering = couldReceive;
    if (this.#qHead < this.#qCount) this.#keepPeerQueued();
    return true;
  }

  /** While #filtering: drops the datagrams at the head of the kernel's queue that the peer did
   * not send. Returns DROP_EMPTY (filtering ends), 1 (the head is the peer's), DROP_ERROR, or
   * -errno (a receive error the kernel consumed: the caller's result). */
  #dropStrangers(): number {
    const r = this.#b.dropStrangers(this.#fd);
    if (r === DROP_EMPTY || r === -ENOTCONN) this.#filtering = false;
    return r;
  }

  /** After the kernel said readable: false when that was only other senders' datagrams (dropped). */
  #stillReadable(): boolean {
    return !this.#filtering || this.#dropStrangers() !== DROP_EMPTY;
  }

  /** On connect: of the datagrams a batched read already took from the kernel, keeps the peer's. */
  #keepPeerQueued(): void {
    const m = this.#qMeta!;
    const ip6 = this.#qIp6!;
    const data = this.#qData;
    let w = this.#qHead;
    for (let i = this.#qHead; i < this.#qCount; i++) {
      const base = 2 + i * BATCH_STRIDE;
      const from = this.#queuedAddress(i, base + BatchField.SenderFamily, base + BatchField.SenderIp4, base + BatchField.SenderScope, 0, true);
      const peer =
        m[base + BatchField.SenderPort] === this.#peerPort &&
        from.isEqual(this.#peerAddress, QHostAddress.ConvertV4MappedToIPv4) &&
        (from.scopeId() === '' || this.#peerAddress.scopeId() === '' || from.scopeId() === this.#peerAddress.scopeId());
      if (!peer) {
        data[i] = null;
        continue;
      }
      if (w !== i) {
        m.copyWithin(2 + w * BATCH_STRIDE, base, base + BATCH_STRIDE);
        ip6.copyWithin(w * 32, i * 32, i * 32 + 32);
        data[w] = data[i]!;
        data[i] = null;
      }
      w++;
    }
    this.#qCount = w;
    if (w === this.#qHead) this.#qCount = this.#qHead = 0;
  }

  localAddress(): QHostAddress {
    return new QHostAddress(this.#localAddress);
  }

  localPort(): number {
    return this.#localPort;
  }

  peerAddress(): QHostAddress {
    return new QHostAddress(this.#peerAddress);
  }

  peerPort(): number {
    return this.#peerPort;
  }

  // ------------------------------------------------------------------ reading

  hasPendingDatagrams(): boolean {
    if (this.#fd < 0) return false;
    if (this.#state === STATE_UNCONNECTED) return notInState('hasPendingDatagrams', false);
    if (this.#qHead < this.#qCount || this.#headSize >= 0) return true;
    if (this.#state !== STATE_CONNECTED) {
      // the size peek answers the same question and saves pendingDatagramSize() its own
      const n = this.#b.pendingSize(this.#fd);
      if (n >= 0) this.#found(n);
      return (this.#readable = n >= 0);
    }
    // a receive error the filter met was consumed, as the peek below would have
    if (this.#filtering && this.#dropStrangers() < 0) return (this.#readable = false);
    const r = this.#b.hasPending(this.#fd);
    this.#readable = r;
    return r;
  }

  pendingDatagramSize(): number {
    if (this.#fd < 0) return -1;
    if (this.#qHead < this.#qCount) return this.#qMeta![2 + this.#qHead * BATCH_STRIDE]!;
    if (this.#headSize >= 0) return this.#headSize;
    if (this.#filtering && this.#dropStrangers() < 0) {
      this.#readable = false;
      return -1;
    }
    const n = this.#b.pendingSize(this.#fd);
    this.#readable = n >= 0;
    if (n >= 0 && this.#state !== STATE_CONNECTED) this.#found(n);
    return n < 0 ? -1 : n;
  }

  bytesAvailable(): number {
    if (this.#fd < 0) return -1;
    if (this.#state === STATE_UNCONNECTED) return notInState('bytesAvailable', -1);
    if (this.#qHead < this.#qCount) return this.#qMeta![2 + this.#qHead * BATCH_STRIDE]!;
    if (this.#headSize >= 0) return this.#headSize;
    if (this.#filtering) {
      // with an error pending the head is unknown (a peek would consume the error): count nothing
      const f = this.#dropStrangers();
      if (f < 0 || f === DROP_ERROR) return 0;
    }
    const n = this.#b.bytesAvailable(this.#fd);
    // FIONREAD of a UDP socket is the size of the first datagram (0 also when there is none).
    if (n > 0 && this.#state !== STATE_CONNECTED) this.#found(n);
    return n > 0 ? n : 0;
  }

  readDatagram(maxSize: number, header: DatagramHeader | null, options: HeaderOptions): Buffer | number {
    if (this.#fd < 0) return -1;
    if (this.#state === STATE_UNCONNECTED) return notBoundOrConnected('readDatagram');
    const size = Number.isFinite(maxSize) && maxSize > 0 ? Math.min(Math.floor(maxSize), MAX_READ) : 0;
    if (this.#qHead >= this.#qCount) {
      if (this.#state === STATE_CONNECTED) return this.#readConnected(size, header, options);
      const r = this.#fill(size);
      if (r <= 0) return this.#readFailed(r < 0 ? r : -Errno.EAGAIN, header);
    }
    return this.#takeQueued(size, header, options);
  }

  /**
   * One recvmmsg into the (empty) queue: as many datagrams as fit the budget, judged by the
   * first one's size (or `size`, the reader's limit, when that is unknown).
   * @returns how many datagrams were queued, or -errno
   */
  #fill(size: number): number {
    const headSize = this.#headSize;
    this.#headSize = -1;
    this.#readable = false;
    const est = headSize >= 0 ? headSize : size;
    const fit = est <= BATCH_BYTES / BATCH_MAX ? BATCH_MAX : Math.max(1, Math.floor(BATCH_BYTES / est));
    const max = fit < this.#batchWidth ? fit : this.#batchWidth;
    if (this.#qMeta === null) {
      this.#qMeta = new Int32Array(2 + BATCH_MAX * BATCH_STRIDE);
      this.#qIp6 = new Uint8Array(BATCH_MAX * 32);
    }
    const r = this.#b.recvBatch(this.#fd, max, this.#qMeta, this.#qIp6!);
    if (r < 0) return r;
    this.#batchFull = r === max;
    if (r < max) this.#batchWidth = r > 0 ? r : 1;
    // The batch memory is the realm's: copy every payload out now, each into its own Buffer.
    const src = batchView ?? (batchView = Buffer.from(this.#b.batch));
    const m = this.#qMeta;
    const data = this.#qData;
    let off = 0;
    for (let i = 0; i < r; i++) {
      const len = m[2 + i * BATCH_STRIDE + BatchField.Length]!;
      const out = Buffer.allocUnsafe(len);
      if (len <= 64) {
        for (let k = 0; k < len; k++) out[k] = src[off + k]!;
      } else {
        src.copy(out, 0, off, off + len);
      }
      data[i] = out;
      off += len;
    }
    this.#qCount = r;
    this.#qHead = 0;
    return r;
  }

  /** A connected socket's read: one recv(2), never batched (it must see ICMP errors at once). */
  #readConnected(size: number, header: DatagramHeader | null, options: HeaderOptions): Buffer | number {
    // (#headSize stays -1 on a connected socket: it is known only for unconnected ones)
    this.#readable = false;
    const want =
      header === null || options === HeaderOptions.None ? Want.None : options === HeaderOptions.Sender ? Want.Sender : Want.All;
    const f = this.#filtering ? this.#dropStrangers() : 0;
    const r = f < 0 ? f : this.#b.recv(this.#fd, size, want);
    if (typeof r === 'number') return this.#readFailed(r, header);
    if (header !== null && want !== Want.None) {
      const st = this.#st;
      header.senderAddress = addressFromState(this.#b, st, 0, true);
      header.senderPort = st.info[StateIndex.SenderPort]!;
      header.destinationPort = this.#localPort;
      if (want === Want.All) {
        header.destinationAddress = addressFromState(this.#b, st, 1, false);
        header.hopLimit = st.info[StateIndex.HopLimit]!;
        header.ifindex = st.info[StateIndex.IfIndex]!;
      }
    }
    return r;
  }

  /** A live check of an unconnected socket found a datagram of `n` bytes at the kernel's head. */
  #found(n: number): void {
    this.#headSize = n;
    if (this.#batchFull && this.#qHead >= this.#qCount) {
      // the last batch was full and the kernel still has more: read wider next time
      this.#batchFull = false;
      this.#batchWidth = this.#batchWidth * 4 < BATCH_MAX ? this.#batchWidth * 4 : BATCH_MAX;
    }
  }

  #readFailed(r: number, header: DatagramHeader | null): number {
    if (header !== null) clearHeader(header);
    if (r === -Errno.EAGAIN || r === -Errno.EWOULDBLOCK) return -2;
    this.#setError(receiveDatagramError(-r));
    return -1;
  }

  /** The next queued datagram (at most `size` bytes of it, in a fresh Buffer) and its header. */
  #takeQueued(size: number, header: DatagramHeader | null, options: HeaderOptions): Buffer {
    const m = this.#qMeta!;
    const i = this.#qHead++;
    const base = 2 + i * BATCH_STRIDE;
    const len = m[base + BatchField.Length]!;
    const whole = this.#qData[i]!;
    this.#qData[i] = null;
    // maxSize below the datagram's size: the rest is discarded, as recv(2) does
    const out = len <= size ? whole : whole.subarray(0, size);
    if (header !== null && options !== HeaderOptions.None) {
      header.senderAddress = this.#queuedAddress(i, base + BatchField.SenderFamily, base + BatchField.SenderIp4, base + BatchField.SenderScope, 0, true);
      header.senderPort = m[base + BatchField.SenderPort]!;
      header.destinationPort = this.#localPort;
      if (options !== HeaderOptions.Sender) {
        header.destinationAddress = this.#queuedAddress(i, base + BatchField.DestFamily, base + BatchField.DestIp4, base + BatchField.DestScope, 16, false);
        header.hopLimit = m[base + BatchField.HopLimit]!;
        header.ifindex = m[base + BatchField.IfIndex]!;
      }
    }
    if (this.#qHead >= this.#qCount) {
      this.#qCount = 0;
      this.#qHead = 0;
    } else if (this.#readEnabled) {
      // What is still queued counts as a ready notifier in the next pass.
      notifierReady(this.#readNotifier);
    }
    return out;
  }

  /** A queued datagram's sender (ip6 offset 0) or destination (16) as a fresh QHostAddress. */
  #queuedAddress(i: number, famIndex: number, ip4Index: number, scopeIndex: number, ip6Offset: number, nameScope: boolean): QHostAddress {
    const m = this.#qMeta!;
    const family = m[famIndex]!;
    if (family === Family.V4) return new QHostAddress(m[ip4Index]! >>> 0);
    if (family === Family.V6) {
      const at = i * 32 + ip6Offset;
      const a = new QHostAddress(this.#qIp6!.slice(at, at + 16));
      const scope = m[scopeIndex]! >>> 0;
      if (scope !== 0) {
        const name = nameScope ? this.#b.indexToName(scope) : '';
        a.setScopeId(name !== '' ? name : String(scope));
      }
      return a;
    }
    return new QHostAddress();
  }

  read(maxSize: number): Buffer | number {
    if (this.#fd < 0) {
      qWarning('QNativeSocketEngine::nativeRead: Invalid socket');
      return -1;
    }
    const size = Number.isFinite(maxSize) && maxSize > 0 ? Math.min(Math.floor(maxSize), MAX_READ) : 0;
    // datagrams batched before a connect are delivered first
    if (this.#qHead < this.#qCount) return this.#takeQueued(size, null, HeaderOptions.None);
    this.#headSize = -1;
    this.#readable = false;
    const f = this.#filtering ? this.#dropStrangers() : 0;
    const r = f < 0 ? f : this.#b.recv(this.#fd, size, Want.None);
    if (typeof r !== 'number') return r;
    if (r === -Errno.EAGAIN || r === -Errno.EWOULDBLOCK) return -2;
    if (r === -Errno.ECONNRESET) return Buffer.alloc(0);
    // Qt's QNativeSocketEngine::read: NetworkError with the OS text, then the engine closes.
    if (!this.#hasSetError) {
      this.#hasSetError = true;
      this.#error = SocketError.NetworkError;
      this.#errorString = this.#b.strerror(-r);
    }
    this.close();
    return -1;
  }

  // ------------------------------------------------------------------ writing

  writeDatagram(data: Uint8Array, header: DatagramHeader | null): number {
    if (this.#fd < 0) return -1;
    if (this.#state === STATE_UNCONNECTED) return notBoundOrConnected('writeDatagram');
    const b = this.#b;
    let r: number;
    if (header === null || header.destinationPort === 0) {
      if (header === null || (header.hopLimit === -1 && header.ifindex === 0 && header.senderAddress.isNull())) {
        r = b.send(this.#fd, data);
      } else {
        const src = this.#sourceArgs(header.senderAddress);
        r = b.sendMsg(this.#fd, data, Family.None, 0, null, 0, 0, header.hopLimit, header.ifindex, src.family, src.ip4, src.ip6);
      }
    } else if (header.hopLimit === -1 && header.ifindex === 0 && header.destinationAddress.protocol() === IPV4 && header.senderAddress.isNull()) {
      // the common case: a plain sendto(2) to an IPv4 address (v4-mapped on an IPv6 socket)
      const fam = this.#proto === IPV6 || this.#proto === ANYIP ? Family.V4Mapped : Family.V4;
      r = b.sendTo4(this.#fd, data, fam, header.destinationAddress.toIPv4Address(), header.destinationPort);
    } else {
      const t = this.#target(header.destinationAddress);
      if (header.hopLimit === -1 && header.ifindex === 0 && header.senderAddress.isNull()) {
        r = b.sendTo(this.#fd, data, t.family, t.ip4, t.ip6, header.destinationPort, t.scope);
      } else {
        const src = this.#sourceArgs(header.senderAddress);
        r = b.sendMsg(this.#fd, data, t.family, t.ip4, t.ip6, header.destinationPort, t.scope,
          header.hopLimit, header.ifindex, src.family, src.ip4, src.ip6);
      }
    }
    if (r >= 0) return r;
    if (r === -Errno.EAGAIN || r === -Errno.EWOULDBLOCK) return -2;
    this.#setError(sendDatagramError(-r));
    return -1;
  }

  /** The source-address hint of a send (IPv4 as an address, IPv6 as bytes). */
  #sourceArgs(a: QHostAddress): { family: number; ip4: number; ip6: Uint8Array | null } {
    const p = a.protocol();
    if (p === IPV4) return { family: Family.V4, ip4: a.toIPv4Address(), ip6: null };
    if (p === IPV6) return { family: Family.V6, ip4: 0, ip6: a.toIPv6Address() };
    return { family: Family.None, ip4: 0, ip6: null };
  }

  write(data: Uint8Array): number {
    if (this.#fd < 0) return -1;
    if (this.#state !== STATE_CONNECTED) {
      // Qt's Q_CHECK_STATE: a bound socket opened for writing (open(ReadWrite)) gets here
      qWarning('QNativeSocketEngine::write() was not called in QAbstractSocket::ConnectedState');
      return -1;
    }
    const r = this.#b.send(this.#fd, data);
    if (r >= 0) return r;
    if (r === -Errno.EAGAIN || r === -Errno.EWOULDBLOCK) return 0;
    const e = writeError(-r);
    this.#setError(e);
    if (e !== null && e.code === SocketError.RemoteHostClosedError) this.close();
    return -1;
  }

  // ------------------------------------------------------------------ options

  option(option: EngineOption): number | undefined {
    if (this.#fd < 0) return undefined;
    if (option === EngineOption.BindExclusively || option === EngineOption.Broadcast) return undefined;
    const v = this.#b.getOption(this.#fd, option, this.#proto);
    return v === undefined || v === -1 ? undefined : v;
  }

  setOption(option: EngineOption, value: number): boolean {
    if (this.#fd < 0) return false;
    const v = Number.isFinite(value) ? Math.trunc(value) | 0 : 0;
    return this.#b.setOption(this.#fd, option, this.#proto, v) === 0;
  }

  // ------------------------------------------------------------------ multicast

  #membership(join: boolean, group: QHostAddress, iface: QNetworkInterface | null): boolean {
    const fn = join ? 'joinMulticastGroup' : 'leaveMulticastGroup';
    if (this.#fd < 0) {
      qWarning(`QNativeSocketEngine::${fn}() was called on an uninitialized socket device`);
      return false;
    }
    if (this.#state !== STATE_BOUND) {
      qWarning(`QNativeSocketEngine::${fn}() was not called in QAbstractSocket::BoundState`);
      return false;
    }
    const gp = group.protocol();
    if (join && gp === IPV4 && (this.#proto === IPV6 || this.#proto === ANYIP)) {
      qWarning(
        'QAbstractSocket: cannot bind to QHostAddress::Any (or an IPv6 address) and join an IPv4 multicast group; ' +
          'bind to QHostAddress::AnyIPv4 instead if you want to do this',
      );
      return false;
    }
    let r: number;
    if (gp === IPV6) {
      r = this.#b.membership(this.#fd, join ? 1 : 0, Family.V6, 0, group.toIPv6Address(), 0, iface !== null ? iface.index() : 0);
    } else if (gp === IPV4) {
      let ifaceIp4 = 0;
      if (iface !== null && iface.isValid()) {
        const entry = iface.addressEntries().find((e) => e.ip().protocol() === IPV4);
        if (entry === undefined) {
          this.#setError({ code: SocketError.NetworkError, text: ErrorText.NetworkUnreachable });
          return false;
        }
        ifaceIp4 = entry.ip().toIPv4Address();
      }
      r = this.#b.membership(this.#fd, join ? 1 : 0, Family.V4, group.toIPv4Address(), null, ifaceIp4, 0);
    } else {
      this.#setError({ code: SocketError.UnsupportedSocketOperationError, text: ErrorText.ProtocolUnsupported });
      return false;
    }
    if (r < 0) {
      this.#setError(membershipError(-r));
      return false;
    }
    return true;
  }

  joinMulticastGroup(group: QHostAddress, iface: QNetworkInterface | null): boolean {
    return this.#membership(true, group, iface);
  }

  leaveMulticastGroup(group: QHostAddress, iface: QNetworkInterface | null): boolean {
    return this.#membership(false, group, iface);
  }

  multicastInterface(): QNetworkInterface {
    if (this.#fd < 0) return new QNetworkInterface();
    const v6 = this.#proto === IPV6 || this.#proto === ANYIP;
    const v = this.#b.getMulticastIf(this.#fd, v6 ? 1 : 0);
    if (v < 0) return new QNetworkInterface();
    if (v6) return QNetworkInterface.interfaceFromIndex(v);
    if (v === 0) return new QNetworkInterface();
    for (const nif of this.#b.interfaces()) {
      for (const a of nif.addrs) {
        if (a.family !== 4) continue;
        const ip = ((a.ip[0]! << 24) | (a.ip[1]! << 16) | (a.ip[2]! << 8) | a.ip[3]!) >>> 0;
        if (ip === v) return QNetworkInterface.interfaceFromIndex(nif.index);
      }
    }
    return new QNetworkInterface();
  }

  setMulticastInterface(iface: QNetworkInterface): boolean {
    if (this.#fd < 0) return false;
    const b = this.#b;
    if (this.#proto === IPV6 || this.#proto === ANYIP) {
      return b.setMulticastIf(this.#fd, 1, 0, iface.isValid() ? iface.index() : 0) === 0;
    }
    if (iface.isValid()) {
      for (const e of iface.addressEntries()) {
        const ip = e.ip();
        if (ip.protocol() === IPV4 && b.setMulticastIf(this.#fd, 0, ip.toIPv4Address(), 0) === 0) return true;
      }
      return false;
    }
    return b.setMulticastIf(this.#fd, 0, 0, 0) === 0;
  }

  // ------------------------------------------------------------------ notifications

  /** The poll handle's callback; `size` is FIONREAD, asked by the addon when readable (else -1). */
  #onPoll(revents: number, size: number): void {
    if (this.#readEnabled && (revents & (PollEvent.Read | PollEvent.Error)) !== 0 && this.#stillReadable()) {
      this.#readable = true;
      // FIONREAD of a UDP socket is the first datagram's size (0 also when there is none)
      if (size > 0 && this.#state !== STATE_CONNECTED) this.#headSize = size;
      notifierReady(this.#readNotifier);
    }
    if (this.#writeEnabled && (revents & (PollEvent.Write | PollEvent.Error)) !== 0) notifierReady(this.#writeNotifier);
  }

  /** Starts or stops the poll handle and the dispatcher registrations to match the flags. */
  #applyPoll(): void {
    this.#justActivated = false;
    if (this.#poll === null) return;
    if (this.#readEnabled) registerNotifier(this.#readNotifier);
    else unregisterNotifier(this.#readNotifier);
    if (this.#writeEnabled) registerNotifier(this.#writeNotifier);
    else unregisterNotifier(this.#writeNotifier);
    setPollEvents(this.#poll, this.#readEnabled || this.#writeEnabled ? this.#pollEvents() : 0);
  }

  /** What the poll handle watches. An unconnected socket also has the addon ask FIONREAD when
   * readable: canReadNotification() and the slot's first hasPendingDatagrams() and
   * pendingDatagramSize() then need no call of their own (#headSize). A connected one asks its
   * own questions (it must see ICMP errors). */
  #pollEvents(): number {
    if (!this.#readEnabled) return PollEvent.Write;
    const read = this.#state === STATE_CONNECTED ? PollEvent.Read : PollEvent.Read | PollEvent.Size;
    return this.#writeEnabled ? read | PollEvent.Write : read;
  }

  isReadNotificationEnabled(): boolean {
    return this.#readEnabled && this.#fd >= 0;
  }

  setReadNotificationEnabled(enable: boolean): void {
    if (this.#readEnabled === enable) return;
    this.#readEnabled = enable;
    this.#applyPoll();
    // datagrams already taken from the kernel make the re-enabled notifier ready at once
    if (enable && this.#qHead < this.#qCount) notifierReady(this.#readNotifier);
  }

  isWriteNotificationEnabled(): boolean {
    return this.#writeEnabled && this.#fd >= 0;
  }

  setWriteNotificationEnabled(enable: boolean): void {
    if (this.#writeEnabled === enable) return;
    this.#writeEnabled = enable;
    this.#applyPoll();
  }

  // ------------------------------------------------------------------ blocking waits

  /** poll(2) for `events` for at most `msecs` (-1: no limit): the revents mask, 0 on timeout (the
   * engine's error is then SocketTimeoutError, a temporary one as in Qt's waitFor functions), or
   * a negative errno. */
  #wait(events: number, msecs: number): number {
    if (this.#fd < 0) return -Errno.EBADF;
    const timeout = Number.isFinite(msecs) && msecs >= 0 ? Math.min(Math.floor(msecs), 0x7fffffff) : -1;
    const r = this.#b.pollFd(this.#fd, events, timeout);
    if (r === 0) {
      const had = this.#hasSetError;
      this.#setError({ code: SocketError.SocketTimeoutError, text: ErrorText.TimeOut });
      this.#hasSetError = had;
    }
    return r;
  }

  waitForRead(msecs: number): boolean {
    if (this.#fd >= 0 && this.#qHead < this.#qCount) return true;
    if (!this.#filtering) return this.#wait(PollEvent.Read, msecs) > 0;
    // readable only through other senders' datagrams (dropped): wait on for the rest of the time
    // (ends: the kernel queues nothing from them after the connect, and filtering stops once empty)
    const start = Date.now();
    for (;;) {
      const left = msecs < 0 || !Number.isFinite(msecs) ? msecs : Math.max(0, msecs - (Date.now() - start));
      if (this.#wait(PollEvent.Read, left) <= 0) return false;
      if (this.#stillReadable()) return true;
    }
  }

  waitForWrite(msecs: number): boolean {
    return this.#wait(PollEvent.Write, msecs) > 0;
  }

  waitForReadOrWrite(checkRead: boolean, checkWrite: boolean, msecs: number): number {
    if (this.#fd < 0) return -1;
    if (checkRead && this.#qHead < this.#qCount) return 1;
    const r = this.#wait((checkRead ? PollEvent.Read : 0) | (checkWrite ? PollEvent.Write : 0), msecs);
    if (r <= 0) return -1;
    // Qt's nativeSelect: a hang-up or error counts as readable and writable, for what was asked
    const any = (r & PollEvent.Error) !== 0;
    return (checkRead && (any || (r & PollEvent.Read) !== 0) ? 1 : 0) | (checkWrite && (any || (r & PollEvent.Write) !== 0) ? 2 : 0);
  }
}

function clearHeader(h: DatagramHeader): void {
  h.senderAddress = new QHostAddress();
  h.senderPort = 0;
  h.destinationAddress = new QHostAddress();
  h.destinationPort = 0;
  h.hopLimit = -1;
  h.ifindex = 0;
}
