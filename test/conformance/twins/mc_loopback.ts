// Twin of oracle scenario mc_loopback.py: multicast to 239.255.43.21 on the loopback interface
// (sender: multicastInterface=lo, TTL 0). Receiver bound to AnyIPv4:P joined on lo.
// MulticastLoopbackOption on, then off, then after leave.
import { QAbstractSocket, QHostAddress, QNetworkInterface, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, namePort, P, sleep } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const group = new QHostAddress('239.255.43.21');
  const lo = QNetworkInterface.interfaceFromName('lo');
  const share = QAbstractSocket.ShareAddress | QAbstractSocket.ReuseAddressHint;
  const rx = new QUdpSocket();
  ev('rx.bind', rx.bind(new QHostAddress(QHostAddress.AnyIPv4), 0, share));
  const port = rx.localPort();
  namePort(port, '<group port>');
  ev('rx.join', rx.joinMulticastGroup(group, lo));
  const tx = new QUdpSocket();
  ev('tx.bind', tx.bind(new QHostAddress(QHostAddress.AnyIPv4), 0));
  namePort(tx.localPort(), '<tx>');
  tx.setMulticastInterface(lo);
  tx.setSocketOption(QAbstractSocket.MulticastTtlOption, 0);
  // a second receiver on the same port that did NOT join
  const nj = new QUdpSocket();
  ev('notJoined.bind', nj.bind(new QHostAddress(QHostAddress.AnyIPv4), port, share));

  function drain(label: string, s: QUdpSocket): void {
    const out: unknown[] = [];
    while (s.hasPendingDatagrams()) {
      const d = s.receiveDatagram();
      out.push({
        data: d.data(), sender: d.senderAddress().toString(), senderPort: P(d.senderPort()),
        destination: d.destinationAddress().toString(),
      });
    }
    ev(label, out);
  }

  ev('send loopback=default', tx.writeDatagram(Buffer.from('m1'), group, port));
  sleep(50);
  drain('rx.got', rx);
  drain('notJoined.got', nj);
  drain('tx.got', tx);
  tx.setSocketOption(QAbstractSocket.MulticastLoopbackOption, 0);
  ev('send loopback=0', tx.writeDatagram(Buffer.from('m2'), group, port));
  sleep(50);
  drain('rx.got', rx);
  drain('notJoined.got', nj);
  tx.setSocketOption(QAbstractSocket.MulticastLoopbackOption, 1);
  ev('rx.leave', rx.leaveMulticastGroup(group, lo));
  ev('send after leave', tx.writeDatagram(Buffer.from('m3'), group, port));
  sleep(50);
  drain('rx.got', rx);
  drain('notJoined.got', nj);
  // a sender that is itself bound to the group port and joined receives its own datagram
  const me = new QUdpSocket();
  me.bind(new QHostAddress(QHostAddress.AnyIPv4), 0, share);
  me.joinMulticastGroup(group, lo);
  me.setMulticastInterface(lo);
  me.setSocketOption(QAbstractSocket.MulticastTtlOption, 0);
  ev('self send', me.writeDatagram(Buffer.from('self'), group, me.localPort()));
  sleep(50);
  drain('me.got', me);
  me.leaveMulticastGroup(group, lo);
  return done(rx, tx, nj, me);
}
