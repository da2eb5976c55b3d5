// Twin of oracle/scenarios/app_eventfilter_order.py: filters run last-installed first; reinstalling moves
// a filter to the front; removeEventFilter; a filter returning true stops delivery; an application-wide
// filter runs before the object's; a filter removed during dispatch (not yet run) does not run.
import { QCoreApplication, QEvent, QObject } from '../../../src/index.js';
import { app, done, ev } from '../trace.js';

class R extends QObject {
  override event(e: QEvent): boolean {
    if (e.type() === QEvent.Type.User) {
      ev('R.event');
      return true;
    }
    return super.event(e);
  }
}

class F extends QObject {
  constructor(
    readonly name: string,
    readonly eat = false,
  ) {
    super();
  }

  override eventFilter(_o: QObject, e: QEvent): boolean {
    if (e.type() === QEvent.Type.User) {
      ev('filter', this.name);
      return this.eat;
    }
    return false;
  }
}

export default async function run(): Promise<unknown[]> {
  const a = app();
  const r = new R();
  const [f1, f2, f3] = [new F('f1'), new F('f2'), new F('f3')];
  r.installEventFilter(f1);
  r.installEventFilter(f2);
  r.installEventFilter(f3);
  ev('send#1 (f1,f2,f3 installed in that order)');
  QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User));
  r.installEventFilter(f1);
  ev('send#2 (f1 installed again)');
  QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User));
  r.removeEventFilter(f2);
  ev('send#3 (f2 removed)');
  QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User));
  const eater = new F('eater', true);
  r.installEventFilter(eater);
  ev('send#4 (eater installed last, returns True)');
  const res = QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User));
  ev('send#4 result', res);
  r.removeEventFilter(eater);
  const g = new F('appFilter');
  a.installEventFilter(g);
  ev('send#5 (application filter installed)');
  QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User));
  a.removeEventFilter(g);

  class SelfRemoving extends QObject {
    override eventFilter(o: QObject, e: QEvent): boolean {
      if (e.type() === QEvent.Type.User) {
        ev('filter', 'selfRemoving (removes f3 and itself)');
        o.removeEventFilter(f3);
        o.removeEventFilter(this);
      }
      return false;
    }
  }

  const sr = new SelfRemoving();
  r.installEventFilter(sr);
  ev('send#6 (a filter removes another filter during dispatch)');
  QCoreApplication.sendEvent(r, new QEvent(QEvent.Type.User));
  return done();
}
