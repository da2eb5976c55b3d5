// Twin of oracle/scenarios/sig_sender.py: sender()/senderSignalIndex() inside a slot for direct, queued
// and signal-to-signal connections, a plain method call, and a queued call whose sender was deleted first.
// PyQt's connect(r.slot) is connect(r, 'slot') (DESIGN.md "Signals").
import { QObject, Qt, Signal } from '../../../src/index.js';
import { app, done, ev, run as runLoop } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[]>(this);
  readonly other = new Signal<[]>(this);
}

class R extends QObject {
  slot(): void {
    const s = this.sender();
    ev('slot', {
      sender: s !== null && s !== undefined ? s.objectName() : null,
      senderSignalIndexValid: this.senderSignalIndex() >= 0,
    });
  }
}

export default async function run(): Promise<unknown[]> {
  app();
  const e = new E();
  e.setObjectName('emitter');
  const r = new R();
  e.sig.connect(r, 'slot');
  ev('direct emit');
  e.sig.emit();
  ev('plain call');
  r.slot();
  const e2 = new E();
  e2.setObjectName('queuedEmitter');
  e2.sig.connect(r, 'slot', Qt.ConnectionType.QueuedConnection);
  e2.sig.emit();
  ev('queued emitted; loop');
  await runLoop(20);
  const e3 = new E();
  e3.setObjectName('deletedBeforeDelivery');
  e3.sig.connect(r, 'slot', Qt.ConnectionType.QueuedConnection);
  e3.sig.emit();
  e3.dispose();
  ev('queued emitted then sender deleted; loop');
  await runLoop(20);
  const e4 = new E();
  e4.setObjectName('viaSignal');
  e4.other.connect(e4.sig);
  e4.sig.connect(r, 'slot');
  ev('signal-to-signal: sender seen by slot');
  e4.other.emit();
  return done();
}
