// Twin of oracle scenario udp_close_sequences.py: disconnectFromHost / close / abort on connected and
// on bound QUdpSockets: order of stateChanged, disconnected, aboutToClose, readChannelFinished;
// state afterwards.
import { QHostAddress, QUdpSocket } from '../../../src/index.js';
import { app, done, errorName, ev, P, run, stateName } from './udp__net.js';

export default async function main(): Promise<unknown[]> {
  app();
  const lh = new QHostAddress(QHostAddress.LocalHost);
  const peer = new QUdpSocket();
  peer.bind(lh, 0);

  function make(label: string, connect: boolean): QUdpSocket {
    const s = new QUdpSocket();
    if (connect) s.connectToHost(lh, peer.localPort());
    else s.bind(lh, 0);
    s.stateChanged.connect((st) => ev(label + ':stateChanged', stateName(st)));
    s.disconnected.connect(() => ev(label + ':disconnected'));
    s.aboutToClose.connect(() => ev(label + ':aboutToClose'));
    s.readChannelFinished.connect(() => ev(label + ':readChannelFinished'));
    s.errorOccurred.connect((e) => ev(label + ':errorOccurred', errorName(e)));
    return s;
  }

  function after(label: string, s: QUdpSocket): void {
    ev(label + ':after', {
      state: stateName(s.state()), isOpen: s.isOpen(), isValid: s.isValid(),
      localPort: P(s.localPort()), peerPort: P(s.peerPort()),
      peerAddress: s.peerAddress().toString(), error: errorName(s.error()),
    });
  }

  const keep: QUdpSocket[] = [];
  for (const kind of ['connected', 'bound']) {
    for (const op of ['disconnectFromHost', 'close', 'abort'] as const) {
      const label = kind + '.' + op;
      const s = make(label, kind === 'connected');
      keep.push(s);
      ev(label + ':call');
      s[op]();
      ev(label + ':return');
      after(label, s);
    }
  }
  // closing an unconnected, never-used socket
  const s = make('bound.closeThenAbort', false);
  ev('bound.closeThenAbort:close');
  s.close();
  ev('bound.closeThenAbort:abort');
  s.abort();
  ev('bound.closeThenAbort:return');
  const fresh = new QUdpSocket();
  fresh.stateChanged.connect((st) => ev('fresh:stateChanged', stateName(st)));
  fresh.aboutToClose.connect(() => ev('fresh:aboutToClose'));
  fresh.disconnected.connect(() => ev('fresh:disconnected'));
  ev('fresh.close:call');
  fresh.close();
  ev('fresh.disconnectFromHost:call');
  fresh.disconnectFromHost();
  ev('fresh.abort:call');
  fresh.abort();
  ev('fresh.done', stateName(fresh.state()));
  ev('loop');
  await run(50);
  ev('loopDone');
  return done(peer, ...keep, s, fresh);
}
