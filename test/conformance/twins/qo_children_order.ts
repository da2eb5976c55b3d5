// Twin of oracle/scenarios/qo_children_order.py: children() order is insertion order; setParent(null)
// removes; reparenting appends at the end; setParent(sameParent) keeps the position; setParent(self) and
// a parent cycle (Qt 5.15 accepts both silently).
import { QObject } from '../../../src/index.js';
import { done, ev } from '../trace.js';

function names(o: QObject): string[] {
  return o.children().map((c) => c.objectName());
}

export default async function run(): Promise<unknown[]> {
  const p = new QObject();
  p.setObjectName('p');
  const q = new QObject();
  q.setObjectName('q');
  const kids: QObject[] = [];
  for (const n of ['a', 'b', 'c', 'd']) {
    const k = new QObject(p);
    k.setObjectName(n);
    kids.push(k);
  }
  ev('children', names(p));
  kids[1]!.setParent(null);
  ev('after b.setParent(None)', names(p), 'b.parent is None', kids[1]!.parent() === null);
  kids[1]!.setParent(p);
  ev('after b.setParent(p)', names(p));
  kids[0]!.setParent(p);
  ev('after a.setParent(p) (same parent)', names(p));
  kids[2]!.setParent(q);
  ev('after c.setParent(q)', 'p', names(p), 'q', names(q));
  ev('c.parent', kids[2]!.parent()!.objectName());
  try {
    kids[3]!.setParent(kids[3]!);
    ev('d.setParent(d)', 'no exception', 'parent is d', kids[3]!.parent() === kids[3]);
  } catch (e) {
    ev('d.setParent(d)', (e as Error).name);
  }
  const r = new QObject(kids[3]!);
  r.setObjectName('r');
  try {
    kids[3]!.setParent(r);
  } catch (e) {
    ev('d.setParent(r)', (e as Error).name);
  }
  const dp = kids[3]!.parent();
  ev('cycle attempt d.setParent(r) where r is child of d', 'd.parent', dp !== null ? dp.objectName() : null);
  return done();
}
