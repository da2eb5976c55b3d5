// Twin of oracle scenario udp_write_bad_destination.py: writeDatagram to port 0, to a null
// QHostAddress, and an IPv6 destination from an IPv4-bound socket (and the reverse).
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const sockets: QUdpSocket[] = [];

  function attempt(label: string, bind: QHostAddress | null, host: QHostAddress, port: number): void {
    const s = new QUdpSocket();
    sockets.push(s);
    if (bind !== null) s.bind(bind, 0);
    s.errorOccurred.connect((e) => ev(label + ':errorOccurred', errorName(e), s.errorString()));
    s.stateChanged.connect((st) => ev(label + ':stateChanged', stateName(st)));
    s.bytesWritten.connect((n) => ev(label + ':bytesWritten', n));
    const r = s.writeDatagram(Buffer.from('data'), host, port);
    ev(label, { return: r, error: errorName(s.error()), errorString: s.errorString(), state: stateName(s.state()) });
  }

  const lh = new QHostAddress(QHostAddress.LocalHost);
  attempt('port0 bound', lh, lh, 0);
  attempt('port0 unbound', null, lh, 0);
  attempt('nullAddress bound', lh, new QHostAddress(), 9);
  attempt('nullAddress unbound', null, new QHostAddress(), 9);
  attempt('ipv6 dest from 127.0.0.1-bound', lh, new QHostAddress(QHostAddress.LocalHostIPv6), 9);
  attempt('ipv4 dest from ::1-bound', new QHostAddress(QHostAddress.LocalHostIPv6), lh, 9);
  return done(...sockets);
}
