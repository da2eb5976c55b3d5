// Twin of oracle scenario udp_dualstack.py: a receiver bound to QHostAddress.Any (dual stack) gets
// datagrams from 127.0.0.1 and ::1: how is the sender address reported? And AnyIPv4 / AnyIPv6 receivers.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, ev, protoName, sleep } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const sockets: QUdpSocket[] = [];

  function test(label: string, bindAddr: QHostAddress): void {
    const rx = new QUdpSocket();
    sockets.push(rx);
    const ok = rx.bind(new QHostAddress(bindAddr), 0);
    ev(label + ':bind', ok, {
      localAddress: rx.localAddress().toString(),
      localAddressProtocol: protoName(rx.localAddress().protocol()),
    });
    for (const src of ['127.0.0.1', '::1']) {
      const tx = new QUdpSocket();
      sockets.push(tx);
      tx.bind(new QHostAddress(src), 0);
      const dst = new QHostAddress(src);
      const r = tx.writeDatagram(Buffer.from('from ' + src), dst, rx.localPort());
      sleep(20);
      const got: unknown[] = [];
      while (rx.hasPendingDatagrams()) {
        const d = rx.receiveDatagram();
        got.push({
          data: d.data(), sender: d.senderAddress().toString(),
          senderProtocol: protoName(d.senderAddress().protocol()),
          destination: d.destinationAddress().toString(),
        });
      }
      ev(label + ':send from ' + src, r, got);
    }
    rx.close();
  }

  test('Any', QHostAddress.Any);
  test('AnyIPv4', QHostAddress.AnyIPv4);
  test('AnyIPv6', QHostAddress.AnyIPv6);
  return done(...sockets);
}
