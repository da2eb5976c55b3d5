// Twin of oracle scenario udp_bind_basic.py: bind(LocalHost, 0): return value, synchronous
// stateChanged, localPort immediately, openMode, peer info.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, openMode, run, socketTypeName, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const s = new QUdpSocket();
  s.stateChanged.connect((st) => ev('stateChanged', stateName(st)));
  s.errorOccurred.connect((e) => ev('errorOccurred', errorName(e)));
  ev('initial', {
    state: stateName(s.state()), isOpen: s.isOpen(), isValid: s.isValid(),
    openMode: openMode(s.openMode()), localPort: s.localPort(),
    localAddress: s.localAddress().toString(), socketDescriptor: s.socketDescriptor(),
    socketType: socketTypeName(s.socketType()),
    error: errorName(s.error()), errorString: s.errorString(),
    isSequential: s.isSequential(), bytesAvailable: s.bytesAvailable(),
  });
  ev('bind:call');
  const ok = s.bind(new QHostAddress(QHostAddress.LocalHost), 0);
  ev('bind:return', ok);
  const lp = s.localPort();
  ev('after', {
    state: stateName(s.state()), isOpen: s.isOpen(), isValid: s.isValid(),
    openMode: openMode(s.openMode()),
    localPortNonZero: lp !== 0, localAddress: s.localAddress().toString(),
    peerAddress: s.peerAddress().toString(), peerPort: s.peerPort(), peerName: s.peerName(),
    socketDescriptorValid: s.socketDescriptor() >= 0,
    error: errorName(s.error()), errorString: s.errorString(),
  });
  await run(50);
  ev('loopDone', stateName(s.state()));
  return done(s);
}
