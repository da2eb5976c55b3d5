// Twin of oracle/scenarios/qo_deletelater.py: deleteLater before exec (not run by processEvents, run when
// exec starts), twice, inside a slot with processEvents (not deleted) and
// sendPostedEvents(null, DeferredDelete) (deleted synchronously).
import { QCoreApplication, QEvent, QObject, QTimer, isDeleted } from '../../../src/index.js';
import { app, done, ev, run as runLoop } from '../trace.js';

function mk(name: string): QObject {
  const o = new QObject();
  o.setObjectName(name);
  o.destroyed.connect(() => ev('destroyed', name));
  return o;
}

export default async function run(): Promise<unknown[]> {
  app();
  QTimer.singleShot(0, () => ev('singleShot0#1 (posted before deleteLater)'));
  const pre = mk('pre');
  pre.deleteLater();
  ev('pre.deleteLater() called; deleted yet?', isDeleted(pre));
  const twice = mk('twice');
  twice.deleteLater();
  twice.deleteLater();
  QTimer.singleShot(0, () => ev('singleShot0#2 (posted after deleteLater)'));
  ev('processEvents before exec');
  QCoreApplication.processEvents();
  ev('after processEvents before exec', { 'pre deleted': isDeleted(pre) });

  const inSlot = (): void => {
    const o = mk('inSlot');
    o.deleteLater();
    ev('inSlot: deleteLater called');
    QCoreApplication.processEvents();
    ev('inSlot: after processEvents, deleted?', isDeleted(o));
    QCoreApplication.sendPostedEvents(null, QEvent.Type.DeferredDelete);
    ev('inSlot: after sendPostedEvents(None, DeferredDelete), deleted?', isDeleted(o));
    const o2 = mk('inSlot2');
    o2.deleteLater();
    ev('inSlot: o2.deleteLater called, returning from slot');
    QTimer.singleShot(0, () => ev('singleShot0 posted after o2.deleteLater'));
  };

  QTimer.singleShot(50, inSlot);
  ev('exec');
  await runLoop(150);
  return done();
}
