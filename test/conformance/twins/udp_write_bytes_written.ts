// Twin of oracle scenario udp_write_bytes_written.py: bytesWritten on a bound socket: emitted
// synchronously inside writeDatagram? for each datagram? Plus bytesToWrite / waitForBytesWritten / flush.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, run } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const rx = new QUdpSocket();
  rx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  const tx = new QUdpSocket();
  tx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  tx.bytesWritten.connect((n) => ev('bytesWritten', n));
  for (const m of ['a', 'bb', 'ccc']) {
    ev('writeDatagram:call', m);
    ev('writeDatagram:return', tx.writeDatagram(Buffer.from(m), new QHostAddress(QHostAddress.LocalHost), rx.localPort()));
  }
  ev('bytesToWrite', tx.bytesToWrite());
  ev('flush', tx.flush());
  ev('waitForBytesWritten(10)', tx.waitForBytesWritten(10));
  ev('loop');
  await run(50);
  ev('loopDone');
  return done(rx, tx);
}
