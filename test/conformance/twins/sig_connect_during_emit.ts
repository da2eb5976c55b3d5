// Twin of oracle/scenarios/sig_connect_during_emit.py: a slot connected during an emission is not called
// in that emission, only from the next one (where it runs last).
import { QObject, Signal } from '../../../src/index.js';
import { done, ev } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[]>(this);
}

export default async function run(): Promise<unknown[]> {
  const e = new E();
  const n = [0];
  const newslot = (): void => ev('N');
  const a = (): void => {
    n[0]! += 1;
    ev('A', n[0]);
    if (n[0] === 1) {
      e.sig.connect(newslot);
      ev('A connected N');
    }
  };
  e.sig.connect(a);
  e.sig.connect(() => ev('B'));
  ev('emit#1');
  e.sig.emit();
  ev('emit#2');
  e.sig.emit();
  return done();
}
