// Twin of oracle/scenarios/qo_dynamic_property.py: setProperty of a dynamic property returns false and
// sends DynamicPropertyChange synchronously (not when the value is unchanged); an invalid QVariant
// (undefined here) removes it; dynamicPropertyNames() in creation order; objectName is a declared property.
import { QDynamicPropertyChangeEvent, QEvent, QObject } from '../../../src/index.js';
import { app, done, ev } from '../trace.js';

class O extends QObject {
  override event(e: QEvent): boolean {
    if (e.type() === QEvent.Type.DynamicPropertyChange) {
      ev('DynamicPropertyChange', (e as QDynamicPropertyChangeEvent).propertyName());
    }
    return super.event(e);
  }
}

export default async function run(): Promise<unknown[]> {
  app();
  const o = new O();
  ev('property(unknown)', o.property('nope'));
  ev('setProperty(b, 1) returns', o.setProperty('b', 1));
  ev('setProperty(a, "x") returns', o.setProperty('a', 'x'));
  ev('setProperty(b, 2) returns', o.setProperty('b', 2));
  ev('setProperty(b, 2) same value returns', o.setProperty('b', 2));
  ev('dynamicPropertyNames', o.dynamicPropertyNames());
  ev('setProperty(b, QVariant()) returns', o.setProperty('b', undefined));
  ev('dynamicPropertyNames', o.dynamicPropertyNames());
  ev('setProperty(objectName, "n") (static) returns', o.setProperty('objectName', 'n'), o.objectName());
  return done();
}
