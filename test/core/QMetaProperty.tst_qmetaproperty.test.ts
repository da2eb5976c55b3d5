// Ports of Qt 5.15's tests/auto/corelib/kernel/qmetaproperty/tst_qmetaproperty.cpp, the parts that
// apply without moc. Each `it` starts with Qt's test function name. A user class declares no
// Q_PROPERTY in tsqt (docs/guides/porting.md, "moc and QVariant"), so the functions that apply
// run on the library's properties, with PyQt5 5.15's answers for them.
//
// Not ported:
// - hasStdCppSet: QMetaProperty.hasStdCppSet() does not exist in tsqt.
// - gadget: no Q_GADGET (readOnGadget/writeOnGadget/resetOnGadget).
// - readAndWriteWithLazyRegistration: QMetaType registration of pointer types.
// - mapProperty: a QMap-typed Q_PROPERTY of a user class (no Q_PROPERTY; no QVariant).
// - conversion: QMetaType::registerConverter and QVariant conversions; RESET properties.
import { expect } from 'chai';
import { QObject, QTimer, QCoreApplication, type QMetaObject } from '../../src/core/index.js';
import { coreHooks } from './helpers.js';

describe('tst_qmetaproperty ports', () => {
  coreHooks();
  const metaObjects = (): QMetaObject[] => [QObject.staticMetaObject, QTimer.staticMetaObject, QCoreApplication.staticMetaObject];

  // PyQt5 5.15 (Qt 5.15.8): name, typeName, isConstant and isFinal of each property of
  // QObject.staticMetaObject, QTimer.staticMetaObject and QCoreApplication.staticMetaObject.
  // Qt's isConstant and isFinal test user properties declared CONSTANT or FINAL, which tsqt cannot
  // declare: both run on the library's properties, whose table tsqt builds, in one test.
  it('isConstant / isFinal: no property of QObject, QTimer or QCoreApplication is CONSTANT or FINAL', () => {
    const objectName = ['objectName', 'QString', false, false];
    const expected = [
      [objectName],
      [objectName, ['singleShot', 'bool', false, false], ['interval', 'int', false, false], ['remainingTime', 'int', false, false], ['timerType', 'Qt::TimerType', false, false], ['active', 'bool', false, false]],
      [
        objectName,
        ['applicationName', 'QString', false, false],
        ['applicationVersion', 'QString', false, false],
        ['organizationName', 'QString', false, false],
        ['organizationDomain', 'QString', false, false],
        ['quitLockEnabled', 'bool', false, false],
      ],
    ];
    const actual = metaObjects().map((mo) => {
      const rows: unknown[][] = [];
      for (let i = 0; i < mo.propertyCount(); i++) {
        const prop = mo.property(i);
        rows.push([prop.name(), prop.typeName(), prop.isConstant(), prop.isFinal()]);
      }
      return rows;
    });
    expect(actual).to.deep.equal(expected);
  });
});
