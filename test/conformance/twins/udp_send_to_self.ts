// Twin of oracle scenario udp_send_to_self.py: a socket sends a datagram to its own bound
// address/port and receives it; readyRead timing.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, namePort, P, run } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const s = new QUdpSocket();
  s.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  namePort(s.localPort(), '<self>');
  s.readyRead.connect(() => ev('readyRead'));
  ev('writeDatagram:call');
  const r = s.writeDatagram(Buffer.from('me'), new QHostAddress(QHostAddress.LocalHost), s.localPort());
  ev('writeDatagram:return', r, 'hasPendingDatagramsImmediately', s.hasPendingDatagrams());
  await run(30);
  const d = s.receiveDatagram();
  ev('receiveDatagram', { data: d.data(), senderPort: P(d.senderPort()) });
  return done(s);
}
