// Ports of Qt 5.15's tests/auto/corelib/kernel/qmetamethod/tst_qmetamethod.cpp, the parts that
// apply without moc. Each `it` starts with Qt's test function name (and data row). A user slot's
// signature has one QVariant (type id 41) per declared parameter, unnamed, and an unknown return
// type ('' and 0), where Qt's moc records the C++ types, names and return type
// (docs/guides/porting.md, "moc and QVariant"); the rows below say so where they differ.
//
// Not ported:
// - method rows for Q_INVOKABLE methods and constructors (voidInvokable..., MethodTestObject(...)):
//   tsqt lists neither (no Q_INVOKABLE; constructorCount() is 0).
// - method rows for signals with parameters or a return value (voidSignalInt, voidSignalQReal,
//   voidSignalQString, voidSignalCustomType, voidSignalCustomUnregisteredType, boolSignal,
//   qrealSignal, qstringSignal, qvariantSignal..., voidSignalNoParameterNames): a user signal's
//   argument count and types are not visible to JavaScript, and a Signal returns nothing.
// - comparisonOperators' constructor half: no invokable constructors.
// - fromSignal rows voidSlot and deleteLater (not signals): fromSignal() takes a Signal object,
//   so a slot cannot be passed.
// - gadget: no Q_GADGET (invokeOnGadget).
import { expect } from 'chai';
import { QObject, QMetaObject, QMetaMethod, Signal } from '../../src/core/index.js';
import { coreHooks } from './helpers.js';

class MethodTestObject extends QObject {
  readonly voidSignal = new Signal(this);
  readonly voidSignalVoid = new Signal(this);
  readonly voidSignalQString = new Signal<[voidSignalQStringArg: string]>(this);
  voidSlot(): void {}
  voidSlotInt(voidSlotIntArg: number): void {
    void voidSlotIntArg;
  }
  voidSlotQReal(voidSlotQRealArg: number): void {
    void voidSlotQRealArg;
  }
  voidSlotQString(voidSlotQStringArg: string): void {
    void voidSlotQStringArg;
  }
  voidSlotCustomType(voidSlotCustomTypeArg: object): void {
    void voidSlotCustomTypeArg;
  }
  voidSlotCustomUnregisteredType(voidSlotCustomUnregisteredTypeArg: object): void {
    void voidSlotCustomUnregisteredTypeArg;
  }
  boolSlot(): boolean {
    return true;
  }
  qrealSlot(): number {
    return 1.0;
  }
  qstringSlot(): string {
    return '';
  }
  customTypeSlot(): object {
    return {};
  }
  qvariantSlotBoolIntUIntLonglongULonglongDoubleLongShortCharUlongUshortUcharFloat(
    boolArg: boolean, intArg: number, uintArg: number, longlongArg: bigint, ulonglongArg: bigint, doubleArg: number,
    longArg: number, shortArg: number, charArg: number, ulongArg: number, ushortArg: number, ucharArg: number, floatArg: number,
  ): unknown {
    void [boolArg, intArg, uintArg, longlongArg, ulonglongArg, doubleArg, longArg, shortArg, charArg, ulongArg, ushortArg, ucharArg, floatArg];
    return undefined;
  }
  voidSlotNoParameterNames(a: boolean, b: number): void {
    void [a, b];
  }
}

const Void = 43;
const QVariantId = 41;

describe('tst_qmetamethod ports', () => {
  coreHooks();
  // an instance is seen first, so that the meta-object knows the signal fields
  const seen = new MethodTestObject();
  seen.metaObject();
  seen.dispose();

  describe('method', () => {
    // [tag, Qt's signature, returnType, returnTypeName, parameter count, methodType]
    type Row = [string, string, number, string, number, QMetaMethod.MethodType];
    const rows: Row[] = [
      ['voidSignal', 'voidSignal()', Void, 'void', 0, QMetaMethod.Signal],
      ['voidSignalVoid', 'voidSignalVoid()', Void, 'void', 0, QMetaMethod.Signal],
      // slots: Qt's void return is not known for a user slot ('' and 0)
      ['voidSlot', 'voidSlot()', 0, '', 0, QMetaMethod.Slot],
      ['voidSlotInt', 'voidSlotInt(int)', 0, '', 1, QMetaMethod.Slot],
      ['voidSlotQReal', 'voidSlotQReal(qreal)', 0, '', 1, QMetaMethod.Slot],
      ['voidSlotQString', 'voidSlotQString(QString)', 0, '', 1, QMetaMethod.Slot],
      ['voidSlotCustomType', 'voidSlotCustomType(CustomType)', 0, '', 1, QMetaMethod.Slot],
      ['voidSlotCustomUnregisteredType', 'voidSlotCustomUnregisteredType(CustomUnregisteredType)', 0, '', 1, QMetaMethod.Slot],
      ['boolSlot', 'boolSlot()', 0, '', 0, QMetaMethod.Slot],
      ['qrealSlot', 'qrealSlot()', 0, '', 0, QMetaMethod.Slot],
      ['qstringSlot', 'qstringSlot()', 0, '', 0, QMetaMethod.Slot],
      ['qvariantSlotBoolIntUIntLonglongULonglongDoubleLongShortCharUlongUshortUcharFloat',
        'qvariantSlotBoolIntUIntLonglongULonglongDoubleLongShortCharUlongUshortUcharFloat(bool,int,uint,qlonglong,qulonglong,double,long,short,char,ulong,ushort,uchar,float)',
        0, '', 13, QMetaMethod.Slot],
      ['voidSlotNoParameterNames', 'voidSlotNoParameterNames(bool,int)', 0, '', 2, QMetaMethod.Slot],
    ];
    for (const [tag, signature, returnType, returnTypeName, count, methodType] of rows) {
      it(`method(${tag})`, () => {
        const mo = MethodTestObject.staticMetaObject;
        const index = mo.indexOfMethod(signature);
        expect(index).to.not.equal(-1);
        const method = mo.method(index);
        expect(method.isValid()).to.equal(true);
        expect(method.methodType()).to.equal(methodType);
        expect(method.access()).to.equal(QMetaMethod.Public);
        expect(method.methodSignature()).to.not.equal('');
        if (method.methodSignature() !== signature) {
          // QMetaMethod should always produce a semantically equivalent signature
          expect(mo.indexOfMethod(method.methodSignature())).to.equal(index);
        }
        expect(method.name()).to.equal(signature.slice(0, signature.indexOf('(')));
        expect(method.tag()).to.equal('');
        expect(method.returnType()).to.equal(returnType);
        expect(method.typeName()).to.equal(returnTypeName);
        // each parameter a QVariant without a name (Qt: the C++ types and names)
        expect(method.parameterTypes()).to.deep.equal(Array<string>(count).fill('QVariant'));
        expect(method.parameterNames()).to.deep.equal(Array<string>(count).fill(''));
        expect(method.parameterCount()).to.equal(count);
        for (let i = 0; i < count; ++i) expect(method.parameterType(i)).to.equal(QVariantId);
        // bogus indexes
        expect(method.parameterType(-1)).to.equal(0);
        expect(method.parameterType(count)).to.equal(0);
      });
    }
  });

  it('invalidMethod: default-constructed, and out of range either way', () => {
    expect(new QMetaMethod().isValid()).to.equal(false);
    const mo = MethodTestObject.staticMetaObject;
    expect(mo.method(mo.methodCount()).isValid()).to.equal(false);
    expect(mo.method(-1).isValid()).to.equal(false);
  });

  it('comparisonOperators: a method equals itself only, never an invalid one', () => {
    const mo = MethodTestObject.staticMetaObject;
    const count = mo.methodCount();
    expect(count).to.be.greaterThan(2);
    for (let i = 0; i < count; ++i) {
      const method = mo.method(i);
      const methodMo = method.enclosingMetaObject();
      for (let j = 0; j < count; ++j) {
        const other = mo.method(j);
        const expectedEqual = methodMo?.className() === other.enclosingMetaObject()?.className() && i === j;
        expect(method.equals(other), `${i} == ${j}`).to.equal(expectedEqual);
        expect(other.equals(method), `${j} == ${i}`).to.equal(expectedEqual);
      }
      expect(method.equals(new QMetaMethod())).to.equal(false);
      expect(new QMetaMethod().equals(method)).to.equal(false);
    }
  });

  describe('fromSignal', () => {
    const made: QObject[] = [];
    const mk = <T extends QObject>(o: T): T => (made.push(o), o);
    const rows: [string, () => [Signal<any>, QMetaObject, string]][] = [
      ['MethodTestObject::voidSignal()', () => { const o = mk(new MethodTestObject()); return [o.voidSignal, MethodTestObject.staticMetaObject, 'voidSignal()']; }],
      ['MethodTestObject::voidSignalQString(const QString&)', () => { const o = mk(new MethodTestObject()); return [o.voidSignalQString, MethodTestObject.staticMetaObject, 'voidSignalQString(const QString&)']; }],
      ['QObject::destroyed(QObject*)', () => [mk(new QObject()).destroyed, QObject.staticMetaObject, 'destroyed(QObject*)']],
      ['QObject::objectNameChanged(const QString &)', () => [mk(new QObject()).objectNameChanged, QObject.staticMetaObject, 'objectNameChanged(const QString &)']],
      // inherited from QObject
      ['MethodTestObject::destroyed(QObject*)', () => [mk(new MethodTestObject()).destroyed, MethodTestObject.staticMetaObject, 'destroyed(QObject*)']],
      ['MethodTestObject::objectNameChanged(const QString &)', () => [mk(new MethodTestObject()).objectNameChanged, MethodTestObject.staticMetaObject, 'objectNameChanged(const QString &)']],
    ];
    for (const [tag, make] of rows) {
      it(`fromSignal(${tag}): the meta-object's method of that signature`, () => {
        const [signal, signalMeta, sig] = make();
        const m = QMetaMethod.fromSignal(signal);
        expect(m.isValid()).to.equal(true);
        expect(m.equals(signalMeta.method(signalMeta.indexOfSignal(QMetaObject.normalizedSignature(sig))))).to.equal(true);
        for (const o of made.splice(0)) o.dispose();
      });
    }
  });
});
