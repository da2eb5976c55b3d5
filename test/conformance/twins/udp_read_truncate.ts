// Twin of oracle scenario udp_read_truncate.py: readDatagram with maxSize smaller than the datagram:
// bytes returned, rest lost?
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, sleep } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const rx = new QUdpSocket();
  rx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  const tx = new QUdpSocket();
  tx.writeDatagram(Buffer.from('helloworld'), new QHostAddress(QHostAddress.LocalHost), rx.localPort());
  tx.writeDatagram(Buffer.from('second'), new QHostAddress(QHostAddress.LocalHost), rx.localPort());
  tx.writeDatagram(Buffer.from('thirdXYZ'), new QHostAddress(QHostAddress.LocalHost), rx.localPort());
  sleep(50);
  ev('pendingDatagramSize', rx.pendingDatagramSize());
  let [data] = rx.readDatagram(4);
  ev('readDatagram(4)', { data, len: data?.length });
  ev('pendingDatagramSize', rx.pendingDatagramSize());
  [data] = rx.readDatagram(100);
  ev('readDatagram(100)', { data, len: data?.length });
  const d = rx.receiveDatagram(5);
  ev('receiveDatagram(5)', { data: d.data(), isValid: d.isValid() });
  ev('hasPendingDatagrams', rx.hasPendingDatagrams());
  ev('error', errorName(rx.error()));
  return done(rx, tx);
}
