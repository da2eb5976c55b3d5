// Twin of oracle/scenarios/sig_disconnect_during_emit.py: a slot disconnected during an emission (not yet
// reached) is not called; a slot disconnecting itself runs to completion; disconnecting an earlier slot has
// no effect on the current emission.
import { QObject, Signal } from '../../../src/index.js';
import { done, ev } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[]>(this);
}

export default async function run(): Promise<unknown[]> {
  const e = new E();
  const n = [0];
  const b = (): void => ev('B');
  const c = (): void => ev('C');
  const a = (): void => {
    n[0]! += 1;
    ev('A', n[0]);
    if (n[0] === 1) {
      e.sig.disconnect(b);
      ev('A disconnected B');
    }
  };
  e.sig.connect(c);
  e.sig.connect(a);
  e.sig.connect(b);
  ev('emit#1');
  e.sig.emit();
  ev('emit#2');
  e.sig.emit();

  const selfDis = (): void => {
    ev('selfDisconnecting');
    e.sig.disconnect(selfDis);
  };
  let earlierDone = false;
  const earlierDis = (): void => {
    ev('D');
    if (!earlierDone) {
      earlierDone = true;
      e.sig.disconnect(c);
      ev('D disconnected C (which already ran)');
    }
  };
  e.sig.connect(selfDis);
  e.sig.connect(earlierDis);
  ev('emit#3');
  e.sig.emit();
  ev('emit#4');
  e.sig.emit();
  return done();
}
