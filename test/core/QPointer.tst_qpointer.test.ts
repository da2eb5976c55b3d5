// Ports of Qt 5.15's tests/auto/corelib/kernel/qpointer/tst_qpointer.cpp. Each `it` starts with
// Qt's test function name. TypeScript has no operator overloading: Qt's QPointer ==/!= (with another
// QPointer, a raw pointer or 0) compare data(); `p = obj` is p.set(obj), `p = q` is
// p.set(q.data()), the copy constructor QPointer(p2) is new QPointer(p2.data()); operator->,
// operator* and operator T* are all data(); `delete obj` is obj.dispose(); a stack QObject is a
// `using` declaration, and a C++ destructor is an overridden dispose() (JS has no destructors).
// Qt's `this` (the tst_QPointer object) is a QObject subclass created per test.
//
// Not ported:
// - threadSafety: needs QThread and QThreadPool.
// - qvariantCast: needs QVariant/QMetaType (qPointerFromVariant) and QFile.
// - constPointer: compile-time C++ test of QPointer<const T> (no const types in TypeScript).
// - castDuringDestruction's QWidget block: needs QWidget (the QObject and DerivedParent blocks are ported).
// - equality_operators' QWidget comparisons: need QWidget (the QObject comparisons are ported).
import { expect } from 'chai';
import { QObject, QPointer } from '../../src/core/index.js';
import { coreHooks } from './helpers.js';

class TstQPointer extends QObject {
  me(): TstQPointer {
    return this;
  }
}

describe('tst_qpointer ports', () => {
  coreHooks();
  let self: TstQPointer;
  beforeEach(() => {
    self = new TstQPointer();
  });
  afterEach(() => {
    self.dispose();
  });

  it('constructors: default is null, constructed and copied pointers guard the object', () => {
    const p1 = new QPointer<QObject>();
    const p2 = new QPointer<QObject>(self);
    const p3 = new QPointer<QObject>(p2.data());
    expect(p1.data()).to.equal(new QPointer<QObject>(null).data());
    expect(p1.data()).to.equal(null);
    expect(p2.data()).to.equal(new QPointer<QObject>(self).data());
    expect(p2.data()).to.equal(self);
    expect(p3.data()).to.equal(self);
  });

  it('destructor: deleting the object zeroes every pointer to it', () => {
    // Make two QPointers to the same object
    const object = new QObject();
    const p1 = new QPointer(object);
    const p2 = new QPointer(object);
    // Check that they point to the correct object
    expect(p1.data()).to.equal(object);
    expect(p2.data()).to.equal(object);
    expect(p1.data()).to.equal(p2.data());
    // Destroy the guarded object
    object.dispose();
    // Check that both pointers were zeroed
    expect(p1.data()).to.equal(null);
    expect(p2.data()).to.equal(null);
    expect(p1.isNull()).to.equal(true);
    expect(p2.isNull()).to.equal(true);
  });

  it('assignment_operators: assigning this, null, an object and the same object again', () => {
    const p1 = new QPointer<QObject>();
    const p2 = new QPointer<QObject>();

    // Test assignment with a QObject-derived object pointer
    p1.set(self);
    p2.set(p1.data());
    expect(p1.data()).to.equal(self);
    expect(p2.data()).to.equal(self);
    expect(p1.data()).to.equal(new QPointer(p2.data()).data());

    // Test assignment with a null pointer
    p1.set(null);
    p2.set(p1.data());
    expect(p1.data()).to.equal(null);
    expect(p2.data()).to.equal(null);

    // Test assignment with a real QObject pointer
    const object = new QObject();
    p1.set(object);
    p2.set(p1.data());
    expect(p1.data()).to.equal(object);
    expect(p2.data()).to.equal(object);

    // Test assignment with the same pointer that's already guarded
    p1.set(object);
    p2.set(p1.data());
    expect(p1.data()).to.equal(object);
    expect(p2.data()).to.equal(object);

    // Cleanup (and the reassigned pointers still guard it)
    object.dispose();
    expect(p1.isNull()).to.equal(true);
    expect(p2.isNull()).to.equal(true);
  });

  it('equality_operators: pointers compare equal to each other, to the object and to null', () => {
    const p1 = new QPointer<QObject>();
    const p2 = new QPointer<QObject>();
    expect(p1.data() === p2.data()).to.equal(true);

    const object: QObject | null = null;
    p1.set(object);
    expect(p1.data() === p2.data()).to.equal(true);
    expect(p1.data() === object).to.equal(true);
    p2.set(object);
    expect(p2.data() === p1.data()).to.equal(true);
    expect(p2.data() === object).to.equal(true);

    p1.set(self);
    expect(p1.data() !== p2.data()).to.equal(true);
    p2.set(p1.data());
    expect(p1.data() === p2.data()).to.equal(true);

    // compare to zero
    p1.set(null);
    expect(p1.data() === null).to.equal(true);
    expect(p2.data() !== null).to.equal(true);
    expect(p1.data() === object).to.equal(true);
    expect(p2.data() !== object).to.equal(true);
  });

  it('swap: swapping moves the guarded object, which stays guarded until its scope ends', () => {
    const c1 = new QPointer<QObject>();
    const c2 = new QPointer<QObject>();
    {
      using o = new QObject(); // Qt: a stack QObject, destroyed at the end of the block
      c1.set(o);
      expect(c2.isNull()).to.equal(true);
      expect(c1.data()).to.equal(o);
      c1.swap(c2);
      expect(c1.isNull()).to.equal(true);
      expect(c2.data()).to.equal(o);
    }
    expect(c1.isNull()).to.equal(true);
    expect(c2.isNull()).to.equal(true);
  });

  it('isNull: null by default, not after assigning this, null again after assigning null', () => {
    const p1 = new QPointer<QObject>();
    expect(p1.isNull()).to.equal(true);
    p1.set(self);
    expect(p1.isNull()).to.equal(false);
    p1.set(null);
    expect(p1.isNull()).to.equal(true);
  });

  it('dereference_operators: the object is reached through the pointer; a null pointer gives null', () => {
    const p1 = new QPointer<TstQPointer>(self);
    const p2 = new QPointer<TstQPointer>();

    // operator->() -- only makes sense if not null
    const object: QObject = p1.data()!.me();
    expect(object).to.equal(self);

    // operator*() and operator T*()
    expect(p1.get()).to.equal(self);
    expect(p2.get()).to.equal(null);

    // data()
    expect(p1.data()).to.equal(self);
    expect(p2.data()).to.equal(null);
  });

  it('disconnect: the pointer stays guarded when all signals are disconnected', () => {
    const p1 = new QPointer<QObject>(new QObject());
    expect(p1.isNull()).to.equal(false);
    p1.data()!.disconnect();
    expect(p1.isNull()).to.equal(false);
    p1.data()!.dispose();
    expect(p1.isNull()).to.equal(true);
  });

  it('castDuringDestruction: a child sees its deleted parent as null; a child deleted by its parent\'s own destructor sees it', () => {
    // ChildObject: deleted by ~QObject of its parent, which has started, so the pointer is null.
    const seen: Array<QObject | null | 'not run'> = [];
    class ChildObject extends QObject {
      readonly guardedPointer: QPointer<QObject>;
      constructor(parent: QObject) {
        super(parent);
        this.guardedPointer = new QPointer(parent);
      }
      override dispose(): void {
        // Qt: ~ChildObject() compares static_cast and qobject_cast of guardedPointer to 0
        if (!seen.length) seen.push(this.guardedPointer.data());
        super.dispose();
      }
    }
    {
      const parentObject = new QObject();
      void new ChildObject(parentObject);
      parentObject.dispose();
    }
    expect(seen).to.deep.equal([null]);

    // DerivedParent deletes its child in its own destructor, before ~QObject: the parent is not
    // yet being deleted, so the child's guarded pointer still reads the parent.
    const childSaw: Array<{ guarded: QObject | null; raw: QObject }> = [];
    class DerivedChild extends QObject {
      readonly parentPointer: DerivedParent;
      readonly guardedParentPointer: QPointer<DerivedParent>;
      constructor(parent: DerivedParent) {
        super(parent);
        this.parentPointer = parent;
        this.guardedParentPointer = new QPointer(parent);
      }
      override dispose(): void {
        if (!childSaw.length) childSaw.push({ guarded: this.guardedParentPointer.data(), raw: this.parentPointer });
        super.dispose();
      }
    }
    class DerivedParent extends QObject {
      readonly derivedChild: DerivedChild;
      constructor() {
        super();
        this.derivedChild = new DerivedChild(this);
      }
      override dispose(): void {
        this.derivedChild.dispose(); // Qt: ~DerivedParent() { delete derivedChild; }
        super.dispose();
      }
    }
    const dp = new DerivedParent();
    dp.dispose();
    expect(childSaw).to.have.length(1);
    expect(childSaw[0]!.guarded).to.equal(dp);
    expect(childSaw[0]!.guarded).to.equal(childSaw[0]!.raw);
  });

  it('constQPointer: a const-bound pointer to a child still reads null after the child is deleted', () => {
    // Qt's `const QPointer<QObject> p` is shallow const; a JS `const` binding is the same.
    const o = new QObject(self);
    const p = new QPointer(o);
    o.dispose();
    expect(p.data()).to.equal(null);
    expect(self.children()).to.deep.equal([]);
  });
});
