// Twin of oracle/scenarios/app_processevents.py: processEvents() inside a slot delivers queued calls,
// posted singleShot(0)s and due timers re-entrantly; sendPostedEvents() delivers posted events only; a
// queued emission after that is delivered after the slot returns.
import { QCoreApplication, QObject, QTimer, Qt, Signal } from '../../../src/index.js';
import { app, blockMs, done, ev, run as runLoop } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[string]>(this);
}

export default async function run(): Promise<unknown[]> {
  app();
  const e = new E();
  e.sig.connect((s: string) => ev('queued', s), Qt.ConnectionType.QueuedConnection);

  const slot = (): void => {
    ev('slot: enter');
    e.sig.emit('q1');
    QTimer.singleShot(0, () => ev('singleShot0 from slot'));
    QTimer.singleShot(5, () => ev('5ms timer from slot'));
    blockMs(20); // time.sleep(0.02)
    ev('slot: processEvents()');
    QCoreApplication.processEvents();
    ev('slot: after processEvents');
    e.sig.emit('q2');
    ev('slot: sendPostedEvents()');
    QCoreApplication.sendPostedEvents();
    ev('slot: after sendPostedEvents');
    e.sig.emit('q3');
    ev('slot: exit');
  };

  QTimer.singleShot(10, slot);
  await runLoop(60);
  return done();
}
