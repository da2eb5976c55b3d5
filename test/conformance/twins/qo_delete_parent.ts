// Twin of oracle/scenarios/qo_delete_parent.py: deleting a parent emits its destroyed first, then deletes
// the children depth-first in children() order; deleting a child removes it from its parent's children().
// sip.delete(x) is x.dispose(); sip.isdeleted(x) is isDeleted(x).
import { QObject, isDeleted } from '../../../src/index.js';
import { done, ev } from '../trace.js';

function mk(name: string, parent: QObject | null = null): QObject {
  const o = new QObject(parent);
  o.setObjectName(name);
  o.destroyed.connect(() => ev('destroyed', name));
  return o;
}

export default async function run(): Promise<unknown[]> {
  const p = mk('p');
  const a = mk('a', p);
  const a1 = mk('a1', a);
  mk('a2', a);
  const b = mk('b', p);
  mk('b1', b);
  const c = mk('c', p);
  ev('sip.delete(p)');
  p.dispose();
  ev('isDeleted', { p: isDeleted(p), a: isDeleted(a), a1: isDeleted(a1), c: isDeleted(c) });
  const q = mk('q');
  const x = mk('x', q);
  mk('y', q);
  x.dispose();
  ev('q.children after deleting x', q.children().map((k) => k.objectName()));
  return done();
}
