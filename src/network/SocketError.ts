// SPDX-License-Identifier: MIT
/**
 * Qt's `QAbstractSocket::SocketError`, kept in a module of its own so that the socket engine's
 * error table can use it without importing QAbstractSocket (which re-exports it as
 * `QAbstractSocket.SocketError` and, unscoped, `QAbstractSocket.AddressInUseError` etc.).
 *
 * Public: the package exports it beside QAbstractSocket (`import { SocketError } from 'tsqt'`).
 */

/**
 * The errors a socket reports (Qt's `QAbstractSocket::SocketError`).
 * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#SocketError-enum | QAbstractSocket::SocketError in Qt 6}
 * @enum
 */
export const SocketError = {
  /** The peer refused the connection (UDP: an ICMP port unreachable). */
  ConnectionRefusedError: 0,
  /** The remote host closed the connection. */
  RemoteHostClosedError: 1,
  /** The host name was not found. */
  HostNotFoundError: 2,
  /** The operation lacked the required privileges. */
  SocketAccessError: 3,
  /** Out of resources (for example too many open sockets). */
  SocketResourceError: 4,
  /** An operation timed out. */
  SocketTimeoutError: 5,
  /** The datagram was larger than the operating system's limit. */
  DatagramTooLargeError: 6,
  /** A network error (for example an unreachable destination). */
  NetworkError: 7,
  /** The address is already in use and was bound exclusively. */
  AddressInUseError: 8,
  /** The address does not belong to this host. */
  SocketAddressNotAvailableError: 9,
  /** The operation is not supported by the operating system. */
  UnsupportedSocketOperationError: 10,
  /** Used by proxies (not used by tsqt). */
  UnfinishedSocketOperationError: 11,
  /** Proxy error (not used by tsqt). */
  ProxyAuthenticationRequiredError: 12,
  /** SSL error (not used by tsqt). */
  SslHandshakeFailedError: 13,
  /** Proxy error (not used by tsqt). */
  ProxyConnectionRefusedError: 14,
  /** Proxy error (not used by tsqt). */
  ProxyConnectionClosedError: 15,
  /** Proxy error (not used by tsqt). */
  ProxyConnectionTimeoutError: 16,
  /** Proxy error (not used by tsqt). */
  ProxyNotFoundError: 17,
  /** Proxy error (not used by tsqt). */
  ProxyProtocolError: 18,
  /** The operation is not allowed in the socket's current state. */
  OperationError: 19,
  /** SSL error (not used by tsqt). */
  SslInternalError: 20,
  /** SSL error (not used by tsqt). */
  SslInvalidUserDataError: 21,
  /** A temporary condition (for example no datagram to read). */
  TemporaryError: 22,
  /** An unidentified error; also "no error yet". */
  UnknownSocketError: -1,
} as const;
/** One of the {@link SocketError} values. */
export type SocketError = (typeof SocketError)[keyof typeof SocketError];
