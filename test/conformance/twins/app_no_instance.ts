// Twin of oracle/scenarios/app_no_instance.py: without a QCoreApplication. Qt: sendEvent returns false and
// delivers nothing, postEvent is kept until an application's loop runs. tsqt's implicit dispatcher
// delivers sendEvent (a deliberate difference, DESIGN.md "How the dispatcher meets Node's loop"), listed in
// deviations.ts. Direct signals work in both.
import { QCoreApplication, QEvent, QObject, Signal } from '../../../src/index.js';
import { app, done, ev, eventName, run as runLoop } from '../trace.js';

class R extends QObject {
  readonly sig = new Signal<[]>(this);

  override event(e: QEvent): boolean {
    if (e.type() >= QEvent.Type.User) {
      ev('R.event', eventName(e.type()));
      return true;
    }
    return super.event(e);
  }
}

export default async function run(): Promise<unknown[]> {
  const r = new R();
  r.sig.connect(() => ev('direct slot without app'));
  ev('instance is None', QCoreApplication.instance() === null);
  ev('sendEvent without app returns', QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User)));
  QCoreApplication.postEvent(r, new QEvent(QEvent.Type.User + 1));
  ev('postEvent without app done');
  r.sig.emit();
  app();
  ev('app created');
  await runLoop(20);
  ev('end');
  return done();
}
