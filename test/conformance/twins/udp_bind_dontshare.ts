// Twin of oracle scenario udp_bind_dontshare.py: DontShareAddress combinations on the same port.
import { QAbstractSocket, QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const share = QAbstractSocket.ShareAddress | QAbstractSocket.ReuseAddressHint;
  const a = new QUdpSocket();
  ev('a.bind(Share|Reuse)', a.bind(new QHostAddress(QHostAddress.LocalHost), 0, share));
  const port = a.localPort();
  const b = new QUdpSocket();
  ev('b.bind(DontShareAddress) on shared port',
    b.bind(new QHostAddress(QHostAddress.LocalHost), port, QAbstractSocket.DontShareAddress));
  ev('b.error', errorName(b.error()), b.errorString());

  const c = new QUdpSocket();
  ev('c.bind(DontShareAddress)', c.bind(new QHostAddress(QHostAddress.LocalHost), 0, QAbstractSocket.DontShareAddress));
  const port2 = c.localPort();
  const d = new QUdpSocket();
  ev('d.bind(Share|Reuse) on DontShare port', d.bind(new QHostAddress(QHostAddress.LocalHost), port2, share));
  ev('d.error', errorName(d.error()), d.errorString());
  const e = new QUdpSocket();
  ev('e.bind(DontShareAddress|ReuseAddressHint) on DontShare port',
    e.bind(new QHostAddress(QHostAddress.LocalHost), port2,
      QAbstractSocket.DontShareAddress | QAbstractSocket.ReuseAddressHint));
  ev('e.error', errorName(e.error()), e.errorString());
  return done(a, b, c, d, e);
}
