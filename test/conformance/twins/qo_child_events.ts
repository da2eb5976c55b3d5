// Twin of oracle/scenarios/qo_child_events.py: ChildAdded / ChildRemoved are sent synchronously (event
// filter first, then the parent's event()) by construction with a parent, setParent, setParent(null) and
// deletion of the child; nothing is posted to the loop.
import { QChildEvent, QEvent, QObject } from '../../../src/index.js';
import { app, done, ev, eventName, run as runLoop } from '../trace.js';

const CHILD_TYPES: number[] = [QEvent.Type.ChildAdded, QEvent.Type.ChildRemoved, QEvent.Type.ChildPolished];

class Parent extends QObject {
  override event(e: QEvent): boolean {
    if (CHILD_TYPES.includes(e.type())) {
      const ce = e as QChildEvent;
      const c = ce.child();
      ev('Parent.event', eventName(e.type()), c !== null && c !== undefined ? c.objectName() : null, {
        added: ce.added(),
        removed: ce.removed(),
        polished: ce.polished(),
      });
    }
    return super.event(e);
  }
}

class Filter extends QObject {
  override eventFilter(_obj: QObject, e: QEvent): boolean {
    if (CHILD_TYPES.includes(e.type())) ev('filter', eventName(e.type()));
    return false;
  }
}

export default async function run(): Promise<unknown[]> {
  app();
  const p = new Parent();
  const f = new Filter();
  p.installEventFilter(f);
  ev('create child a with parent');
  const a = new QObject(p);
  a.setObjectName('a');
  ev('created a');
  const b = new QObject();
  b.setObjectName('b');
  ev('b.setParent(p)');
  b.setParent(p);
  ev('b.setParent(None)');
  b.setParent(null);
  ev('b.setParent(p) again');
  b.setParent(p);
  ev('sip.delete(a)');
  a.dispose();
  ev('run loop');
  await runLoop(20);
  ev('end');
  return done();
}
