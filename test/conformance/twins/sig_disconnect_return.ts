// Twin of oracle/scenarios/sig_disconnect_return.py: disconnect return values. PyQt5 returns None or
// raises TypeError; tsqt returns Qt's boolean (DESIGN.md "Signals"), listed in deviations.ts.
import { QObject, Signal } from '../../../src/index.js';
import { done, ev } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[]>(this);
}

function try_(label: string, fn: () => unknown): void {
  try {
    const r = fn();
    ev(label, 'returned', r);
  } catch (ex) {
    ev(label, 'raised', (ex as Error).name, (ex as Error).message);
  }
}

export default async function run(): Promise<unknown[]> {
  const e = new E();
  const f = (): void => ev('f');
  const g = (): void => ev('g');
  try_('disconnect(f) never connected', () => e.sig.disconnect(f));
  const conn = e.sig.connect(f);
  ev('connect returns', conn.constructor.name, conn.isValid());
  e.sig.connect(f);
  ev('receivers after 2x connect(f)', e.receivers(e.sig));
  try_('disconnect(f) #1', () => e.sig.disconnect(f));
  ev('receivers', e.receivers(e.sig));
  e.sig.emit();
  try_('disconnect(f) #2', () => e.sig.disconnect(f));
  try_('disconnect(f) #3', () => e.sig.disconnect(f));
  const c1 = e.sig.connect(g);
  try_('QObject.disconnect(conn) #1', () => QObject.disconnect(c1));
  try_('QObject.disconnect(conn) #2', () => QObject.disconnect(c1));
  e.sig.connect(f);
  e.sig.connect(g);
  try_('disconnect() all', () => e.sig.disconnect());
  ev('receivers', e.receivers(e.sig));
  try_('disconnect() all again', () => e.sig.disconnect());
  e.sig.emit();
  ev('end');
  return done();
}
