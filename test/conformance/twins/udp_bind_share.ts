// Twin of oracle scenario udp_bind_share.py: both sockets bind 127.0.0.1:P with
// ShareAddress|ReuseAddressHint. Which one receives a unicast datagram?
import { QAbstractSocket, QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, run, sleep, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const flags = QAbstractSocket.ShareAddress | QAbstractSocket.ReuseAddressHint;
  const a = new QUdpSocket();
  ev('a.bind', a.bind(new QHostAddress(QHostAddress.LocalHost), 0, flags));
  const port = a.localPort();
  const b = new QUdpSocket();
  ev('b.bind', b.bind(new QHostAddress(QHostAddress.LocalHost), port, flags));
  ev('samePort', a.localPort() === b.localPort(), stateName(b.state()));
  a.readyRead.connect(() => ev('a.readyRead'));
  b.readyRead.connect(() => ev('b.readyRead'));
  const tx = new QUdpSocket();
  tx.writeDatagram(Buffer.from('x'), new QHostAddress(QHostAddress.LocalHost), port);
  tx.writeDatagram(Buffer.from('y'), new QHostAddress(QHostAddress.LocalHost), port);
  sleep(50);
  await run(100);
  ev('pending', { a: a.hasPendingDatagrams(), b: b.hasPendingDatagrams() });
  // A third with only ShareAddress, a fourth with only ReuseAddressHint
  const c = new QUdpSocket();
  ev('c.bind(ShareAddress)', c.bind(new QHostAddress(QHostAddress.LocalHost), port, QAbstractSocket.ShareAddress));
  const d = new QUdpSocket();
  ev('d.bind(ReuseAddressHint)', d.bind(new QHostAddress(QHostAddress.LocalHost), port, QAbstractSocket.ReuseAddressHint));
  return done(a, b, tx, c, d);
}
