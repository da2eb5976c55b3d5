// Twin of oracle/scenarios/app_sendevent_sync.py: sendEvent is synchronous (filter, then event()) and
// returns event()'s result; isAccepted() is true on entry and reflects ignore() after; an unhandled User+n
// event returns true; registerEventType().
import { QCoreApplication, QEvent, QObject } from '../../../src/index.js';
import { app, done, ev, eventName } from '../trace.js';

class R extends QObject {
  override event(e: QEvent): boolean {
    if (e.type() === QEvent.Type.User) {
      ev('R.event', { isAcceptedOnEntry: e.isAccepted(), spontaneous: e.spontaneous() });
      e.ignore();
      return true;
    }
    if (e.type() === QEvent.Type.User + 2) {
      ev('R.event User+2 -> returning False');
      return false;
    }
    return super.event(e);
  }
}

class F extends QObject {
  override eventFilter(_o: QObject, e: QEvent): boolean {
    if (e.type() === QEvent.Type.User || e.type() === QEvent.Type.User + 2) ev('filter', eventName(e.type()));
    return false;
  }
}

export default async function run(): Promise<unknown[]> {
  app();
  const r = new R();
  const f = new F();
  r.installEventFilter(f);
  const e = new QEvent(QEvent.Type.User);
  ev('sendEvent:call');
  const res = QCoreApplication.sendEvent(r, e);
  ev('sendEvent:return', res, { isAccepted: e.isAccepted() });
  const res2 = QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User + 2));
  ev('sendEvent User+2 return', res2);
  const res3 = QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User + 3));
  ev('sendEvent unhandled User+3 return', res3);
  ev('registerEventType() first >= User', QEvent.registerEventType() >= QEvent.Type.User);
  ev('registerEventType(2000)', QEvent.registerEventType(2000));
  ev('registerEventType(2000) again (taken -> new id)', QEvent.registerEventType(2000) !== 2000);
  return done();
}
