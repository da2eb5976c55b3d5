// Twin of oracle scenario udp_receive_datagram.py: receiveDatagram(): QNetworkDatagram fields for a
// datagram from a bound sender, and readDatagram's sender address/port.
import { QHostAddress, QNetworkDatagram, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, namePort, P, sleep } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const rx = new QUdpSocket();
  rx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  namePort(rx.localPort(), '<rx>');
  const tx = new QUdpSocket();
  tx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  namePort(tx.localPort(), '<tx>');
  tx.writeDatagram(Buffer.from('abc'), new QHostAddress(QHostAddress.LocalHost), rx.localPort());
  const dg = new QNetworkDatagram(Buffer.from('viaDatagram'), new QHostAddress(QHostAddress.LocalHost), rx.localPort());
  ev('writeDatagram(QNetworkDatagram)', tx.writeDatagram(dg));
  sleep(50);
  const d = rx.receiveDatagram();
  ev('receiveDatagram', {
    data: d.data(), isValid: d.isValid(),
    senderAddress: d.senderAddress().toString(), senderPort: P(d.senderPort()),
    destinationAddress: d.destinationAddress().toString(),
    destinationPort: P(d.destinationPort()), hopLimit: d.hopLimit(),
    interfaceIndex: d.interfaceIndex(),
  });
  const [data, h, p] = rx.readDatagram(100);
  ev('readDatagram', { data, host: h.toString(), port: P(p) });
  const e = new QNetworkDatagram();
  ev('defaultQNetworkDatagram', {
    isValid: e.isValid(), isNull: e.isNull(), hopLimit: e.hopLimit(),
    senderPort: e.senderPort(), destinationPort: e.destinationPort(),
  });
  return done(rx, tx);
}
