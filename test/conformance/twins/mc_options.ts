// Twin of oracle scenario mc_options.py: socketOption/setSocketOption for multicast options: before
// bind, defaults after bind, set/get values; multicastInterface before/after setMulticastInterface.
// (No datagrams are sent.)
import { QAbstractSocket, QHostAddress, QNetworkInterface, QUdpSocket } from '../../../src/index.js';
import { app, done, ev } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const lo = QNetworkInterface.interfaceFromName('lo');
  const s = new QUdpSocket();
  ev('beforeBind', {
    MulticastTtlOption: s.socketOption(QAbstractSocket.MulticastTtlOption),
    MulticastLoopbackOption: s.socketOption(QAbstractSocket.MulticastLoopbackOption),
    multicastInterfaceValid: s.multicastInterface().isValid(),
  });
  s.setSocketOption(QAbstractSocket.MulticastTtlOption, 5);
  s.setSocketOption(QAbstractSocket.MulticastLoopbackOption, 0);
  ev('beforeBind after set', {
    MulticastTtlOption: s.socketOption(QAbstractSocket.MulticastTtlOption),
    MulticastLoopbackOption: s.socketOption(QAbstractSocket.MulticastLoopbackOption),
  });
  s.bind(new QHostAddress(QHostAddress.AnyIPv4), 0);
  ev('afterBind (were set before bind)', {
    MulticastTtlOption: s.socketOption(QAbstractSocket.MulticastTtlOption),
    MulticastLoopbackOption: s.socketOption(QAbstractSocket.MulticastLoopbackOption),
  });
  const f = new QUdpSocket();
  f.bind(new QHostAddress(QHostAddress.AnyIPv4), 0);
  ev('defaults', {
    MulticastTtlOption: f.socketOption(QAbstractSocket.MulticastTtlOption),
    MulticastLoopbackOption: f.socketOption(QAbstractSocket.MulticastLoopbackOption),
    multicastInterfaceValid: f.multicastInterface().isValid(),
    multicastInterfaceName: f.multicastInterface().name(),
    TypeOfServiceOption: f.socketOption(QAbstractSocket.TypeOfServiceOption),
    LowDelayOption: f.socketOption(QAbstractSocket.LowDelayOption),
    KeepAliveOption: f.socketOption(QAbstractSocket.KeepAliveOption),
  });
  for (const v of [0, 1, 255, 2]) {
    f.setSocketOption(QAbstractSocket.MulticastTtlOption, v);
    ev('set MulticastTtlOption', v, 'get', f.socketOption(QAbstractSocket.MulticastTtlOption));
  }
  f.setSocketOption(QAbstractSocket.MulticastTtlOption, 300);
  ev('set MulticastTtlOption', 300, 'get', f.socketOption(QAbstractSocket.MulticastTtlOption));
  for (const v of [0, 1, 7, true, false]) {
    f.setSocketOption(QAbstractSocket.MulticastLoopbackOption, v);
    ev('set MulticastLoopbackOption', v, 'get', f.socketOption(QAbstractSocket.MulticastLoopbackOption));
  }
  f.setMulticastInterface(lo);
  ev('multicastInterface after set(lo)', { isValid: f.multicastInterface().isValid(), name: f.multicastInterface().name() });
  const u = new QUdpSocket();
  u.setMulticastInterface(lo);
  ev('setMulticastInterface on unbound', { isValid: u.multicastInterface().isValid() });
  return done(s, f, u);
}
