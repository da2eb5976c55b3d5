// Twin of oracle/scenarios/sig_order.py: slots run in connection order; a callable connected twice is
// called twice; arguments are delivered; emit() returns only after all direct slots ran.
import { QObject, Signal } from '../../../src/index.js';
import { done, ev } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[number]>(this);
}

export default async function run(): Promise<unknown[]> {
  const e = new E();
  const s3 = (v: number): void => ev('slot3', v);
  e.sig.connect((v: number) => ev('slot1', v));
  e.sig.connect((v: number) => ev('slot2', v));
  e.sig.connect(s3);
  e.sig.connect(s3);
  ev('emit:call');
  e.sig.emit(7);
  ev('emit:return');
  ev('receivers', e.receivers(e.sig));
  return done();
}
