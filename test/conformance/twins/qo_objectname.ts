// Twin of oracle/scenarios/qo_objectname.py: objectNameChanged is emitted synchronously by setObjectName,
// not when the name is unchanged. PyQt's constructor keyword QObject(objectName='kw') has no TypeScript
// form: the twin sets the name right after construction, which is what the keyword does.
import { QObject } from '../../../src/index.js';
import { done, ev } from '../trace.js';

export default async function run(): Promise<unknown[]> {
  const o = new QObject();
  ev('initial', o.objectName());
  o.objectNameChanged.connect((n: string) => ev('objectNameChanged', n));
  for (const n of ['one', 'one', 'two', '']) {
    ev('setObjectName:call', n);
    o.setObjectName(n);
  }
  ev('final', o.objectName());
  const p = new QObject();
  p.setObjectName('kw');
  ev('constructor kwarg', p.objectName());
  return done();
}
