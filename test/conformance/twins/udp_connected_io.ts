// Twin of oracle scenario udp_connected_io.py: a connected QUdpSocket: write() sends a datagram to the
// peer, read()/readAll() on datagrams, readDatagram on a connected socket, a datagram from a third
// party is not received.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, namePort, P, run, sleep } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const lh = new QHostAddress(QHostAddress.LocalHost);
  const peer = new QUdpSocket();
  peer.bind(lh, 0);
  namePort(peer.localPort(), '<peer>');
  const stranger = new QUdpSocket();
  stranger.bind(lh, 0);
  const c = new QUdpSocket();
  c.connectToHost(lh, peer.localPort());
  namePort(c.localPort(), '<client>');
  c.bytesWritten.connect((n) => ev('c.bytesWritten', n));
  ev('c.write', c.write(Buffer.from('abc')));
  ev('c.write(empty)', c.write(Buffer.from('')));
  sleep(50);
  while (peer.hasPendingDatagrams()) {
    const d = peer.receiveDatagram();
    ev('peer.got', { data: d.data(), from: P(d.senderPort()) });
  }
  ev('stranger.writeDatagram', stranger.writeDatagram(Buffer.from('intruder'), lh, c.localPort()));
  for (const m of ['r1', 'r22', 'r333', 'r4444']) peer.writeDatagram(Buffer.from(m), lh, c.localPort());
  sleep(50);
  let n = 0;

  function onReady(): void {
    n += 1;
    const k = n;
    ev('c.readyRead', k, {
      bytesAvailable: c.bytesAvailable(), hasPendingDatagrams: c.hasPendingDatagrams(),
      pendingDatagramSize: c.pendingDatagramSize(),
    });
    if (k === 1) {
      ev('c.read(100)', c.read(100));
    } else if (k === 2) {
      ev('c.read(2)', c.read(2));
      ev('c.pendingDatagramSizeAfterPartialRead', c.pendingDatagramSize());
    } else if (k === 3) {
      const [data, host, port] = c.readDatagram(100);
      ev('c.readDatagram', { data, host: host.toString(), port: P(port) });
    } else if (k === 4) {
      ev('c.readAll', c.readAll());
    }
    ev('c.afterRead', { bytesAvailable: c.bytesAvailable(), hasPendingDatagrams: c.hasPendingDatagrams() });
  }

  c.readyRead.connect(onReady);
  await run(200);
  ev('readyReadCount', n);
  return done(peer, stranger, c);
}
