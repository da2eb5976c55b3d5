// Twin of oracle scenario udp_bind_in_use_default.py: two sockets bind the same port, both with
// default BindMode (DefaultForPlatform). Also: A default, C with ShareAddress|ReuseAddressHint.
import { QAbstractSocket, QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, P, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const a = new QUdpSocket();
  ev('a.bind', a.bind(new QHostAddress(QHostAddress.LocalHost), 0));
  const port = a.localPort();
  const b = new QUdpSocket();
  b.stateChanged.connect((st) => ev('b.stateChanged', stateName(st)));
  b.errorOccurred.connect((e) => ev('b.errorOccurred', errorName(e), b.errorString()));
  ev('b.bind(default)', b.bind(new QHostAddress(QHostAddress.LocalHost), port));
  ev('b.after', {
    state: stateName(b.state()), error: errorName(b.error()), errorString: b.errorString(),
    localPort: P(b.localPort()), isOpen: b.isOpen(), isValid: b.isValid(),
  });
  const c = new QUdpSocket();
  c.errorOccurred.connect((e) => ev('c.errorOccurred', errorName(e), c.errorString()));
  ev('c.bind(ShareAddress|ReuseAddressHint)', c.bind(new QHostAddress(QHostAddress.LocalHost), port,
    QAbstractSocket.ShareAddress | QAbstractSocket.ReuseAddressHint));
  ev('c.after', { state: stateName(c.state()), error: errorName(c.error()) });
  // retry b after failure: is the socket usable again?
  ev('b.bind(port 0) after failure', b.bind(new QHostAddress(QHostAddress.LocalHost), 0));
  ev('b.after2', { state: stateName(b.state()), error: errorName(b.error()), errorString: b.errorString() });
  return done(a, b, c);
}
