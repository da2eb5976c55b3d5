/**
 * The one loader of the native module (`build/Release/tsqt.node`), shared by QSocketNotifier
 * (src/core) and the native socket engine (src/network).
 *
 * The addon is plain C over Node-API and libuv (native/tsqt.c over native/engine.c). This file
 * is the only place where its untyped exports meet TypeScript: everything else imports the
 * typed {@link NativeBinding}.
 *
 * Conventions of the binding: operating-system failures are returned as negative errno values
 * (never thrown); wrong argument types throw a TypeError. IPv4 addresses cross the boundary as
 * unsigned 32-bit integers in host order, IPv6 addresses as 16-byte Uint8Arrays. Results that
 * carry an address (recv, sockName, peerName) are written into the shared {@link NativeState}
 * instead of building objects.
 *
 * @internal
 * @module
 */
import { createRequire } from 'node:module';

/** Address family codes of the binding. @internal */
export const Family = {
  /** No address. */
  None: 0,
  /** An IPv4 address (`ip4`), as sockaddr_in. */
  V4: 4,
  /** An IPv6 address (`ip6` + scope), as sockaddr_in6. */
  V6: 6,
  /** An IPv4 address sent through an IPv6 socket as `::ffff:a.b.c.d`. */
  V4Mapped: 10,
} as const;

/** Which header parts `recv` fills. @internal */
export const Want = {
  /** Data only. */
  None: 0,
  /** Sender address and port. */
  Sender: 1,
  /** Sender, destination (packet info), hop limit and interface index. */
  All: 2,
} as const;

/** Poll event bits (contract B). @internal */
export const PollEvent = {
  /** Readable. */
  Read: 1,
  /** Writable. */
  Write: 2,
  /** Error or hang-up (pollFd and callbacks only). */
  Error: 4,
  /** pollStart only, with Read: the callback's `size` is FIONREAD of the readable fd (the first
   * datagram's size for UDP), asked by the addon before JavaScript runs. */
  Size: 8,
  /** pollFd only, with Error: the descriptor is not open (POLLNVAL). */
  Invalid: 16,
} as const;

/** Indexes into {@link NativeState.info}. @internal */
export const StateIndex = {
  SenderFamily: 0,
  SenderPort: 1,
  SenderIp4: 2,
  SenderScope: 3,
  DestFamily: 4,
  DestPort: 5,
  DestIp4: 6,
  DestScope: 7,
  HopLimit: 8,
  IfIndex: 9,
  /** The protocol `socket()` actually created (dual stack may fall back to IPv4). */
  Protocol: 10,
} as const;

/** The most datagrams one `recvBatch` takes. @internal */
export const BATCH_MAX = 64;
/** Int32 slots per datagram in `recvBatch`'s meta array (which starts at index 2). @internal */
export const BATCH_STRIDE = 10;
/** Offsets of a datagram's fields in `recvBatch`'s meta array. @internal */
export const BatchField = {
  Length: 0,
  SenderFamily: 1,
  SenderPort: 2,
  SenderIp4: 3,
  SenderScope: 4,
  DestFamily: 5,
  DestIp4: 6,
  DestScope: 7,
  HopLimit: 8,
  IfIndex: 9,
} as const;

/** One address of a network interface (contract C). @internal */
export interface NativeInterfaceAddress {
  family: 4 | 6;
  ip: Uint8Array;
  netmask: Uint8Array | null;
  broadcast: Uint8Array | null;
  scopeId: number;
  /** From netlink when available (Qt reads the same): preferred and valid lifetimes in seconds
   * (-1 = forever), and the IFA_F_* flags. Absent when netlink could not be read. */
  preferred?: number;
  valid?: number;
  addrFlags?: number;
}

/** One network interface (contract C). @internal */
export interface NativeInterface {
  name: string;
  index: number;
  /** Raw IFF_* flags. */
  flags: number;
  /** "AA:BB:CC:DD:EE:FF", or "" when the interface has none. */
  hwaddr: string;
  /** ARPHRD_* type, or -1 when unknown. */
  type: number;
  mtu: number;
  addrs: NativeInterfaceAddress[];
}

/** An opaque poll handle (a uv_poll_t). @internal */
export type NativePollHandle = object;

/**
 * The typed face of the addon.
 * @internal
 */
export interface NativeBinding {
  // ---- contract B: poll ----
  /** A stopped, unref'd uv_poll_t on `fd`; `callback(revents, size)` runs on readiness (`size`:
   * see {@link PollEvent}.Size; -1 when not asked for or not readable). */
  pollOpen(fd: number, callback: (revents: number, size: number) => void): NativePollHandle;
  /** Starts (or changes) watching: 1 readable, 2 writable, 8 (with 1) also report FIONREAD; 0
   * stops. No-op once closed. */
  pollStart(handle: NativePollHandle, events: number): void;
  /** Stops watching. No-op once closed. */
  pollStop(handle: NativePollHandle): void;
  /** Stops and releases the handle (uv_close). Idempotent; never closes the fd; the fd may be
   * closed right after this returns. */
  pollClose(handle: NativePollHandle): void;
  /** Blocking poll(2): revents mask (1 read, 2 write, 4 error/hup, 4|16 not open), 0 on timeout, <0 -errno.
   * A negative timeout waits forever. */
  pollFd(fd: number, events: number, timeoutMs: number): number;

  // ---- contract C: interfaces ----
  /** getifaddrs(), grouped by interface, in the system's order. */
  interfaces(): NativeInterface[];
  /** if_nametoindex; 0 when there is no such interface. */
  nameToIndex(name: string): number;
  /** if_indextoname; "" when there is no such interface. */
  indexToName(index: number): string;

  // ---- sockets ----
  /** A non-blocking UDP socket: protocol 0 IPv4, 1 IPv6 (v6only), 2 dual stack (falls back to
   * IPv4; the protocol created is stored at state.info[Protocol]). fd or -errno. */
  socket(protocol: number): number;
  /** Checks an existing descriptor: for an open UDP socket over IPv4/IPv6 its protocol (0 IPv4,
   * 1 IPv6); otherwise -EBADF, -ENOTSOCK (not a socket), -EPROTOTYPE (another kind of socket) or
   * -errno, with nothing changed. With `take` 1 an accepted descriptor is also made non-blocking
   * and owned like one socket() made. */
  adopt(fd: number, take: number): number;
  /** close(2): 0 or -errno. Never call while a poll handle on fd is open. */
  close(fd: number): number;
  /** bind(2) to (family, ip4, ip6, port, scope): 0 or -errno. */
  bind(fd: number, family: number, ip4: number, ip6: Uint8Array | null, port: number, scope: number): number;
  /** connect(2): 0 or -errno. */
  connect(fd: number, family: number, ip4: number, ip6: Uint8Array | null, port: number, scope: number): number;
  /** Dissolves the UDP association (connect AF_UNSPEC): 0 or -errno. */
  disconnect(fd: number): number;
  /** getsockname into the sender slot of the state: 0 or -errno. */
  sockName(fd: number): number;
  /** getpeername into the sender slot of the state: 0 or -errno (-ENOTCONN when unconnected). */
  peerName(fd: number): number;
  /** send(2) on a connected socket: bytes or -errno. */
  send(fd: number, data: Uint8Array): number;
  /** sendto(2): bytes or -errno. */
  sendTo(fd: number, data: Uint8Array, family: number, ip4: number, ip6: Uint8Array | null, port: number, scope: number): number;
  /** sendmsg(2) with ancillary data: hopLimit -1 = default, ifindex 0 and srcFamily 0 = OS
   * choice; family 0 = the connected peer. Bytes or -errno. */
  sendMsg(
    fd: number, data: Uint8Array, family: number, ip4: number, ip6: Uint8Array | null, port: number, scope: number,
    hopLimit: number, ifindex: number, srcFamily: number, srcIp4: number, srcIp6: Uint8Array | null,
  ): number;
  /** Receives one datagram (at most maxSize bytes, the rest discarded) as a fresh Buffer, or
   * -errno. The header parts asked by `want` are written into the state. */
  recv(fd: number, maxSize: number, want: number): Buffer | number;
  /** One recvmmsg(2) of up to `max` (1..64) datagrams, never truncated: their count, or -errno
   * (-EAGAIN: none). Their payloads are concatenated at the start of {@link NativeBinding.batch},
   * valid until the next recvBatch of this realm. `meta[0]` = count; datagram i at
   * `meta[2 + i * BATCH_STRIDE]` (see {@link BatchField}); `ip6[i * 32]` 16 bytes of the
   * sender's IPv6 address, `ip6[i * 32 + 16]` the destination's. */
  recvBatch(fd: number, max: number, meta: Int32Array, ip6: Uint8Array): number;
  /** sendto(2) to an IPv4 destination (family 4, or 10 = v4-mapped through an IPv6 socket):
   * bytes or -errno. */
  sendTo4(fd: number, data: Uint8Array, family: number, ip4: number, port: number): number;
  /** Size of the next datagram (0 empty), -1 none, other negative: -errno. */
  pendingSize(fd: number): number;
  /** A 1-byte peek succeeded or said EMSGSIZE. */
  hasPending(fd: number): boolean;
  /** FIONREAD, or -errno. */
  bytesAvailable(fd: number): number;
  /** For a connected socket that may still hold datagrams queued before its connect: consumes
   * every datagram at the head of the queue not sent by the peer. 0: the queue is empty; 1: the
   * head is the peer's; 2: a socket error is pending (left for the next receive, never peeked);
   * or -errno (-ENOTCONN unconnected; another is a receive error the kernel already consumed). */
  dropStrangers(fd: number): number;
  /** getsockopt of an EngineOption for the socket's protocol; undefined when it fails. */
  getOption(fd: number, option: number, protocol: number): number | undefined;
  /** setsockopt of an EngineOption: 0 or -errno. */
  setOption(fd: number, option: number, protocol: number, value: number): number;
  /** Multicast join (join 1) / leave (join 0): 0 or -errno. */
  membership(fd: number, join: number, family: number, ip4: number, ip6: Uint8Array | null, ifaceIp4: number, ifindex: number): number;
  /** IP_MULTICAST_IF by address (v6 0) / IPV6_MULTICAST_IF by index (v6 1): 0 or -errno. */
  setMulticastIf(fd: number, v6: number, ip4: number, ifindex: number): number;
  /** Reads it back: the IPv4 address (uint32) or the IPv6 index, or -errno. */
  getMulticastIf(fd: number, v6: number): number;
  /** The OS text of an errno (sign ignored). */
  strerror(errno: number): string;
  /** This realm's native resources: [sockets made by `socket` (or taken by `adopt`) and not yet closed, poll handles
   * not yet freed]. Sockets still open when the realm ends (a worker) are closed by the addon. */
  resources(): [sockets: number, pollHandles: number];
  /** The shared state memory (see {@link NativeState}). */
  readonly state: ArrayBuffer;
  /** The memory recvBatch leaves its payloads in (4 MiB of address space, mostly uncommitted). */
  readonly batch: ArrayBuffer;
}

/** Typed views over the shared state the binding writes results into. @internal */
export interface NativeState {
  /** 16 int32 slots, indexed by {@link StateIndex}. */
  readonly info: Int32Array;
  /** IPv6 bytes of the sender / name address. */
  readonly senderIp6: Uint8Array;
  /** IPv6 bytes of the destination address (packet info). */
  readonly destIp6: Uint8Array;
}

let cached: NativeBinding | null = null;
let cachedState: NativeState | null = null;
let loadError: Error | null = null;

/**
 * Loads the addon once per realm (main thread or worker) and returns it.
 * @throws Error naming `npm rebuild` when the addon is not built.
 * @internal
 */
export function loadNative(): NativeBinding {
  if (cached !== null) return cached;
  if (loadError !== null) throw loadError;
  const require = createRequire(import.meta.url);
  try {
    // Resolved relative to this file: src/private/ and dist/private/ are both two levels down.
    cached = require('../../build/Release/tsqt.node') as NativeBinding;
  } catch (e) {
    const cause = e instanceof Error ? e.message : String(e);
    loadError = new Error(
      'tsqt: the native engine (build/Release/tsqt.node) is not built: run `npm rebuild` ' +
        `(needs python3, make and a C compiler) in the tsqt package folder. Cause: ${cause}`,
      { cause: e },
    );
    throw loadError;
  }
  return cached;
}

/**
 * Typed views over the binding's shared state memory.
 * @internal
 */
export function nativeState(): NativeState {
  if (cachedState !== null) return cachedState;
  const b = loadNative();
  cachedState = {
    info: new Int32Array(b.state, 0, 16),
    senderIp6: new Uint8Array(b.state, 64, 16),
    destIp6: new Uint8Array(b.state, 80, 16),
  };
  return cachedState;
}

/**
 * True when the addon loads (for tests and optional features).
 * @internal
 */
export function isNativeAvailable(): boolean {
  try {
    loadNative();
    return true;
  } catch {
    return false;
  }
}
