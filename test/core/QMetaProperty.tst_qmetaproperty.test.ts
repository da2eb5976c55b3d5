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

  it("isConstant: no property of QObject, QTimer or QCoreApplication is CONSTANT (PyQt5 5.15's answer)", () => {
    let n = 0;
    for (const mo of metaObjects()) {
      for (let i = 0; i < mo.propertyCount(); i++, n++) {
        const prop = mo.property(i);
        expect(prop.isValid(), prop.name()).to.equal(true);
        expect(prop.isConstant(), prop.name()).to.equal(false);
      }
    }
    expect(n).to.equal(13); // 1 + 6 + 6 properties
  });

  it("isFinal: no property of QObject, QTimer or QCoreApplication is FINAL (PyQt5 5.15's answer)", () => {
    for (const mo of metaObjects()) {
      for (let i = 0; i < mo.propertyCount(); i++) {
        const prop = mo.property(i);
        expect(prop.isValid(), prop.name()).to.equal(true);
        expect(prop.isFinal(), prop.name()).to.equal(false);
      }
    }
  });
});
