// Twin of oracle scenario udp_readyread_read_one.py: 3 datagrams queued; the slot reads exactly one
// datagram per readyRead. Markers show whether the next readyRead is emitted synchronously inside
// readDatagram() or on a later loop iteration (after a singleShot(0) posted in the slot).
import { QHostAddress, QTimer, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, run, sleep } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const rx = new QUdpSocket();
  rx.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  const tx = new QUdpSocket();
  let n = 0;

  function onReady(): void {
    n += 1;
    const k = n;
    ev('readyRead', k);
    ev('readDatagram:enter', k);
    const [data] = rx.readDatagram(100);
    ev('readDatagram:return', k, data);
    QTimer.singleShot(0, () => ev('singleShot0PostedInSlot', k));
    ev('slotReturn', k);
  }

  rx.readyRead.connect(onReady);
  for (const m of ['one', 'two', 'three']) {
    tx.writeDatagram(Buffer.from(m), new QHostAddress(QHostAddress.LocalHost), rx.localPort());
  }
  sleep(50);
  await run(300);
  ev('readyReadCount', n, 'hasPendingDatagrams', rx.hasPendingDatagrams());
  return done(rx, tx);
}
