// Twin of oracle/scenarios/sig_block.py: blockSignals returns the previous state; a blocked emission is
// dropped (not queued); a queued emission made while unblocked is still delivered after blocking;
// destroyed is emitted even when the object's signals are blocked.
import { QObject, Qt, Signal } from '../../../src/index.js';
import { app, done, ev, run as runLoop } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[string]>(this);
}

export default async function run(): Promise<unknown[]> {
  app();
  const e = new E();
  e.sig.connect((s: string) => ev('direct', s));
  ev('blockSignals(True) returns', e.blockSignals(true));
  ev('signalsBlocked', e.signalsBlocked());
  e.sig.emit('while blocked');
  ev('blockSignals(True) again returns', e.blockSignals(true));
  ev('blockSignals(False) returns', e.blockSignals(false));
  e.sig.emit('after unblock');
  const q = new E();
  q.sig.connect((s: string) => ev('queued', s), Qt.ConnectionType.QueuedConnection);
  q.sig.emit('emitted unblocked, sender blocked before delivery');
  q.blockSignals(true);
  q.sig.emit('emitted while blocked');
  const d = new E();
  d.destroyed.connect(() => ev('destroyed (blocked object)'));
  d.blockSignals(true);
  d.dispose();
  ev('after delete of blocked object');
  const d2 = new E();
  d2.destroyed.connect(() => ev('destroyed (unblocked object)'));
  d2.dispose();
  await runLoop(30);
  return done();
}
