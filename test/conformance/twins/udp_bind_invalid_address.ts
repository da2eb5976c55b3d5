// Twin of oracle scenario udp_bind_invalid_address.py: bind() to addresses that cannot be bound: a
// non-local IPv4 (TEST-NET-2, nothing is sent), a null QHostAddress, Broadcast, IPv6 loopback on dual
// stack, and an unparseable string.
//
// Deliberate difference (DESIGN.md "Details pinned", QHostAddress bullet): the scenario's
// `QHostAddress('999.1.1.1')` is passed here the tsqt way, as the string itself, which tsqt rejects
// with a TypeError (nothing bound, no signal) where Qt silently binds to Any. See deviations.ts.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const sockets: QUdpSocket[] = [];

  function attempt(label: string, address: QHostAddress | string, port = 0): void {
    const s = new QUdpSocket();
    sockets.push(s);
    s.stateChanged.connect((st) => ev(label + ':stateChanged', stateName(st)));
    s.errorOccurred.connect((e) => ev(label + ':errorOccurred', errorName(e)));
    let ok: boolean | string;
    try {
      ok = s.bind(address, port);
    } catch (e) {
      // tsqt only: a string that is not an IP literal throws; record what was thrown and that nothing changed
      ok = `threw ${(e as Error).name}`;
    }
    ev(label, {
      ok, state: stateName(s.state()), error: errorName(s.error()),
      errorString: s.errorString(), localAddress: s.localAddress().toString(),
      localPortNonZero: s.localPort() !== 0, isValid: s.isValid(),
    });
    s.close();
  }

  attempt('nonLocal 198.51.100.7', new QHostAddress('198.51.100.7'));
  attempt('nullAddress', new QHostAddress());
  attempt('unparseable "999.1.1.1"', '999.1.1.1');
  attempt('Broadcast', new QHostAddress(QHostAddress.Broadcast));
  attempt('LocalHostIPv6', new QHostAddress(QHostAddress.LocalHostIPv6));
  attempt('Any', new QHostAddress(QHostAddress.Any));
  attempt('AnyIPv4', new QHostAddress(QHostAddress.AnyIPv4));
  attempt('AnyIPv6', new QHostAddress(QHostAddress.AnyIPv6));
  const s = new QUdpSocket();
  let ok = s.bind(0);
  ev('bind(port only)', { ok, localAddress: s.localAddress().toString(), state: stateName(s.state()) });
  const s2 = new QUdpSocket();
  ok = s2.bind();
  ev('bind(no args)', { ok, localAddress: s2.localAddress().toString(), localPortNonZero: s2.localPort() !== 0 });
  return done(...sockets, s, s2);
}
