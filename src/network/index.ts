/**
 * @packageDocumentation
 * @module network
 */
export {};
export { QHostAddress, ConversionModeFlag } from './QHostAddress.js';
export type { SpecialAddress, SpecialAddressGetters, ConversionMode } from './QHostAddress.js';
export { QNetworkAddressEntry, DnsEligibilityStatus } from './QNetworkAddressEntry.js';
export { QNetworkInterface, InterfaceFlag, InterfaceType } from './QNetworkInterface.js';
export type { InterfaceFlags } from './QNetworkInterface.js';
export { QNetworkDatagram } from './QNetworkDatagram.js';
export { QAbstractSocket, SocketType, SocketState, SocketError, BindFlag, PauseMode, SocketOption, NetworkLayerProtocol } from './QAbstractSocket.js';
export type { BindMode, PauseModes } from './QAbstractSocket.js';
export { QUdpSocket } from './QUdpSocket.js';
