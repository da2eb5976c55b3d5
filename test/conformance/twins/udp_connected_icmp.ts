// Twin of oracle scenario udp_connected_icmp.py: a connected QUdpSocket writes to a closed port on
// 127.0.0.1; the ICMP port-unreachable comes back: which signals, error, state? Then more writes.
import { QHostAddress, QTimer, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, freeUdpPort, run, sleep, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const closed = freeUdpPort();
  const c = new QUdpSocket();
  c.stateChanged.connect((st) => ev('stateChanged', stateName(st)));
  c.errorOccurred.connect((e) => ev('errorOccurred', errorName(e), c.errorString()));
  c.readyRead.connect(() => ev('readyRead', {
    bytesAvailable: c.bytesAvailable(),
    hasPendingDatagrams: c.hasPendingDatagrams(),
    pendingDatagramSize: c.pendingDatagramSize(),
  }));
  c.disconnected.connect(() => ev('disconnected'));
  c.connectToHost(new QHostAddress(QHostAddress.LocalHost), closed);
  ev('write#1', c.write(Buffer.from('ping')));
  sleep(50);
  ev('beforeLoop', { state: stateName(c.state()), error: errorName(c.error()) });

  function second(): void {
    ev('write#2', c.write(Buffer.from('ping2')), { state: stateName(c.state()), error: errorName(c.error()) });
  }

  function third(): void {
    ev('write#3', c.write(Buffer.from('ping3')), { state: stateName(c.state()), error: errorName(c.error()) });
    ev('read', c.read(10));
  }

  QTimer.singleShot(100, second);
  QTimer.singleShot(200, third);
  await run(300);
  ev('end', { state: stateName(c.state()), error: errorName(c.error()), isOpen: c.isOpen() });
  return done(c);
}
