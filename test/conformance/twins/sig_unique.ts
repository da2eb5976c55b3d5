// Twin of oracle/scenarios/sig_unique.py: Qt.UniqueConnection. PyQt5 raises TypeError for a duplicate;
// tsqt returns an invalid Connection (DESIGN.md "Signals"), listed in deviations.ts. PyQt's
// connect(r.decorated) / connect(r.plain) (bound methods) are connect(r, 'decorated') / connect(r, 'plain').
import { QObject, Qt, Signal } from '../../../src/index.js';
import { done, ev } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[]>(this);
}

class R extends QObject {
  decorated(): void {
    ev('decorated');
  }

  plain(): void {
    ev('plain');
  }
}

function try_(label: string, fn: () => { isValid(): boolean }): void {
  try {
    const r = fn();
    ev(label, 'returned', r.constructor.name, r.isValid());
  } catch (ex) {
    ev(label, 'raised', (ex as Error).name, (ex as Error).message);
  }
}

export default async function run(): Promise<unknown[]> {
  const e = new E();
  const r = new R();
  try_('connect(decorated, Unique) #1', () => e.sig.connect(r, 'decorated', Qt.ConnectionType.UniqueConnection));
  try_('connect(decorated, Unique) #2', () => e.sig.connect(r, 'decorated', Qt.ConnectionType.UniqueConnection));
  try_('connect(decorated) non-unique #3', () => e.sig.connect(r, 'decorated'));
  ev('receivers', e.receivers(e.sig));
  e.sig.emit();
  const e2 = new E();
  try_('connect(plain, Unique) #1', () => e2.sig.connect(r, 'plain', Qt.ConnectionType.UniqueConnection));
  try_('connect(plain, Unique) #2', () => e2.sig.connect(r, 'plain', Qt.ConnectionType.UniqueConnection));
  ev('receivers', e2.receivers(e2.sig));
  e2.sig.emit();
  const e3 = new E();
  const lam = (): void => ev('lambda');
  try_('connect(lambda, Unique) #1', () => e3.sig.connect(lam, Qt.ConnectionType.UniqueConnection));
  try_('connect(lambda, Unique) #2', () => e3.sig.connect(lam, Qt.ConnectionType.UniqueConnection));
  e3.sig.emit();
  ev('Qt.SingleShotConnection exists (Qt 6 only)', 'SingleShotConnection' in Qt.ConnectionType);
  return done();
}
