// SPDX-License-Identifier: MIT
/**
 * Qt's `QAbstractSocket::NetworkLayerProtocol`, kept in a module of its own so that
 * QHostAddress can use it without importing QAbstractSocket (which re-exports it as
 * `QAbstractSocket.NetworkLayerProtocol` and, unscoped, `QAbstractSocket.IPv4Protocol` etc.).
 *
 * Public: the package exports it beside QAbstractSocket (`import { NetworkLayerProtocol } from 'tsqt'`).
 */

/**
 * The network layer protocol of an address or a socket, with Qt's numeric values.
 *
 * @see {@link https://doc.qt.io/qt-6/qabstractsocket.html#NetworkLayerProtocol-enum | QAbstractSocket::NetworkLayerProtocol in Qt 6}
 * @enum
 */
export const NetworkLayerProtocol = {
  /** IPv4. */
  IPv4Protocol: 0,
  /** IPv6. */
  IPv6Protocol: 1,
  /** Either IPv4 or IPv6: the dual-stack "any" address (`QHostAddress.Any`), or a dual-stack socket. */
  AnyIPProtocol: 2,
  /** Not IPv4 or IPv6: a null address, or a socket that is not bound or connected. */
  UnknownNetworkLayerProtocol: -1,
} as const;

/** One of the {@link NetworkLayerProtocol} values. */
export type NetworkLayerProtocol = (typeof NetworkLayerProtocol)[keyof typeof NetworkLayerProtocol];
