// Twin of oracle/scenarios/timer_parent_deleted.py: a QTimer whose parent is deleted is destroyed with it
// and never fires; singleShot with a receiver deleted before it is due never fires; stop() twice is silent.
// PyQt's QTimer.singleShot(ms, r.slot) (a bound method of a QObject: r is the context) is
// QTimer.singleShot(ms, r, () => r.slot()).
import { QObject, QTimer } from '../../../src/index.js';
import { app, done, ev, run as runLoop } from '../trace.js';

class R extends QObject {
  slot(): void {
    ev('receiver slot fired');
  }
}

export default async function run(): Promise<unknown[]> {
  app();
  const p = new QObject();
  const t = new QTimer(p);
  t.setSingleShot(true);
  t.timeout.connect(() => ev('child timer fired'));
  t.destroyed.connect(() => ev('child timer destroyed'));
  t.start(20);
  const r = new R();
  QTimer.singleShot(20, r, () => r.slot());
  const r2 = new R();
  QTimer.singleShot(0, r2, () => r2.slot());
  ev('delete parent and receivers');
  p.dispose();
  r.dispose();
  r2.dispose();
  const u = new QTimer();
  u.stop();
  u.stop();
  QTimer.singleShot(30, () => ev('unrelated 30ms timer fired'));
  await runLoop(80);
  return done();
}
