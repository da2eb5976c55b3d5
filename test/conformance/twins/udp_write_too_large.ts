// Twin of oracle scenario udp_write_too_large.py: datagram sizes around the IPv4 UDP payload limit
// (65507) to 127.0.0.1.
import { QAbstractSocket, QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, sleep, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const rx = new QUdpSocket();
  rx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  rx.setSocketOption(QAbstractSocket.ReceiveBufferSizeSocketOption, 1 << 20);
  const tx = new QUdpSocket();
  tx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  tx.errorOccurred.connect((e) => ev('errorOccurred', errorName(e), tx.errorString()));
  tx.bytesWritten.connect((n) => ev('bytesWritten', n));
  tx.stateChanged.connect((st) => ev('stateChanged', stateName(st)));
  for (const size of [65507, 65508, 70000]) {
    const r = tx.writeDatagram(Buffer.alloc(size, 'x'), new QHostAddress(QHostAddress.LocalHost), rx.localPort());
    ev('writeDatagram', size, r, { error: errorName(tx.error()), state: stateName(tx.state()) });
  }
  sleep(50);
  ev('rx.pendingDatagramSize', rx.pendingDatagramSize());
  const [data] = rx.readDatagram(70000);
  ev('rx.readDatagram', data?.length);
  ev('rx.hasPendingDatagrams', rx.hasPendingDatagrams());
  ev('tx.writeAfterError', tx.writeDatagram(Buffer.from('ok'), new QHostAddress(QHostAddress.LocalHost), rx.localPort()),
    errorName(tx.error()));
  return done(rx, tx);
}
