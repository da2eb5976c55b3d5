// Twin of oracle scenario udp_connect_states.py: QUdpSocket.connectToHost: state sequence and signals
// for (a) a QHostAddress, (b) an IP-literal string, (c) the host name "localhost".
import { QHostAddress, QTimer, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, namePort, openMode, P, run, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const peer = new QUdpSocket();
  peer.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  const port = peer.localPort();
  namePort(port, '<peer>');

  function watch(label: string, s: QUdpSocket): void {
    s.stateChanged.connect((st) => ev(label + ':stateChanged', stateName(st)));
    s.hostFound.connect(() => ev(label + ':hostFound'));
    s.connected.connect(() => ev(label + ':connected'));
    s.errorOccurred.connect((e) => ev(label + ':errorOccurred', errorName(e)));
  }

  function snapshot(label: string, s: QUdpSocket): void {
    ev(label + ':snapshot', {
      state: stateName(s.state()), isOpen: s.isOpen(),
      openMode: openMode(s.openMode()),
      peerAddress: s.peerAddress().toString(), peerPort: P(s.peerPort()),
      peerName: s.peerName(), localAddress: s.localAddress().toString(),
      localPortNonZero: s.localPort() !== 0,
    });
  }

  const a = new QUdpSocket();
  watch('addr', a);
  ev('addr:connectToHost:call');
  a.connectToHost(new QHostAddress(QHostAddress.LocalHost), port);
  ev('addr:connectToHost:return');
  snapshot('addr', a);

  const b = new QUdpSocket();
  watch('literal', b);
  ev('literal:connectToHost:call');
  b.connectToHost('127.0.0.1', port);
  ev('literal:connectToHost:return');
  snapshot('literal', b);

  const c = new QUdpSocket();
  watch('name', c);
  ev('name:connectToHost:call');
  c.connectToHost('localhost', port);
  ev('name:connectToHost:return');
  ev('name:stateAfterCall', stateName(c.state()));

  function afterName(): void {
    ev('name:peerAddressIsLoopback', c.peerAddress().isLoopback(), 'peerName', c.peerName(),
      'state', stateName(c.state()), 'isOpen', c.isOpen());
  }

  QTimer.singleShot(300, afterName);
  ev('exec');
  await run(400);
  return done(peer, a, b, c);
}
