// Twin of oracle scenario udp_readyread_noread.py: 3 datagrams queued before the loop runs;
// the readyRead slot reads nothing.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, namePort, run, sleep } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const rx = new QUdpSocket();
  ev('bind', rx.bind(new QHostAddress(QHostAddress.LocalHost), 0));
  namePort(rx.localPort(), '<rx>');
  const tx = new QUdpSocket();
  let n = 0;

  function onReady(): void {
    n += 1;
    ev('readyRead', n, {
      hasPendingDatagrams: rx.hasPendingDatagrams(),
      pendingDatagramSize: rx.pendingDatagramSize(),
    });
  }

  rx.readyRead.connect(onReady);
  for (const m of ['one', 'two', 'three']) {
    ev('writeDatagram', m, tx.writeDatagram(Buffer.from(m), new QHostAddress(QHostAddress.LocalHost), rx.localPort()));
  }
  sleep(50);
  ev('exec');
  await run(300);
  ev('readyReadCount', n);
  while (rx.hasPendingDatagrams()) {
    const [data] = rx.readDatagram(100);
    ev('drainAfterLoop', data);
  }
  return done(rx, tx);
}
