// Twin of oracle/scenarios/sig_signal_to_signal.py: a signal connected to a signal acts as a slot at its
// position (depth-first chains; a target with fewer arguments drops the extra ones).
import { QObject, Signal } from '../../../src/index.js';
import { done, ev } from '../trace.js';

class E extends QObject {
  readonly a = new Signal<[number]>(this);
  readonly b = new Signal<[number]>(this);
  readonly c = new Signal<[]>(this);
}

export default async function run(): Promise<unknown[]> {
  const e = new E();
  e.a.connect((v: number) => ev('a-slot1', v));
  e.a.connect(e.b);
  e.a.connect((v: number) => ev('a-slot2', v));
  e.b.connect((v: number) => ev('b-slot', v));
  e.a.connect(e.c);
  e.c.connect(() => ev('c-slot (no args)'));
  ev('emit a(1)');
  e.a.emit(1);
  ev('emit b(2)');
  e.b.emit(2);
  const f = new E();
  e.b.connect(f.a);
  f.a.connect((v: number) => ev('f.a-slot', v));
  ev('emit a(3) chains e.a -> e.b -> f.a');
  e.a.emit(3);
  return done();
}
