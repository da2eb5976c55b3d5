// SPDX-License-Identifier: MIT
/**
 * The native engine's error table: Qt's QAbstractSocket::SocketError values, the engine's error
 * texts (QT_SEMANTICS UDP-X3, Qt's QNativeSocketEnginePrivate::ErrorString) and the errno
 * mappings Qt's Unix engine applies per operation.
 *
 * Not part of the public API.
 * @internal
 * @module
 */
import { constants } from 'node:os';
import { SocketError } from '../SocketError.js';

export { SocketError };

/** The engine's error texts, exactly as Qt words them. @internal */
export const ErrorText = {
  NonBlockingInitFailed: 'Unable to initialize non-blocking socket',
  BroadcastingInitFailed: 'Unable to initialize broadcast socket',
  NoIpV6: 'Attempt to use IPv6 socket on a platform with no IPv6 support',
  RemoteHostClosed: 'The remote host closed the connection',
  TimeOut: 'Network operation timed out',
  Resource: 'Out of resources',
  OperationUnsupported: 'Unsupported socket operation',
  ProtocolUnsupported: 'Protocol type not supported',
  InvalidSocket: 'Invalid socket descriptor',
  HostUnreachable: 'Host unreachable',
  NetworkUnreachable: 'Network unreachable',
  Access: 'Permission denied',
  ConnectionTimeOut: 'Connection timed out',
  ConnectionRefused: 'Connection refused',
  AddressInuse: 'The bound address is already in use',
  AddressNotAvailable: 'The address is not available',
  AddressProtected: 'The address is protected',
  DatagramTooLarge: 'Datagram was too large to send',
  SendDatagram: 'Unable to send a message',
  ReceiveDatagram: 'Unable to receive a message',
  Write: 'Unable to write',
  Read: 'Network error',
  PortInuse: 'Another socket is already listening on the same port',
  NotSocket: 'Operation on non-socket',
  InvalidProxyType: 'The proxy type is invalid for this operation',
  Temporary: 'Temporary error',
  NetworkDroppedConnection: 'Network dropped connection on reset',
  ConnectionReset: 'Connection reset by peer',
  Unknown: 'Unknown error',
} as const;

/** An error the engine records: Qt's code and text. @internal */
export interface EngineError {
  readonly code: number;
  readonly text: string;
}

const E = constants.errno as Record<string, number | undefined>;

/** The platform value of an errno name (-1 when the platform has none). @internal */
export function errnoOf(name: string): number {
  return E[name] ?? -1;
}

/** Errno values used by the engine, resolved once for this platform. @internal */
export const Errno = {
  EAGAIN: errnoOf('EAGAIN'),
  EWOULDBLOCK: errnoOf('EWOULDBLOCK'),
  EINTR: errnoOf('EINTR'),
  EADDRINUSE: errnoOf('EADDRINUSE'),
  EADDRNOTAVAIL: errnoOf('EADDRNOTAVAIL'),
  EACCES: errnoOf('EACCES'),
  EPERM: errnoOf('EPERM'),
  EINVAL: errnoOf('EINVAL'),
  EMSGSIZE: errnoOf('EMSGSIZE'),
  ECONNREFUSED: errnoOf('ECONNREFUSED'),
  ECONNRESET: errnoOf('ECONNRESET'),
  EPIPE: errnoOf('EPIPE'),
  EMFILE: errnoOf('EMFILE'),
  ENFILE: errnoOf('ENFILE'),
  ENOBUFS: errnoOf('ENOBUFS'),
  ENOMEM: errnoOf('ENOMEM'),
  EAFNOSUPPORT: errnoOf('EAFNOSUPPORT'),
  EPROTONOSUPPORT: errnoOf('EPROTONOSUPPORT'),
  ENETUNREACH: errnoOf('ENETUNREACH'),
  EHOSTUNREACH: errnoOf('EHOSTUNREACH'),
  ETIMEDOUT: errnoOf('ETIMEDOUT'),
  EISCONN: errnoOf('EISCONN'),
  EINPROGRESS: errnoOf('EINPROGRESS'),
  EALREADY: errnoOf('EALREADY'),
  ENOPROTOOPT: errnoOf('ENOPROTOOPT'),
  EBADF: errnoOf('EBADF'),
  ENOTSOCK: errnoOf('ENOTSOCK'),
  EPROTOTYPE: errnoOf('EPROTOTYPE'),
  EFAULT: errnoOf('EFAULT'),
} as const;

function err(code: number, text: string): EngineError {
  return { code, text };
}

/** Socket creation failures (Qt's createNewSocket); null: no error recorded. @internal */
export function socketCreateError(errno: number): EngineError | null {
  switch (errno) {
    case Errno.EPROTONOSUPPORT:
    case Errno.EAFNOSUPPORT:
    case Errno.EINVAL:
      return err(SocketError.UnsupportedSocketOperationError, ErrorText.ProtocolUnsupported);
    case Errno.ENFILE:
    case Errno.EMFILE:
    case Errno.ENOBUFS:
    case Errno.ENOMEM:
      return err(SocketError.SocketResourceError, ErrorText.Resource);
    case Errno.EACCES:
      return err(SocketError.SocketAccessError, ErrorText.Access);
    default:
      return null;
  }
}

/**
 * Why a descriptor given to setSocketDescriptor() is refused. Qt's texts: a descriptor that is not
 * open is Qt's own refusal ("Invalid socket descriptor"); Qt takes any other descriptor, where
 * tsqt's UDP engine refuses a non-socket ("Operation on non-socket") and a socket of another kind
 * ("Protocol type not supported"). @internal
 */
export function adoptError(errno: number): EngineError {
  switch (errno) {
    case Errno.EBADF:
      return err(SocketError.UnsupportedSocketOperationError, ErrorText.InvalidSocket);
    case Errno.ENOTSOCK:
      return err(SocketError.UnsupportedSocketOperationError, ErrorText.NotSocket);
    case Errno.EPROTOTYPE:
      return err(SocketError.UnsupportedSocketOperationError, ErrorText.ProtocolUnsupported);
    case Errno.ENFILE:
    case Errno.EMFILE:
    case Errno.ENOBUFS:
    case Errno.ENOMEM:
      return err(SocketError.SocketResourceError, ErrorText.Resource);
    default:
      return err(SocketError.UnsupportedSocketOperationError, ErrorText.OperationUnsupported);
  }
}

/** bind(2) failures (Qt's nativeBind); null: no error recorded (Qt leaves the old one). @internal */
export function bindError(errno: number): EngineError | null {
  switch (errno) {
    case Errno.EADDRINUSE:
      return err(SocketError.AddressInUseError, ErrorText.AddressInuse);
    case Errno.EACCES:
      return err(SocketError.SocketAccessError, ErrorText.AddressProtected);
    case Errno.EINVAL:
      return err(SocketError.UnsupportedSocketOperationError, ErrorText.OperationUnsupported);
    case Errno.EADDRNOTAVAIL:
      return err(SocketError.SocketAddressNotAvailableError, ErrorText.AddressNotAvailable);
    default:
      return null;
  }
}

/** connect(2) failures (Qt's nativeConnect); null: no error recorded. @internal */
export function connectError(errno: number): EngineError | null {
  switch (errno) {
    case Errno.ECONNREFUSED:
    case Errno.EINVAL:
      return err(SocketError.ConnectionRefusedError, ErrorText.ConnectionRefused);
    case Errno.ETIMEDOUT:
      return err(SocketError.NetworkError, ErrorText.ConnectionTimeOut);
    case Errno.EHOSTUNREACH:
      return err(SocketError.NetworkError, ErrorText.HostUnreachable);
    case Errno.ENETUNREACH:
      return err(SocketError.NetworkError, ErrorText.NetworkUnreachable);
    case Errno.EADDRINUSE:
      return err(SocketError.NetworkError, ErrorText.AddressInuse);
    case Errno.EINPROGRESS:
    case Errno.EALREADY:
    case Errno.EAGAIN:
      return err(SocketError.UnfinishedSocketOperationError, ErrorText.InvalidSocket);
    case Errno.EACCES:
    case Errno.EPERM:
      return err(SocketError.SocketAccessError, ErrorText.Access);
    default:
      return null;
  }
}

/** sendmsg(2) failures of a datagram (Qt's nativeSendDatagram; EAGAIN is handled before). @internal */
export function sendDatagramError(errno: number): EngineError {
  switch (errno) {
    case Errno.EMSGSIZE:
    case Errno.ENOMEM:
      return err(SocketError.DatagramTooLargeError, ErrorText.DatagramTooLarge);
    case Errno.ECONNRESET:
      return err(SocketError.RemoteHostClosedError, ErrorText.RemoteHostClosed);
    default:
      return err(SocketError.NetworkError, ErrorText.SendDatagram);
  }
}

/** recvmsg(2) failures of a datagram (Qt's nativeReceiveDatagram; EAGAIN handled before). @internal */
export function receiveDatagramError(errno: number): EngineError {
  if (errno === Errno.ECONNREFUSED) return err(SocketError.ConnectionRefusedError, ErrorText.ConnectionRefused);
  return err(SocketError.NetworkError, ErrorText.ReceiveDatagram);
}

/** send(2) failures on a connected socket (Qt's nativeWrite); null: no error recorded. @internal */
export function writeError(errno: number): EngineError | null {
  switch (errno) {
    case Errno.EPIPE:
    case Errno.ECONNRESET:
      return err(SocketError.RemoteHostClosedError, ErrorText.RemoteHostClosed);
    case Errno.EMSGSIZE:
      return err(SocketError.DatagramTooLargeError, ErrorText.DatagramTooLarge);
    default:
      return null;
  }
}

/** Multicast join/leave failures (Qt's multicastMembershipHelper). @internal */
export function membershipError(errno: number): EngineError {
  switch (errno) {
    case Errno.ENOPROTOOPT:
      return err(SocketError.UnsupportedSocketOperationError, ErrorText.OperationUnsupported);
    case Errno.EADDRNOTAVAIL:
      return err(SocketError.SocketAddressNotAvailableError, ErrorText.AddressNotAvailable);
    default:
      return err(SocketError.UnknownSocketError, ErrorText.Unknown);
  }
}
