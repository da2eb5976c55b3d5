// Twin of oracle scenario udp_readyread_drain.py: 3 datagrams queued; the slot drains with
// while hasPendingDatagrams().
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, run, sleep } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const rx = new QUdpSocket();
  rx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  const tx = new QUdpSocket();
  let n = 0;

  function onReady(): void {
    n += 1;
    ev('readyRead', n);
    while (rx.hasPendingDatagrams()) {
      const size = rx.pendingDatagramSize();
      const [data] = rx.readDatagram(size);
      ev('readDatagram', { data, size });
    }
    ev('slotReturn', n);
  }

  rx.readyRead.connect(onReady);
  for (const m of ['one', 'two', 'three']) {
    tx.writeDatagram(Buffer.from(m), new QHostAddress(QHostAddress.LocalHost), rx.localPort());
  }
  sleep(50);
  await run(300);
  ev('readyReadCount', n);
  return done(rx, tx);
}
