// Twin of oracle scenario mc_join.py: joinMulticastGroup before bind, after bind to AnyIPv4 (always on
// the lo interface), joining twice, an IPv6 group on an IPv4 socket, a non-multicast address;
// leaveMulticastGroup.
import { QAbstractSocket, QHostAddress, QNetworkInterface, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, flagsName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const group = new QHostAddress('239.255.43.21');
  const lo = QNetworkInterface.interfaceFromName('lo');
  ev('lo', {
    isValid: lo.isValid(), name: lo.name(),
    flags: flagsName(QNetworkInterface, lo.flags(),
      ['IsUp', 'IsRunning', 'CanBroadcast', 'IsLoopBack', 'IsPointToPoint', 'CanMulticast']),
  });
  const s = new QUdpSocket();
  s.errorOccurred.connect((e) => ev('errorOccurred', errorName(e), s.errorString()));
  ev('join(unbound)', s.joinMulticastGroup(group, lo), errorName(s.error()));
  ev('bind(AnyIPv4, ShareAddress|ReuseAddressHint)',
    s.bind(new QHostAddress(QHostAddress.AnyIPv4), 0, QAbstractSocket.ShareAddress | QAbstractSocket.ReuseAddressHint));
  ev('join(lo)', s.joinMulticastGroup(group, lo), errorName(s.error()), s.errorString());
  ev('join(lo) again', s.joinMulticastGroup(group, lo), errorName(s.error()), s.errorString());
  ev('join(IPv6 group ff12::1 on IPv4 socket)', s.joinMulticastGroup(new QHostAddress('ff12::1'), lo),
    errorName(s.error()), s.errorString());
  ev('join(non-multicast 127.0.0.1)', s.joinMulticastGroup(new QHostAddress('127.0.0.1'), lo),
    errorName(s.error()), s.errorString());
  ev('leave(lo)', s.leaveMulticastGroup(group, lo), errorName(s.error()), s.errorString());
  ev('leave(lo) again', s.leaveMulticastGroup(group, lo), errorName(s.error()), s.errorString());
  ev('leave(never joined group)', s.leaveMulticastGroup(new QHostAddress('239.255.43.22'), lo),
    errorName(s.error()), s.errorString());
  const t = new QUdpSocket();
  t.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  ev('join on socket bound to 127.0.0.1', t.joinMulticastGroup(group, lo), errorName(t.error()), t.errorString());
  return done(s, t);
}
