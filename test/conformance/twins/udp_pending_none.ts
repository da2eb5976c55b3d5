// Twin of oracle scenario udp_pending_none.py: a bound socket with nothing pending:
// pendingDatagramSize, hasPendingDatagrams, readDatagram, receiveDatagram results and error state.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const rx = new QUdpSocket();
  rx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  rx.errorOccurred.connect((e) => ev('errorOccurred', errorName(e), rx.errorString()));
  ev('hasPendingDatagrams', rx.hasPendingDatagrams());
  ev('pendingDatagramSize', rx.pendingDatagramSize());
  {
    const [data, host, port] = rx.readDatagram(100);
    ev('readDatagram', { data, host: host.toString(), hostIsNull: host.isNull(), port });
  }
  ev('error', errorName(rx.error()), rx.errorString());
  let d = rx.receiveDatagram();
  ev('receiveDatagram', {
    isValid: d.isValid(), isNull: d.isNull(), data: d.data(),
    senderPort: d.senderPort(), senderAddressNull: d.senderAddress().isNull(),
  });
  ev('error', errorName(rx.error()), rx.errorString());
  ev('state', stateName(rx.state()));
  // fresh socket: receiveDatagram() first
  const rx2 = new QUdpSocket();
  rx2.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  rx2.errorOccurred.connect((e) => ev('rx2.errorOccurred', errorName(e), rx2.errorString()));
  d = rx2.receiveDatagram();
  ev('rx2.receiveDatagram', { isValid: d.isValid() });
  ev('rx2.error', errorName(rx2.error()), rx2.errorString());
  d = rx2.receiveDatagram();
  ev('rx2.receiveDatagram#2', { isValid: d.isValid() });
  {
    const [data] = rx2.readDatagram(10);
    ev('rx2.readDatagram', { data });
  }
  return done(rx, rx2);
}
