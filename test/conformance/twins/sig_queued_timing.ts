// Twin of oracle/scenarios/sig_queued_timing.py: Direct and Auto slots run inside emit(); queued
// emissions, singleShot(0), postEvent and invokeMethod(Queued) are delivered in one FIFO order of posting;
// a QTimer object started with 0 ms is a real timer and fires after all of them.
import { QCoreApplication, QEvent, QMetaObject, QObject, QTimer, Qt, Signal } from '../../../src/index.js';
import { app, done, ev, run as runLoop } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[string]>(this);
}

class R extends QObject {
  override event(e: QEvent): boolean {
    if (e.type() === QEvent.Type.User) {
      ev('postedEvent(User)');
      return true;
    }
    return super.event(e);
  }

  invoked(): void {
    ev('invokeMethod(Queued)');
  }
}

export default async function run(): Promise<unknown[]> {
  app();
  const e = new E();
  const r = new R();
  e.sig.connect((s: string) => ev('queued', s), Qt.ConnectionType.QueuedConnection);
  e.sig.connect((s: string) => ev('direct', s), Qt.ConnectionType.DirectConnection);
  e.sig.connect((s: string) => ev('auto', s));
  QTimer.singleShot(0, () => ev('singleShot0#1'));
  ev('emit A:call');
  e.sig.emit('A');
  ev('emit A:return');
  QCoreApplication.postEvent(r, new QEvent(QEvent.Type.User));
  QMetaObject.invokeMethod(r, 'invoked', Qt.ConnectionType.QueuedConnection);
  QTimer.singleShot(0, () => ev('singleShot0#2'));
  e.sig.emit('B');
  const t = new QTimer();
  t.setSingleShot(true);
  t.timeout.connect(() => ev('QTimer.start(0) object timer'));
  t.start(0);
  QTimer.singleShot(0, () => ev('singleShot0#3'));
  ev('exec');
  await runLoop(50);
  return done();
}
